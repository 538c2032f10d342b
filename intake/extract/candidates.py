"""Label occurrences on a document and the value each one offers, with its section.

Walks the lines in reading order once: finds every schema phrase (field labels, section
headings, other printed labels), tracks the current section (the last heading seen), spots
table headers, and turns each label occurrence into candidate values per section.
"""

from __future__ import annotations

from dataclasses import dataclass

from intake.extract.labels import Hit, Phrase, find_hits, make_phrase
from intake.extract.layout import Document, Line
from intake.extract.regions import (
    GAP_LINE_HEIGHTS,
    Value,
    below,
    continuation,
    header_cell,
    rest_of_line,
    right_of,
    same_row,
)
from intake.extract.tables import Columns, header_columns, row_cells
from intake.extract.text import fold
from schemas import DocTypeSchema


@dataclass(slots=True)
class Candidate:
    """A value offered by one label occurrence for fields of ``section`` (None = any)."""

    hit: Hit
    section: str | None
    value: Value
    order: int
    #: a longer reading: through the next label when the value stopped there, or past OCR
    #: debris ("Ngày sinh / D t › fbnh: 10/08/1991"); used only when it validates
    extended: Value | None = None


@dataclass(slots=True)
class Vocabulary:
    """The phrases of one document type and what each stands for."""

    phrases: list[Phrase]
    fields_of: dict[str, list[str]]  # folded phrase -> field keys using it as a label
    section_of: dict[str, str]  # folded phrase -> section it opens


def vocabulary(schema: DocTypeSchema) -> Vocabulary:
    fields_of: dict[str, list[str]] = {}
    section_of: dict[str, str] = {}
    texts: dict[str, str] = {}
    for spec in schema.fields:
        for label in spec.all_labels:
            p = make_phrase(label)
            texts.setdefault(p.folded, label)
            fields_of.setdefault(p.folded, []).append(spec.key)
    for section, heads in schema.sections.items():
        for head in heads:
            p = make_phrase(head)
            texts.setdefault(p.folded, head)
            section_of[p.folded] = section
    for other in [*schema.other_labels, schema.title, *schema.titles]:
        p = make_phrase(other)
        texts.setdefault(p.folded, other)
    phrases = [make_phrase(t) for f, t in texts.items() if f]
    return Vocabulary(phrases, fields_of, section_of)


def collect(doc: Document, vocab: Vocabulary) -> list[Candidate]:
    """Every label occurrence with its candidate value(s), in reading order."""
    hits_by_line = {ln.index: find_hits(ln, vocab.phrases) for ln in doc.lines}
    out: list[Candidate] = []
    section: str | None = None
    columns: Columns | None = None
    row_starts = _row_starts(hits_by_line, vocab)
    headers = _header_rows(doc, hits_by_line, vocab)
    for line in doc.lines:
        hits = hits_by_line[line.index]
        width = doc.pages[line.page].width
        if line.index in headers:
            if headers[line.index] is not None:
                columns, section = headers[line.index], None
            continue
        for hit in hits:
            if hit.phrase.folded in vocab.section_of:
                section = vocab.section_of[hit.phrase.folded]
            if columns is not None and (hit.colon or line.page != columns.page):
                columns = None
            if hit.phrase.folded not in vocab.fields_of:
                continue
            if columns is not None and hit.left < columns.label_right + line.height:
                cells = row_cells(hit, columns, doc, row_starts)
                out.extend(Candidate(hit, s, v, len(out)) for s, v in cells.items() if not v.empty)
                continue
            if _period_bound(hit):
                continue
            header_row = _header_like(line, hits)
            if not (
                hit.colon or hit.start <= 1 or header_row or hit.phrase.size == 1 or _column(hit)
            ):
                continue  # a label named in running text ("... tình trạng hôn nhân cho ...")
            value = right_of(hit, hits)
            extended = None
            if value.stop == "label":
                following = [h for h in hits if h.start >= hit.end]
                extended = right_of(hit, [h for h in hits if h is not following[0]])
            elif value.stop in ("leader", "gap"):
                extended = rest_of_line(hit, hits)
            if value.empty and header_row:
                value = header_cell(hit, hits, doc)
            elif value.empty and (hit.colon or _alone(hit, value)):
                nxt = [h.left for h in hits if h.start >= hit.end]
                limit = (min(nxt) - line.height) if nxt else float(width)
                prev = [h.right for h in hits if h.end <= hit.start]
                left = (max(prev) + hit.left) / 2 if prev else None
                value = below(hit, doc, hits_by_line, limit, left)
                if value.empty:  # the labels read as one block, the values as another
                    value = same_row(hit, doc, hits_by_line)
            else:
                continuation(value, hit, doc, hits_by_line)
            if not value.empty or value.glued:
                out.append(Candidate(hit, section, value, len(out), extended))
    return out


def _header_rows(
    doc: Document, hits_by_line: dict[int, list[Hit]], vocab: Vocabulary
) -> dict[int, Columns | None]:
    """Lines holding the section headings of a row table, side by side.

    Tesseract may read each header cell as its own line, so anchors on lines at the same height
    are pooled. The first line of a header gets the columns, the others None (skipped)."""
    out: dict[int, Columns | None] = {}
    anchored = [
        ln
        for ln in doc.lines
        if any(h.phrase.folded in vocab.section_of for h in hits_by_line[ln.index])
    ]
    for line in anchored:
        if line.index in out:
            continue
        mid = (line.top + line.bottom) / 2
        group = [
            ln
            for ln in anchored
            if ln.page == line.page and abs((ln.top + ln.bottom) / 2 - mid) < 0.6 * line.height
        ]
        anchors = [
            (h, vocab.section_of[h.phrase.folded])
            for ln in group
            for h in hits_by_line[ln.index]
            if h.phrase.folded in vocab.section_of
        ]
        columns = header_columns(anchors, doc.pages[line.page].width)
        if columns is None:
            continue
        first = min(group, key=lambda ln: ln.index)
        for ln in group:
            out[ln.index] = columns if ln is first else None
    return out


def _column(hit: Hit) -> bool:
    """A label opening a second column ("25/9/1959 ;      Giới tính ...."): a wide gap
    separates it from the last word before it, so it is not in running text."""
    before = [w for w in hit.line.words[: hit.start] if any(c.isalnum() for c in w.text)]
    return bool(before) and hit.left - before[-1].right > GAP_LINE_HEIGHTS * hit.line.height


#: Words that make the one-word label "ngày" the bound of a period ("từ ngày 10/03/2013",
#: "đến ngày ..."), not the date of the paper (fresh duplicate seed 6903).
_PERIOD_WORDS = frozenset({"tu", "den", "toi"})


def _period_bound(hit: Hit) -> bool:
    if hit.phrase.size != 1 or hit.start == 0:
        return False
    return fold(hit.line.words[hit.start - 1].text).strip(",.:;") in _PERIOD_WORDS


def _alone(hit: Hit, value: Value) -> bool:
    """A label alone on its line whose ":" OCR dropped ("Có giá trị đến" over the date)."""
    return hit.start <= 1 and value.stop == "eol" and hit.phrase.size >= 2


def _header_like(line: Line, hits: list[Hit]) -> bool:
    """A table header row: nearly every word of the line belongs to some label, and none ends
    with ":" (that is a row of labelled values: "Số: .... Quyển số: 01/1988")."""
    words = [w for w in line.words if any(c.isalnum() for c in w.text)]
    covered = sum(h.end - h.start for h in hits)
    if any(h.colon for h in hits):
        return False
    return len(hits) >= 2 and covered >= 0.6 * max(1, len(words))


def _row_starts(hits_by_line: dict[int, list[Hit]], vocab: Vocabulary) -> set[int]:
    """Lines that begin with a field label (a new table row or labelled line)."""
    return {i for i, hits in hits_by_line.items() if hits and hits[0].start <= 1}
