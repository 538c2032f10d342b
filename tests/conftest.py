"""Shared fixtures: settings in a temporary data dir, and the warehouse on SQLite and PostgreSQL.

PostgreSQL is the real server at 127.0.0.1:5432. Each test gets its own schema, dropped
afterwards. Tests skip PostgreSQL only when it is unreachable and INTAKE_REQUIRE_POSTGRES is
unset (CI sets it, so a missing server fails CI instead of silently skipping).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from intake.config import Settings

PG_URL = os.environ.get(
    "INTAKE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _postgres_reachable() -> bool:
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def postgres_available() -> bool:
    ok = _postgres_reachable()
    if not ok and os.environ.get("INTAKE_REQUIRE_POSTGRES"):
        pytest.fail(f"PostgreSQL required (INTAKE_REQUIRE_POSTGRES) but unreachable at {PG_URL}")
    return ok


@pytest.fixture
def pg_url(postgres_available: bool) -> Iterator[str]:
    if not postgres_available:
        pytest.skip("PostgreSQL unreachable at 127.0.0.1:5432")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'intake.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", workers=1)


@pytest.fixture
def db_settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(data_dir=tmp_path / "data", workers=1, database_url=database_url)
