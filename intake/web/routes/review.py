"""Review API: the queue, field corrections, document type, confirmation, duplicates, history.

Each write carries the ``version`` the caller read; a stale one gets 409 and nothing changes.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from intake.web import audit, corrections
from intake.web.access import load_document
from intake.web.api_models import (
    AuditView,
    Confirmation,
    DocumentDetail,
    DocumentSummary,
    DuplicateMark,
    FieldCorrection,
    TypeChange,
)
from intake.web.auth import Ctx, Officer
from intake.web.bounds import RowId, VersionQuery
from intake.web.document_view import build_detail
from intake.web.queries import review_queue, summaries
from intake.web.routes.common import errors

router = APIRouter(prefix="/api", tags=["review"], responses=errors(401, 403, 404, 409, 422))


@router.get("/review/queue", response_model=list[DocumentSummary], summary="Review queue")
def queue(
    principal: Officer, ctx: Ctx, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> list[DocumentSummary]:
    with ctx.warehouse.sessions() as session:
        return summaries(session, ctx.schemas, review_queue(session, principal, limit))


@router.patch(
    "/documents/{document_id}/fields", response_model=DocumentDetail, summary="Correct fields"
)
def correct(
    document_id: RowId, body: FieldCorrection, principal: Officer, ctx: Ctx
) -> DocumentDetail:
    with corrections.editing(ctx.warehouse, principal, document_id, body.version) as (
        session,
        document,
    ):
        corrections.correct_fields(
            session, ctx.schemas, principal, document, dict(body.fields), body.reason
        )
        return build_detail(session, ctx.schemas, document)


@router.put(
    "/documents/{document_id}/type",
    response_model=DocumentDetail,
    summary="Change the document type",
)
def change_type(
    document_id: RowId, body: TypeChange, principal: Officer, ctx: Ctx
) -> DocumentDetail:
    with corrections.editing(ctx.warehouse, principal, document_id, body.version) as (
        session,
        document,
    ):
        corrections.set_doc_type(session, ctx.schemas, principal, document, body.doc_type)
        return build_detail(session, ctx.schemas, document)


@router.post(
    "/documents/{document_id}/confirm",
    response_model=DocumentDetail,
    summary="Confirm type and fields (reviewed)",
)
def confirm(document_id: RowId, body: Confirmation, principal: Officer, ctx: Ctx) -> DocumentDetail:
    with corrections.editing(ctx.warehouse, principal, document_id, body.version) as (
        session,
        document,
    ):
        corrections.confirm(session, principal, document)
        return build_detail(session, ctx.schemas, document)


@router.post(
    "/documents/{document_id}/duplicates",
    response_model=DocumentDetail,
    summary="Mark as a duplicate of another document",
)
def mark_duplicate(
    document_id: RowId, body: DuplicateMark, principal: Officer, ctx: Ctx
) -> DocumentDetail:
    with corrections.editing(ctx.warehouse, principal, document_id, body.version) as (
        session,
        document,
    ):
        corrections.mark_duplicate(session, principal, document, body.other_id, body.kind)
        return build_detail(session, ctx.schemas, document)


@router.delete(
    "/documents/{document_id}/duplicates/{other_id}",
    response_model=DocumentDetail,
    summary="Clear a duplicate mark",
)
def clear_duplicate(
    document_id: RowId, other_id: RowId, version: VersionQuery, principal: Officer, ctx: Ctx
) -> DocumentDetail:
    with corrections.editing(ctx.warehouse, principal, document_id, version) as (
        session,
        document,
    ):
        corrections.clear_duplicate(session, principal, document, other_id)
        return build_detail(session, ctx.schemas, document)


@router.get(
    "/documents/{document_id}/audit",
    response_model=list[AuditView],
    summary="History of a document (changes and views)",
)
def history(document_id: RowId, principal: Officer, ctx: Ctx) -> list[AuditView]:
    with ctx.warehouse.sessions() as session:
        load_document(session, principal, document_id)
        return audit.entries(session, document_id)
