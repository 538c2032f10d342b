"""A card back's MRZ blurred past Tesseract and PP-OCR is read by the MRZ-line model, its lines
still held to their check digits (issue #13: `intake.ocr.mrz_line`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from intake.extract.card_zones import ZoneReader
from intake.extract.mrz import read_mrz
from intake.ocr.mrz_line import MrzLineRecognizer
from intake.ocr.tesseract import TesseractEngine

DATA = Path(__file__).parent / "data"
#: A line of the page OCR of the back: enough for the zone reader to take it for a back.
HINT = "IDVNE69489212)1066796/9482793<<<"


@pytest.mark.skipif(not MrzLineRecognizer().available, reason="needs ONNX Runtime")
def test_a_blurred_backs_mrz_is_read_by_the_mrz_line_model() -> None:
    """Development 943101 0086, a card photographed with its back, blurred and under glare
    (warped as the pipeline warps it): Tesseract's views and PP-OCR's rows read no number
    line and dates line that check together, so the back gave no MRZ and the card no
    number from it. The MRZ-line model reads the rows; the number and dates lines check,
    composite and all, and give the card's number and birth date."""
    card = Image.open(DATA / "back_card_943101_0086.png").convert("RGB")
    engine = TesseractEngine()
    without = ZoneReader(engine, use_mrz_rows=False).read(card, HINT)
    assert not [r for r in without if r.key == "mrz"]
    readings = ZoneReader(engine).read(card, HINT)
    mrz = [r.text for r in readings if r.key == "mrz"]
    assert mrz, readings
    value = read_mrz(mrz[0].splitlines())
    assert value is not None and value.id_number == "087069482793"
    assert value.birth_yymmdd == "690902" and value.composite is True
