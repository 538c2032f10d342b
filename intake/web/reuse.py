"""Reuse lookup by personal ID number (Decree 45/2020, 107/2021): what is already on file.

The web view of :func:`intake.reuse.lookup` (persons table, roles, trusted values first),
limited to the documents the caller may see. ``matched_fields`` carries the person's role on
each document.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from intake.reuse import lookup as core_lookup
from intake.web.access import visible
from intake.web.api_models import PersonDocument, PersonField, PersonView
from intake.web.auth import Principal
from intake.web.labels import type_title
from schemas import DocTypeSchema


def lookup(
    session: Session, principal: Principal, schemas: dict[str, DocTypeSchema], id_number: str
) -> PersonView:
    answer = core_lookup(session, id_number, lambda stmt: visible(stmt, principal))
    return PersonView(
        id_number=id_number,
        documents=[
            PersonDocument(
                document_id=d.document_id,
                doc_type=d.doc_type,
                doc_type_title=type_title(schemas, d.doc_type),
                status=d.status,  # type: ignore[arg-type]
                received_at=d.received_at,
                matched_fields=[d.role],
                url=f"/api/documents/{d.document_id}",
            )
            for d in answer.documents
        ],
        fields={
            key: PersonField(value=fact.value, document_id=fact.document_id, date=fact.received_at)
            for key, fact in sorted(answer.facts.items())
        },
    )
