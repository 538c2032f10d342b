"""Who is calling, and may they: bearer tokens for integrators, session cookies for browsers,
CSRF for cookie-authenticated writes, and one role check per route.

Every route declares either ``Depends(require(role))`` or ``Depends(public)``; the test
``tests/web/test_roles.py`` walks ``app.routes`` and fails on a route that declares neither, so
a new endpoint cannot ship without a role check.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Literal

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import select

from intake.warehouse.models_auth import ApiToken, User, WebSession
from intake.web.context import AppContext, get_ctx
from intake.web.problems import Forbidden, NotAuthenticated
from intake.web.security import digest, same

Role = Literal["clerk", "officer", "admin"]
ROLES: tuple[Role, ...] = ("clerk", "officer", "admin")
_RANK = {role: rank for rank, role in enumerate(ROLES, start=1)}

SESSION_COOKIE = "intake_session"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SESSION_HOURS = 12
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: A token's last use is written at most this often, not on every request.
TOKEN_TOUCH_INTERVAL = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Principal:
    user_id: int
    name: str
    role: Role
    via: Literal["token", "session"]
    csrf_token: str | None = None
    remote_addr: str | None = None

    def at_least(self, role: Role) -> bool:
        return _RANK[self.role] >= _RANK[role]

    @property
    def sees_all_documents(self) -> bool:
        """Clerks see only what they uploaded; officers and admins see the warehouse."""
        return self.at_least("officer")


def _as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _by_token(ctx: AppContext, token: str, addr: str | None) -> Principal | None:
    now = datetime.now(UTC)
    with ctx.warehouse.unit_of_work() as session:
        row = session.execute(
            select(ApiToken, User)
            .join(User, User.id == ApiToken.user_id)
            .where(ApiToken.token_sha256 == digest(token), ApiToken.revoked_at.is_(None))
        ).first()
        if row is None or not row.User.active:
            return None
        api_token, user = row.ApiToken, row.User
        last = api_token.last_used_at
        if last is None or now - _as_utc(last) > TOKEN_TOUCH_INTERVAL:
            api_token.last_used_at = now
        return Principal(user.id, user.name, user.role, "token", None, addr)  # type: ignore[arg-type]


def _by_session(ctx: AppContext, token: str, addr: str | None) -> Principal | None:
    with ctx.warehouse.sessions() as session:
        row = session.execute(
            select(WebSession, User)
            .join(User, User.id == WebSession.user_id)
            .where(WebSession.token_sha256 == digest(token))
        ).first()
        if row is None or not row.User.active:
            return None
        if _as_utc(row.WebSession.expires_at) < datetime.now(UTC):
            return None
        user = row.User
        return Principal(
            user.id,
            user.name,
            user.role,
            "session",
            row.WebSession.csrf_token,
            addr,  # type: ignore[arg-type]
        )


async def _check_csrf(request: Request, principal: Principal) -> None:
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        value = (await request.form()).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent or not principal.csrf_token or not same(sent, principal.csrf_token):
        raise Forbidden("Phiên làm việc không hợp lệ (CSRF). Hãy tải lại trang và thử lại.")


async def authenticate(request: Request) -> Principal:
    """The caller, from ``Authorization: Bearer`` or the session cookie; 401 when neither."""
    ctx = get_ctx(request)
    addr = request.client.host if request.client else None
    header = request.headers.get("authorization", "")
    principal: Principal | None = None
    if header[:7].lower() == "bearer ":
        principal = await run_in_threadpool(_by_token, ctx, header[7:].strip(), addr)
    elif cookie := request.cookies.get(SESSION_COOKIE):
        principal = await run_in_threadpool(_by_session, ctx, cookie, addr)
        if principal is not None and request.method not in SAFE_METHODS:
            await _check_csrf(request, principal)
    if principal is None:
        raise NotAuthenticated("Cần đăng nhập / authentication required")
    request.state.principal = principal
    return principal


def require(role: Role) -> Callable[..., Awaitable[Principal]]:
    """A dependency that lets through users of ``role`` or higher, 403 for the others."""

    async def check(principal: Annotated[Principal, Depends(authenticate)]) -> Principal:
        if not principal.at_least(role):
            raise Forbidden("Bạn không có quyền thực hiện thao tác này / forbidden")
        return principal

    check.required_role = role  # type: ignore[attr-defined]
    check.__name__ = f"require_{role}"
    return check


async def public() -> None:
    """Marks a route as deliberately open (login page, static files)."""


public.is_public = True  # type: ignore[attr-defined]

Clerk = Annotated[Principal, Depends(require("clerk"))]
Officer = Annotated[Principal, Depends(require("officer"))]
Admin = Annotated[Principal, Depends(require("admin"))]
Ctx = Annotated[AppContext, Depends(get_ctx)]


def new_session(ctx: AppContext, user_id: int, token: str, csrf: str) -> None:
    expires = datetime.now(UTC) + timedelta(hours=SESSION_HOURS)
    with ctx.warehouse.unit_of_work() as session:
        session.add(
            WebSession(
                token_sha256=digest(token), user_id=user_id, csrf_token=csrf, expires_at=expires
            )
        )
        user = session.get(User, user_id)
        if user is not None:
            user.last_login_at = datetime.now(UTC)


def end_session(ctx: AppContext, token: str) -> None:
    with ctx.warehouse.unit_of_work() as session:
        for row in session.scalars(
            select(WebSession).where(WebSession.token_sha256 == digest(token))
        ):
            session.delete(row)
