"""Words and lines of a page in reading order, with the geometry extraction needs.

OCR gives each word a box and a line number. Extraction reasons about lines (label then value
to its right), the line below (card labels, table headers) and columns (tables, two-column
rows), so words are grouped into :class:`Line` objects sorted top to bottom, left to right.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from intake.extract.model import Box, PageWords
from intake.extract.text import fold


@dataclass(slots=True)
class Word:
    text: str
    box: Box
    conf: float
    page: int
    folded: str = ""

    @property
    def left(self) -> int:
        return self.box[0]

    @property
    def right(self) -> int:
        return self.box[2]

    @property
    def height(self) -> int:
        return self.box[3] - self.box[1]


@dataclass(slots=True)
class Line:
    """One OCR line: words left to right; ``index`` is its position in document order."""

    words: list[Word]
    page: int
    index: int = 0
    tokens: list[tuple[str, int]] = field(default_factory=list)  # (folded token, word index)

    @property
    def top(self) -> int:
        return min(w.box[1] for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.box[3] for w in self.words)

    @property
    def left(self) -> int:
        return self.words[0].left

    @property
    def right(self) -> int:
        return max(w.right for w in self.words)

    @property
    def height(self) -> float:
        """Typical word height (median), robust to tall garbage boxes and flat leaders."""
        hs = [w.height for w in self.words if any(c.isalnum() for c in w.text)]
        return float(median(hs)) if hs else float(max(1, self.bottom - self.top))

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(slots=True)
class Document:
    lines: list[Line]
    pages: dict[int, PageWords]


def build_lines(pages: list[PageWords]) -> Document:
    """Group each page's words by OCR line number, sort lines by top edge, index them."""
    out: list[Line] = []
    for page in sorted(pages, key=lambda p: p.number):
        groups: dict[int, list[Word]] = {}
        for row in page.words:
            text, left, top, right, bottom, conf, line_no = (str(v) for v in row[:7])
            box = (int(float(left)), int(float(top)), int(float(right)), int(float(bottom)))
            word = Word(text, box, float(conf), page.number)
            groups.setdefault(int(float(line_no)), []).append(word)
        lines = [Line(sorted(ws, key=lambda w: w.left), page.number) for ws in groups.values()]
        lines.sort(key=lambda ln: (ln.top + ln.bottom) / 2)
        out.extend(lines)
    for i, line in enumerate(out):
        line.index = i
        for j, word in enumerate(line.words):
            word.folded = fold(word.text)
            line.tokens.extend((tok, j) for tok in word.folded.split())
    return Document(out, {p.number: p for p in pages})


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Length of the overlap of two x-intervals."""
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))
