"""Row tables whose column headers name whose value a column holds.

The marriage forms print "Thông tin | Bên nữ | Bên nam" (or "Thông tin người chồng | Thông tin
người vợ") and then one row per label: the row label is in the first column and each spouse's
value sits under its header. Wrapped cells continue on the lines below until the next row label.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from intake.extract.labels import Hit
from intake.extract.layout import Document
from intake.extract.regions import Value, debris
from intake.extract.text import is_junk, is_leader, strip_leaders


@dataclass(slots=True)
class Columns:
    """Column x-ranges (left, right, section) under a header line; x < ``label_right`` is the
    row-label column."""

    spans: list[tuple[float, float, str]]
    label_right: float
    page: int
    header_line: int
    #: Indexes of the lines holding the headings: their words are never a cell's value (a tall
    #: first row, label top well above its words, reached up into "Bên nữ" below "Thông tin").
    header_lines: frozenset[int] = frozenset()


def header_columns(anchors: list[tuple[Hit, str]], page_width: int) -> Columns | None:
    """Columns from a line holding two or more section headings side by side."""
    if len({s for _, s in anchors}) < 2:
        return None
    anchors = sorted(anchors, key=lambda a: a[0].left)
    bounds: list[float] = []
    for (a, _), (b, _) in itertools.pairwise(anchors):
        bounds.append((a.right + b.left) / 2)
    first = anchors[0][0]
    width = bounds[0] - first.left if bounds else page_width / 3
    label_right = max(0.0, first.left - (bounds[0] - first.right) if bounds else first.left - width)
    edges = [label_right, *bounds, float(page_width)]
    spans = [(edges[i], edges[i + 1], s) for i, (_, s) in enumerate(anchors)]
    line = first.line
    heads = frozenset(h.line.index for h, _ in anchors)
    return Columns(spans, label_right, line.page, line.index, heads)


def row_cells(hit: Hit, cols: Columns, doc: Document, row_starts: set[int]) -> dict[str, Value]:
    """Each column's words for the row labelled by ``hit`` (wrapped lines included).

    Tesseract often splits a table row into one line per cell, in any order, so the row is
    taken by height: from the label's top down to the next row label's top."""
    cells: dict[str, Value] = {s: Value() for _, _, s in cols.spans}
    line = hit.line
    lh = line.height
    same_page = [ln for ln in doc.lines if ln.page == line.page]
    later_rows = [
        doc.lines[i].top
        for i in row_starts
        if doc.lines[i].page == line.page
        and doc.lines[i].top > line.bottom - 0.2 * lh
        and doc.lines[i].index != line.index
    ]
    bottom = min(later_rows, default=line.bottom + 4 * lh) - 0.3 * lh
    bottom = min(bottom, line.bottom + 6 * lh)
    top = line.top - 0.6 * lh
    for ln in sorted(same_page, key=lambda x: x.top):
        if ln.index in cols.header_lines:
            continue
        for word in ln.words:
            middle = (word.box[1] + word.box[3]) / 2
            if not top <= middle < bottom:
                continue
            centre = (word.left + word.right) / 2
            if centre < cols.label_right:
                continue
            if debris(word, lh) or is_leader(word.text) or is_junk(word.text):
                continue
            for left, right, section in cols.spans:
                if left <= centre < right:
                    cells[section].add(word, strip_leaders(word.text))
                    break
    return cells
