"""Card digits corrected from the card's MRZ / QR, and zone readings merged in reading order."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from intake.extract.card_expiry import (
    Day,
    birth_on_card,
    is_renewal_date,
    needs_expiry,
    read_expiry,
)
from intake.extract.card_zones import CardViews, ZoneReader, ZoneReading, merge
from intake.extract.mrz import check_digit
from intake.loading import inspect, load_page
from intake.ocr.base import OcrLine, OcrWord, PageText
from intake.ocr.tesseract import TesseractEngine
from intake.pipeline.card_digits import correct_cards, verified_values
from intake.preprocess.cards import find_cards
from intake.preprocess.photo import CARD_SIZE

SCANS = Path(__file__).resolve().parents[2] / "samples" / "scans"

ID = "079184565111"


def _mrz(id_number: str, born: str, expiry: str) -> list[str]:
    """TD1 lines with correct check digits for the given values (YYMMDD)."""
    line1 = f"IDVNM{id_number[3:]}{check_digit(id_number[3:])}{id_number}<<<"
    line2 = f"{born}{check_digit(born)}F{expiry}{check_digit(expiry)}VNM<<<<<<<<<<<4"
    return [line1, line2]


def _line(text: str, top: int, left: int = 100) -> OcrLine:
    words, x = [], left
    for part in text.split():
        words.append(OcrWord(part, (x, top, x + 12 * len(part), top + 20), 0.8))
        x += 12 * len(part) + 10
    return OcrLine(tuple(words))


FRONT = (50, 50, 1100, 750)
BACK = (50, 800, 1100, 1500)


def _page(front: list[str], back: list[str], outside: list[str]) -> PageText:
    lines = [_line(t, 100 + 40 * i) for i, t in enumerate(front)]
    lines += [_line(t, 850 + 40 * i) for i, t in enumerate(back)]
    lines += [_line(t, 1600 + 40 * i) for i, t in enumerate(outside)]
    return PageText(tuple(lines), 1240, 1754, engine="test")


def test_mrz_values_are_printed_dates_with_the_century_of_the_id_number() -> None:
    values = verified_values([_mrz(ID, "841225", "241225")], [])
    assert values == {ID: "mrz", "25/12/1984": "mrz", "25/12/2024": "mrz"}
    # a broken check digit verifies nothing
    bad = _mrz(ID, "841225", "241225")
    bad[1] = bad[1][:6] + str((int(bad[1][6]) + 1) % 10) + bad[1][7:]
    assert "25/12/1984" not in verified_values([bad], [])


def test_one_digit_off_card_groups_take_the_verified_value_and_nothing_else_changes() -> None:
    page = _page(
        front=["Số / No.: 079184565171", "Ngày sinh: 25/12/1384", "Có giá trị đến:",
               "4V29/12/2024", "Ngày cấp: 09/02/2017", "Other: 25/12/1998"],
        back=_mrz(ID, "841225", "241225"),
        outside=["Ngày sinh của con: 25/12/1985"],
    )
    fixed, done = correct_cards(page, [FRONT, BACK], [])
    text = fixed.text
    assert ID in text and "25/12/1984" in text and "4V25/12/2024" in text
    assert "09/02/2017" in text  # the issue date is not in the MRZ: left as read
    assert "25/12/1998" in text  # two digits off the birth date: left as read
    assert "25/12/1985" in text  # outside the cards: a form's date is never touched
    assert {(c.read, c.verified) for c in done} == {
        ("079184565171", ID), ("25/12/1384", "25/12/1984"), ("29/12/2024", "25/12/2024")}
    assert [w.box for ln in fixed.lines for w in ln.words] == \
        [w.box for ln in page.lines for w in ln.words]


def test_qr_payload_verifies_the_front_without_a_back() -> None:
    page = _page(front=["Số: 001099857881", "Ngày sinh: 13/04/1989", "Cấp: 03/01/2022"],
                 back=[], outside=[])
    payload = "001099857831||Nguyễn Quốc Thành Lộc|13041999|Nam|Thôn 11, Tiên Du|03012022"
    fixed, _ = correct_cards(page, [FRONT], [payload])
    assert "001099857831" in fixed.text and "13/04/1999" in fixed.text
    assert "03/01/2022" in fixed.text


def test_a_reading_near_two_verified_values_is_left_alone() -> None:
    # cards of two people on one page: 15/03/1973 (MRZ) and 15/08/1973 (QR) both verified
    page = _page(front=["Ngày sinh: 15/05/1973"], back=_mrz("001073000123", "730315", "330315"),
                 outside=[])
    payload = "001073000456||Lê Văn Hai|15081973|Nam|Xã An Bình|01022020"
    fixed, done = correct_cards(page, [FRONT, BACK], [payload])
    assert "15/05/1973" in fixed.text and not done


def test_zone_reading_goes_where_the_words_it_replaces_were() -> None:
    """Tesseract may list a card's bottom line first; the ID read by zone must still sit
    between the card title and the name, where the misread number was."""
    lines = [_line("Có giá trị đến: 19/11/2020", 600), _line("Citizen Identity Card", 200),
             _line("Số/No: 010160306003", 250), _line("Họ và tên / Full name:", 300)]
    number = lines[2].words[1]
    reading = ZoneReading("id_number", "010160306009",
                          (OcrLine((OcrWord("010160306009", number.box, 0.9),)),))
    merged = merge(lines, [reading], (0, 0))
    assert [ln.text for ln in merged] == [
        "Có giá trị đến: 19/11/2020", "Citizen Identity Card", "Số/No:", "010160306009",
        "Họ và tên / Full name:"]


def test_expiry_rules_and_when_a_front_needs_its_expiry_read() -> None:
    born = Day(29, 2, 1996)
    assert is_renewal_date(Day(28, 2, 2021), born) and is_renewal_date(Day(28, 2, 2036), born)
    assert not is_renewal_date(Day(28, 2, 2030), born)  # not 14, 25, 40 or 60
    assert not is_renewal_date(Day(27, 2, 2021), born)
    assert birth_on_card("Ngày sinh / Date of birth: 20/07/ 1978") == Day(20, 7, 1978)
    assert birth_on_card("Ngày sinh: 20/07/1378") is None  # a misread year is no birth date
    front = "CĂN CƯỚC CÔNG DÂN\nCitizen Identity Card\nSố / No.: 001078959180\n"
    assert needs_expiry(front + "Có giá trị đến:\nDate of expiry")
    assert not needs_expiry(front + "Có giá trị đến:\n20/07/2038\nDate of expiry")
    assert not needs_expiry(front + "Có giá trị đến:\nKhông thời hạn")
    assert not needs_expiry("CĂN CƯỚC\nIDENTITY CARD\nSố định danh cá nhân")  # 2024: on the back
    assert not needs_expiry("IDVNM0789591801001078959180<<<")


def test_expiry_is_read_by_zone_on_a_card_copy() -> None:
    """The bundled CCCD copy: the band gives the truth's expiry; with a birth date the
    expiry cannot be, nothing is taken."""
    name = "id-card-cccd-qr-clean.png"
    truth = json.loads((SCANS / "truth" / f"{name}.json").read_text("utf-8"))
    fields = truth["documents"][0]["fields"]
    path = SCANS / name
    image = load_page(path, inspect(path, 10, 10**9).kind.format, 0, 300, 10**9).image
    (card,) = find_cards(image)
    flat = image.crop(card.box).resize(CARD_SIZE, Image.Resampling.BICUBIC)
    year, month, day = (int(v) for v in fields["date_of_birth"].split("-"))
    engine = TesseractEngine()
    try:
        line = ZoneReader(engine).engines()[0]
        reading = read_expiry(line, CardViews.of(flat), Day(day, month, year))
        expected = "/".join(reversed(fields["expiry_date"].split("-")))
        assert reading is not None and reading.text == expected
        assert reading.lines[0].text == expected
        assert read_expiry(line, CardViews.of(flat), Day(day, month, year + 1)) is None
    finally:
        engine.close()
