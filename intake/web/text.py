"""Text at the boundary: every string that enters through a form, a query or a JSON body is
NFC-normalised here, so "Nguyễn" typed on a Mac (NFD) and on Windows (NFC) is one value in
search, duplicates and person lookup.

Field values are also brought to the canonical shape of their kind (docs/output.md): an
officer may type "26/4/2018" and the warehouse keeps "2018-04-26".
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated

from pydantic import AfterValidator


def nfc(value: str) -> str:
    """NFC with surrounding whitespace removed and control characters dropped."""
    value = unicodedata.normalize("NFC", value)
    value = "".join(ch for ch in value if ch in "\t\n" or unicodedata.category(ch) != "Cc")
    return value.strip()


def nfc_or_none(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = nfc(value)
    return cleaned or None


#: A string normalised to NFC at validation time (use in request models).
NfcStr = Annotated[str, AfterValidator(nfc)]


class InvalidValue(ValueError):
    """A field value that does not fit its kind; the message is shown to the officer."""


_DATE_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _date(value: str) -> str:
    if match := _DATE_ISO.match(value):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DATE_DMY.match(value):
        day, month, year = (int(g) for g in match.groups())
    elif re.fullmatch(r"\d{4}", value):
        return value  # a year only, as printed on old papers
    else:
        raise InvalidValue("Ngày phải có dạng ngày/tháng/năm hoặc YYYY-MM-DD")
    try:
        return date(year, month, day).isoformat()
    except ValueError as exc:
        raise InvalidValue("Ngày không tồn tại") from exc


def _digits(value: str) -> str:
    return re.sub(r"[\s.\-]", "", value)


def _id_number(value: str) -> str:
    digits = _digits(value)
    if not re.fullmatch(r"\d{12}|\d{9}", digits):
        raise InvalidValue("Số định danh cá nhân phải có 12 chữ số (CMND cũ: 9 chữ số)")
    return digits


def _sex(value: str) -> str:
    lowered = value.lower()
    if lowered in ("nam", "male", "m"):
        return "Nam"
    if lowered in ("nữ", "nu", "female", "f"):
        return "Nữ"
    raise InvalidValue("Giới tính phải là Nam hoặc Nữ")


def _name(value: str) -> str:
    return " ".join(word[:1].upper() + word[1:].lower() for word in value.split())


def _number(value: str) -> str:
    """Vietnamese notation (dot thousands, decimal comma) to a plain decimal with a dot.
    Without a comma, dots are thousands separators when they group digits by three
    ("50.000.000", "1.500"), as officers copy amounts from the form."""
    compact = value.replace(" ", "")
    if "," in compact:
        compact = compact.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", compact):
        compact = compact.replace(".", "")
    if not re.fullmatch(r"-?\d+(\.\d+)?", compact):
        raise InvalidValue("Số không hợp lệ (ví dụ: 120,5)")
    return compact


def _phone(value: str) -> str:
    digits = re.sub(r"[\s.\-()+]", "", value)
    if not re.fullmatch(r"\d{8,15}", digits):
        raise InvalidValue("Số điện thoại chỉ gồm 8–15 chữ số")
    return digits


_BY_KIND = {
    "date": _date,
    "id_number": _id_number,
    "sex": _sex,
    "name": _name,
    "number": _number,
    "phone": _phone,
}


def canonical_value(kind: str | None, value: str | None) -> str | None:
    """The stored form of a value of ``kind``; None or blank clears the field."""
    cleaned = nfc_or_none(value)
    if cleaned is None:
        return None
    cleaned = " ".join(cleaned.split())
    convert = _BY_KIND.get(kind or "text")
    return convert(cleaned) if convert else cleaned
