"""A card warped a line off puts the name band on the birth-date line below it; the band is
then read one line higher (issue #13; fresh seeds 549501 0088 and 549601 0056, where every
view read "Ngày sinh / Date of birth: ..." in the name band and the name was lost)."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from intake.extract.card_zones import BASE, NAME_BAND, ZONES, CardViews, ZoneReader, _read_name
from intake.ocr.tesseract import TesseractEngine
from intake.preprocess.photo import CARD_SIZE

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
REGULAR = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"


def _card(rise: float) -> Image.Image:
    """A plain CCCD front whose name and birth-date lines sit ``rise`` base units above
    where the layout puts them."""
    card = Image.new("RGB", CARD_SIZE, "white")
    draw = ImageDraw.Draw(card)
    k = CARD_SIZE[0] / BASE[0]
    zones = ZONES[("cccd", "front")]

    def put(text: str, top: float, font: str, size: float) -> None:
        draw.text((round(275 * k), round((top + 4) * k)), text, fill="black",
                  font=ImageFont.truetype(font, round(size * k)))

    put("TRẦN ĐÌNH CƯỜNG", zones["full_name"][1] - rise, FONT, 28)
    put("Ngày sinh / Date of birth: 08/07/1993", zones["date_of_birth"][1] - rise, REGULAR, 22)
    return card


def test_a_name_band_on_the_birth_line_is_read_a_line_higher() -> None:
    zones = ZONES[("cccd", "front")]
    gap = zones["date_of_birth"][1] - zones["full_name"][1]
    engine = TesseractEngine()
    try:
        line = ZoneReader(engine, use_second=False).engines()[0]
        low = CardViews.of(_card(gap))  # the name one line above the name band
        read = _read_name(low, zones["full_name"], line, None, "Nam", True, line_gap=gap)
        assert (read[0].key, read[0].text) == ("full_name", "TRẦN ĐÌNH CƯỜNG")
        # the views' texts go with it, evidence for the name checks against the MRZ
        assert read[-1].key == NAME_BAND and "CƯỜNG" in read[-1].text
        # without the layout's line gap the band reads the birth-date line: no name
        read = _read_name(low, zones["full_name"], line, None, "Nam", True)
        assert all(r.key != "full_name" for r in read)
        # a card where the name sits where the layout says reads as before
        level = CardViews.of(_card(0))
        read = _read_name(level, zones["full_name"], line, None, "Nam", True, line_gap=gap)
        assert read[0].text == "TRẦN ĐÌNH CƯỜNG"
    finally:
        engine.close()
