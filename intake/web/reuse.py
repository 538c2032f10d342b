"""Reuse lookup by personal ID number (Decree 45/2020, 107/2021): what is already on file.

For now a person is the set of documents with a field whose value is the ID number, and their
known fields are the latest value of each key across those documents, with the document and
date it came from, so the officer can check the source before reusing it. A ``persons`` table
fed by extraction will replace this scan when it exists.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from intake.warehouse.models import Document, Field
from intake.web.access import visible
from intake.web.api_models import PersonDocument, PersonField, PersonView
from intake.web.auth import Principal
from intake.web.labels import type_title
from schemas import DocTypeSchema


def lookup(
    session: Session, principal: Principal, schemas: dict[str, DocTypeSchema], id_number: str
) -> PersonView:
    matched: dict[int, list[str]] = defaultdict(list)
    for document_id, key in session.execute(
        select(Field.document_id, Field.key).where(Field.value == id_number)
    ):
        matched[document_id].append(key)
    stmt = (
        visible(select(Document), principal)
        .where(Document.id.in_(list(matched)), Document.status != "quarantined")
        .order_by(Document.received_at.desc(), Document.id.desc())
        .options(selectinload(Document.fields))
    )
    documents = list(session.scalars(stmt)) if matched else []
    fields: dict[str, PersonField] = {}
    for document in documents:  # newest first: the first value seen per key is the latest
        for field in document.fields:
            if field.value is not None and field.key not in fields:
                fields[field.key] = PersonField(
                    value=field.value, document_id=document.id, date=document.received_at
                )
    return PersonView(
        id_number=id_number,
        documents=[
            PersonDocument(
                document_id=d.id,
                doc_type=d.doc_type,
                doc_type_title=type_title(schemas, d.doc_type),
                status=d.status,  # type: ignore[arg-type]
                received_at=d.received_at,
                matched_fields=sorted(matched[d.id]),
                url=f"/api/documents/{d.id}",
            )
            for d in documents
        ],
        fields=dict(sorted(fields.items())),
    )
