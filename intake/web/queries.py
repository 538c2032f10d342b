"""Finding documents: the search behind ``GET /api/documents`` and the review queue.

Filters are plain SQL that runs the same on SQLite and PostgreSQL: the person filter matches
field values exactly (ID numbers are stored canonical, 12 digits), the text filter is a
substring match over page text in the case variants forms print (good enough for one office;
a full-text index with accent folding is the next step for a province).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import Session

from intake.warehouse.models import Document, Field, Page
from intake.warehouse.models_auth import DocumentReview
from intake.web.access import visible
from intake.web.api_models import DocumentSummary
from intake.web.auth import Principal
from intake.web.labels import VIETNAM, type_title
from schemas import DocTypeSchema

#: Statuses the review queue shows: everything that is not a broken file.
QUEUE_STATUSES = ("needs_review", "stored", "duplicate")


@dataclass(frozen=True)
class Filters:
    doc_type: str | None = None
    status: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    id_number: str | None = None
    q: str | None = None


def day_start(day: date) -> datetime:
    """Midnight in Vietnam, as UTC: a clerk's "today" is not UTC's, and SQLite compares the
    stored UTC text without looking at offsets."""
    return datetime.combine(day, time.min, tzinfo=VIETNAM).astimezone(UTC)


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def case_variants(text: str) -> list[str]:
    """The query as typed, lower, UPPER and Title case. SQLite's LIKE (and PostgreSQL's
    ILIKE under the C locale) fold ASCII letters only, so "căn cước" would not find the
    printed title "CĂN CƯỚC" without these; they cover how forms print text."""
    return list(dict.fromkeys((text, text.lower(), text.upper(), text.title())))


def apply_filters(stmt: Select[Any], filters: Filters) -> Select[Any]:
    if filters.doc_type:
        stmt = stmt.where(Document.doc_type == filters.doc_type)
    if filters.status:
        stmt = stmt.where(Document.status == filters.status)
    if filters.received_from:
        stmt = stmt.where(Document.received_at >= day_start(filters.received_from))
    if filters.received_to:
        end = day_start(filters.received_to + timedelta(days=1))
        stmt = stmt.where(Document.received_at < end)
    if filters.id_number:
        holders = select(Field.document_id).where(Field.value == filters.id_number)
        stmt = stmt.where(Document.id.in_(holders))
    if filters.q:
        matches = [Page.text.ilike(_like_pattern(v), escape="\\") for v in case_variants(filters.q)]
        stmt = stmt.where(Document.id.in_(select(Page.document_id).where(or_(*matches))))
    return stmt


def search(
    session: Session, principal: Principal, filters: Filters, limit: int, offset: int
) -> tuple[list[Document], int]:
    base = apply_filters(visible(select(Document), principal), filters)
    total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    rows = session.scalars(
        base.order_by(Document.received_at.desc(), Document.id.desc()).limit(limit).offset(offset)
    )
    return list(rows), total


def review_queue(session: Session, principal: Principal, limit: int = 100) -> list[Document]:
    """Unconfirmed documents: needs_review first, then lowest confidence, then oldest."""
    reviewed = select(DocumentReview.document_id)
    stmt = (
        visible(select(Document), principal)
        .where(Document.status.in_(QUEUE_STATUSES), Document.id.not_in(reviewed))
        .order_by(
            case((Document.status == "needs_review", 0), else_=1),
            func.coalesce(Document.confidence, 0.0),
            Document.received_at,
            Document.id,
        )
        .limit(limit)
    )
    return list(session.scalars(stmt))


def summaries(
    session: Session, schemas: dict[str, DocTypeSchema], documents: list[Document]
) -> list[DocumentSummary]:
    ids = [d.id for d in documents]
    reviewed = (
        set(
            session.scalars(
                select(DocumentReview.document_id).where(DocumentReview.document_id.in_(ids))
            )
        )
        if ids
        else set()
    )
    return [
        DocumentSummary(
            document_id=d.id,
            source_name=d.source_name,
            status=d.status,  # type: ignore[arg-type]
            doc_type=d.doc_type,
            doc_type_title=type_title(schemas, d.doc_type),
            confidence=d.confidence,
            pages=d.page_count,
            received_at=d.received_at,
            reviewed=d.id in reviewed,
            url=f"/api/documents/{d.id}",
        )
        for d in documents
    ]
