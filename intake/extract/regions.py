"""Where a label's value lies: to its right, on the line below, or in a table cell.

Printed forms put the value right of the label after a dotted leader ("Họ, chữ đệm, tên:
...... NGUYỄN VĂN AN ......"), cards put it on the next line ("Họ và tên / Full name:" then
the name), header tables put it under the column header, and row tables ("Thông tin | Bên nữ |
Bên nam") put one value per column. A value ends at the next label, at a trailing leader, at
a wide gap (leaders erased by preprocessing) or at OCR debris with no confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from intake.extract.labels import Hit
from intake.extract.layout import Document, Line, Word
from intake.extract.text import (
    ends_with_leader,
    is_junk,
    is_leader,
    leader_tail,
    split_leader,
    strip_leaders,
)

#: A leader this many line heights long before any value means a blank line.
BLANK_LEADER_LINE_HEIGHTS = 5.0
_NUMBERING = re.compile(r"^(\d{1,2}(\.\d{1,2})*\.|[IVX]{1,4}\.|[-–•])$")

#: A word gap wider than this many line heights ends a value (erased leader).
GAP_LINE_HEIGHTS = 2.6
#: A wrapped value line starts within this many line heights of its label's left edge.
WRAP_INDENT_LINE_HEIGHTS = 2.5


@dataclass(slots=True)
class Value:
    """Words read as one value, with the cleaned text of each."""

    words: list[Word] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    stop: str = "eol"  # why the value ended: eol | leader | label | gap
    glued: list[str] = field(default_factory=list)  # text glued after leader dots (second reading)

    @property
    def text(self) -> str:
        return " ".join(t for t in self.texts if t)

    @property
    def empty(self) -> bool:
        return not any(any(c.isalnum() for c in t) for t in self.texts)

    def add(self, word: Word, text: str) -> None:
        self.words.append(word)
        self.texts.append(text)

    def drop_trailing_numbering(self) -> None:
        """ "4/11/2024 3." before "3. Giới tính": the next label's number is not the value."""
        while self.words and _NUMBERING.match(self.words[-1].text):
            self.words.pop()
            self.texts.pop()


def debris(word: Word, line_height: float) -> bool:
    """OCR debris: a flat box (leader dots read as letters, "E3 5E SE").

    Confidence is no test: Tesseract gives 0.0 to correctly read ID numbers at times, and the
    debris after a trailing leader is cut off by the leader anyway."""
    if ends_with_leader(word.text):
        return False
    return word.height < 0.45 * line_height


def speck(word: Word, line_height: float) -> bool:
    """A dot of dust or a stray mark read as punctuation: tiny in both directions, no letter."""
    return (
        not any(c.isalnum() for c in word.text)
        and word.right - word.left < 0.5 * line_height
        and word.height < 0.6 * line_height
    )


def _last_text(words: list[Word]) -> int:
    """Index of the last word holding a letter or digit (-1 when none does)."""
    return max((i for i, w in enumerate(words) if any(c.isalnum() for c in w.text)), default=-1)


def _blank_after_label(word: Word, lh: float) -> bool:
    """ "tộc:..............." read as one word: a long glued leader means no value."""
    head, leader = split_leader(word.text)
    if not leader or not head:
        return False
    text_end = word.left + (word.right - word.left) * len(head) / len(word.text)
    return word.right - text_end > BLANK_LEADER_LINE_HEIGHTS * lh


def right_of(hit: Hit, line_hits: list[Hit]) -> Value:
    """Words after the label on its line, up to the next label or the end of the value."""
    line = hit.line
    stop_at = min((h.start for h in line_hits if h.start >= hit.end), default=len(line.words))
    value = Value(stop="label" if stop_at < len(line.words) else "eol")
    prev_right = hit.right
    lh = line.height
    words = line.words[hit.end : stop_at]
    skip_paren = (
        bool(words)
        and words[0].text.startswith("(")
        and any(w.text.rstrip(":.").endswith(")") for w in words[:4])
    )
    last_text = _last_text(words)
    if _blank_after_label(line.words[hit.end - 1], lh):
        value.stop = "leader"
        return value
    for i, word in enumerate(words):
        if skip_paren:  # "(m²)", "(bằng số; VNĐ)" right after the label
            skip_paren = not word.text.rstrip(":").endswith(")")
            prev_right = word.right
            continue
        if speck(word, lh) and i > last_text:
            continue  # a dust speck read as ":" at the end of the line is no leader
        if debris(word, lh) or is_leader(word.text) or is_junk(word.text):
            if not value.empty and (is_leader(word.text) or debris(word, lh)):
                value.stop = "leader"
                break
            if value.empty and (tail := leader_tail(word.text)):
                value.glued.append(tail)
            if (
                value.empty
                and is_leader(word.text)
                and (word.right - hit.right > BLANK_LEADER_LINE_HEIGHTS * lh)
            ):
                value.stop = "leader"
                break  # a blank line: the leader runs on to the next column
            prev_right = word.right
            continue
        if not value.empty and word.left - prev_right > GAP_LINE_HEIGHTS * lh:
            value.stop = "gap"
            break
        value.add(word, strip_leaders(word.text))
        prev_right = word.right
        if ends_with_leader(word.text):
            if len(value.text) <= 2 and (tail := leader_tail(word.text)):
                value.glued.append(tail)  # "v..Nữ": ":" read as "v", the value after the dots
            value.stop = "leader"
            break
    if value.stop == "label":
        value.drop_trailing_numbering()
    return value


def rest_of_line(hit: Hit, line_hits: list[Hit]) -> Value:
    """Every readable word after the label up to the next label, leaders and debris skipped."""
    stop_at = min((h.start for h in line_hits if h.start >= hit.end), default=len(hit.line.words))
    value = Value(stop="label" if stop_at < len(hit.line.words) else "eol")
    for word in hit.line.words[hit.end : stop_at]:
        text = strip_leaders(word.text)
        if any(c.isalnum() for c in text):
            value.add(word, text)
    return value


#: A value Tesseract put on a line of its own beside its label (a page read as a column of
#: labels and a column of values) starts within this many line heights right of the label.
ROW_REACH_LINE_HEIGHTS = 10.0


def same_row(hit: Hit, doc: Document, hits_by_line: dict[int, list[Hit]]) -> Value:
    """The value at the label's height on another OCR line just right of it.

    Tesseract sometimes reads a form as two blocks, the labels and then the values (a rescan
    at 150 DPI of a marriage certificate, fresh duplicate seed 6909), so "Họ, chữ đệm, tên
    chồng:" ends its line and "Lê Bảo Long" is a line of its own at the same height. A line
    that starts with a label is the next field, not a value."""
    line = hit.line
    lh = line.height
    mid = (line.top + line.bottom) / 2
    beside = [
        ln
        for ln in doc.lines
        if ln.page == line.page
        and ln.index != line.index
        and abs((ln.top + ln.bottom) / 2 - mid) <= 0.5 * lh
        and hit.right - 0.5 * lh <= ln.left <= hit.right + ROW_REACH_LINE_HEIGHTS * lh
    ]
    if not beside:
        return Value()
    row = min(beside, key=lambda ln: ln.left)
    hits = hits_by_line.get(row.index, [])
    if hits and hits[0].start <= 1:
        return Value()
    stop_at = min((h.start for h in hits), default=len(row.words))
    value = _value_of(row.words[:stop_at], row.height)
    value.stop = "label" if stop_at < len(row.words) else "eol"
    return value


def _value_of(words: list[Word], line_height: float) -> Value:
    """The words of a value on a line of its own: leading leaders and debris skipped, up to
    the first leader or debris after text."""
    value = Value()
    for w in words:
        if debris(w, line_height) or is_leader(w.text) or is_junk(w.text):
            if not value.empty:
                break
            continue
        value.add(w, strip_leaders(w.text))
        if ends_with_leader(w.text):
            break
    return value


def below(
    hit: Hit,
    doc: Document,
    hits_by_line: dict[int, list[Hit]],
    right_limit: float,
    left_limit: float | None = None,
) -> Value:
    """The value printed under the label (cards, header tables), within its column."""
    line = hit.line
    lh = line.height
    left = left_limit if left_limit is not None else hit.left - 1.5 * lh
    for nxt in doc.lines[line.index + 1 : line.index + 4]:
        if nxt.page != line.page or nxt.top - line.bottom > 2.4 * lh:
            break
        if nxt.top < line.bottom - 0.3 * lh:
            continue
        inside = [
            i for i, w in enumerate(nxt.words) if left <= (w.left + w.right) / 2 <= right_limit
        ]
        if not inside:
            continue
        if hits_by_line.get(nxt.index) or _beside_label(nxt, doc, hits_by_line):
            return Value()  # the next labelled line, or the value of the label beside it
        return _value_of([nxt.words[i] for i in inside], nxt.height)
    return Value()


def _beside_label(line: Line, doc: Document, hits_by_line: dict[int, list[Hit]]) -> bool:
    """A line of its own at the height of a labelled line that ends left of it: that label's
    value, read by Tesseract as a block apart from the labels (see `same_row`)."""
    mid = (line.top + line.bottom) / 2
    return any(
        other.page == line.page
        and other.index != line.index
        and abs((other.top + other.bottom) / 2 - mid) <= 0.5 * line.height
        and other.right < line.left
        and (hits := hits_by_line.get(other.index))
        and hits[0].start <= 1
        for other in doc.lines
    )


def continuation(value: Value, hit: Hit, doc: Document, hits_by_line: dict[int, list[Hit]]) -> None:
    """Append wrapped lines of a long value (addresses, places) that ran to the margin.

    A wrapped line starts under the label (or under the value). Words further left are not
    part of it: on card copies they are the photo or the card's edge read as letters."""
    if value.stop != "eol" or value.empty:
        return
    line = hit.line
    lh = line.height
    near = [ln for ln in doc.lines[max(0, line.index - 8) : line.index + 8] if ln.page == line.page]
    margin = max(ln.right for ln in near)
    if value.words[-1].right < margin - 8 * lh:
        return
    prev: Line = line
    for nxt in doc.lines[line.index + 1 : line.index + 4]:
        if nxt.page != line.page or nxt.top - prev.bottom > 1.6 * lh or nxt.top < prev.bottom - lh:
            return
        if hits_by_line.get(nxt.index):
            return
        words = [w for w in nxt.words if w.left >= hit.left - WRAP_INDENT_LINE_HEIGHTS * lh]
        if not words or (
            abs(words[0].left - hit.left) > WRAP_INDENT_LINE_HEIGHTS * lh
            and abs(words[0].left - value.words[0].left) > WRAP_INDENT_LINE_HEIGHTS * lh
        ):
            return
        stop = "eol"
        started = False
        last_text = _last_text(words)
        for i, w in enumerate(words):
            if speck(w, nxt.height) and i > last_text:
                continue
            if debris(w, nxt.height) or is_leader(w.text) or is_junk(w.text):
                if started and (is_leader(w.text) or debris(w, nxt.height)):
                    stop = "leader"
                    break
                continue
            value.add(w, strip_leaders(w.text))
            started = True
            if ends_with_leader(w.text):
                stop = "leader"
                break
        if stop != "eol" or nxt.right < margin - 8 * lh:
            return
        prev = nxt


def header_cell(hit: Hit, line_hits: list[Hit], doc: Document) -> Value:
    """The cell under a column header.

    Headers are centred in their columns and cells are left-aligned, so column borders are
    rebuilt from the headers' centres: the table's left edge is where the row starts, and
    each next border mirrors the previous one about the header's centre."""
    line = hit.line
    lh = line.height
    for nxt in doc.lines[line.index + 1 : line.index + 4]:
        if nxt.page != line.page or nxt.top - line.bottom > 3 * lh:
            break
        if nxt.top < line.bottom - 0.3 * lh:
            continue
        words = [
            w
            for w in nxt.words
            if not (debris(w, nxt.height) or is_leader(w.text) or is_junk(w.text))
        ]
        if not words:
            continue
        heads = sorted(line_hits, key=lambda h: h.left)
        if _header_wrap(words, heads, lh):
            continue
        borders = [min(words[0].left, heads[0].left) - 0.5 * lh]
        for head in heads:
            centre = (head.left + head.right) / 2
            borders.append(max(2 * centre - borders[-1], head.right + 0.2 * lh))
        k = heads.index(hit)
        # a header word left of every label ("STT" read as "SITT") heads a column of its own
        unlabelled = [w.right for w in line.words[: heads[0].start] if not is_junk(w.text)]
        value = Value()
        slack = 0.6 * lh  # cells start just right of the border; the estimate is rough
        for cell in _cells(words, lh):
            if unlabelled and cell[0].left < max(unlabelled):
                continue
            start = cell[0].left + slack
            if borders[k] <= start < borders[k + 1] or (
                k == len(heads) - 1 and start >= borders[k]
            ):
                for w in cell:
                    value.add(w, strip_leaders(w.text))
        return value
    return Value()


_UNIT = re.compile(r"^\(\w{1,3}\W?\)$")  # "(m2)", "(m²)", "(m?)" under "Diện tích"


def _header_wrap(words: list[Word], heads: list[Hit], lh: float) -> bool:
    """The rest of the header cells wrapped onto a second line ("Tờ bản đồ" / "số", "(m²)").

    A few words under the headers with no number outside a unit: a data row of these tables
    has numbers (parcel, sheet, area)."""
    if len(words) > 4:
        return False
    if any(c.isdigit() for w in words if not _UNIT.match(w.text) for c in w.text):
        return False
    return all(
        any(h.left - lh <= (w.left + w.right) / 2 <= h.right + lh for h in heads) for w in words
    )


def _cells(words: list[Word], lh: float) -> list[list[Word]]:
    cells: list[list[Word]] = [[words[0]]]
    for w in words[1:]:
        if w.left - cells[-1][-1].right > 1.5 * lh:
            cells.append([w])
        else:
            cells[-1].append(w)
    return cells
