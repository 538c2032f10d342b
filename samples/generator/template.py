"""Fill `{key:modifier}` templates with a record's values, printed in a document's style.

Returns the printed string and where each canonical field landed in it, so the renderer can
box every field and the truth knows exactly which printed string stands for which value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from . import printing
from .canvas import Style
from .fields import FIELDS, kind_of
from .record import DocumentRecord

_PLACEHOLDER = re.compile(r"\{([a-z0-9_]+)(?::([a-z]+))?\}")
_NOT_FIELD_MODIFIERS = frozenset({"words", "year"})


@dataclass(frozen=True, slots=True)
class Span:
    """A canonical field inside a filled template: [start, end) and its printed form."""

    key: str
    start: int
    end: int


def format_value(key: str, value: object, modifier: str | None, style: Style) -> str:
    """Print one value the way this document prints values of its kind."""
    kind = kind_of(key) if not key.startswith("x_") else None
    if isinstance(value, date):
        if modifier == "words":
            return printing.date_in_words(value)
        if modifier == "closing":
            return printing.closing_date(value, style.closing_padded)
        if modifier == "year":
            return str(value.year)
        return printing.format_date(value, style.date_style)
    if isinstance(value, Decimal):
        return printing.format_decimal_vn(value)
    text = str(value)
    if kind == "name" and (style.caps_names or modifier == "upper"):
        return printing.upper_vn(text)
    if modifier == "upper":
        return printing.upper_vn(text)
    if kind == "phone":
        return printing.format_phone(text, style.phone_style)
    return text


def fill(
    template: str, record: DocumentRecord, style: Style
) -> tuple[str, list[Span]] | None:
    """Fill a template; None when any placeholder's value is blank or absent on this record."""
    keys = set(FIELDS[record.doc_type])
    out: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for match in _PLACEHOLDER.finditer(template):
        key, modifier = match.group(1), match.group(2)
        value = record.values.get(key)
        if key in record.blank or value is None or value == "":
            return None
        literal = template[pos:match.start()]
        out.append(literal)
        length += len(literal)
        printed = format_value(key, value, modifier, style)
        if key in keys and modifier not in _NOT_FIELD_MODIFIERS:
            spans.append(Span(key, length, length + len(printed)))
        out.append(printed)
        length += len(printed)
        pos = match.end()
    out.append(template[pos:])
    return "".join(out), spans
