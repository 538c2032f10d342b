"""Continuation cues: does a page open a new document or carry on the previous one?

Every form, certificate and card opens with the national header ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA
VIỆT NAM / Độc lập - Tự do - Hạnh phúc") or its title; the second page of a form carries
neither (it starts mid-section, or with the closing date and signatures). A printed page
number ("Trang 2/3", "- 2 -") settles the question outright when there is one. Matching is
fuzzy on the accent-stripped text so a header read with a few wrong letters still counts.

A page on which OCR read (almost) nothing is not the continuation of a form either: every
form page carries text down to its signature block. In the pipeline's output such pages are
card photocopies (a small card on white A4, often unreadable to Tesseract) or blank pages,
so they open a segment of their own, which then usually goes to review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from classifiers.normalise import head, normalise, strip_accents

__all__ = ["PageCues", "page_cues"]

HEADER_PHRASES: tuple[str, ...] = (
    "cong hoa xa hoi chu nghia viet nam",
    "doc lap tu do hanh phuc",
    "socialist republic of viet nam",
)
#: How many of a page's first lines may hold the header or the title.
HEAD_LINES = 12
#: Fuzzy match score (0-100) above which a phrase counts as printed.
MATCH = 85.0
#: Titles shorter than this ("CĂN CƯỚC") also occur inside body text; they are not cues.
MIN_TITLE_CHARS = 12
#: A page with fewer letters than this is "blank" to the splitter.
BLANK_LETTERS = 40

_PAGE_NO = (
    re.compile(r"\b(?:trang|page)\s*(\d{1,2})\s*(?:/|tren|of)\s*(\d{1,2})\b"),
    re.compile(r"^\s*(?:trang|page)\s*(\d{1,2})\s*$", re.MULTILINE),
    re.compile(r"^\s*-\s*(\d{1,2})\s*-\s*$", re.MULTILINE),
)


@dataclass(frozen=True)
class PageCues:
    """What a page says about where it sits in a document."""

    header: bool
    title: bool
    page_number: int | None
    blank: bool = False

    @property
    def opens(self) -> bool:
        """The page looks like the first page of a document (or holds nothing readable)."""
        if self.page_number is not None:
            return self.page_number == 1
        return self.header or self.title or self.blank

    @property
    def continues(self) -> bool:
        """A printed page number greater than one: certainly not a first page."""
        return self.page_number is not None and self.page_number > 1


def _folded(text: str) -> str:
    return strip_accents(normalise(text, keep_lines=True))


def _found(needles: Iterable[str], haystack: str) -> bool:
    """A needle occurs (fuzzily) in the haystack; a haystack shorter than the needle never
    matches, or a page reading only "viet nam" would hold the whole header."""
    return any(
        fuzz.partial_ratio(n, haystack, score_cutoff=MATCH) > 0
        for n in needles
        if len(haystack) >= len(n)
    )


def page_number(text: str) -> int | None:
    """A printed page number, when the page carries one.

    Digits are read from the raw text because normalisation folds every digit to ``0``.
    """
    folded = strip_accents(text.casefold())
    for pattern in _PAGE_NO:
        match = pattern.search(folded)
        if match:
            return int(match.group(1))
    return None


def page_cues(text: str, titles: Iterable[str]) -> PageCues:
    """Cues of one page; ``titles`` are the printed titles of the known document types."""
    top = _folded(head(text, HEAD_LINES)).replace("\n", " ")
    folded_titles = [t for t in (_folded(t) for t in titles) if len(t) >= MIN_TITLE_CHARS]
    return PageCues(
        header=_found(HEADER_PHRASES, top),
        title=_found(folded_titles, top),
        page_number=page_number(text),
        blank=sum(ch.isalpha() for ch in text) < BLANK_LETTERS,
    )
