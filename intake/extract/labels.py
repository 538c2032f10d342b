"""Find printed labels in OCR lines, tolerant of OCR errors.

Labels are compared accent-folded ("Họ, chữ đệm, tên" -> "ho chu dem ten") with a
normalised edit-distance similarity (rapidfuzz). Short labels ("Số", "Sex") must match
exactly; longer ones accept a few wrong letters. A window may not run across a word that
ends with ":" (the end of a printed label), so a label never swallows the value after it.
When labels overlap (``"Họ, chữ đệm, tên"`` inside ``"Họ, chữ đệm, tên người mẹ"``), the
longer, better match wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from intake.extract.layout import Line
from intake.extract.text import fold


@dataclass(frozen=True, slots=True)
class Phrase:
    """A printed label or section heading, folded for matching."""

    text: str
    folded: str

    @property
    def size(self) -> int:
        return len(self.folded.split())


def make_phrase(text: str) -> Phrase:
    return Phrase(text, fold(text))


@dataclass(slots=True)
class Hit:
    """A phrase found on a line: words [start, end) of the line."""

    phrase: Phrase
    line: Line
    start: int
    end: int
    score: float

    @property
    def left(self) -> int:
        return self.line.words[self.start].left

    @property
    def right(self) -> int:
        return self.line.words[self.end - 1].right

    @property
    def colon(self) -> bool:
        """The printed label ends with ":" (a labelled line rather than a table cell)."""
        return self.line.words[self.end - 1].text.rstrip().endswith(":")


#: A label in mid-line without its ":" is most likely a value that looks like a label
#: ("Nam Định" ~ "Năm sinh"), so it must match nearly exactly.
MID_LINE_SIMILARITY = 0.9
#: Words of one label are never further apart than this (in line heights).
MAX_GAP_LINE_HEIGHTS = 2.5


def threshold(folded: str) -> float:
    """Similarity a window needs to count as this label (1.0 = exact)."""
    n = len(folded.replace(" ", ""))
    if n <= 4:
        return 1.0
    if n <= 8:
        return 0.8
    return 0.84


def similarity(a: str, b: str) -> float:
    return Levenshtein.normalized_similarity(a, b)


def find_hits(line: Line, phrases: list[Phrase]) -> list[Hit]:
    """All non-overlapping phrase occurrences on ``line``, longest and best first."""
    tokens = line.tokens
    if not tokens:
        return []
    firsts: dict[str, list[Phrase]] = {}
    for p in phrases:
        firsts.setdefault(p.folded.split()[0], []).append(p)
    candidates: list[Hit] = []
    for i, (tok, _) in enumerate(tokens):
        for first, group in firsts.items():
            if tok != first and (len(first) <= 2 or similarity(tok, first) < 0.6):
                if len(tok) != len(first) or similarity(tok, first) < 0.5:
                    continue
                # a short first word may be misread ("Gó giá trị đến") when enough follows it
                group = [p for p in group if p.size >= 3]
            for phrase in group:
                hit = _best_window(line, i, phrase)
                if hit and (hit.colon or hit.start <= 1 or hit.score >= MID_LINE_SIMILARITY):
                    candidates.append(hit)
    candidates.sort(key=lambda h: (-len(h.phrase.folded) * h.score**4, h.start))
    taken: list[Hit] = []
    for hit in candidates:
        if all(hit.end <= t.start or hit.start >= t.end for t in taken):
            taken.append(hit)
    return sorted(taken, key=lambda h: h.start)


def _best_window(line: Line, i: int, phrase: Phrase) -> Hit | None:
    tokens = line.tokens
    need = threshold(phrase.folded)
    glued = phrase.folded.replace(" ", "")
    best: Hit | None = None
    n = phrase.size
    # OCR glues a label's words ("Tờ bảnđồsố"), so fewer tokens than the phrase has words can
    # still be the whole label; the glued comparison below scores those windows.
    for size in (n, n - 1, n + 1, *range(n - 2, 0, -1)):
        if size < 1 or i + size > len(tokens):
            continue
        window = tokens[i : i + size]
        text = " ".join(t for t, _ in window)
        if size < n - 1 and abs(len(text) - size + 1 - len(glued)) > 2:
            continue  # too short to be the glued label
        score = max(
            similarity(text, phrase.folded),
            similarity(text.replace(" ", ""), glued) - 0.02,  # OCR glues words: "đấtsố"
        )
        if score < need or (best is not None and score <= best.score):
            continue
        if _window_fits(line, window, phrase):
            best = Hit(phrase, line, window[0][1], window[-1][1] + 1, score)
    return best


def _window_fits(line: Line, window: list[tuple[str, int]], phrase: Phrase) -> bool:
    """Whether the words under a well-scoring window can be one printed label."""
    first_word, last_word = window[0][1], window[-1][1]
    inner = [line.words[w] for w in range(first_word, last_word)]
    if any(w.text.rstrip().endswith(":") for w in inner):
        return False
    if "," not in phrase.text and any(w.text.rstrip().endswith(",") for w in inner):
        return False  # "Hòa Bình, ngày 14 ..." is a place and the date, not "Sinh ngày"
    if line.words[first_word].folded.split()[0] != window[0][0]:
        return False  # a phrase starts at a word start
    if window[-1][0] != line.words[last_word].folded.split()[-1]:
        return False  # ...and ends at a word end
    gap = MAX_GAP_LINE_HEIGHTS * line.height
    return not any(
        line.words[w + 1].left - line.words[w].right > gap for w in range(first_word, last_word)
    )  # words of two table cells are not one label
