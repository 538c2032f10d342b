"""Personal names: NFC, each word capitalised ("NGUYỄN VĂN AN" -> "Nguyễn Văn An").

Values are often typed in capitals; OCR leaves trailing commas and leader debris, and reads
a name as mixed case at times ("PhúÚC"), so every word is rebuilt from lower case.
"""

from __future__ import annotations

import re
import unicodedata

from intake.extract.values.base import Parsed
from intake.extract.values.given_names import repair_given_names

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


def capitalise(word: str) -> str:
    """ "ĐỨC" -> "Đức", "h'mông" -> "H'mông": first letter up, the rest down."""
    word = unicodedata.normalize("NFC", word.lower())
    return word[:1].upper() + word[1:]


def _is_letter(char: str) -> bool:
    """A real letter, not a modifier such as "ˆ" that OCR reads from a stray accent mark."""
    return unicodedata.category(char) in ("Lu", "Ll", "Lt", "Lo")


def parse_name(raw: str) -> Parsed | None:
    """Keep the letter words of ``raw``; valid when 2-7 words remain and nothing was dropped."""
    raw = unicodedata.normalize("NFC", raw)
    words = [w for w in _WORD.findall(raw) if any(_is_letter(c) for c in w)]
    if not words:
        return None
    notes = []
    ruled = strip_table_rule(words[0])
    if ruled != words[0]:
        notes.append(f"họ bỏ nét kẻ bảng / table rule dropped from the surname ({words[0]})")
        words[0] = ruled
    value = " ".join(capitalise(w) for w in words)
    value, repaired = repair_surname(value)
    if repaired:
        notes.append(f"họ sửa dấu theo danh sách / surname accents repaired ({words[0]})")
    value, given = repair_given_names(value)
    if given:
        notes.append("tên sửa dấu theo danh sách / name accents repaired: " + ", ".join(given))
    dropped = re.sub(r"[\s,.;:]+", "", _WORD.sub("", raw))
    problems = []
    if not 2 <= len(words) <= 7:
        problems.append("họ tên bất thường / unusual name length")
    if dropped:
        problems.append("ký tự lạ trong họ tên / stray characters in the name")
    return Parsed(value, valid=not problems, notes=notes, problems=problems)


#: The most frequent surnames, for repairing OCR's lost or wrong tone marks on the first
#: word ("NGUYÊN" -> "Nguyễn", "Lẻ" -> "Lê"). Only applied when the OCR'd form is not itself
#: one of them.
SURNAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trương",
    "Lương",
    "Đoàn",
    "Trịnh",
    "Mai",
    "Cao",
    "Lâm",
    "Tạ",
    "Hà",
    "Tô",
    "Châu",
    "Lưu",
    "Quách",
    "Thái",
    "Triệu",
    "Kiều",
    "Chu",
)


#: Glyphs OCR makes of a table's vertical rule glued to the word beside it.
_RULE_GLYPHS = ("I", "l", "|")


def strip_table_rule(word: str) -> str:
    """ "VũI" -> "Vũ": a surname read with the cell's vertical rule glued on as a capital I
    (or l). Only when the word has a lower-case letter just before it (a capital after lower
    case is not how a name is typed), is not itself a frequent surname ("Mai", "Hải" stay)
    and becomes one without it."""
    if len(word) < 3 or not word.endswith(_RULE_GLYPHS) or not word[-2].islower():
        return word
    if capitalise(word) in SURNAMES or capitalise(word[:-1]) not in SURNAMES:
        return word
    return word[:-1]


def repair_surname(value: str) -> tuple[str, bool]:
    """Put the tone marks back on a frequent surname when OCR damaged them."""
    from intake.extract.text import fold

    first, _, rest = value.partition(" ")
    if not rest or first in SURNAMES:
        return value, False
    matches = [s for s in SURNAMES if fold(s) == fold(first)]
    if len(matches) != 1:
        return value, False
    return f"{matches[0]} {rest}", True
