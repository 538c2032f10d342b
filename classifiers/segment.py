"""The result type: one document found in a scan, with its page range and its type."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Segment"]


@dataclass(frozen=True)
class Segment:
    """One document of a scan file.

    ``doc_type`` is None when ``confidence`` is below the caller's threshold: the document
    goes to review rather than being guessed; ``predicted`` still names the best guess so
    the review screen can offer it first. ``alternatives`` are the three most probable types
    (the best one included), most probable first, so the review screen can list them.
    """

    first_page: int
    last_page: int
    doc_type: str | None
    procedure_code: str | None
    confidence: float
    alternatives: list[tuple[str, float]] = field(default_factory=list)
    predicted: str = ""

    @property
    def pages(self) -> range:
        """1-based page numbers of the segment."""
        return range(self.first_page, self.last_page + 1)

    @property
    def needs_review(self) -> bool:
        """True when the type was not trusted (below threshold)."""
        return self.doc_type is None
