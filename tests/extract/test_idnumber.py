"""Personal ID numbers: structure, OCR repair, consistency with sex and birth year."""

from __future__ import annotations

import pytest

from intake.extract.crosscheck import repair_extra_digit
from intake.extract.idnumber import consistency_problems, parse_id_number


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("025188001010", "025188001010"),
        ("Căn cước công dân số 079198789154, cấp ngày", "079198789154"),
        ("O79l98789IS4", "079198789154"),
        ("0252 0000 1010", "025200001010"),
        ("01509605318Ũ", "015096053180"),
        ("B79198789154", "879198789154"),
    ],
)
def test_parse(raw: str, expected: str) -> None:
    """Twelve digits are found inside text, across OCR spaces and letter confusions."""
    parsed = parse_id_number(raw)
    assert parsed is not None and parsed.value == expected


def test_ocr_repair_is_noted() -> None:
    """The field note says which OCR confusions were repaired."""
    parsed = parse_id_number("O79l98789IS4")
    assert parsed is not None and parsed.valid and "O→0" in parsed.notes[0]


def test_unknown_province_code() -> None:
    """003 is not one of the 63 province codes: invalid, with a reason."""
    parsed = parse_id_number("003188001010")
    assert parsed is not None and not parsed.valid and "003" in parsed.problems[0]


@pytest.mark.parametrize(
    ("number", "sex", "born", "ok"),
    [
        ("025088001010", "Nam", "1988-04-02", True),
        ("025088001010", "Nữ", "1988-04-02", False),  # 0 = male born 1900s
        ("025188001010", "Nữ", "1988-04-02", True),  # 1 = female born 1900s
        ("025088001010", "Nam", "1939-04-02", False),  # year digits 88
        ("025388001010", "Nữ", "2088-01-01", True),  # 3 = female born 2000s
        ("025288001010", "Nam", "1988-01-01", False),  # 2 = male born 2000s
        ("025188001010", None, None, True),
    ],
)
def test_consistency(number: str, sex: str | None, born: str | None, ok: bool) -> None:
    """The century/sex digit and year digits agree with the printed sex and birth date."""
    assert (not consistency_problems(number, sex, born)) is ok


def test_extra_digit_repair() -> None:
    """A 13-digit reading with one doubled digit is repaired when only one reading fits."""
    assert repair_extra_digit("0750934430239", "Nam", "1993-07-18") == "075093430239"
    assert repair_extra_digit("0750934430239", "Nữ", "1993-07-18") is None
