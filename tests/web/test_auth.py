"""Signing in: argon2 passwords, server-side sessions, CSRF on cookie-authenticated writes,
tokens, throttling, the user functions behind the CLI, and the migration that adds the
tables."""

from __future__ import annotations

import re

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select
from typer.testing import CliRunner

from intake.config import Settings
from intake.warehouse import db
from intake.warehouse.models_auth import AuditEntry, User
from intake.warehouse.repository import Warehouse
from intake.web.cli import users_app
from intake.web.users import UserError, add_user
from tests.web.seed import PASSWORD, Seeded, bearer

WEB_TABLES = {"users", "api_tokens", "web_sessions", "audit_log", "uploads", "document_reviews"}


def login(client: TestClient, name: str, password: str = PASSWORD, next_url: str = "/"):  # type: ignore[no-untyped-def]
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token, page.text
    return client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": token.group(1), "next": next_url},
        follow_redirects=False,
    )


def csrf_of(client: TestClient, path: str = "/upload") -> str:
    match = re.search(r'<meta name="csrf-token" content="([^"]+)"', client.get(path).text)
    assert match
    return match.group(1)


def test_login_logout_and_wrong_password(light_client: TestClient, settings: Settings) -> None:
    """A wrong password gets 401 and an audit entry; the right one a session cookie and a
    redirect to the (local) next page; logging out ends the session on the server."""
    assert login(light_client, "canbo", "sai-mat-khau").status_code == 401
    response = login(light_client, "CanBo", next_url="/dashboard")
    assert response.status_code == 303 and response.headers["location"] == "/dashboard"
    assert "httponly" in response.headers["set-cookie"].lower()
    assert light_client.get("/api/me").json() == {"name": "canbo", "role": "officer"}
    assert "Hàng đợi duyệt" in light_client.get("/review").text

    csrf = csrf_of(light_client)
    assert (
        light_client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False).status_code
        == 303
    )
    assert light_client.get("/api/me").status_code == 401
    warehouse = Warehouse.open(settings)
    with warehouse.sessions() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    warehouse.close()
    assert actions[:2] == ["login_failed", "login"]


def test_redirect_after_login_stays_on_this_site(light_client: TestClient) -> None:
    """next=//evil.example or an absolute URL is replaced by "/"."""
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        response = login(light_client, "canbo", next_url=target)
        assert response.headers["location"] == "/"


def test_login_form_needs_its_csrf_cookie(light_client: TestClient) -> None:
    """A login POST without the token from the form's cookie is refused (login CSRF)."""
    response = light_client.post(
        "/login", data={"name": "canbo", "password": PASSWORD, "csrf_token": "forged"}
    )
    assert response.status_code == 403


def test_cookie_writes_need_the_csrf_token(light_client: TestClient) -> None:
    """With a session cookie, a write without X-CSRF-Token is 403; with it the request goes
    through to the handler (here: 404, no such document)."""
    login(light_client, "canbo")
    body = {"version": 1, "fields": {"full_name": "A"}}
    assert light_client.patch("/api/documents/1/fields", json=body).status_code == 403
    bad = light_client.patch(
        "/api/documents/1/fields", json=body, headers={"X-CSRF-Token": "wrong"}
    )
    assert bad.status_code == 403
    ok = light_client.patch(
        "/api/documents/1/fields", json=body, headers={"X-CSRF-Token": csrf_of(light_client)}
    )
    assert ok.status_code == 404


def test_repeated_failures_are_throttled(light_client: TestClient) -> None:
    """After five wrong passwords for one name, even the right one is refused for a while."""
    for _ in range(5):
        assert login(light_client, "vanthu2", "sai-mat-khau").status_code == 401
    assert login(light_client, "vanthu2").status_code == 429


def test_revoked_tokens_and_disabled_users_are_refused(
    light_client: TestClient, users_only: Seeded, settings: Settings
) -> None:
    """An admin revokes a token on the admin page and disables a user: both stop working."""
    admin = bearer(users_only.tokens["quantri"])
    clerk = bearer(users_only.tokens["vanthu"])
    assert light_client.get("/api/me", headers=clerk).status_code == 200
    page = light_client.get("/admin/users", headers=admin).text
    token_ids = re.findall(r'action="/admin/tokens/(\d+)/revoke"', page)
    warehouse = Warehouse.open(settings)
    with warehouse.sessions() as session:
        officer = session.scalar(select(User).where(User.name == "canbo"))
        assert officer is not None
        officer_id = officer.id
    warehouse.close()
    # tokens are listed newest first; the clerk "vanthu" got the third one
    response = light_client.post(
        f"/admin/tokens/{sorted(map(int, token_ids))[2]}/revoke",
        headers=admin,
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert light_client.get("/api/me", headers=clerk).status_code == 401
    response = light_client.post(
        f"/admin/users/{officer_id}",
        headers=admin,
        data={"role": "officer"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert (
        light_client.get("/api/me", headers=bearer(users_only.tokens["canbo"])).status_code == 401
    )


def test_admin_creates_users_and_tokens_shown_once(
    light_client: TestClient, users_only: Seeded, settings: Settings
) -> None:
    """The admin page creates a user (NFC name, argon2 hash) and issues a token whose secret
    appears once on the response page and works as a Bearer token."""
    admin = bearer(users_only.tokens["quantri"])
    response = light_client.post(
        "/admin/users",
        headers=admin,
        follow_redirects=False,
        data={
            "name": "tiepnhan",
            "role": "clerk",
            "password": "mật khẩu dài",
            "full_name": "Phạm Thu",
        },
    )
    assert response.status_code == 303
    short = light_client.post(
        "/admin/users", headers=admin, data={"name": "x2", "role": "clerk", "password": "ngan"}
    )
    assert short.status_code == 422 and "ít nhất 8" in short.text
    warehouse = Warehouse.open(settings)
    with warehouse.sessions() as session:
        user = session.scalar(select(User).where(User.name == "tiepnhan"))
        assert user is not None and user.password_hash.startswith("$argon2")
        user_id = user.id
    warehouse.close()
    issued = light_client.post(
        f"/admin/users/{user_id}/tokens", headers=admin, data={"label": "một cửa điện tử"}
    )
    token = re.search(r'<pre id="new-token">([^<]+)</pre>', issued.text)
    assert token
    me = light_client.get("/api/me", headers=bearer(token.group(1))).json()
    assert me == {"name": "tiepnhan", "role": "clerk"}
    assert token.group(1) not in light_client.get("/admin/users", headers=admin).text


def test_add_user_and_the_users_cli(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """add_user stores an argon2 hash, refuses duplicates, bad roles and short passwords; the
    `users` Typer app creates a user and prints a token."""
    user_id = add_user(settings, "Admin", "admin", "mật khẩu quản trị")
    assert user_id > 0
    for name, role, password in (
        ("admin", "admin", "mật khẩu 123"),
        ("x1", "boss", "mật khẩu 123"),
        ("x1", "clerk", "ngắn"),
    ):
        with pytest.raises(UserError):
            add_user(settings, name, role, password)
    warehouse = Warehouse.open(settings)
    with warehouse.sessions() as session:
        user = session.get(User, user_id)
        assert user is not None and user.password_hash.startswith("$argon2")
    warehouse.close()

    monkeypatch.setenv("INTAKE_DATA_DIR", str(settings.data_dir))
    runner = CliRunner()
    result = runner.invoke(
        users_app, ["add", "canbo1", "--role", "officer", "--password", "mật khẩu cán bộ"]
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(users_app, ["token", "canbo1", "--label", "tests"])
    assert result.exit_code == 0 and result.output.strip().startswith("itk_")
    assert "canbo1\tofficer\tactive" in runner.invoke(users_app, ["list"]).output


def test_migration_0002_adds_and_removes_the_web_tables(db_settings: Settings) -> None:
    """Upgrading creates the web tables next to the warehouse ones; downgrading to 0001 drops
    exactly them; upgrading again restores them."""
    warehouse = Warehouse.open(db_settings)
    engine = warehouse.engine
    assert set(sa_inspect(engine).get_table_names()) >= WEB_TABLES
    cfg = Config()
    cfg.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0001")
    tables = set(sa_inspect(engine).get_table_names())
    assert not (WEB_TABLES & tables) and "documents" in tables
    db.upgrade(engine)
    assert set(sa_inspect(engine).get_table_names()) >= WEB_TABLES
    warehouse.close()
