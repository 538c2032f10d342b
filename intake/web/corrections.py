"""What an officer may change on a document, each change with its audit trail.

Every operation checks the version the officer saw (two officers on one document: the second
gets 409 instead of silently overwriting), writes ``field_revisions`` / ``audit_log`` in the
same unit of work, and bumps the document's version so the next stale write is caught too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from intake.warehouse.models import Document, DuplicateLink, Field, FieldRevision
from intake.warehouse.models_auth import DocumentReview
from intake.warehouse.repository import Warehouse
from intake.web import audit
from intake.web.access import load_document
from intake.web.auth import Principal
from intake.web.labels import field_label
from intake.web.problems import Conflict, Invalid, NotFound
from intake.web.text import InvalidValue, canonical_value
from schemas import DocTypeSchema

STALE = "Tài liệu đã được người khác sửa; hãy tải lại trang / document changed, reload it"


def check_version(document: Document, version: int) -> None:
    if document.version != version:
        raise Conflict(STALE)


@contextmanager
def editing(
    warehouse: Warehouse, principal: Principal, document_id: int, version: int
) -> Iterator[tuple[Session, Document]]:
    """One officer's change to one document, as every API and page route makes it: the
    document loaded as this officer may see it, refused with 409 when ``version`` is stale,
    committed when the block ends (rolled back if it raises)."""
    with warehouse.unit_of_work() as session:
        document = load_document(session, principal, document_id)
        check_version(document, version)
        yield session, document


def _bump(session: Session, document: Document) -> None:
    """Write the document row so its version increments (and a concurrent writer fails)."""
    document.updated_at = datetime.now(UTC)
    try:
        session.flush()
    except StaleDataError as exc:
        raise Conflict(STALE) from exc


def correct_fields(
    session: Session,
    schemas: dict[str, DocTypeSchema],
    principal: Principal,
    document: Document,
    changes: dict[str, str | None],
    reason: str | None = None,
) -> list[str]:
    """Apply the officer's values; returns the keys that really changed."""
    schema = schemas.get(document.doc_type or "")
    existing = {f.key: f for f in document.fields}
    changed: list[str] = []
    for key, raw in changes.items():
        spec = schema.field(key) if schema else None
        if key not in existing and spec is None:
            raise Invalid(f"Loại giấy tờ này không có trường '{key}' / unknown field")
        try:
            value = canonical_value(spec.kind if spec else None, raw)
        except InvalidValue as exc:
            label = field_label(schemas, document.doc_type, key)
            raise Invalid(f"{label}: {exc}") from exc
        field = existing.get(key)
        old = field.value if field is not None else None
        if old == value:
            continue
        if field is None:
            field = Field(key=key, value=None, source="officer")
            document.fields.append(field)
            session.flush()
        field.value, field.source, field.confidence = value, "officer", 1.0
        session.add(
            FieldRevision(
                field_id=field.id,
                old_value=old,
                new_value=value,
                changed_by=principal.name,
                reason=reason,
            )
        )
        audit.record(
            session,
            principal,
            "field_corrected",
            document_id=document.id,
            target=key,
            old=old,
            new=value,
        )
        changed.append(key)
    if changed:
        _bump(session, document)
    return changed


def set_doc_type(
    session: Session,
    schemas: dict[str, DocTypeSchema],
    principal: Principal,
    document: Document,
    doc_type: str,
) -> bool:
    schema = schemas.get(doc_type)
    if schema is None:
        raise Invalid(f"Loại giấy tờ không tồn tại / unknown document type: {doc_type}")
    if document.doc_type == doc_type:
        return False
    audit.record(
        session,
        principal,
        "type_changed",
        document_id=document.id,
        target="doc_type",
        old=document.doc_type,
        new=doc_type,
    )
    document.doc_type, document.procedure_code = doc_type, schema.procedure_code
    _bump(session, document)
    return True


def confirm(session: Session, principal: Principal, document: Document) -> None:
    """The officer vouches for type and fields: the document becomes training data."""
    old_status = document.status
    if document.status == "needs_review":
        document.status = "stored"
    review = session.get(DocumentReview, document.id)
    if review is None:
        review = DocumentReview(document_id=document.id, confirmed_by=principal.name)
        session.add(review)
    review.confirmed_by, review.confirmed_at = principal.name, datetime.now(UTC)
    review.doc_type = document.doc_type
    audit.record(
        session,
        principal,
        "confirmed",
        document_id=document.id,
        target="status",
        old=old_status,
        new=document.status,
        detail={"doc_type": document.doc_type},
    )
    _bump(session, document)


def mark_duplicate(
    session: Session, principal: Principal, document: Document, other_id: int, kind: str
) -> None:
    if other_id == document.id or session.get(Document, other_id) is None:
        raise Invalid(f"Không có tài liệu gốc #{other_id} / no such original")
    link = session.scalar(
        select(DuplicateLink).where(
            DuplicateLink.document_id == document.id, DuplicateLink.other_id == other_id
        )
    )
    if link is None:
        session.add(DuplicateLink(document_id=document.id, other_id=other_id, kind=kind))
    else:
        link.kind = kind
    audit.record(
        session,
        principal,
        "duplicate_marked",
        document_id=document.id,
        target=f"document:{other_id}",
        old=document.status,
        new="duplicate",
        detail={"kind": kind},
    )
    document.status = "duplicate"
    _bump(session, document)


def clear_duplicate(
    session: Session, principal: Principal, document: Document, other_id: int
) -> None:
    links = session.scalars(
        select(DuplicateLink).where(
            DuplicateLink.document_id == document.id, DuplicateLink.other_id == other_id
        )
    ).all()
    if not links:
        raise NotFound(f"Tài liệu không được đánh dấu trùng với #{other_id}")
    for link in links:
        session.delete(link)
    session.flush()
    remaining = session.scalar(
        select(DuplicateLink.id).where(DuplicateLink.document_id == document.id).limit(1)
    )
    old_status = document.status
    if remaining is None and document.status == "duplicate":
        document.status = "needs_review"
    audit.record(
        session,
        principal,
        "duplicate_cleared",
        document_id=document.id,
        target=f"document:{other_id}",
        old=old_status,
        new=document.status,
    )
    _bump(session, document)
