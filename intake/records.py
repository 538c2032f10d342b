"""The document record: the stable output contract of ``intake process``, ``intake export``
and the REST API. Changing a key here is a breaking change for integrators (docs/output.md).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Status = Literal["stored", "needs_review", "duplicate", "quarantined"]
DuplicateKind = Literal["exact", "near", "same_record"]


class FieldValue(BaseModel):
    value: str | None
    confidence: float | None = None


class DuplicateRef(BaseModel):
    document_id: int
    kind: DuplicateKind
    score: float


class DocumentRecord(BaseModel):
    source: str = Field(description="Path of the file as received.")
    sha256: str = Field(description="SHA-256 of the source file (the blob store key).")
    document_id: int | None
    status: Status
    doc_type: str | None = None
    procedure_code: str | None = None
    confidence: float | None = None
    fields: dict[str, FieldValue] = Field(default_factory=dict)
    duplicate_of: list[DuplicateRef] = Field(default_factory=list)
    pages: int = 0
    source_pages: list[int] | None = Field(
        None, description="1-based [first, last] page range of the source file."
    )
    error: str | None = None
    review_reasons: list[str] = Field(
        default_factory=list, description="Why an officer must look (status needs_review)."
    )


class ExportRecord(DocumentRecord):
    text: list[str] = Field(default_factory=list, description="Page texts in page order.")
