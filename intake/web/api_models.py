"""Request and response bodies of the REST API (they are the OpenAPI document).

Documents are returned as :class:`intake.records.DocumentRecord` plus what a reviewer needs
(pages with image URLs, field boxes, version); changing the record's keys breaks integrators.
Every text an integrator sends is NFC-normalised by :data:`NfcStr` before it is used.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field

from intake.records import DocumentRecord, DuplicateKind, Status
from intake.web.bounds import MAX_ID, Version
from intake.web.text import NfcStr


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


#: SQLite hands back naive UTC datetimes; integrators always get an explicit offset.
UtcDateTime = Annotated[datetime, AfterValidator(_utc)]

UploadState = Literal["saving", "queued", "running", "done", "failed"]


class JobView(BaseModel):
    """An upload and the pipeline run it started; poll until ``state`` is done or failed."""

    id: int
    state: UploadState
    filename: str
    size: int
    uploaded_by: str
    created_at: UtcDateTime
    finished_at: UtcDateTime | None = None
    error: str | None = None
    document_ids: list[int] = Field(default_factory=list)
    documents_url: list[str] = Field(default_factory=list)


class DocumentSummary(BaseModel):
    document_id: int
    source_name: str
    status: Status
    doc_type: str | None
    doc_type_title: str | None = None
    confidence: float | None
    pages: int
    received_at: UtcDateTime
    reviewed: bool = False
    url: str


class DocumentPage(BaseModel):
    documents: list[DocumentSummary]
    total: int
    limit: int
    offset: int


class PageImage(BaseModel):
    number: int
    width: int | None
    height: int | None
    confidence: float | None
    text_source: str
    image_url: str | None


class FieldBox(BaseModel):
    key: str
    label: str
    kind: str | None = None
    value: str | None
    confidence: float | None
    page: int | None = Field(None, description="1-based page number of the box.")
    bbox: list[int] | None = Field(None, description="[left, top, right, bottom] image pixels.")
    source: str
    corrected: bool = False


class ReviewInfo(BaseModel):
    confirmed_by: str
    confirmed_at: UtcDateTime
    doc_type: str | None


class DocumentDetail(DocumentRecord):
    """The DocumentRecord plus what is needed to review it."""

    version: int = Field(description="Send back with every change (409 when stale).")
    source_name: str
    received_at: UtcDateTime
    doc_type_title: str | None = None
    page_images: list[PageImage] = Field(default_factory=list)
    field_boxes: list[FieldBox] = Field(default_factory=list)
    review: ReviewInfo | None = None


class FieldCorrection(BaseModel):
    version: Version
    fields: dict[NfcStr, NfcStr | None] = Field(
        description="Field key -> new value; null or blank clears the value."
    )
    reason: NfcStr | None = Field(None, max_length=500)


class TypeChange(BaseModel):
    version: Version
    doc_type: NfcStr = Field(max_length=64)


class Confirmation(BaseModel):
    version: Version


class DuplicateMark(BaseModel):
    version: Version
    other_id: Annotated[int, Field(ge=1, le=MAX_ID)]
    kind: DuplicateKind = "same_record"


class AuditView(BaseModel):
    at: UtcDateTime
    user: str
    action: str
    document_id: int | None
    target: str | None
    old_value: str | None
    new_value: str | None


class PersonDocument(BaseModel):
    document_id: int
    doc_type: str | None
    doc_type_title: str | None
    status: Status
    received_at: UtcDateTime
    matched_fields: list[str]
    url: str


class PersonField(BaseModel):
    value: str | None
    document_id: int
    date: UtcDateTime


class PersonView(BaseModel):
    id_number: str
    documents: list[PersonDocument]
    fields: dict[str, PersonField]


class Count(BaseModel):
    key: str
    label: str
    count: int


class FieldRate(BaseModel):
    key: str
    fields: int
    corrected: int
    rate: float


class Report(BaseModel):
    date_from: UtcDateTime
    date_to: UtcDateTime
    total: int
    per_day: list[Count]
    per_type: list[Count]
    per_status: list[Count]
    review_rate: float = Field(description="Share of documents an officer confirmed.")
    straight_through_rate: float = Field(
        description="Share of stored documents no one corrected, retyped or marked."
    )
    correction_rate_per_field: list[FieldRate]


class Me(BaseModel):
    name: str
    role: str
