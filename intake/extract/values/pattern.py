"""Values with a fixed shape (register numbers "98", "340/2019"), matched whole.

The label of such a value is often a short word printed elsewhere too ("Số" also starts
"Số 96, đường Lạc Long Quân"), so a value is taken only when it is nothing but the shape.
"""

from __future__ import annotations

import re
from functools import cache

from intake.extract.values.base import Parsed, fix_digits

#: Printed or OCR'd decoration around a register number: leader dots, "#", "£", brackets.
_EDGES = " .,:;…·_-–—#£{}()[]|'\"`~*"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def parse_pattern(pattern: str, raw: str) -> Parsed | None:
    """``raw`` without its edge decoration when it matches ``pattern`` whole, else None.

    OCR letter/digit confusions (B→8, O→0, l→1...) are repaired when that makes it match."""
    value = " ".join(raw.split()).strip(_EDGES)
    regex = _compiled(pattern)
    if regex.fullmatch(value):
        return Parsed(value)
    repaired = " ".join(fix_digits(token)[0] for token in value.split())
    if repaired != value and regex.fullmatch(repaired):
        return Parsed(repaired, notes=["OCR letters read as digits (O→0, l→1, S→5...)"])
    return None
