"""Every route checks the caller's role. The table of routes is read from ``app.routes``, so a
route added later without ``require(role)`` or ``public`` makes these tests fail."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route

from intake.config import Settings
from intake.web.app import create_app
from tests.web.seed import Seeded, bearer

#: Routes FastAPI/Starlette add themselves, open on purpose.
FRAMEWORK_ROUTES = {"/openapi.json", "/static"}
LOWER = {"officer": "vanthu", "admin": "canbo"}  # role required -> a user one rank below


def _calls(dependant: Any) -> Iterator[Callable[..., Any]]:
    for dependency in dependant.dependencies:
        yield dependency.call
        yield from _calls(dependency)


def flat_routes(routes: list[Any]) -> Iterator[Any]:
    """Routes of included routers too (newer FastAPI wraps them; older lists them flat).
    Our routers are included without prefix or dependencies, so each route stands alone."""
    for route in routes:
        if hasattr(route, "original_router"):
            yield from flat_routes(route.original_router.routes)
        else:
            yield route


def route_table(settings: Settings) -> list[tuple[str, str, str | None]]:
    """(method, path, required role or None when public) for every route of the app."""
    app = create_app(settings)
    table = []
    for route in flat_routes(app.routes):
        if isinstance(route, APIRoute):
            calls = list(_calls(route.dependant))
            roles = [getattr(c, "required_role", None) for c in calls]
            declared = [r for r in roles if r]
            public = any(getattr(c, "is_public", False) for c in calls)
            assert declared or public, f"{route.path} declares no role: add require(...)"
            for method in sorted(route.methods - {"HEAD"}):
                table.append((method, route.path, None if public else declared[0]))
        else:
            assert isinstance(route, Route | Mount) and route.path in FRAMEWORK_ROUTES, route
    app.state.ctx.warehouse.close()
    return table


def _url(path: str) -> str:
    path = path.replace("{id_number}", "079203001234")
    return re.sub(r"\{[^}]+\}", "1", path)


def test_every_route_declares_a_role_or_is_public(settings: Settings) -> None:
    """Each APIRoute depends on require(role) or on public; nothing else is mounted."""
    table = route_table(settings)
    public = {path for _, path, role in table if role is None}
    assert public == {"/login"}
    assert ("PATCH", "/api/documents/{document_id}/fields", "officer") in table
    assert ("GET", "/api/settings", "admin") in table


def test_lower_role_gets_403_everywhere(
    light_client: TestClient, users_only: Seeded, settings: Settings
) -> None:
    """A clerk gets 403 on every officer route, an officer on every admin route (before any
    lookup or validation, so the answer does not depend on the data)."""
    checked = 0
    for method, path, role in route_table(settings):
        if role not in LOWER:
            continue
        headers = bearer(users_only.tokens[LOWER[role]])
        response = light_client.request(method, _url(path), headers=headers, json={})
        assert response.status_code == 403, (method, path, response.status_code)
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize("with_bad_token", [False, True])
def test_anonymous_gets_401_or_the_login_page(
    light_client: TestClient, settings: Settings, with_bad_token: bool
) -> None:
    """Without credentials (or with an unknown token) API routes answer 401 with a Bearer
    challenge and pages redirect to the login page."""
    headers = bearer("itk_not-a-token") if with_bad_token else {}
    for method, path, role in route_table(settings):
        if role is None:
            continue
        response = light_client.request(method, _url(path), headers=headers, follow_redirects=False)
        if path.startswith("/api/"):
            assert response.status_code == 401, (method, path)
            assert response.headers["www-authenticate"] == "Bearer"
        else:
            assert response.status_code == 303, (method, path)
            assert response.headers["location"].startswith("/login?next=")
