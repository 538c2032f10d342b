"""A photographed photocopy's name band read again sharpened when its views name no one
(issue #13, sixteenth round: `card_zones._read_name_sharper`)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from intake.extract.card_names import marks_disputed
from intake.extract.card_zones import NAME_BAND, ZoneReader, ZoneReading
from intake.ocr.tesseract import TesseractEngine

#: The card of development photocopy 930001 'Bản photo CCCD 0282' (Nguyễn Phương Tuyết), as
#: the page reader warps it from the photo (grey: the zone reads take the darkest channel).
CARD = Path(__file__).parent / "data" / "copy_card_930001_0282.png"


def _name(readings: list[ZoneReading]) -> str | None:
    return next((r.text for r in readings if r.key == "full_name"), None)


def test_a_copys_band_that_names_no_one_is_read_again_sharpened() -> None:
    """Given the real card of a photographed copy whose four views of the name band read
    PHƠSG, PINCPNG... for PHƯƠNG, when it is read as a copy's card, then the band read
    again sharpened names her; read as any other card, it names no one (as before)."""
    card = Image.open(CARD).convert("RGB")
    reader = ZoneReader(TesseractEngine(), use_names=False)  # Tesseract's and PP-OCR's
    assert _name(reader.read(card, "")) is None
    readings = reader.read(card, "", copy=True)
    assert _name(readings) == "NGUYỄN PHƯƠNG TUYẾT"
    assert any(r.key == "id_number" and r.text == "095178781386" for r in readings)


def test_a_word_only_the_name_line_model_read_is_not_taken() -> None:
    """The name-line model reads this band NGUYỄN TRƯƠNG TUYẾT: TRƯƠNG is a listed word,
    but no other reading has it (Tesseract's views PHƠSG, PINCPNG...; PP-OCR's not sure).
    The model learnt names from the lists, so the list is no second source for it: no
    name, where taking it gave the wrong Nguyễn Trương Tuyết."""
    card = Image.open(CARD).convert("RGB")
    readings = ZoneReader(TesseractEngine()).read(card, "", copy=True)
    band = [r.text for r in readings if r.key == NAME_BAND]
    assert band and "NGUYỄN TRƯƠNG TUYẾT" in band[0].splitlines()
    assert _name(readings) is None


def test_views_reading_another_listed_form_dispute_the_sharpened_name() -> None:
    """930001 0415 (Nguyễn Thành Thắng): sharpened, every view read THANH; two views as
    first read spelled THÀNH. Those dispute Thanh, and the first reading stands."""
    first = ["NGUYÊN THÀNH TUANG", "NGUYÊN THANH THÁNG", "®Gt:YÊN THÀNH THÂNG",
             "NGUYÊN THANH THIÀNG"]
    assert marks_disputed("NGUYỄN THANH THẮNG", first, "Nam")
    assert not marks_disputed("NGUYỄN THÀNH THẮNG", first[:1], "Nam")
    # marks no listed form has (THỰ, THỜ for THƯ) and other letters dispute nothing
    assert not marks_disputed("HUỲNH THANH THƯ", ["VUYNH THANH THỰ", "VYNN THANH THỜ"], "Nữ")
    assert not marks_disputed("NGUYỄN THANH THẮNG", ["NGUYÊN THANH TUANG"], "Nam")
