"""One document as the API returns it and the review page shows it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.warehouse.models import Document, Field, FieldRevision
from intake.warehouse.models_auth import DocumentReview
from intake.warehouse.repository import to_record
from intake.web.api_models import DocumentDetail, FieldBox, PageImage, ReviewInfo
from intake.web.labels import field_label, type_title
from schemas import DocTypeSchema


def image_url(document_id: int, number: int) -> str:
    return f"/api/documents/{document_id}/pages/{number}/image"


def corrected_keys(session: Session, document_id: int) -> set[str]:
    stmt = (
        select(Field.key)
        .join(FieldRevision, FieldRevision.field_id == Field.id)
        .where(Field.document_id == document_id)
        .distinct()
    )
    return set(session.scalars(stmt))


def build_detail(
    session: Session, schemas: dict[str, DocTypeSchema], document: Document
) -> DocumentDetail:
    record = to_record(session, document)
    corrected = corrected_keys(session, document.id)
    schema = schemas.get(document.doc_type or "")
    review = session.get(DocumentReview, document.id)
    boxes = [
        FieldBox(
            key=f.key,
            label=field_label(schemas, document.doc_type, f.key),
            kind=(spec.kind if schema and (spec := schema.field(f.key)) else None),
            value=f.value,
            confidence=f.confidence,
            page=f.page,
            bbox=list(f.bbox) if f.bbox else None,
            source=f.source,
            corrected=f.key in corrected,
        )
        for f in document.fields
    ]
    pages = [
        PageImage(
            number=p.number,
            width=p.width,
            height=p.height,
            confidence=p.confidence,
            text_source=p.text_source,
            image_url=image_url(document.id, p.number) if p.image_sha256 else None,
        )
        for p in document.pages
    ]
    return DocumentDetail(
        **record.model_dump(),
        version=document.version,
        source_name=document.source_name,
        received_at=document.received_at,
        doc_type_title=type_title(schemas, document.doc_type),
        page_images=pages,
        field_boxes=boxes,
        review=ReviewInfo(
            confirmed_by=review.confirmed_by,
            confirmed_at=review.confirmed_at,
            doc_type=review.doc_type,
        )
        if review
        else None,
    )
