"""Write planned documents: pages, fields, persons, fingerprints and duplicate links.

Runs inside the store transaction, after the job row is claimed. Duplicate lookups are index
probes (``intake.dedup.index``); a match links and flags, it never deletes:
- ``near`` (a rescan of the same paper): status ``duplicate``;
- ``same_record`` (same type and identifying fields, another layout or edition): linked with
  the fields whose values differ; when some differ (a new address) an officer looks at it.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from intake.dedup.index import find_near, find_same_record, save_fingerprint, save_record_keys
from intake.dedup.layout import PageWords, word_layout
from intake.pipeline.analyse import DocumentPlan
from intake.warehouse.models import Document, DocumentPerson, DuplicateLink, Field, Person


def write_plan(session: Session, document: Document, plan: DocumentPlan) -> None:
    """Fill ``document`` (already added and flushed, pages attached) from ``plan``."""
    document.doc_type = plan.doc_type
    document.procedure_code = plan.procedure_code
    document.confidence = plan.confidence
    document.alternatives = [list(a) for a in plan.alternatives]
    for key, extracted in plan.fields.items():
        session.add(
            Field(
                document_id=document.id,
                key=key,
                value=extracted.value,
                raw=extracted.raw,
                confidence=round(extracted.confidence, 4),
                page=extracted.page,
                bbox=list(extracted.bbox) if extracted.bbox else None,
                source=extracted.source,
                note=extracted.note,
            )
        )
    _link_persons(session, document.id, plan)
    reasons = list(plan.review_reasons)
    status = plan.status
    layout = word_layout(
        PageWords(i, r.width, r.height, r.words) for i, r in enumerate(plan.results, start=1)
    )
    near = find_near(
        session,
        plan.text,
        plan.page_hashes,
        plan.doc_type,
        exclude=document.id,
        keys=plan.record_keys,
        layout=layout,
    )
    if near:
        status = "duplicate"
        for match in near:
            session.add(
                DuplicateLink(
                    document_id=document.id,
                    other_id=match.document_id,
                    kind="near",
                    score=match.score,
                    details=match.details,
                )
            )
    # A rescan of one copy can also be the same record as another (a retyped copy stored
    # earlier): linked too, so no copy of the record is lost from view. The rescan stays a
    # duplicate; its differing fields are in the link.
    rescanned = {m.document_id for m in near}
    for other in find_same_record(session, plan.record_keys, exclude=document.id):
        if other in rescanned:
            continue
        differ = _differing_fields(session, other, plan)
        session.add(
            DuplicateLink(
                document_id=document.id,
                other_id=other,
                kind="same_record",
                score=1.0,
                details={"differing_fields": differ},
            )
        )
        if near:
            continue
        if differ:
            reasons.append(
                f"Cùng hồ sơ với tài liệu #{other}, khác ở: {', '.join(differ)} "
                f"/ same record as document #{other}, differing fields: {', '.join(differ)}"
            )
            status = "needs_review"
        elif status == "stored":
            status = "duplicate"
    document.status = status
    document.review_reasons = reasons or None
    save_fingerprint(session, document.id, plan.text, plan.page_hashes)
    save_record_keys(session, document.id, plan.record_keys)


def _differing_fields(session: Session, other_id: int, plan: DocumentPlan) -> list[str]:
    stored = dict(
        session.execute(select(Field.key, Field.value).where(Field.document_id == other_id)).all()
    )
    keys = sorted(set(stored) | set(plan.fields))
    return [
        k for k in keys if stored.get(k) != (plan.fields[k].value if k in plan.fields else None)
    ]


def _link_persons(session: Session, document_id: int, plan: DocumentPlan) -> None:
    """Persons are keyed by ID number; a person in several document types is the reuse case,
    never a duplicate. Concurrent workers may meet the same person: insert-or-ignore."""
    if not plan.persons:
        return
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    names = {k: f.value for k, f in plan.fields.items()}
    for id_number, role in dict.fromkeys(plan.persons):
        session.execute(
            insert(Person)
            .values(id_number=id_number, full_name=_name_for(role, names))
            .on_conflict_do_nothing(index_elements=["id_number"])
        )
        session.add(DocumentPerson(document_id=document_id, id_number=id_number, role=role))


def _name_for(role: str, fields: dict[str, str]) -> str | None:
    for key in (f"{role}_name", "full_name" if role in ("holder", "child", "applicant") else ""):
        if key and fields.get(key):
            return fields[key]
    return None
