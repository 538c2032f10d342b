"""Register numbers ("Số: 98", "Số: 340/2019"): a short label printed in other places too."""

from __future__ import annotations

from intake.extract import extract_document
from intake.extract.values.pattern import parse_pattern

from .pages import line, page

SHAPE = r"\d{1,6}(/\d{2,4})?(/[A-ZĐ-]{2,12})?"


def test_register_number_shape_repairs_and_rejects() -> None:
    """Decoration around the number goes, OCR letters become digits, and anything that is not
    only the number (an address after "Số") is not a register number."""
    assert parse_pattern(SHAPE, "#357").value == "357"  # type: ignore[union-attr]
    assert parse_pattern(SHAPE, "340/2019.").value == "340/2019"  # type: ignore[union-attr]
    assert parse_pattern(SHAPE, ",B1").value == "81"  # type: ignore[union-attr]
    assert parse_pattern(SHAPE, "96, đường Lạc Long Quân") is None
    assert parse_pattern(SHAPE, "Họ, chữ đệm, tên") is None


def test_register_number_glued_to_leader_beside_book_number() -> None:
    """Given "Số ...,B1 Quyển số: .... 01/1988" (the number glued to the dots, its 8 read as
    B), when the birth certificate is read, then the number is 81: the row is labelled values,
    not a table header, so the line below is not taken instead."""
    p = page(
        line(("GIẤY KHAI SINH", 700)),
        line(("Số ...,B1", 160), ("Quyển số: .... 01/1988", 650)),
        line(("Họ, chữ đệm, tên: ... NGUYỄN THANH HÒA", 160)),
    )
    result = extract_document("birth_certificate", [p])
    assert result.value("registration_number") == "81"
    assert result.value("full_name") == "Nguyễn Thanh Hòa"


def test_register_number_not_taken_from_an_address() -> None:
    """ "Số 96, đường ..." inside a residence row is no register number: the field is absent
    rather than wrong, and the real one is found where it is printed."""
    rows = [
        line(("GIẤY CHỨNG NHẬN KẾT HÔN", 800)),
        line(("Nơi cư trú: Số 96, đường Lạc Long Quân, phường Tân Định", 300)),
    ]
    result = extract_document("marriage_certificate", [page(*rows)])
    assert "registration_number" not in result.fields
    rows.insert(1, line(("Số: 98", 300)))
    result = extract_document("marriage_certificate", [page(*rows)])
    assert result.value("registration_number") == "98"
