"""The warehouse: a unit of work over the database plus the blob store.

Only the pipeline and the API talk to this module; stages never touch storage.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from intake.config import Settings
from intake.records import DocumentRecord, DuplicateRef, ExportRecord, FieldValue
from intake.warehouse import db
from intake.warehouse.blobs import BlobStore
from intake.warehouse.models import Document, DuplicateLink

#: Statuses of documents that count as the original of an exact duplicate. A document linked
#: as a rescan or the same record was read all the same: an exact copy of its file must link
#: to it too, not be read again.
ORIGINAL_STATUSES = ("stored", "needs_review", "duplicate")


@dataclass
class Warehouse:
    engine: Engine
    sessions: sessionmaker[Session]
    blobs: BlobStore

    @classmethod
    def open(cls, settings: Settings, migrate: bool = True) -> Warehouse:
        engine = db.make_engine(settings.effective_database_url)
        if migrate:
            db.upgrade(engine)
        return cls(engine, db.session_factory(engine), BlobStore(settings.blob_dir))

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    # -- queries -----------------------------------------------------------------------------
    @staticmethod
    def originals_by_sha(session: Session, sha256: str) -> list[Document]:
        exact_copy = (
            select(DuplicateLink.id)
            .where(DuplicateLink.document_id == Document.id, DuplicateLink.kind == "exact")
            .exists()
        )  # exact copies were never read: they are not originals themselves
        stmt = (
            select(Document)
            .where(
                Document.sha256 == sha256,
                Document.status.in_(ORIGINAL_STATUSES),
                ~exact_copy,
            )
            .order_by(Document.id)
        )
        return list(session.scalars(stmt))

    def iter_documents(
        self, doc_type: str | None = None, batch: int = 200
    ) -> Iterator[ExportRecord]:
        """Stream every document (of ``doc_type`` when given) in id order, with its page
        texts, without loading the whole warehouse."""
        last_id = 0
        while True:
            with self.sessions() as session:
                stmt = (
                    select(Document)
                    .where(Document.id > last_id)
                    .order_by(Document.id)
                    .limit(batch)
                    .options(selectinload(Document.pages), selectinload(Document.fields))
                )
                if doc_type is not None:
                    stmt = stmt.where(Document.doc_type == doc_type)
                rows = list(session.scalars(stmt))
                if not rows:
                    return
                for document in rows:
                    record = to_record(session, document)
                    yield ExportRecord(
                        **record.model_dump(), text=[page.text for page in document.pages]
                    )
                last_id = rows[-1].id

def to_record(session: Session, document: Document) -> DocumentRecord:
    links = session.scalars(
        select(DuplicateLink).where(DuplicateLink.document_id == document.id)
    ).all()
    source_pages = (
        [document.source_page_first, document.source_page_last]
        if document.source_page_first is not None and document.source_page_last is not None
        else None
    )
    return DocumentRecord(
        source=document.source_path,
        sha256=document.sha256,
        document_id=document.id,
        status=document.status,  # type: ignore[arg-type]
        doc_type=document.doc_type,
        procedure_code=document.procedure_code,
        confidence=document.confidence,
        fields={f.key: FieldValue(value=f.value, confidence=f.confidence) for f in document.fields},
        duplicate_of=[
            DuplicateRef(document_id=link.other_id, kind=link.kind, score=link.score)  # type: ignore[arg-type]
            for link in links
        ],
        pages=document.page_count,
        source_pages=source_pages,
        error=document.error_message,
        review_reasons=list(document.review_reasons or []),
    )
