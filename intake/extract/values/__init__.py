"""Value parsers: printed strings to the canonical forms of DOMAIN.md, with validation.

Each parser returns a :class:`Parsed` (canonical value, whether it validated, notes on what was
repaired) or ``None`` when nothing of the kind is in the text. ``parse_value`` dispatches on
the schema's value kind.
"""

from __future__ import annotations

from intake.extract.values.base import Parsed
from intake.extract.values.dates import parse_date
from intake.extract.values.names import parse_name
from intake.extract.values.numbers import parse_number, parse_phone
from intake.extract.values.sex import parse_sex
from intake.extract.values.textual import parse_text

__all__ = [
    "Parsed",
    "parse_date",
    "parse_name",
    "parse_number",
    "parse_phone",
    "parse_sex",
    "parse_text",
    "parse_value",
]


def parse_value(kind: str, raw: str) -> Parsed | None:
    """Parse ``raw`` as a value of ``kind`` (id numbers: see :mod:`intake.extract.idnumber`)."""
    if kind == "id_number":
        from intake.extract.idnumber import parse_id_number

        return parse_id_number(raw)
    parser = {
        "date": parse_date,
        "name": parse_name,
        "sex": parse_sex,
        "number": parse_number,
        "phone": parse_phone,
    }.get(kind, parse_text)
    return parser(raw)
