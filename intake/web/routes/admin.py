"""Administration: users, roles, API tokens, and the effective settings (read-only).

New tokens are shown once on the page that created them and never again (only their hash is
kept). Every change is audited.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.engine import make_url

from intake.warehouse.models_auth import ApiToken, User
from intake.web import audit
from intake.web.auth import Admin, Ctx
from intake.web.bounds import RowId
from intake.web.problems import NotFound
from intake.web.rendering import render
from intake.web.routes.common import API_ERRORS
from intake.web.users import (
    UserError,
    create_user,
    issue_token,
    revoke_token,
    set_password,
    set_role,
)

router = APIRouter(tags=["admin"])


def _users_page(
    request: Request,
    ctx: Ctx,
    *,
    error: str | None = None,
    new_token: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    with ctx.warehouse.sessions() as session:
        users = list(session.scalars(select(User).order_by(User.name)))
        tokens = list(session.scalars(select(ApiToken).order_by(ApiToken.id.desc())))
    names = {u.id: u.name for u in users}
    return render(
        request,
        "users.html",
        status_code=status_code,
        users=users,
        tokens=tokens,
        names=names,
        error=error,
        new_token=new_token,
        settings=public_settings(ctx),
    )


@router.get("/admin/users", response_class=HTMLResponse, include_in_schema=False)
def users_page(request: Request, principal: Admin, ctx: Ctx) -> HTMLResponse:
    return _users_page(request, ctx)


@router.post("/admin/users", include_in_schema=False)
def add_user(
    request: Request,
    principal: Admin,
    ctx: Ctx,
    name: Annotated[str, Form(max_length=128)],
    role: Annotated[str, Form(max_length=16)],
    password: Annotated[str, Form(max_length=1024)],
    full_name: Annotated[str, Form(max_length=256)] = "",
) -> Response:
    try:
        with ctx.warehouse.unit_of_work() as session:
            user = create_user(session, name, role, password, full_name)
            audit.record(session, principal, "user_created", target=user.name, new=user.role)
    except UserError as exc:
        return _users_page(request, ctx, error=str(exc), status_code=422)
    return RedirectResponse("/admin/users?ok=user", status_code=303)


@router.post("/admin/users/{user_id}", include_in_schema=False)
def change_user(
    request: Request,
    user_id: RowId,
    principal: Admin,
    ctx: Ctx,
    role: Annotated[str, Form(max_length=16)],
    active: Annotated[str, Form(max_length=8)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
) -> Response:
    try:
        with ctx.warehouse.unit_of_work() as session:
            user = session.get(User, user_id)
            if user is None:
                raise NotFound("Không có người dùng này")
            old = f"{user.role}, {'hoạt động' if user.active else 'khóa'}"
            set_role(user, role)
            user.active = bool(active) or user.id == principal.user_id  # never lock yourself out
            if password:
                set_password(session, user, password)
            new = f"{user.role}, {'hoạt động' if user.active else 'khóa'}"
            audit.record(
                session,
                principal,
                "user_changed",
                target=user.name,
                old=old,
                new=new,
                detail={"password_reset": bool(password)},
            )
    except UserError as exc:
        return _users_page(request, ctx, error=str(exc), status_code=422)
    return RedirectResponse("/admin/users?ok=user", status_code=303)


@router.post("/admin/users/{user_id}/tokens", response_class=HTMLResponse, include_in_schema=False)
def add_token(
    request: Request,
    user_id: RowId,
    principal: Admin,
    ctx: Ctx,
    label: Annotated[str, Form(max_length=128)] = "api",
) -> HTMLResponse:
    with ctx.warehouse.unit_of_work() as session:
        user = session.get(User, user_id)
        if user is None:
            raise NotFound("Không có người dùng này")
        token = issue_token(session, user, label)
        audit.record(session, principal, "token_issued", target=user.name, new=label)
    return _users_page(request, ctx, new_token=token)


@router.post("/admin/tokens/{token_id}/revoke", include_in_schema=False)
def revoke(token_id: RowId, principal: Admin, ctx: Ctx) -> Response:
    with ctx.warehouse.unit_of_work() as session:
        if not revoke_token(session, token_id):
            raise NotFound("Không có mã API này")
        audit.record(session, principal, "token_revoked", target=f"token:{token_id}")
    return RedirectResponse("/admin/users?ok=revoked", status_code=303)


@router.get("/api/settings", responses=API_ERRORS, summary="Effective settings (admin)")
def settings(principal: Admin, ctx: Ctx) -> dict[str, Any]:
    return public_settings(ctx)


def public_settings(ctx: Ctx) -> dict[str, Any]:
    """The settings with any database password masked."""
    values = ctx.settings.public_dict()
    if values.get("database_url"):
        url = make_url(values["database_url"])
        values["database_url"] = url.render_as_string(hide_password=True)
    return values
