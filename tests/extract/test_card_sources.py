"""QR codes and the MRZ as exact second sources on ID cards."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from PIL import Image

from intake.extract import decode_qr, extract_document
from intake.extract.mrz import check_digit, read_mrz
from samples.generator.idnumbers import mrz_lines

from .pages import line, page

SCANS = Path(__file__).parents[2] / "samples" / "scans"


def test_decode_qr_on_sample_card() -> None:
    """The CCCD sample's QR decodes to exactly the payload recorded in its truth."""
    truth = json.loads((SCANS / "truth" / "id-card-cccd-qr-clean.png.json").read_text("utf-8"))
    with Image.open(SCANS / "id-card-cccd-qr-clean.png") as image:
        assert decode_qr(image) == [truth["documents"][0]["qr_payload"]]


def test_check_digits() -> None:
    """ICAO 9303 7-3-1 check digits (the specimen values of Doc 9303 part 3)."""
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"
    assert check_digit("120415") == "9"
    assert check_digit("<<<") == "0"


def test_mrz_read_with_ocr_noise() -> None:
    """TD1 lines with OCR's "TD" for "ID" and "«" for "<<" still give checked values."""
    l1, l2, l3 = mrz_lines(
        "084199822849", "Nguyễn Quỳnh Thanh My", date(1999, 11, 10), "Nữ", date(2024, 11, 10)
    )
    mrz = read_mrz(["T" + l1[1:], l2.replace("<<", "«", 2), l3])
    assert mrz is not None
    assert mrz.id_number == "084199822849" and mrz.birth_yymmdd == "991110"
    assert mrz.sex == "Nữ" and mrz.expiry_yymmdd == "241110"


def test_mrz_bad_check_digit_is_ignored() -> None:
    """A misread birth date fails its check digit and is not used."""
    _, l2, _ = mrz_lines("084199822849", "A B", date(1999, 11, 10), "Nữ", None)
    mrz = read_mrz([l2.replace("991110", "991118", 1)])
    assert mrz is not None and mrz.birth_yymmdd is None and mrz.expiry_yymmdd is None


def test_qr_wins_over_ocr_and_flags_review() -> None:
    """When the QR and OCR disagree the QR value is kept and both values are reported."""
    p = page(
        line(("Số / No.: 001078959188", 600)),
        line(("Họ và tên / Full name:", 600)),
        line(("HOÀNG GIA BẢO AN", 600)),
        line(("Ngày sinh / Date of birth: 20/07/1978", 600)),
    )
    payload = "001078959180|962739473|HOÀNG GIA BẢO AN|20071978|Nam|Thôn Đông, xã Núi Thành|"
    result = extract_document("id_card", [p], qr_payloads=[payload])
    got = result.fields["id_number"]
    assert got.value == "001078959180" and got.source == "qr"
    assert got.note is not None and "001078959188" in got.note
    assert any("001078959188" in r and "001078959180" in r for r in result.review_reasons)
    assert result.fields["full_name"].source == "qr"  # agreed: exact source kept, no reason
    assert result.fields["place_of_residence"].value == "Thôn Đông, xã Núi Thành"
    assert result.persons == [("001078959180", "holder")]


def test_mrz_fills_card_fields() -> None:
    """A card back with only the MRZ readable still yields ID, birth date, sex and expiry,
    and the name when its letters settle it: the names line read whole, a woman's given
    name MY is mostly My (`name_usage`), taken with a lower confidence."""
    l1, l2, l3 = mrz_lines(
        "084199822849", "Nguyễn My", date(1999, 11, 10), "Nữ", date(2024, 11, 10)
    )
    p = page(line((l1, 300)), line((l2, 300)), line((l3, 300)))
    result = extract_document("id_card", [p])
    values = {k: (f.value, f.source) for k, f in result.fields.items()}
    assert values == {
        "id_number": ("084199822849", "mrz"),
        "date_of_birth": ("1999-11-10", "mrz"),
        "sex": ("Nữ", "mrz"),
        "expiry_date": ("2024-11-10", "mrz"),
        "full_name": ("Nguyễn My", "ocr"),
    }
    name = result.fields["full_name"]
    assert name.confidence < 0.8 and "usual forms" in name.note
