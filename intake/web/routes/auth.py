"""Signing in and out of the browser UI, and ``/api/me``.

The login form is protected against CSRF by a double-submit cookie (there is no session yet);
failed attempts are throttled per user name and address, and both outcomes are audited.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from intake.warehouse.models_auth import AuditEntry, User
from intake.web import audit
from intake.web.api_models import Me
from intake.web.auth import SESSION_COOKIE, Clerk, Ctx, end_session, new_session, public
from intake.web.rendering import render
from intake.web.routes.common import API_ERRORS
from intake.web.security import new_token, same, verify_password
from intake.web.text import nfc
from intake.web.users import count_users

router = APIRouter(tags=["auth"])
LOGIN_CSRF_COOKIE = "intake_login_csrf"
MAX_FAILURES, WINDOW_SECONDS = 5, 600


class Throttle:
    """At most MAX_FAILURES failed logins per (name, address) in WINDOW_SECONDS."""

    def __init__(self) -> None:
        self.failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)

    def blocked(self, key: tuple[str, str]) -> bool:
        times = self.failures[key]
        while times and times[0] < time.monotonic() - WINDOW_SECONDS:
            times.popleft()
        return len(times) >= MAX_FAILURES

    def fail(self, key: tuple[str, str]) -> None:
        self.failures[key].append(time.monotonic())

    def clear(self, key: tuple[str, str]) -> None:
        self.failures.pop(key, None)


throttle = Throttle()


def safe_next(target: str | None) -> str:
    """Only a local path: never redirect a signed-in officer to another site."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


def _login_page(
    request: Request, ctx: Ctx, error: str | None, next_url: str, status_code: int = 200
) -> HTMLResponse:
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or new_token()
    with ctx.warehouse.sessions() as session:
        first_run = count_users(session) == 0
    response = render(
        request,
        "login.html",
        status_code=status_code,
        error=error,
        login_csrf=token,
        next_url=next_url,
        first_run=first_run,
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.get(
    "/login", response_class=HTMLResponse, include_in_schema=False, dependencies=[Depends(public)]
)
def login_form(request: Request, ctx: Ctx, next: str | None = None) -> HTMLResponse:
    return _login_page(request, ctx, None, safe_next(next))


@router.post("/login", include_in_schema=False, dependencies=[Depends(public)])
def login(
    request: Request,
    ctx: Ctx,
    name: Annotated[str, Form(max_length=128)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf_token: Annotated[str, Form(max_length=128)] = "",
    next: Annotated[str, Form(max_length=2048)] = "/",
) -> Response:
    name = nfc(name).lower()
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not same(cookie, csrf_token):
        return _login_page(
            request, ctx, "Phiên đăng nhập đã hết hạn, hãy thử lại.", safe_next(next), 403
        )
    addr = request.client.host if request.client else ""
    key = (name, addr)
    if throttle.blocked(key):
        return _login_page(
            request, ctx, "Sai quá nhiều lần. Hãy thử lại sau 10 phút.", safe_next(next), 429
        )
    with ctx.warehouse.unit_of_work() as session:
        user = session.scalar(select(User).where(User.name == name))
        ok = verify_password(user.password_hash if user else None, password)
        ok = ok and user is not None and user.active
        session.add(
            AuditEntry(
                user_id=user.id if user else None,
                user_name=name or "?",
                action="login" if ok else "login_failed",
                remote_addr=addr,
            )
        )
        user_id = user.id if user and ok else None
    if user_id is None:
        throttle.fail(key)
        return _login_page(
            request, ctx, "Tên đăng nhập hoặc mật khẩu không đúng.", safe_next(next), 401
        )
    throttle.clear(key)
    token, csrf = new_token(), new_token()
    new_session(ctx, user_id, token, csrf)
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE, token, httponly=True, samesite="lax", secure=request.url.scheme == "https"
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


@router.post("/logout", include_in_schema=False)
def logout(request: Request, principal: Clerk, ctx: Ctx) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        end_session(ctx, token)
    with ctx.warehouse.unit_of_work() as session:
        audit.record(session, principal, "logout")
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/api/me", response_model=Me, responses=API_ERRORS, summary="Who am I")
def me(principal: Clerk) -> Me:
    return Me(name=principal.name, role=principal.role)
