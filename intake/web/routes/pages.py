"""Intake pages: the home redirect, uploading, "my uploads" and the document search."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from intake.warehouse.models_auth import Upload
from intake.web.auth import Clerk, Ctx
from intake.web.labels import STATUS
from intake.web.problems import Invalid, TooLarge
from intake.web.queries import Filters, search, summaries
from intake.web.rendering import render
from intake.web.routes.documents import accept_upload
from intake.web.text import nfc_or_none

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


@router.get("/")
def home(principal: Clerk) -> Response:
    """Officers land on their work (the review queue), clerks on the upload page."""
    return RedirectResponse("/review" if principal.at_least("officer") else "/upload", 303)


def _uploads_page(
    request: Request, ctx: Ctx, principal: Clerk, error: str | None = None, status_code: int = 200
) -> HTMLResponse:
    stmt = select(Upload).order_by(Upload.id.desc()).limit(100)
    if not principal.sees_all_documents:
        stmt = stmt.where(Upload.user_id == principal.user_id)
    with ctx.warehouse.sessions() as session:
        uploads = list(session.scalars(stmt))
    return render(request, "upload.html", uploads=uploads, error=error, status_code=status_code)


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, principal: Clerk, ctx: Ctx) -> HTMLResponse:
    return _uploads_page(request, ctx, principal)


@router.post("/upload")
def upload(
    request: Request, principal: Clerk, ctx: Ctx, file: Annotated[UploadFile, File()]
) -> Response:
    try:
        accept_upload(ctx, principal, file)
    except (Invalid, TooLarge) as exc:
        return _uploads_page(request, ctx, principal, exc.detail, exc.status_code)
    return RedirectResponse("/upload?ok=uploaded", status_code=303)


@router.get("/documents", response_class=HTMLResponse)
def search_page(
    request: Request,
    principal: Clerk,
    ctx: Ctx,
    doc_type: Annotated[str | None, Query(max_length=64)] = None,
    status: Annotated[str | None, Query(max_length=32)] = None,
    received_from: Annotated[str | None, Query(max_length=10)] = None,
    received_to: Annotated[str | None, Query(max_length=10)] = None,
    id_number: Annotated[str | None, Query(max_length=32)] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    filters = Filters(
        doc_type=nfc_or_none(doc_type),
        status=status if status in STATUS else None,
        received_from=_date(received_from),
        received_to=_date(received_to),
        id_number="".join((id_number or "").split()) or None,
        q=nfc_or_none(q),
    )
    with ctx.warehouse.sessions() as session:
        rows, total = search(session, principal, filters, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        items = summaries(session, ctx.schemas, rows)
    return render(
        request,
        "documents.html",
        rows=items,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        filters=filters,
        query=request.url.query,
    )


def _date(value: str | None) -> date | None:
    """Dates from the browser's date input; anything else is ignored, not an error page."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
