"""Where a document's words sit on its pages: what tells a rescan from a retyped copy.

A rescan puts every word where the first scan had it (up to a shift of the whole sheet); a
retyped copy of the same record on another layout or edition has the same values and similar
text, and sometimes a page image close in perceptual hash (distance 6 on the development set),
but its words sit elsewhere. Measured on the development sets (seeds 6101–6102): rescans agree
on at least 0.98 of their shared words except where the page was cropped differently, retyped
copies whose pages look alike (pHash distance <= 12) on at most 0.58.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from intake.dedup.fingerprint import tokens

#: A word counts as in place when its centre is this close (fraction of the page's width and
#: height) after the median shift of all shared words is taken out.
TOLERANCE = 0.03
#: Fewer shared words than this and the layouts are not compared (None: no evidence).
MIN_SHARED = 5
#: Shorter tokens ("so", "01") repeat too much across a page to place it.
MIN_TOKEN = 3


@dataclass(frozen=True, slots=True)
class PageWords:
    """One page as the warehouse stores it: size and ``[text, l, t, r, b, ...]`` word rows."""

    number: int
    width: int | None
    height: int | None
    words: Sequence[Sequence[object]] | None


@dataclass(frozen=True, slots=True)
class WordLayout:
    """Centres of the words that occur once in the document, keyed by (page, folded word)."""

    positions: dict[tuple[int, str], tuple[float, float]]


def word_layout(pages: Iterable[PageWords]) -> WordLayout:
    centres: dict[tuple[int, str], tuple[float, float]] = {}
    seen: Counter[tuple[int, str]] = Counter()
    for page in pages:
        if not page.width or not page.height or not page.words:
            continue
        for row in page.words:
            text = "".join(tokens(str(row[0])))
            if len(text) < MIN_TOKEN:
                continue
            left, top, right, bottom = (float(v) for v in row[1:5])  # type: ignore[arg-type]
            key = (page.number, text)
            seen[key] += 1
            centres[key] = ((left + right) / 2 / page.width, (top + bottom) / 2 / page.height)
    return WordLayout({k: v for k, v in centres.items() if seen[k] == 1})


def agreement(a: WordLayout, b: WordLayout) -> float | None:
    """Share of the words both documents have that sit in the same place; None when they
    share too few words to say (a page without word boxes, a blank page)."""
    shared = a.positions.keys() & b.positions.keys()
    if len(shared) < MIN_SHARED:
        return None
    dx = statistics.median(b.positions[k][0] - a.positions[k][0] for k in shared)
    dy = statistics.median(b.positions[k][1] - a.positions[k][1] for k in shared)
    in_place = sum(
        abs(b.positions[k][0] - a.positions[k][0] - dx) < TOLERANCE
        and abs(b.positions[k][1] - a.positions[k][1] - dy) < TOLERANCE
        for k in shared
    )
    return in_place / len(shared)


#: A page's words must map onto the other document by one straight-line fit per axis (scale
#: and shift: another font size, line spacing or margin when a form was drawn to fit one page)
#: with a scale in this range; outside it the page is not the same drawing.
SCALE_RANGE = (0.6, 1.6)
#: Fewer shared words than this on a page and its fit is not trusted: its words count as out
#: of place.
MIN_PAGE_FIT = 4


def paged_agreement(a: WordLayout, b: WordLayout) -> float | None:
    """``agreement`` for two documents split into different numbers of pages.

    A form scanned as a single image is drawn tighter to fit one sheet (smaller type, closer
    lines); scanned again into a PDF it runs onto two pages. Each page of the document with
    more pages is fitted onto the other, laid out as one continuous sheet (page n spans
    heights n-1..n), by a robust scale-and-shift per axis; the share of shared words within
    ``TOLERANCE`` of their fitted place is returned. A retyped copy on another layout moves
    words relative to each other, which no such fit undoes."""
    pages_a = {page for page, _ in a.positions}
    pages_b = {page for page, _ in b.positions}
    source, target = (a, b) if len(pages_a) >= len(pages_b) else (b, a)
    src, dst = _document_words(source), _document_words(target)
    shared = src.keys() & dst.keys()
    if len(shared) < MIN_SHARED:
        return None
    by_page: dict[int, list[str]] = {}
    for word in shared:
        by_page.setdefault(src[word][0], []).append(word)
    placed = 0
    for words in by_page.values():
        if len(words) < MIN_PAGE_FIT:
            continue
        xs, ys = [src[w][1] for w in words], [src[w][2] for w in words]
        tx = [dst[w][1] for w in words]
        ty = [dst[w][0] - 1 + dst[w][2] for w in words]
        fit_x, fit_y = _line_fit(xs, tx), _line_fit(ys, ty)
        if fit_x is None or fit_y is None:
            continue
        placed += sum(
            abs(fit_x[0] * x + fit_x[1] - u) < TOLERANCE
            and abs(fit_y[0] * y + fit_y[1] - v) < TOLERANCE
            for x, y, u, v in zip(xs, ys, tx, ty, strict=True)
        )
    return placed / len(shared)


def _document_words(layout: WordLayout) -> dict[str, tuple[int, float, float]]:
    """Words that occur on one page only (and once there): word -> (page, x, y)."""
    pages: Counter[str] = Counter(word for _, word in layout.positions)
    return {
        word: (page, x, y) for (page, word), (x, y) in layout.positions.items() if pages[word] == 1
    }


def _line_fit(x: Sequence[float], y: Sequence[float]) -> tuple[float, float] | None:
    """Theil-Sen line y = s*x + c (median of pairwise slopes: robust to a quarter of the
    words being misread or moved); None when the points do not spread or the scale is
    implausible."""
    slopes = [
        (y[j] - y[i]) / (x[j] - x[i])
        for i in range(len(x))
        for j in range(i + 1, len(x))
        if abs(x[j] - x[i]) > 0.05
    ]
    if not slopes:
        return None
    slope = statistics.median(slopes)
    if not SCALE_RANGE[0] <= slope <= SCALE_RANGE[1]:
        return None
    return slope, statistics.median(yi - slope * xi for xi, yi in zip(x, y, strict=True))
