"""Value parsers: printed Vietnamese forms to the canonical kinds of DOMAIN.md."""

from __future__ import annotations

import pytest

from intake.extract.values import parse_value
from intake.extract.values.dates import words_to_int
from intake.extract.values.names import parse_name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("05/03/2024", "2024-03-05"),
        ("5-3-2024", "2024-03-05"),
        ("26/4/2018", "2024-04-26".replace("2024", "2018")),
        ("12.03.2019", "2019-03-12"),
        ("ngày 05 tháng 3 năm 2024", "2024-03-05"),
        ("Tiên Du, ngày 09 tháng 11 năm 2024", "2024-11-09"),
        ("1933", "1933"),
        ("Ngày mười lăm, tháng mười một, năm hai nghìn không trăm hai mươi hai", "2022-11-15"),
        ("Ngày hai mươi sáu, tháng tư, năm hai nghìn không trăm mười tám", "2018-04-26"),
        ("Ngày mốt, tháng năm, năm một nghìn chín trăm chín mươi mốt", "1991-05-01"),
        ("ngày hai mươi mốt, tháng mười hai, năm hai nghìn không trăm linh tư", "2004-12-21"),
        ("Ngay hai muoi sau, thang tu, nam hai nghin khong tram muoi tam", "2018-04-26"),
        ("1O/ll/2O2l", "2021-11-10"),
        ("4/11/2024..", "2024-11-04"),
        ("10 giờ 15 phút, ngày 12-03-2019", "2019-03-12"),
    ],
)
def test_dates(raw: str, expected: str) -> None:
    """Numeric, closing-line, year-only, OCR-damaged and worded dates become YYYY-MM-DD."""
    parsed = parse_value("date", raw)
    assert parsed is not None and parsed.value == expected


def test_invalid_date_is_flagged() -> None:
    """31/02 parses but does not validate, so it yields a review problem."""
    parsed = parse_value("date", "31/02/2020")
    assert parsed is not None and not parsed.valid and parsed.problems


def test_date_ocr_repair_is_noted() -> None:
    """Letters read in place of digits are repaired and the note says so."""
    parsed = parse_value("date", "1O/05/2O21")
    assert parsed is not None and parsed.value == "2021-05-10"
    assert any("O→0" in n for n in parsed.notes)


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("hai nghin khong tram muoi tam", 2018),
        ("mot nghin chin tram chin muoi mot", 1991),
        ("hai nghin linh nam", 2005),
        ("muoi lam", 15),
        ("hai muoi tu", 24),
    ],
)
def test_number_words(words: str, number: int) -> None:
    """Vietnamese number words (accent-folded) read as integers."""
    assert words_to_int(words.split()) == number


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("name", "NGUYỄN VĂN AN", "Nguyễn Văn An"),
        ("name", "ĐỖ THỊ ÁNH,", "Đỗ Thị Ánh"),
        ("name", "NGUYÊN THỊ LAN", "Nguyễn Thị Lan"),
        ("sex", "Nam", "Nam"),
        ("sex", "Nữ", "Nữ"),
        ("sex", "Nứ", "Nữ"),
        ("sex", "Female", "Nữ"),
        ("number", "120,5 m²", "120.5"),
        ("number", "50.000.000 đồng", "50000000"),
        ("number", "1.234,5", "1234.5"),
        ("number", "3", "3"),
        ("number", "I2O,5", "120.5"),
        ("phone", "0912 345 678", "0912345678"),
        ("phone", "0912.345.678", "0912345678"),
        ("phone", "O912345678", "0912345678"),
        ("text", "  Bệnh   già, ", "Bệnh già"),
    ],
)
def test_kinds(kind: str, raw: str, expected: str) -> None:
    """Names NFC-capitalised (frequent surname accents restored), sex, numbers with the
    Vietnamese decimal comma and dot thousands, phones digits only, text tidied."""
    parsed = parse_value(kind, raw)
    assert parsed is not None and parsed.value == expected


def test_number_repair_is_noted() -> None:
    """O/l/I/S/B/Z inside digit fields are fixed, with a note."""
    parsed = parse_value("number", "5O.OOO.OOO đồng")
    assert parsed is not None and parsed.value == "50000000" and parsed.notes


def test_bad_phone_is_invalid() -> None:
    """A phone that is not 10 digits starting with 0 does not validate."""
    parsed = parse_value("phone", "12345678")
    assert parsed is not None and not parsed.valid


def test_stray_accent_mark_before_a_name_is_not_a_word() -> None:
    """OCR reads a lone circumflex "ˆ" (a modifier letter, so \\w) from a speck before the name:
    it is dropped, not capitalised into the name."""
    parsed = parse_value("name", "ˆ VŨ XUÂN KHẢI")
    assert parsed is not None and parsed.value == "Vũ Xuân Khải"
    parsed = parse_value("name", "ĐẶNG THU BÍCH TUYẾT ˆ")
    assert parsed is not None and parsed.value == "Đặng Thu Bích Tuyết"


def test_date_slashes_read_as_ones_or_fraction_slash() -> None:
    """Card dates whose slashes OCR read as "1", "l" or "i" (10 characters) and the fraction
    slash "⁄" are still dates; an invalid split is not forced."""
    assert parse_value("date", "1710511971").value == "1971-05-17"  # type: ignore[union-attr]
    assert parse_value("date", "17i05I2031").value == "2031-05-17"  # type: ignore[union-attr]
    assert parse_value("date", "17⁄4/2021").value == "2021-04-17"  # type: ignore[union-attr]
    parsed = parse_value("date", "1713511971")  # month 35: not a date with "1" slashes
    assert parsed is None or parsed.value != "1971-35-17"


def test_given_name_tone_marks_repaired_only_when_unambiguous() -> None:
    """ "NGUYEN KHANH DUYEN": "Duyen" is no name but "Duyên" is, so it is repaired (with a note);
    "Khanh" and "Thanh" are names themselves and are kept; "Hàng" becomes "Hằng"."""
    parsed = parse_value("name", "NGUYEN KHANH DUYEN")
    assert parsed is not None and parsed.value == "Nguyễn Khanh Duyên"
    assert any("Duyen → Duyên" in n for n in parsed.notes)
    assert parse_value("name", "DƯƠNG THANH DŨNG").value == "Dương Thanh Dũng"  # type: ignore[union-attr]
    assert parse_value("name", "BÙI MỸ HÀNG").value == "Bùi Mỹ Hằng"  # type: ignore[union-attr]


def test_table_rule_glued_to_a_surname_is_dropped_only_when_a_surname_remains() -> None:
    """ "VũI": the cell's vertical rule read as a capital I after the surname. "MaI" is kept
    (Mai is a surname itself, the I may be its own letter read in capitals)."""
    ruled = parse_name("VũI Hữu Duy")
    assert ruled is not None and ruled.value == "Vũ Hữu Duy" and ruled.notes
    kept = parse_name("MaI Văn An")
    assert kept is not None and kept.value == "Mai Văn An"
    plain = parse_name("Vui Văn An")
    assert plain is not None and plain.value == "Vui Văn An", "lower-case i is a letter"
