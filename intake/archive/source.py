"""What the archive needs of a stored document, read once from the warehouse as plain values.

Building the PDF happens outside any database session (it may take a second per page), and
the same values feed the cache key, so they are copied out of the ORM rows here.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from intake.archive.errors import NotArchivableError
from intake.warehouse.models import Document

#: Bump when the layout of the produced PDF changes, so cached PDFs are rebuilt on demand.
ARCHIVE_FORMAT = 1
#: Used when a page row carries no resolution (should not happen: the loader always sets one).
FALLBACK_DPI = 300


@dataclass(frozen=True, slots=True)
class PageSource:
    number: int
    source_page: int  # 1-based page of the source file
    text_source: str  # "ocr" | "text-layer"
    image_sha256: str | None
    width: int
    height: int
    dpi: int
    words: list[list[Any]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ArchiveSource:
    document_id: int
    source_sha256: str
    source_name: str
    media_type: str | None
    received_at: datetime
    doc_type: str | None
    procedure_code: str | None
    fields: dict[str, str]
    pages: list[PageSource]

    @property
    def has_text_layer_pages(self) -> bool:
        return any(p.text_source == "text-layer" for p in self.pages)

    def cache_key(self) -> str:
        """SHA-256 of everything the PDF is made from: the same inputs give the same key, and
        an officer's correction of a field (which changes the metadata) gives a new one."""
        payload = asdict(self)
        payload["received_at"] = self.received_at.isoformat()
        payload["format"] = ARCHIVE_FORMAT
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_source(session: Session, document_id: int) -> ArchiveSource:
    document = session.get(Document, document_id)
    if document is None:
        raise NotArchivableError(f"Không tìm thấy tài liệu #{document_id} / no such document")
    if not document.pages:
        raise NotArchivableError(
            f"Tài liệu #{document_id} không có trang nào để lưu trữ (trạng thái "
            f"{document.status}) / document has no pages to archive"
        )
    return ArchiveSource(
        document_id=document.id,
        source_sha256=document.sha256,
        source_name=document.source_name,
        media_type=document.media_type,
        received_at=document.received_at,
        doc_type=document.doc_type,
        procedure_code=document.procedure_code,
        fields={f.key: f.value for f in document.fields if f.value},
        pages=[
            PageSource(
                number=page.number,
                source_page=page.source_page,
                text_source=page.text_source,
                image_sha256=page.image_sha256,
                width=page.width or 0,
                height=page.height or 0,
                dpi=page.dpi or FALLBACK_DPI,
                words=list(page.words or []),
            )
            for page in document.pages
        ],
    )
