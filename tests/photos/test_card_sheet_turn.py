"""A blurred card on a photo whose OCR reads no card words either way up is read by zone
both ways: the way whose readings validate is the way up (issue #13, fresh 555801 0002)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from intake.extract.card_zones import ZoneReader
from intake.ocr.tesseract import TesseractEngine
from intake.preprocess.photo import CARD_DPI, Flattened, Region
from intake.preprocess.photo_ocr import read_card_sheet

DATA = Path(__file__).parent / "data"


def test_a_back_whose_ocr_cannot_tell_up_is_turned_by_its_mrz() -> None:
    """The back of fresh 555801 0002 (a card photographed with its front, blurred and
    shaken), upright on its sheet: the page OCR reads nothing upright and a few marks
    upside down, with more confidence, so the card was turned upside down and its MRZ
    read nowhere. Read by zone both ways, the MRZ validates upright: it is kept, with
    the number on the card, and the sheet stored shows the card upright."""
    card = Image.open(DATA / "back_card_555801_0002.png").convert("RGB")
    box = (0, 0, card.width, card.height)
    identity = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
    quad = ((0.0, 0.0), (card.width, 0.0), (card.width, card.height), (0.0, card.height))
    flat = Flattened(card.copy(), CARD_DPI, "cards", [Region("card", quad, box, identity)],
                     card.size)
    engine = TesseractEngine()
    _, _, readings = read_card_sheet(engine, ZoneReader(engine), flat)
    mrz = [r.text for r in readings if r.key == "mrz"]
    assert mrz and "010064428134" in mrz[0]
    assert np.array_equal(np.asarray(flat.image), np.asarray(card))  # upright, as it lay
    assert flat.regions[0].quad[0] == (0.0, 0.0)
