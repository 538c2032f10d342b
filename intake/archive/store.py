"""``archive_document``: the searchable PDF/A of a stored document, built once and kept in
the blob store beside the original.

The first call builds the PDF and stores it (content-addressed); later calls with the same
inputs return the stored PDF's SHA-256 without building. A change to the document (an
officer's correction, a new classification) changes the key, so the next call builds a
fresh PDF and the old one stays as it was (blobs are immutable).
"""

from __future__ import annotations

import logging

from sqlalchemy import update

from intake.archive.keys import KeyIndex
from intake.archive.pdfa import BuiltPdf, build_pdfa
from intake.archive.source import ArchiveSource, load_source
from intake.warehouse.models import Document
from intake.warehouse.repository import Warehouse
from schemas import DocTypeSchema, load_schemas

log = logging.getLogger(__name__)

#: The column the warehouse will get (migration pending); used when present.
PDF_COLUMN = "pdf_sha256"


def read_source(warehouse: Warehouse, document_id: int) -> ArchiveSource:
    with warehouse.sessions() as session:
        return load_source(session, document_id)


def cached_pdf(warehouse: Warehouse, source: ArchiveSource) -> str | None:
    """The SHA-256 of an already built PDF for exactly these inputs, if its blob is there."""
    sha = KeyIndex(warehouse.blobs.root).get(source.cache_key())
    return sha if sha and warehouse.blobs.exists(sha) else None


def store_pdf(warehouse: Warehouse, source: ArchiveSource, built: BuiltPdf) -> str:
    sha = warehouse.blobs.put_bytes(built.data)
    KeyIndex(warehouse.blobs.root).put(source.cache_key(), sha)
    _record_column(warehouse, source.document_id, sha)
    log.info(
        "Archived document %s: %d pages, %d bytes, %.2f s -> %s",
        source.document_id,
        built.pages,
        built.size,
        built.seconds,
        sha,
    )
    return sha


def archive_document(
    warehouse: Warehouse,
    document_id: int,
    schemas: dict[str, DocTypeSchema] | None = None,
) -> str:
    """SHA-256 of the document's searchable PDF/A-2b in the blob store, built if needed.

    Raises ``NotArchivableError`` for a document without pages (exact duplicate, quarantined
    file) and ``ArchiveError`` when the PDF cannot be built."""
    source = read_source(warehouse, document_id)
    return archive_source(warehouse, source, schemas if schemas is not None else load_schemas())


def archive_source(
    warehouse: Warehouse, source: ArchiveSource, schemas: dict[str, DocTypeSchema]
) -> str:
    """``archive_document`` for a source already read (the export needs its fields too)."""
    cached = cached_pdf(warehouse, source)
    if cached is not None:
        _record_column(warehouse, source.document_id, cached)
        return cached
    return store_pdf(warehouse, source, build_pdfa(source, warehouse.blobs, schemas))


def _record_column(warehouse: Warehouse, document_id: int, sha: str) -> None:
    """Set ``documents.pdf_sha256`` once the migration adds it; a no-op until then. Written
    without touching ``version`` or ``updated_at``: building a PDF is not an edit, and must
    not conflict with an officer's."""
    column = getattr(Document, PDF_COLUMN, None)
    if column is None:
        return
    with warehouse.unit_of_work() as session:
        session.execute(
            update(Document)
            .where(Document.id == document_id, column.is_distinct_from(sha))
            .values({PDF_COLUMN: sha, "updated_at": Document.updated_at})
            .execution_options(synchronize_session=False)
        )
