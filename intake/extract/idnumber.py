"""Personal identification numbers: 12 digits, province code, century/sex digit, birth year.

There is no check digit, so the structure is the only internal check: a known province code
(the 63 pre-2025 codes), and a 4th digit and 5th-6th digits that agree with the sex and birth
year printed on the same document. OCR confusions (O->0, l->1, S->5, B->8, Z->2) are repaired
and reported in the field's note.
"""

from __future__ import annotations

import re

from intake.extract.provinces import OLD_PROVINCE_BY_CODE
from intake.extract.values.base import Parsed, fix_digits

FIX_NOTE = "OCR letters read as digits (O→0, l→1, I→1, S→5, B→8, Z→2)"
_RUN = re.compile(r"\d{12,}")


def century_sex_digit(sex: str, birth_year: int) -> int:
    """The 4th digit: 0/1 male/female born 1900-1999, 2/3 for 2000-2099, 4/5 for 2100s."""
    return max(0, birth_year // 100 - 19) * 2 + (1 if sex == "Nữ" else 0)


def birth_century(number: str) -> int:
    """The century of the holder's birth the 4th digit encodes (1900, 2000, 2100...)."""
    return 1900 + 100 * (int(number[3]) // 2)


def holder_sex(number: str) -> str | None:
    """The holder's sex the 4th digit encodes (even: Nam, odd: Nữ), or None when it is no
    century/sex digit (0-5)."""
    digit = number[3:4]
    if not digit or digit not in "012345":
        return None
    return "Nữ" if int(digit) % 2 else "Nam"


def parse_id_number(raw: str) -> Parsed | None:
    """Find a 12-digit number in ``raw`` (digit groups may be split by OCR spaces)."""
    tokens, repaired = [], False
    for tok in re.split(r"[\s,;:]+", raw):
        tok = tok.strip(".…-_")
        new, did = fix_digits(tok)
        if did and re.search(r"\d{4}", new.replace(".", "")):
            tokens.append(new)
            repaired = True
        else:
            tokens.append(tok)
    text = " ".join(tokens)
    notes = [FIX_NOTE] if repaired else []
    match = _RUN.search(text)
    if match is None:
        joined = "".join(t for t in tokens if t.isdigit())
        match = _RUN.search(joined) if len(joined) >= 12 else None
        if match is None:
            digits = max(re.findall(r"\d+", text) or [""], key=len)
            if len(digits) >= 9:
                return Parsed(
                    digits,
                    valid=False,
                    notes=notes,
                    problems=["số định danh không đủ 12 chữ số / ID number is not 12 digits"],
                )
            return None
    number = match.group(0)
    if len(number) > 12:
        return Parsed(
            number,
            valid=False,
            notes=notes,
            problems=["số định danh quá 12 chữ số / ID number longer than 12 digits"],
        )
    problems = structure_problems(number)
    return Parsed(number, valid=not problems, notes=notes, problems=problems)


def structure_problems(number: str) -> list[str]:
    """Problems visible from the number alone (province code, century digit)."""
    problems = []
    if number[:3] not in OLD_PROVINCE_BY_CODE:
        problems.append(f"mã tỉnh {number[:3]} không tồn tại / unknown province code")
    if number[3] not in "012345":
        problems.append("chữ số thế kỷ/giới tính sai / bad century-sex digit")
    return problems


def consistency_problems(number: str, sex: str | None, birth: str | None) -> list[str]:
    """Disagreements between the number and the sex / date of birth on the same document."""
    if len(number) != 12 or not number.isdigit():
        return []
    problems = []
    digit = int(number[3])
    encoded = holder_sex(number)
    if sex in ("Nam", "Nữ") and encoded is not None and encoded != sex:
        problems.append(f"số định danh không khớp giới tính {sex} / ID number disagrees with sex")
    if birth and birth[:4].isdigit():
        year = int(birth[:4])
        if number[4:6] != f"{year % 100:02d}" or digit // 2 != max(0, year // 100 - 19):
            problems.append(
                f"số định danh không khớp năm sinh {year} / ID number disagrees with birth year"
            )
    return problems
