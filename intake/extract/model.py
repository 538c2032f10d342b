"""The values extraction takes and gives: page words in, fields with provenance out."""

from __future__ import annotations

from dataclasses import dataclass, field

Box = tuple[int, int, int, int]


@dataclass(slots=True)
class PageWords:
    """One page as OCR (or a PDF text layer) read it.

    ``words`` rows are ``[text, left, top, right, bottom, confidence, line_no]`` in the page
    image's pixels, as :class:`intake.pipeline.pages.PageResult` stores them."""

    number: int
    width: int
    height: int
    words: list[list[object]]
    text_source: str = "ocr"


@dataclass(slots=True)
class ExtractedField:
    """One canonical value with where it came from and how much to trust it."""

    value: str
    raw: str
    confidence: float
    page: int | None
    bbox: Box | None
    source: str  # "ocr" | "qr" | "text-layer" | "mrz"
    note: str | None = None


@dataclass(slots=True)
class Extraction:
    """Fields found on a document, why it needs an officer's look, and who it concerns."""

    doc_type: str
    fields: dict[str, ExtractedField] = field(default_factory=dict)
    review_reasons: list[str] = field(default_factory=list)
    persons: list[tuple[str, str]] = field(default_factory=list)

    def value(self, key: str) -> str | None:
        """The value of ``key`` or None when the field is absent."""
        got = self.fields.get(key)
        return got.value if got else None
