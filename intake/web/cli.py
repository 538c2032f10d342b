"""``intake serve`` and ``intake users ...``; mounted by ``intake.cli``."""

from __future__ import annotations

from typing import Annotated

import typer

from intake.config import Settings
from intake.web.users import ROLE_NAMES, UserError, add_token, add_user, list_users

users_app = typer.Typer(help="Người dùng và mã API / users and API tokens.", no_args_is_help=True)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Chạy giao diện duyệt và REST API / serve the review UI and the REST API."""
    from intake.web.server import serve as run

    run(host, port, Settings())


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="Tên đăng nhập / login name.")],
    role: Annotated[str, typer.Option(help=f"One of: {', '.join(ROLE_NAMES)}.")] = "officer",
    full_name: Annotated[str | None, typer.Option(help="Họ và tên.")] = None,
    password: Annotated[
        str | None,
        typer.Option(help="Password (prompted when omitted; avoid on shared machines)."),
    ] = None,
) -> None:
    """Tạo người dùng / create a user (clerk, officer or admin)."""
    if password is None:
        password = typer.prompt("Mật khẩu / password", hide_input=True, confirmation_prompt=True)
    try:
        add_user(Settings(), name, role, password, full_name)
    except UserError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"Đã tạo / created: {name} ({role})")


@users_app.command("list")
def users_list() -> None:
    """Liệt kê người dùng / list users."""
    for name, role, active in list_users(Settings()):
        typer.echo(f"{name}\t{role}\t{'active' if active else 'disabled'}")


@users_app.command("token")
def users_token(
    name: Annotated[str, typer.Argument(help="User the token acts as.")],
    label: Annotated[str, typer.Option(help="What the token is for.")] = "api",
) -> None:
    """Cấp mã API (Bearer) / issue an API token; it is printed once."""
    try:
        token = add_token(Settings(), name, label)
    except UserError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    typer.echo(token)
