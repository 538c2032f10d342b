"""The review pages: the queue, one document with its page images and field boxes, and the
form posts behind its buttons.

The page works without JavaScript (each form posts here and redirects back); with the small
``review.js`` the officer instead saves one field per Enter through the JSON API. Both paths
end in :mod:`intake.web.corrections`, so the rules and the audit trail are the same.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from intake.web import audit, corrections
from intake.web.access import load_document
from intake.web.auth import Clerk, Ctx, Officer, Principal
from intake.web.bounds import IdForm, RowId, VersionForm
from intake.web.document_page import build_page
from intake.web.document_view import build_detail
from intake.web.problems import Conflict, Invalid
from intake.web.queries import review_queue, summaries
from intake.web.rendering import render

router = APIRouter(include_in_schema=False)
FIELD_PREFIX = "f:"


@router.get("/review", response_class=HTMLResponse)
def queue_page(request: Request, principal: Officer, ctx: Ctx) -> HTMLResponse:
    with ctx.warehouse.sessions() as session:
        rows = summaries(session, ctx.schemas, review_queue(session, principal, 200))
    return render(request, "queue.html", rows=rows)


def _document_page(
    request: Request,
    ctx: Ctx,
    principal: Principal,
    document_id: RowId,
    *,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    with ctx.warehouse.unit_of_work() as session:
        document = load_document(session, principal, document_id)
        audit.record(session, principal, "view_document", document_id=document.id)
        detail = build_detail(session, ctx.schemas, document)
        page = build_page(session, ctx.schemas, document, detail, principal.at_least("officer"))
    return render(
        request,
        "document.html",
        status_code=status_code,
        page=page,
        d=page.detail,
        can_edit=principal.at_least("officer"),
        error=error,
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: RowId, principal: Clerk, ctx: Ctx) -> HTMLResponse:
    return _document_page(request, ctx, principal, document_id)


def _back(document_id: RowId, ok: str) -> RedirectResponse:
    return RedirectResponse(f"/documents/{document_id}?ok={ok}", status_code=303)


@router.post("/documents/{document_id}/fields")
async def save_fields(
    request: Request, document_id: RowId, principal: Officer, ctx: Ctx
) -> Response:
    form = await request.form()
    try:
        version = int(str(form.get("version", "")))
    except ValueError:
        version = -1
    changes = {
        str(key)[len(FIELD_PREFIX) :]: str(value)
        for key, value in form.multi_items()
        if str(key).startswith(FIELD_PREFIX) and isinstance(value, str)
    }
    reason = str(form.get("reason", "")) or None
    return await run_in_threadpool(
        _save_fields, request, ctx, principal, document_id, version, changes, reason
    )


def _save_fields(
    request: Request,
    ctx: Ctx,
    principal: Principal,
    document_id: RowId,
    version: int,
    changes: dict[str, str],
    reason: str | None,
) -> Response:
    try:
        with corrections.editing(ctx.warehouse, principal, document_id, version) as (
            session,
            document,
        ):
            changed = corrections.correct_fields(
                session, ctx.schemas, principal, document, changes, reason
            )
    except (Conflict, Invalid) as exc:
        return _document_page(
            request, ctx, principal, document_id, error=exc.detail, status_code=exc.status_code
        )
    return _back(document_id, "saved" if changed else "nochange")


@router.post("/documents/{document_id}/type")
def change_type(
    request: Request,
    document_id: RowId,
    principal: Officer,
    ctx: Ctx,
    version: VersionForm,
    doc_type: Annotated[str, Form(max_length=64)],
) -> Response:
    try:
        with corrections.editing(ctx.warehouse, principal, document_id, version) as (
            session,
            document,
        ):
            corrections.set_doc_type(session, ctx.schemas, principal, document, doc_type)
    except (Conflict, Invalid) as exc:
        return _document_page(
            request, ctx, principal, document_id, error=exc.detail, status_code=exc.status_code
        )
    return _back(document_id, "type")


@router.post("/documents/{document_id}/confirm")
def confirm(
    request: Request,
    document_id: RowId,
    principal: Officer,
    ctx: Ctx,
    version: VersionForm,
) -> Response:
    try:
        with corrections.editing(ctx.warehouse, principal, document_id, version) as (
            session,
            document,
        ):
            corrections.confirm(session, principal, document)
    except Conflict as exc:
        return _document_page(
            request, ctx, principal, document_id, error=exc.detail, status_code=exc.status_code
        )
    return RedirectResponse("/review?ok=confirmed", status_code=303)


@router.post("/documents/{document_id}/duplicates")
def mark_duplicate(
    request: Request,
    document_id: RowId,
    principal: Officer,
    ctx: Ctx,
    version: VersionForm,
    other_id: IdForm,
    kind: Annotated[str, Form(max_length=16)] = "same_record",
) -> Response:
    try:
        if kind not in ("exact", "near", "same_record"):
            raise Invalid("Kiểu trùng không hợp lệ")
        with corrections.editing(ctx.warehouse, principal, document_id, version) as (
            session,
            document,
        ):
            corrections.mark_duplicate(session, principal, document, other_id, kind)
    except (Conflict, Invalid) as exc:
        return _document_page(
            request, ctx, principal, document_id, error=exc.detail, status_code=exc.status_code
        )
    return _back(document_id, "dup")


@router.post("/documents/{document_id}/duplicates/{other_id}/clear")
def clear_duplicate(
    request: Request,
    document_id: RowId,
    other_id: RowId,
    principal: Officer,
    ctx: Ctx,
    version: VersionForm,
) -> Response:
    try:
        with corrections.editing(ctx.warehouse, principal, document_id, version) as (
            session,
            document,
        ):
            corrections.clear_duplicate(session, principal, document, other_id)
    except Conflict as exc:
        return _document_page(
            request, ctx, principal, document_id, error=exc.detail, status_code=exc.status_code
        )
    return _back(document_id, "undup")
