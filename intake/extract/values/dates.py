"""Dates as forms print them, to ``YYYY-MM-DD``.

Forms print "26/4/2018", "12-03-2019", "05.03.2024", the closing line "ngày 05 tháng 3 năm
2024", the year alone ("1933") and dates in words ("Ngày hai mươi sáu, tháng tư, năm hai
nghìn không trăm mười tám"). Matching is done on accent-folded text because OCR loses tone
marks long before it loses the letters of a number word.
"""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from intake.extract.text import fold
from intake.extract.values.base import DIGIT_CONFUSIONS, Parsed, fix_digits

_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_CLOSING = re.compile(r"(?:ngay)?\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
_YEAR = re.compile(r"(?<!\d)(1[89]\d{2}|20\d{2}|21\d{2})(?!\d)")
_COMPACT = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{4})(?!\d)")
#: "17/05/1971" with both slashes read as "1" (or l, I, i, repaired to 1 before): 10 digits.
_SLASHES_AS_ONES = re.compile(r"(?<!\d)(\d{2})1(\d{2})1(\d{4})(?!\d)")
#: Slash look-alikes OCR returns (fraction slash, division slash, full-width solidus).
_SLASHES = str.maketrans({"\u2044": "/", "\u2215": "/", "\uff0f": "/"})

_UNITS = {
    "khong": 0,
    "mot": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "tu": 4,
    "nam": 5,
    "lam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
}
_WORDS = [*_UNITS, "muoi", "tram", "nghin", "ngan", "linh", "le", "ngay", "thang", "moi"]


def _snap(token: str) -> str:
    """Nearest number word for an OCR-damaged token ("mưoi" -> "muoi"), else the token."""
    if token in _WORDS or token.isdigit() or len(token) < 3:
        return token
    hit = process.extractOne(token, _WORDS, scorer=Levenshtein.distance, score_cutoff=1)
    return hit[0] if hit else token


def words_to_int(tokens: list[str]) -> int | None:
    """Vietnamese number words (folded) to an int: "hai nghin khong tram muoi tam" -> 2018."""
    total, current, last_unit = 0, 0, None
    seen = unit_seen = False
    for i, tok in enumerate(tokens):
        if tok in _UNITS:
            last_unit = _UNITS[tok]
            current += last_unit
            seen = unit_seen = True
        elif tok in ("muoi", "moi"):
            if i > 0 and tokens[i - 1] in _UNITS and last_unit is not None:
                current = current - last_unit + last_unit * 10  # "hai mươi" = 20
            else:
                current += 10  # "mười" = 10
            last_unit = None
            seen = True
        elif tok == "tram":
            total += (current if unit_seen else 1) * 100
            current, last_unit, unit_seen = 0, None, False
        elif tok in ("nghin", "ngan"):
            total += (current if unit_seen else 1) * 1000
            current, last_unit, unit_seen = 0, None, False
        elif tok in ("linh", "le"):
            last_unit = None
        else:
            return None
    return total + current if seen or total else None


_MONTH_WORDS = [
    (["muoi", "mot"], 11),
    (["muoi", "hai"], 12),
    (["gieng"], 1),
    (["chap"], 12),
    (["mot"], 1),
    (["hai"], 2),
    (["ba"], 3),
    (["tu"], 4),
    (["bon"], 4),
    (["nam"], 5),
    (["sau"], 6),
    (["bay"], 7),
    (["tam"], 8),
    (["chin"], 9),
    (["muoi"], 10),
]


def _in_words(folded: str) -> tuple[int, int, int] | None:
    tokens = [_snap(t) for t in folded.split()]
    if "thang" not in tokens or "ngay" not in tokens:
        return None
    start = tokens.index("ngay")
    mid = tokens.index("thang", start)
    day = _int_or_words(tokens[start + 1 : mid])
    rest = tokens[mid + 1 :]
    for words, month in _MONTH_WORDS:
        if rest[: len(words)] == words and rest[len(words) : len(words) + 1] == ["nam"]:
            year = _int_or_words(rest[len(words) + 1 :])
            if day and year:
                return year, month, day
            return None
    if rest and rest[0].isdigit() and "nam" in rest:
        year = _int_or_words(rest[rest.index("nam") + 1 :])
        if day and year:
            return year, int(rest[0]), day
    return None


def _int_or_words(tokens: list[str]) -> int | None:
    tokens = [t for t in tokens if t]
    if len(tokens) == 1 and tokens[0].isdigit():
        return int(tokens[0])
    return words_to_int(tokens) if tokens else None


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return 1890 <= y <= 2199


_DATE_LIKE = re.compile(r"^[\dOoDIlSBZ|]{1,4}([/.\-][\dOoDIlSBZ|]{1,4}){2}\W*$")


def _repair(raw: str) -> tuple[str, bool]:
    """Fix letter/digit confusions in the numeric-looking tokens of a date string."""
    out, changed = [], False
    for tok in raw.split():
        if _DATE_LIKE.match(tok) and not tok.replace("/", "").replace("-", "").isdigit():
            new = "".join(DIGIT_CONFUSIONS.get(c, c) for c in tok)
            changed |= new != tok
            out.append(new)
            continue
        parts = re.split(r"([/.\-])", tok)
        fixed = []
        for part in parts:
            new, did = fix_digits(part) if len(part) >= 2 or part in "OlIS" else (part, False)
            fixed.append(new)
            changed |= did
        out.append("".join(fixed))
    return " ".join(out), changed


def parse_date(raw: str) -> Parsed | None:
    """Find one date in ``raw`` and return it as ``YYYY-MM-DD`` (year-only stays ``YYYY``)."""
    raw = raw.translate(_SLASHES)
    folded = fold(raw)
    words = _in_words(folded)
    if words and _valid(*words):
        note = [] if re.search(r"ngay\s*\d", folded) else ["date in words"]
        return Parsed(f"{words[0]:04d}-{words[1]:02d}-{words[2]:02d}", notes=note)
    text, repaired = _repair(raw)
    notes = ["OCR letters read as digits (O→0, l→1, S→5...)"] if repaired else []
    found = _first_date(text, fold(text))
    if found is not None:
        (y, m, d), how = found
        if _valid(y, m, d):
            return Parsed(f"{y:04d}-{m:02d}-{d:02d}", notes=notes + how)
        return Parsed(
            f"{y:04d}-{m:02d}-{d:02d}",
            valid=False,
            notes=notes,
            problems=["ngày không hợp lệ / invalid date"],
        )
    year = _YEAR.search(text)
    if year:
        return Parsed(year.group(1), notes=[*notes, "chỉ có năm / year only"])
    return None


def _first_date(text: str, folded: str) -> tuple[tuple[int, int, int], list[str]] | None:
    closing = _CLOSING.search(folded)
    numeric = _NUMERIC.search(text)
    iso = _ISO.search(text)
    candidates = []
    if closing:
        candidates.append((closing.start() / max(1, len(folded)), closing, "closing"))
    if numeric:
        candidates.append((numeric.start() / max(1, len(text)), numeric, "numeric"))
    if iso:
        candidates.append((iso.start() / max(1, len(text)), iso, "iso"))
    if not candidates:
        glued = text.replace(" ", "")
        ones = _SLASHES_AS_ONES.search(glued)
        if ones:
            d, m, y = (int(g) for g in ones.groups())
            if _valid(y, m, d):
                return (y, m, d), ["dấu / đọc thành 1 / slashes read as 1"]
        compact = _COMPACT.search(glued)
        if compact:
            d, m, y = (int(g) for g in compact.groups())
            return (y, m, d), ["date without separators"]
        return None
    _, match, how = min(candidates, key=lambda c: c[0])
    if how == "iso":
        y, m, d = (int(g) for g in match.groups())
    else:
        d, m, y = (int(g) for g in match.groups())
    return (y, m, d), []
