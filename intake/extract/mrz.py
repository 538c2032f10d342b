"""The machine-readable zone on the back of Vietnamese ID cards (ICAO 9303 TD1, 3 x 30).

Line 1: ``IDVNM`` + last 9 digits of the ID number + check digit + the full 12-digit number.
The check digit covers only the last 9 digits, so the full number's first three (the
province code) must also be a known province code with a valid century digit: OCR's "8" for
"0" there ("846..." for "046...") would otherwise pass as checked.
Line 2: birth YYMMDD + check, sex (M/F), expiry YYMMDD + check (``991231`` = no expiry),
``VNM``, filler, composite check. Each value is used only when its own check digit (weights
7-3-1) holds, so an MRZ value is exact or absent; OCR's usual MRZ confusions (``«`` for
``<<``, letters for digits) are repaired first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake.extract.idnumber import structure_problems
from intake.extract.values.base import DIGIT_CONFUSIONS

_LINE1 = re.compile(r"[I1lT|]?D?VNM([0-9A-Z]{9})([0-9A-Z])([0-9A-Z]{12})")
_LINE2 = re.compile(r"([0-9A-Z]{6})([0-9A-Z])([MF<])([0-9A-Z]{6})([0-9A-Z])[VW]NM")


@dataclass(frozen=True, slots=True)
class Mrz:
    """Values read from an MRZ whose check digits hold (None where they do not)."""

    id_number: str | None
    birth_yymmdd: str | None
    sex: str | None
    expiry_yymmdd: str | None  # None also when the card never expires


def _value(ch: str) -> int:
    if ch.isdigit():
        return int(ch)
    if ch == "<":
        return 0
    return ord(ch) - 55


def check_digit(text: str) -> str:
    """ICAO 9303 check digit: weights 7, 3, 1 repeating; A=10..Z=35, '<'=0."""
    return str(sum(_value(c) * (7, 3, 1)[i % 3] for i, c in enumerate(text)) % 10)


def _digits(text: str) -> str:
    return "".join(DIGIT_CONFUSIONS.get(c, c) for c in text)


def _clean(line: str) -> str:
    line = line.replace("«", "<<").replace("‹", "<").replace("≤", "<").replace(" ", "")
    return line.upper()


def read_mrz(lines: list[str]) -> Mrz | None:
    """Find TD1 lines among OCR lines and return the values whose check digits hold."""
    id_number = born = sex = expiry = None
    found = False
    for raw in lines:
        line = _clean(raw)
        if (m := _LINE1.search(line)) is not None:
            found = True
            doc, check, full = _digits(m.group(1)), _digits(m.group(2)), _digits(m.group(3))
            if (
                full.isdigit()
                and check_digit(full[3:]) == check
                and (full[3:] == doc or doc.isdigit())
                and not structure_problems(full)
            ):
                id_number = full
        if (m := _LINE2.search(line)) is not None:
            found = True
            b, bc, s, e, ec = (_digits(g) if i != 2 else g for i, g in enumerate(m.groups()))
            if b.isdigit() and check_digit(b) == bc:
                born = b
            if s in "MF":
                sex = "Nam" if s == "M" else "Nữ"
            if e.isdigit() and check_digit(e) == ec and e != "991231":
                expiry = e
    if not found:
        return None
    return Mrz(id_number, born, sex, expiry)


def full_date(yymmdd: str, century_hint: int | None = None, *, future: bool = False) -> str:
    """YYMMDD to YYYY-MM-DD; the century comes from the ID number's century digit when known."""
    yy, mm, dd = int(yymmdd[:2]), yymmdd[2:4], yymmdd[4:6]
    if century_hint is not None:
        year = century_hint + yy
    elif future:
        year = 2000 + yy
    else:
        year = 2000 + yy if yy <= 30 else 1900 + yy
    return f"{year:04d}-{mm}-{dd}"
