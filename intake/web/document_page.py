"""What the review page shows beyond the API's DocumentDetail: every field the document type
expects (blank ones too, so the officer can key what OCR missed), the OCR word boxes, the
duplicate links with their originals, and the document's history."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.warehouse.models import Document, DuplicateLink
from intake.web import audit
from intake.web.api_models import AuditView, DocumentDetail, FieldBox
from intake.web.labels import field_label
from intake.web.photo_view import PhotoOverlay, photo_overlays
from schemas import DocTypeSchema

#: OCR words below this confidence are drawn in a warning colour.
LOW_CONFIDENCE = 0.80


@dataclass
class DuplicateRow:
    other_id: int
    kind: str
    score: float
    other_name: str | None
    other_status: str | None


@dataclass
class ReviewPage:
    detail: DocumentDetail
    rows: list[FieldBox]
    words: dict[int, list[list[Any]]]
    duplicates: list[DuplicateRow]
    history: list[AuditView]
    photos: dict[int, PhotoOverlay] = field(default_factory=dict)  # phone photos, by page


def field_rows(schemas: dict[str, DocTypeSchema], detail: DocumentDetail) -> list[FieldBox]:
    present = {box.key: box for box in detail.field_boxes}
    schema = schemas.get(detail.doc_type or "")
    rows: list[FieldBox] = []
    for spec in schema.fields if schema else []:
        box = present.pop(spec.key, None)
        rows.append(
            box
            or FieldBox(
                key=spec.key,
                label=spec.label,
                kind=spec.kind,
                value=None,
                confidence=None,
                source="",
                page=None,
                bbox=None,
            )
        )
    rows.extend(
        box.model_copy(update={"label": field_label(schemas, detail.doc_type, box.key)})
        for box in present.values()
    )
    return rows


def page_words(document: Document) -> dict[int, list[list[Any]]]:
    """Per page: [l, t, r, b, low] of every OCR word, for the faint overlay."""
    result: dict[int, list[list[Any]]] = {}
    for page in document.pages:
        boxes = []
        for word in page.words or []:
            if len(word) >= 6:
                _, left, top, right, bottom, conf = word[:6]
                boxes.append([left, top, right, bottom, (conf or 0) < LOW_CONFIDENCE])
        result[page.number] = boxes
    return result


def duplicate_rows(session: Session, document: Document) -> list[DuplicateRow]:
    rows = []
    for link in session.scalars(
        select(DuplicateLink).where(DuplicateLink.document_id == document.id)
    ):
        other = session.get(Document, link.other_id)
        rows.append(
            DuplicateRow(
                link.other_id,
                link.kind,
                link.score,
                other.source_name if other else None,
                other.status if other else None,
            )
        )
    return rows


def build_page(
    session: Session,
    schemas: dict[str, DocTypeSchema],
    document: Document,
    detail: DocumentDetail,
    with_history: bool,
) -> ReviewPage:
    rows = field_rows(schemas, detail)
    return ReviewPage(
        detail=detail,
        rows=rows,
        words=page_words(document),
        duplicates=duplicate_rows(session, document),
        history=audit.entries(session, document.id, 50) if with_history else [],
        photos=photo_overlays(document.id, {p.number: p.photo for p in document.pages}, rows),
    )
