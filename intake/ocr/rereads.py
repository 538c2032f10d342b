"""Second reads of the digit fields a page pass was unsure of: dates and personal ID numbers.

Why: one wrong digit in an ID number or a date links a document to the wrong person, and the
page pass (whole page, full Vietnamese alphabet) gets such a digit wrong on a few percent of
occurrences. Re-reading only that word as a single line (``--psm 7``), limited to digits and
separators, at the page's scale and enlarged, then voting among the readings that form a valid
date or 12-digit number, repairs most of them. A word read with high confidence in a valid
shape costs one check read at page scale (by the digit model, ``eng`` by default: the page's
``vie`` misreads italic digits confidently) and is re-read in full only when that check sees
another valid value; when two values tie, further scales are read until one leads (cost and
gain: docs/ocr.md, measured with ``bench/ocr_accuracy.py``).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from PIL import Image, ImageOps

from intake.ocr.base import LineReader, OcrLine, OcrWord, PageText, union_box

CHARSET = "0123456789/-."
#: Scales of the word crop read again: as on the page, and enlarged (small print, photocopies).
SCALES = (1.0, 2.0, 3.0)
#: Further scales read, one at a time, only while two values are tied (italic print reads
#: differently at each scale: "12/7/1939" gave 1939 at 3x, 1959 at 2x and 1939 at 1.25x).
TIE_SCALES = (1.25, 1.5, 2.5)
#: A valid date or ID number read at least this confidently by the page pass is kept as is.
TRUSTED_CONFIDENCE = 0.90
#: Tokens with fewer digits are not dates or ID numbers (house numbers, years, page numbers).
MIN_DIGITS = 6

_CORE = re.compile(r"\d[\d/.\-]*\d")
#: Small card print: the page pass often reads a date's slashes as i, I, l or | ("12i02I2026");
#: such a word is still a date to re-read (the re-read itself allows digits and separators only).
_CORE_LOOSE = re.compile(r"\d[\d/.\-iIl|]*\d")
_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_ID = re.compile(r"\d{12}")
_DIGIT_WORD = re.compile(r"\d+[.,;]?")
_DATE_PIECE = re.compile(r"[\d/]*\d[\d/]*[.,;)]?")
_SPLIT_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}[.,;)]?")
ID_DIGITS = 12


@dataclass(slots=True)
class RereadStats:
    candidates: int = 0  # digit words seen
    reread: int = 0  # of which read again
    changed: int = 0  # of which the vote changed the text
    seconds: float = 0.0


def valid_digits(core: str) -> bool:
    """A plausible date (day 1-31, month 1-12, year 1900-2100) or a 12-digit ID number."""
    date = _DATE.fullmatch(core)
    if date:
        day, month, year = (int(g) for g in date.groups())
        return 1 <= day <= 31 and 1 <= month <= 12 and 1900 <= year <= 2100
    return bool(_ID.fullmatch(core))


def _core(text: str) -> re.Match[str] | None:
    match = _CORE_LOOSE.search(text)
    if match is None or sum(c.isdigit() for c in match.group()) < MIN_DIGITS:
        return None
    return match


def reread_digits(
    engine: LineReader, image: Image.Image, page: PageText, dpi: int
) -> tuple[PageText, RereadStats]:
    """``page`` with its uncertain date / ID-number words re-read from ``image`` (the image the
    page pass read, same pixel grid as the word boxes)."""
    stats = RereadStats()
    started = time.perf_counter()
    lines = []
    for line in page.lines:
        words = _join_split_numbers(list(line.words))
        for i, word in enumerate(words):
            match = _core(word.text)
            if match is None:
                continue
            stats.candidates += 1
            crop = image.crop(_crop_box(words, i, image.size))
            first = _reading(engine, crop, dpi, SCALES[0])
            if _confirmed(match.group(), word.confidence, first):
                continue
            stats.reread += 1
            readings = [first] + [_reading(engine, crop, dpi, scale) for scale in SCALES[1:]]
            for scale in TIE_SCALES:
                if _decided((match.group(), word.confidence), readings):
                    break
                readings.append(_reading(engine, crop, dpi, scale))
            voted = _vote((match.group(), word.confidence), readings)
            if voted is not None and voted[0] != match.group():
                stats.changed += 1
                text = word.text[: match.start()] + voted[0] + word.text[match.end() :]
                words[i] = OcrWord(text, word.box, voted[1])
        lines.append(OcrLine(tuple(words)))
    stats.seconds = time.perf_counter() - started
    reread = PageText(tuple(lines), page.width, page.height, page.engine, page.source, page.extra)
    return reread, stats


def _confirmed(page_text: str, confidence: float, check: tuple[str, float]) -> bool:
    """A confident, valid page-pass reading stands unless the re-read model, reading the word
    at page scale, sees another valid date or number: the page model (``vie``) misreads
    italic digits with high confidence (8 as 6, 3 as 5), the digit model mostly does not."""
    if not (valid_digits(page_text) and confidence >= TRUSTED_CONFIDENCE):
        return False
    return check[0] == page_text or not valid_digits(check[0])


def _decided(original: tuple[str, float], readings: list[tuple[str, float]]) -> bool:
    """The readings so far name one value more often than any other (or none is valid)."""
    if _wins_outright(readings):
        return True
    ordered = _in_vote_order(original, readings)
    counts = Counter(text for text, _ in ordered if text and valid_digits(text)).most_common(2)
    return len(counts) < 2 or counts[0][1] > counts[1][1]


def _in_vote_order(original: tuple[str, float], readings: list[tuple[str, float]]
                   ) -> list[tuple[str, float]]:
    """The page-scale re-read first, then the page pass, then the enlarged re-reads."""
    return [readings[0], original, *readings[1:]] if readings else [original]


def _wins_outright(readings: list[tuple[str, float]]) -> bool:
    """A valid page-scale re-read at ``TRUSTED_CONFIDENCE`` (see `_vote`)."""
    if not readings:
        return False
    text, confidence = readings[0]
    return bool(text) and valid_digits(text) and confidence >= TRUSTED_CONFIDENCE


def _join_split_numbers(words: list[OcrWord]) -> list[OcrWord]:
    """Digit groups side by side that make exactly 12 digits ("030 082897943"), or a date
    ("10/06/ 1958"), are one ID number or date the page pass split at a wider gap: joined,
    they are read and checked as one."""
    joined: list[OcrWord] = []
    i = 0
    while i < len(words):
        date_end = _split_date_end(words, i)
        if date_end:
            run = words[i:date_end]
            box = union_box(w.box for w in run)
            joined.append(OcrWord("".join(w.text for w in run), box,
                                  min(w.confidence for w in run)))
            i = date_end
            continue
        j, digits = i, 0
        while j < len(words) and _DIGIT_WORD.fullmatch(words[j].text) and digits < ID_DIGITS:
            if j > i and not _close(words[j - 1], words[j]):
                break
            digits += sum(c.isdigit() for c in words[j].text)
            j += 1
        if j - i > 1 and digits == ID_DIGITS:
            run = words[i:j]
            text = "".join(w.text for w in run).rstrip(".,;")
            box = union_box(w.box for w in run)
            joined.append(OcrWord(text, box, min(w.confidence for w in run)))
            i = j
        else:
            joined.append(words[i])
            i += 1
    return joined


def _split_date_end(words: list[OcrWord], i: int) -> int:
    """End of a run of two or three close date pieces from ``i`` ("10/06/" "1958"), 0 if none."""
    for j in (i + 2, i + 3):
        run = words[i:j]
        if len(run) < j - i or not all(_DATE_PIECE.fullmatch(w.text) for w in run):
            return 0
        if not all(_close(a, b) for a, b in pairwise(run)):
            return 0
        if _SPLIT_DATE.fullmatch("".join(w.text for w in run)):
            return j
    return 0


def _close(a: OcrWord, b: OcrWord) -> bool:
    height = max(a.box[3] - a.box[1], b.box[3] - b.box[1], 1)
    return b.box[0] - a.box[2] <= 1.5 * height


def _crop_box(words: list[OcrWord], i: int, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """The word's box with a margin, widened into the gaps beside it (a digit the page pass
    dropped at either end is still inside) but never over the neighbouring words."""
    left, top, right, bottom = words[i].box
    height = max(1, bottom - top)
    pad_y, pad_x = max(4, height // 3), max(4, height // 2)
    lo = left - pad_x if i == 0 else max(left - pad_x, words[i - 1].box[2] + 1)
    hi = right + pad_x if i == len(words) - 1 else min(right + pad_x, words[i + 1].box[0] - 1)
    # Neighbours' boxes may overlap the word's own (italic, touching glyphs): never cut into it.
    lo, hi = min(lo, left), max(hi, right)
    return (
        max(0, lo),
        max(0, top - pad_y),
        max(min(size[0], hi), max(0, lo) + 1),
        max(min(size[1], bottom + pad_y), max(0, top - pad_y) + 1),
    )


def _reading(engine: LineReader, crop: Image.Image, dpi: int, scale: float) -> tuple[str, float]:
    gray = crop.convert("L")
    if scale != 1.0:
        size = (max(1, round(gray.width * scale)), max(1, round(gray.height * scale)))
        gray = gray.resize(size, Image.Resampling.BICUBIC)
    text, confidence = engine.read_line(ImageOps.expand(gray, border=10, fill=255), dpi, CHARSET)
    match = _CORE.search(text.replace(" ", ""))
    return (match.group() if match else ""), confidence


def _vote(
    original: tuple[str, float], readings: list[tuple[str, float]]
) -> tuple[str, float] | None:
    """The reading most valid readings agree on (the page pass's own counts as one); on a tie
    the first in ``readings`` then the page pass (the crop read at page scale was the most
    often right alone: 83 of 88 against 75 of 88 enlarged, dev seed 5102); ``None`` when no
    reading is a valid date or ID number, even with a dropped separator put back.

    A valid page-scale reading at ``TRUSTED_CONFIDENCE`` wins outright: enlarging an italic
    8 makes it a 6 for Tesseract, and the page pass often made the same mistake, so the
    enlarged readings and the page pass outvoted a right, confident page-scale reading
    (04/04/2018 read 04/04/2016 three times, dev seed 5512)."""
    ordered = _in_vote_order(original, readings)
    if _wins_outright(readings):
        return ordered[0]
    valid = [r for r in ordered if r[0] and valid_digits(r[0])]
    if not valid:
        repaired = [(_with_separator(text), conf) for text, conf in ordered]
        valid = [r for r in repaired if valid_digits(r[0])][:1]
    if not valid:
        return None
    counts = Counter(text for text, _ in valid)
    rank = {text: -i for i, (text, _) in reversed(list(enumerate(valid)))}
    best = max(counts, key=lambda t: (counts[t], rank[t]))
    agreeing = [c for x, c in valid if x == best]
    return best, sum(agreeing) / len(agreeing)


_MISSING_SEPARATOR = (
    re.compile(r"(\d{2})(\d{2})([/.\-])(\d{4})"),  # 0708/2019
    re.compile(r"(\d{2})([/.\-])(\d{2})(\d{4})"),  # 07/082019
)
#: Separators read as letters on small print: "12i02I2026".
_LETTER_SEPARATORS = re.compile(r"(\d{1,2})[iIl|/.\-](\d{1,2})[iIl|/.\-](\d{4})")


def _with_separator(text: str) -> str:
    """A dd/mm/yyyy date whose thin slash the OCR dropped ("0708/2019") or read as a letter
    ("12i02I2026"), with the slash put back; any other text as it is. Forms print dates with
    two-digit day and month, so the split is unambiguous."""
    for pattern in _MISSING_SEPARATOR:
        match = pattern.fullmatch(text)
        if match:
            parts = match.groups()
            sep = next(p for p in parts if not p.isdigit())
            return sep.join(p for p in parts if p.isdigit())
    match = _LETTER_SEPARATORS.fullmatch(text)
    return "/".join(match.groups()) if match else text
