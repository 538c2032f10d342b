"""Fixtures for the web tests: an app with seeded users and pipeline-made documents, on
SQLite and PostgreSQL (``db_settings``), and a lighter one on SQLite only (``settings``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from intake.config import Settings
from intake.web.app import create_app
from tests.web.seed import Seeded, seed


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives Debian's chromium with Playwright")


@pytest.fixture
def seeded(db_settings: Settings, tmp_path: Path) -> Seeded:
    return seed(db_settings, tmp_path)


@pytest.fixture
def client(db_settings: Settings, seeded: Seeded) -> Iterator[TestClient]:
    with TestClient(create_app(db_settings)) as test_client:
        yield test_client


@pytest.fixture
def users_only(settings: Settings, tmp_path: Path) -> Seeded:
    return seed(settings, tmp_path, with_documents=False)


@pytest.fixture
def light_client(settings: Settings, users_only: Seeded) -> Iterator[TestClient]:
    """SQLite, users but no documents: for tests about routes and auth, not data."""
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture
def seeded_sqlite(settings: Settings, tmp_path: Path) -> Seeded:
    return seed(settings, tmp_path)


@pytest.fixture
def ui_client(settings: Settings, seeded_sqlite: Seeded) -> Iterator[TestClient]:
    """SQLite with users and pipeline-made documents, for page tests."""
    with TestClient(create_app(settings)) as test_client:
        yield test_client
