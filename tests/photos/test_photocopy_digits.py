"""Digits on photographed photocopies (issue #13, sixth round): the MRZ and ID number of a
card that is only ~400-500 photo pixels wide on a photographed A4 copy."""

from __future__ import annotations

from intake.extract.mrz import read_mrz
from intake.extract.mrz_assembly import MrzLines
from intake.ocr.base import OcrLine, OcrWord

#: Development photo 546001 "Bản photo CCCD 0033" (card 035091513486): Tesseract's first
#: view read the province 035 as 095 (also a province) and cut the dates line short, so
#: no composite check digit covered the province code; PP-OCR's rows read both lines whole.
MISREAD_NUMBER = "TOVNMO915134867095091513486<<<"
SHORT_DATES = "9110214M3110212VM<"
PP_NUMBER = "10VMM0915134867035091513486<<<"
PP_DATES = "9110214M3110212V<<<<<<<<<<<7"


def _line(text: str) -> OcrLine:
    return OcrLine((OcrWord(text, (0, 0, 10, 10), 0.9),))


def test_a_pair_without_composite_does_not_settle_the_mrz() -> None:
    """Given a number line and a dates line whose own check digits hold but whose composite
    was not read (the line cut short), when they are the only lines read, then reading goes
    on (the province code is covered by nothing); when the rows read next hold the
    composite, the pair picked is theirs and the number is the card's."""
    assert read_mrz([MISREAD_NUMBER, SHORT_DATES]).id_number == "095091513486"  # type: ignore[union-attr]
    found = MrzLines()
    found.add([_line(MISREAD_NUMBER), _line(SHORT_DATES)])
    assert not found.settled()
    found.add([_line(PP_NUMBER), _line(PP_DATES)])
    assert found.settled()
    picked = found.pick()
    assert picked is not None
    mrz = read_mrz([line.text for line in picked])
    assert mrz is not None and mrz.id_number == "035091513486" and mrz.composite is True
