"""Reuse lookup by personal ID number (Decree 45/2020, 107/2021): what is already on file.

A person is keyed by ID number; documents link to persons with a role (holder, child, wife,
owner...). For a new procedure the officer wants the person's own facts — name, date of
birth, sex, residence... — each with the document and date it came from. Which fields of a
document describe which person follows from the schema: a field whose ``role`` is the
person's, a key prefixed with the role (``wife_date_of_birth``), or an unprefixed key of the
document's main person (``date_of_birth`` on the ID card of its holder). Values from documents
an officer confirmed or that went straight through win over ones waiting for review; among
equals, the latest. Every step is an index probe on ``document_persons.id_number``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from intake.warehouse.models import Document, DocumentPerson
from schemas import DocTypeSchema, load_schemas

#: Statuses whose values can be reused without a second look.
TRUSTED = ("stored",)
USABLE = ("stored", "needs_review")
_ALIASES = {"full_name": "name", "place_of_residence": "residence", "address": "residence"}
#: Facts about the paper, not the person.
_DOCUMENT_KEYS = frozenset(
    {
        "request_date",
        "relationship",
        "registration_date",
        "registration_number",
        "issuing_authority",
        "expiry_date",
        "purpose",
        "request_content",
    }
)


@dataclass(frozen=True, slots=True)
class PersonFact:
    value: str
    document_id: int
    doc_type: str | None
    received_at: datetime
    source_key: str
    trusted: bool


@dataclass(frozen=True, slots=True)
class PersonDocumentLink:
    document_id: int
    doc_type: str | None
    role: str
    status: str
    received_at: datetime


@dataclass
class ReuseAnswer:
    id_number: str
    documents: list[PersonDocumentLink] = field(default_factory=list)
    facts: dict[str, PersonFact] = field(default_factory=dict)


def person_key(schema: DocTypeSchema, field_key: str, role: str) -> str | None:
    """The person attribute a document field gives for the person with ``role``, or None."""
    spec = schema.field(field_key)
    if spec is None or field_key in _DOCUMENT_KEYS:
        return None
    if field_key.startswith(f"{role}_"):
        return _ALIASES.get(field_key[len(role) + 1 :], field_key[len(role) + 1 :])
    if spec.role == role:
        return "id_number" if spec.kind == "id_number" else "name" if spec.kind == "name" else None
    main = next((f.role for f in schema.fields if f.key == "full_name"), None)
    prefixed = any(field_key.startswith(f"{r}_") for r in _roles(schema))
    if spec.role is None and not prefixed and main == role:
        return _ALIASES.get(field_key, field_key)
    return None


def _roles(schema: DocTypeSchema) -> set[str]:
    return {f.role for f in schema.fields if f.role}


def lookup(
    session: Session,
    id_number: str,
    restrict: Callable[[Select[tuple[Document]]], Select[tuple[Document]]] | None = None,
) -> ReuseAnswer:
    """``restrict`` narrows the documents a caller may see (a clerk: own uploads)."""
    answer = ReuseAnswer(id_number)
    links = session.execute(
        select(DocumentPerson.document_id, DocumentPerson.role).where(
            DocumentPerson.id_number == id_number
        )
    ).all()
    roles = {doc_id: role for doc_id, role in links}
    if not roles:
        return answer
    stmt = (
        select(Document)
        .where(Document.id.in_(list(roles)), Document.status.in_((*USABLE, "duplicate")))
        .order_by(Document.received_at.desc(), Document.id.desc())
        .options(selectinload(Document.fields))
    )
    documents = session.scalars(restrict(stmt) if restrict else stmt).all()
    schemas = load_schemas()
    for document in documents:
        role = roles[document.id]
        answer.documents.append(
            PersonDocumentLink(
                document.id, document.doc_type, role, document.status, document.received_at
            )
        )
        schema = schemas.get(document.doc_type or "")
        if schema is None or document.status not in USABLE:
            continue
        trusted = document.status in TRUSTED
        for stored in document.fields:
            key = person_key(schema, stored.key, role)
            if key is None or not stored.value:
                continue
            fact = PersonFact(
                stored.value,
                document.id,
                document.doc_type,
                document.received_at,
                stored.key,
                trusted,
            )
            current = answer.facts.get(key)
            if current is None or (trusted and not current.trusted):
                answer.facts[key] = fact  # documents come newest first
    return answer
