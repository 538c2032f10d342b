"""User accounts and API tokens: the functions behind ``intake users ...`` and the admin page.

They take a SQLAlchemy session (or Settings, for the CLI) rather than a request, so the CLI,
the admin page and tests share one code path with the same checks.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake.config import Settings
from intake.warehouse.models_auth import ApiToken, User
from intake.warehouse.repository import Warehouse
from intake.web.security import digest, hash_password, new_token
from intake.web.text import nfc, nfc_or_none

ROLE_NAMES = ("clerk", "officer", "admin")
_NAME = re.compile(r"^[\w.\-@]{2,64}$")
TOKEN_PREFIX = "itk_"


class UserError(ValueError):
    """A user cannot be created or changed; the message says why (Vietnamese first)."""


def _check_role(role: str) -> str:
    if role not in ROLE_NAMES:
        raise UserError(f"Vai trò không hợp lệ / invalid role {role!r}: {', '.join(ROLE_NAMES)}")
    return role


def create_user(
    session: Session, name: str, role: str, password: str, full_name: str | None = None
) -> User:
    name = nfc(name).lower()
    if not _NAME.match(name):
        raise UserError("Tên đăng nhập chỉ gồm chữ, số, . - _ @ (2–64 ký tự) / invalid name")
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise UserError(f"Tên đăng nhập đã tồn tại / user exists: {name}")
    try:
        password_hash = hash_password(password)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    user = User(
        name=name,
        role=_check_role(role),
        password_hash=password_hash,
        full_name=nfc_or_none(full_name),
        active=True,
    )
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, user: User, password: str) -> None:
    try:
        user.password_hash = hash_password(password)
    except ValueError as exc:
        raise UserError(str(exc)) from exc


def set_role(user: User, role: str) -> None:
    user.role = _check_role(role)


def issue_token(session: Session, user: User, label: str) -> str:
    """Create an API token for ``user``; the returned secret is never stored or shown again."""
    token = new_token(TOKEN_PREFIX)
    session.add(
        ApiToken(user_id=user.id, label=nfc(label)[:128] or "api", token_sha256=digest(token))
    )
    session.flush()
    return token


def revoke_token(session: Session, token_id: int) -> bool:
    row = session.get(ApiToken, token_id)
    if row is None or row.revoked_at is not None:
        return False
    row.revoked_at = datetime.now(UTC)
    return True


def count_users(session: Session) -> int:
    return session.scalar(select(func.count(User.id))) or 0


# -- entry points for the CLI (``intake users ...``) -------------------------------------------
def add_user(
    settings: Settings, name: str, role: str, password: str, full_name: str | None = None
) -> int:
    """Create a user; returns its id. Raises :class:`UserError` with a readable message."""
    warehouse = Warehouse.open(settings)
    try:
        with warehouse.unit_of_work() as session:
            return create_user(session, name, role, password, full_name).id
    finally:
        warehouse.close()


def add_token(settings: Settings, name: str, label: str) -> str:
    """Issue an API token for an existing user; returns the secret (shown once)."""
    warehouse = Warehouse.open(settings)
    try:
        with warehouse.unit_of_work() as session:
            user = session.scalar(select(User).where(User.name == nfc(name).lower()))
            if user is None:
                raise UserError(f"Không có người dùng / no such user: {name}")
            return issue_token(session, user, label)
    finally:
        warehouse.close()


def list_users(settings: Settings) -> list[tuple[str, str, bool]]:
    warehouse = Warehouse.open(settings)
    try:
        with warehouse.sessions() as session:
            return [
                (u.name, u.role, u.active)
                for u in session.scalars(select(User).order_by(User.name))
            ]
    finally:
        warehouse.close()


def has_users(settings: Settings) -> bool:
    warehouse = Warehouse.open(settings)
    try:
        with warehouse.sessions() as session:
            return count_users(session) > 0
    finally:
        warehouse.close()
