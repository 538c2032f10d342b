"""How values are printed on Vietnamese paperwork, and their canonical truth form.

Printed forms vary (dates as 26/4/2018, 12-03-2019, in words; areas as "120,5"; money as
"50.000.000"; phones grouped); truth stays canonical (YYYY-MM-DD, "120.5", digits). Keeping
both directions here means a rendered string and its truth value come from one place.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal

DATE_STYLES: tuple[str, ...] = ("slash", "slash_padded", "dash_padded", "dot_padded")

_UNITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_MONTHS = (
    "một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một",
    "mười hai",
)


def nfc(text: str) -> str:
    """NFC-normalise and collapse whitespace: the canonical `text` kind."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def format_date(d: date, style: str) -> str:
    """Print a date in one of the numeric styles seen on forms."""
    if style == "slash":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "slash_padded":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dash_padded":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "dot_padded":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    raise ValueError(f"unknown date style {style!r}")


def _two_digits(n: int) -> str:
    tens, unit = divmod(n, 10)
    if tens == 0:
        return _UNITS[unit]
    head = "mười" if tens == 1 else f"{_UNITS[tens]} mươi"
    if unit == 0:
        return head
    if unit == 1 and tens > 1:
        return f"{head} mốt"
    if unit == 5:
        return f"{head} lăm"
    if unit == 4 and tens > 1:
        return f"{head} tư"
    return f"{head} {_UNITS[unit]}"


def number_in_words(n: int) -> str:
    """Read 0..9999 in Vietnamese words, as birth certificates print years."""
    thousands, rest = divmod(n, 1000)
    hundreds, tail = divmod(rest, 100)
    parts = []
    if thousands:
        parts.append(f"{_UNITS[thousands]} nghìn")
    if thousands or hundreds:
        parts.append(f"{_UNITS[hundreds]} trăm")
    if tail:
        if (thousands or hundreds) and tail < 10:
            parts.append(f"linh {_UNITS[tail]}")
        else:
            parts.append(_two_digits(tail))
    return " ".join(parts) if parts else "không"


def date_in_words(d: date) -> str:
    """"Ngày hai mươi sáu, tháng tư, năm hai nghìn không trăm mười tám"."""
    return f"Ngày {_two_digits(d.day)}, tháng {_MONTHS[d.month - 1]}, năm {number_in_words(d.year)}"


def closing_date(d: date, padded: bool) -> str:
    """The "ngày 05 tháng 3 năm 2024" part of a closing line (day padded on request)."""
    day = f"{d.day:02d}" if padded else str(d.day)
    return f"ngày {day} tháng {d.month} năm {d.year}"


def format_decimal_vn(value: Decimal) -> str:
    """"1234.5" -> "1.234,5": dot thousands, decimal comma, no trailing zeros."""
    sign = "-" if value < 0 else ""
    text = format(abs(value).normalize(), "f")
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    return f"{sign}{out},{frac}" if frac else f"{sign}{out}"


def canonical_decimal(value: Decimal) -> str:
    """Canonical `number` kind: plain decimal with '.' and no grouping."""
    return format(value.normalize(), "f")


def format_phone(digits: str, style: str) -> str:
    """Print a 10-digit phone as 0912345678, 0912 345 678 or 0912.345.678."""
    if style == "grouped":
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    if style == "dotted":
        return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"
    return digits


def upper_vn(text: str) -> str:
    """Upper-case Vietnamese text keeping NFC (str.upper handles đ -> Đ)."""
    return unicodedata.normalize("NFC", text.upper())
