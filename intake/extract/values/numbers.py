"""Numbers with the Vietnamese decimal comma and dot thousands, and phone numbers.

"120,5 m²" -> "120.5"; "50.000.000 đồng" -> "50000000"; "1.234,5" -> "1234.5". A dot
followed by exactly three digits is a thousands separator; a comma is the decimal mark.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from intake.extract.values.base import DIGIT_CONFUSIONS, Parsed, fix_digits

_NUMBER = re.compile(r"\d[\d.,]*")
_NUMERIC_LIKE = re.compile(r"^[\dOoIlSBZ.,]+$")
_FIX_NOTE = "OCR letters read as digits (O→0, l→1, S→5...)"


def _repair_tokens(raw: str) -> tuple[str, bool]:
    out, changed = [], False
    for tok in raw.split():
        if _NUMERIC_LIKE.match(tok) and any(c.isdigit() for c in tok):
            new = "".join(DIGIT_CONFUSIONS.get(c, c) for c in tok)
            out.append(new)
            changed |= new != tok
            continue
        new, did = fix_digits(tok) if any(c.isdigit() for c in tok) else (tok, False)
        out.append(new)
        changed |= did
    return " ".join(out), changed


def canonical_number(text: str) -> str | None:
    """ "1.234,5" -> "1234.5"; None when ``text`` is not a well-formed number."""
    text = text.strip(".,")
    if not text:
        return None
    whole, _, frac = text.partition(",")
    if "," in frac:
        return None
    groups = whole.split(".")
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
        whole = "".join(groups)
    elif len(groups) == 2 and not frac:
        whole, frac = groups  # "120.5": a dot used as the decimal mark
    elif len(groups) > 1:
        return None
    try:
        value = Decimal(f"{whole}.{frac}" if frac else whole)
    except InvalidOperation:
        return None
    return format(value.normalize(), "f")


def parse_number(raw: str) -> Parsed | None:
    """First number in ``raw`` (units and "đồng" ignored)."""
    text, repaired = _repair_tokens(raw)
    match = _NUMBER.search(text)
    if not match:
        return None
    notes = [_FIX_NOTE] if repaired else []
    value = canonical_number(match.group(0))
    if value is None:
        digits = re.sub(r"\D", "", match.group(0))
        return Parsed(
            digits,
            valid=False,
            notes=notes,
            problems=["số không đúng định dạng / malformed number"],
        )
    return Parsed(value, notes=notes)


def parse_phone(raw: str) -> Parsed | None:
    """Digits only; valid when 10 digits starting with 0 (or 84 + 9 digits)."""
    text, repaired = _repair_tokens(raw)
    digits = re.sub(r"\D", "", text)
    if len(digits) < 6:
        return None
    notes = [_FIX_NOTE] if repaired else []
    if digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
        notes.append("+84 -> 0")
    valid = len(digits) == 10 and digits.startswith("0")
    problems = [] if valid else ["số điện thoại không hợp lệ / invalid phone number"]
    return Parsed(digits, valid=valid, notes=notes, problems=problems)
