"""The MRZ names line read by two recognisers: the one whose words are names is kept, and a
word of it misread into no name does not refuse the front's name (issue #13; consumed
seed 549001, photos 0005, 0069 and 0070)."""

from __future__ import annotations

from intake.extract.mrz_assembly import MrzLines
from intake.extract.mrz_names import MrzName, agrees, read_names_line
from intake.ocr.base import OcrLine, OcrWord

NUMBER = "IDVNM1867796628051186779662<<<"
DATES = "8667302F2607300VNM<<<<<<<<<<<0"


def _line(text: str) -> OcrLine:
    return OcrLine((OcrWord(text, (0, 0, 10, 10), 0.9),))


def test_names_line_with_a_single_filler_after_the_surname() -> None:
    """PP-OCR read ``HUYNH<NG0C<LAN``: the family name is the first word either way."""
    names = read_names_line(["HUYNH<NG0C<LAN<<<<<<<<<<<<<<<"])
    assert names is not None and names.words == ("HUYNH", "NGOC", "LAN")


def test_the_names_line_with_listed_names_is_picked_over_the_first_read() -> None:
    """Tesseract read the line first as ``ORIVIN<<NGOC<A``; PP-OCR then read
    ``HUYNH<NG0C<LAN``: the assembly gives the one whose words are all names, and says
    the line is in doubt until such a line is read."""
    found = MrzLines()
    found.add([_line(NUMBER), _line(DATES), _line("ORIVIN<<NGOC<A<<")])
    assert found.names_doubtful()
    found.add([_line("HUYNH<NG0C<LAN<<<<<<<<<<<<<<<")])
    assert not found.names_doubtful()
    picked = found.pick()
    assert picked is not None and picked[-1].text == "HUYNH<NG0C<LAN<<<<<<<<<<<<<<<"
    first = MrzLines()
    first.add([_line(NUMBER), _line(DATES), _line("HO<<MY<NGAN<<<"), _line("HO<<MY<NGAM<<")])
    assert first.pick()[-1].text == "HO<<MY<NGAN<<<"  # type: ignore[index]


def test_a_names_line_word_that_is_no_name_does_not_refuse_the_front() -> None:
    """``BUI<<HAI<OIM`` (CÚC misread; the line has no check digit) leaves the front's
    "Bùi Hải Cúc" standing; two such words prove nothing either, and a listed name in the
    MRZ that differs from the front's still refuses it."""
    assert agrees("Bùi Hải Cúc", MrzName(("BUI", "HAI", "OIM")))
    assert not agrees("Bùi Hải Cúc", MrzName(("BUI", "XIA", "OIM")))
    assert not agrees("Bùi Hải Cúc", MrzName(("BUI", "HAI", "LAN")))
    assert not agrees("Bùi Hải Xyz", MrzName(("BUI", "HAI", "OIM")))  # front no name there
