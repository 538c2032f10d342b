"""The FastAPI application: REST API under ``/api``, Vietnamese review UI at ``/``.

``create_app(settings)`` opens (and migrates) the warehouse, loads the document-type schemas
and wires the routers; ``intake serve`` runs it with uvicorn. There is no Swagger UI: it would
load scripts from a CDN, which offices may not reach; the OpenAPI document is at
``/openapi.json``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from intake.config import Settings
from intake.warehouse.repository import Warehouse
from intake.web.context import AppContext
from intake.web.problems import NotAuthenticated, WebProblem
from intake.web.rendering import make_templates, render
from intake.web.routes import admin, auth, documents, pages, persons, reports, review, review_pages
from intake.web.uploads import UploadRunner
from intake.web.users import count_users
from schemas import load_schemas

log = logging.getLogger(__name__)
STATIC = Path(__file__).with_name("static")
FIRST_RUN_HINT = (
    "Chưa có tài khoản nào. Tạo tài khoản quản trị / no users yet, create the admin:\n"
    "    intake users add admin --role admin"
)

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


async def _problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, WebProblem)
    if _is_api(request):
        headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, NotAuthenticated) else None
        return JSONResponse({"detail": exc.detail}, exc.status_code, headers=headers)
    if isinstance(exc, NotAuthenticated):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='/')}", status_code=303)
    return render(request, "error.html", status_code=exc.status_code, message=exc.detail)


def create_app(settings: Settings) -> FastAPI:
    warehouse = Warehouse.open(settings)
    uploads = UploadRunner(settings, warehouse)
    ctx = AppContext(settings, warehouse, load_schemas(), uploads, make_templates())

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        with warehouse.sessions() as session:
            if count_users(session) == 0:
                log.warning(FIRST_RUN_HINT)
        uploads.resume()
        yield
        uploads.close()
        warehouse.close()

    app = FastAPI(
        title="Intake — Tiếp nhận và số hóa hồ sơ",
        version="0.1.0",
        summary="Document intake and Vietnamese OCR for one-stop administrative centres.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.ctx = ctx
    app.add_exception_handler(WebProblem, _problem)
    for module in (auth, documents, review, persons, reports, admin, pages, review_pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    return app
