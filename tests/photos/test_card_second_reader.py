"""The second recogniser (PP-OCR) for a card's ID number and MRZ bands, and how its readings
settle with Tesseract's (issue #13, photographed photocopies)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from intake.extract.card_id_vote import birth_of, id_of, settle_two
from intake.ocr.ppocr_lines import DIGITS, MRZ_ALPHABET, LineRecognizer

BOLD = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"


def _blurred_line(text: str, font: str, size: int, shrink: float) -> np.ndarray:
    """``text`` printed, then shrunk and blurred as on a card photographed on an A4 copy,
    then enlarged back (as the card warp does)."""
    face = ImageFont.truetype(font, size)
    width = int(face.getlength(text)) + 40
    image = Image.new("L", (width, size * 2), 255)
    ImageDraw.Draw(image).text((20, size // 3), text, font=face, fill=20)
    small = image.resize((int(width * shrink), int(size * 2 * shrink)), Image.Resampling.BOX)
    small = small.filter(ImageFilter.GaussianBlur(0.8))
    return np.asarray(small.resize(image.size, Image.Resampling.BICUBIC))


def test_pp_ocr_reads_a_small_blurred_id_number_in_digits_only(
        recognizer: LineRecognizer) -> None:
    """Given an ID number shrunk to a third and blurred, when PP-OCR reads it restricted to
    digits, then every digit is right and no letter can come out."""
    band = _blurred_line("Số: 079192561876", BOLD, 40, 0.33)
    reading = recognizer.read(band, DIGITS)
    assert reading is not None
    assert reading.text.isdigit()
    assert id_of(reading.text) == "079192561876"  # the label's digits ("Số") cut off


def test_pp_ocr_reads_an_mrz_line_in_the_mrz_alphabet(recognizer: LineRecognizer) -> None:
    line = "IDVNM0842439066079084243906<<<"
    reading = recognizer.read(_blurred_line(line, MONO, 40, 0.4), MRZ_ALPHABET)
    assert reading is not None and reading.text == line


def test_missing_model_means_no_second_opinion(tmp_path: object) -> None:
    """Without the model file the recogniser says so, and reads nothing (callers then use
    Tesseract alone) instead of failing or downloading."""
    from pathlib import Path

    rec = LineRecognizer(Path(str(tmp_path)) / "absent.onnx")
    assert not rec.available
    assert rec.read(np.full((20, 80), 255, np.uint8)) is None


def test_a_number_tesseract_read_twice_but_pp_ocr_did_not_is_refused() -> None:
    """The development photocopy's misread (``004101830867`` for ``004183830867``, read so
    by two Tesseract views) is not confirmed by PP-OCR, which read the right number: with
    no birth date read, neither is given."""
    right, wrong = "004183830867", "004101830867"
    assert settle_two([wrong, wrong], [(right, 0.94), (right, 0.99)], None) is None
    assert settle_two([wrong, wrong], [], None) is None


def test_numbers_both_recognisers_read_are_confirmed() -> None:
    right, wrong = "093199834517", "001199834517"  # both say born 1999
    pp = [(right, 0.99), (right, 0.6), (right, 0.97)]
    assert settle_two([wrong, right, wrong], pp, "1999-04-06") == right
    assert settle_two([right], [(right, 0.5)], None) == right


def test_pp_ocr_alone_only_when_sure_and_nothing_contradicts_it() -> None:
    """PP-OCR's number, read on views that weigh 1.8 or more by their lowest digit
    probability, stands alone only when uncontradicted."""
    right, other = "082180847556", "082180847558"
    sure = [(right, 0.99), (right, 0.98)]
    assert settle_two([], sure, None) == right  # Tesseract read nothing valid
    assert settle_two([], sure[:1], None) is None  # one view is not enough
    assert settle_two([], [(right, 0.66), (right, 0.64), (right, 0.83), (right, 0.96)],
                      None) == right  # a degraded scan, read alike on four views
    # a degraded scan's misread, alike on three views, but unsure
    assert settle_two([], [(other, 0.62), (other, 0.70), (other, 0.45)], None) is None
    assert settle_two([], [*sure, (other, 0.99), (other, 0.95)], None) is None  # a tie
    assert settle_two([], [*sure, (right, 0.9), (other, 0.95)], None) is None  # a conflict
    assert settle_two([], [*sure, (other, 0.3)], None) == right
    assert settle_two([other], sure, None) is None  # Tesseract read otherwise
    born = "1980-05-30"
    assert settle_two([], sure, born) == right
    assert settle_two([], sure, "1991-05-30") is None  # disagrees with the birth
    assert settle_two(["082180847559"], sure, born) is None  # a read agreeing too
    assert settle_two(["082191847559"], sure, born) == right


def test_birth_date_from_pp_ocr_readings_of_the_band() -> None:
    """The label is read as digits too: the last plausible date of each reading counts, and
    two readings must agree."""
    assert birth_of(["45/023/04/19833", "475/023/04/1983", ""]) == "1983-04-23"
    assert birth_of(["475/023/04/1983"]) is None
    assert birth_of(["01/02/1983", "02/01/1983"]) is None


def test_a_birth_date_read_two_ways_does_not_refuse_a_number() -> None:
    """Given a blurred photocopy whose serif 8 PP-OCR read 0 on three views of the birth date
    and 8 on a fourth (549101 0011), when the ID band's five PP-OCR views all read the
    number, then the birth year 00 (against the number's 80) refuses nothing: a date read
    two ways is no evidence, and the number stands as with no date read."""
    reads = ["64/0907/09/190020", "9//0907/09/1900", "94/5110907/09/1900",
             "199/0907/09/1980", "5945/10907709/1980"]
    assert birth_of(reads) is None
    assert birth_of(reads[:3]) == "1900-09-07"
    right = "027180431045"
    five = [(right, p) for p in (0.96, 0.997, 0.984, 0.988, 0.952)]
    assert settle_two([], five, "1900-09-07") is None  # what the contested date did
    assert settle_two([], five, birth_of(reads)) == right


def test_the_page_ocr_number_confirms_but_does_not_contradict() -> None:
    """The card's whole-card OCR read the number a band view misread (development photocopy
    0021 of seed 541001): it confirms PP-OCR's reading. A page misread of a degraded scan
    does not outvote PP-OCR's five views."""
    right = "004183830867"
    tess = ["004101830867", "004183830862"]  # the second agrees with the birth year too
    pp = [(right, 0.94), (right, 0.99)]
    assert settle_two(tess, pp, "1983-04-23") is None
    assert settle_two(tess, pp, "1983-04-23", page=[right]) == right
    five = [(right, 0.66), (right, 0.64), (right, 0.83), (right, 0.96), (right, 0.57)]
    assert settle_two([], five, None, page=["004125322276"]) == right


def test_a_refused_number_takes_the_page_words_out_of_its_band() -> None:
    """When the two recognisers read different numbers, the zone reading is a refusal: the
    page OCR's number in the band is taken out (so extraction gets none, not a possibly
    wrong one), the words around it stay, and the refusal is not reported as a reading."""
    from intake.extract.card_zones import ZoneReading, apply_zone_readings, describe, merge
    from intake.extract.model import Extraction
    from intake.ocr.base import OcrLine, OcrWord

    page = [OcrLine((OcrWord("Số:", (10, 100, 60, 130), 0.9),
                     OcrWord("004101830867", (280, 100, 600, 130), 0.9))),
            OcrLine((OcrWord("Họ", (10, 150, 40, 180), 0.9),))]
    refusal = ZoneReading("id_number", "", (OcrLine((OcrWord("", (270, 95, 820, 135), 0.0),)),))
    merged = merge(page, [refusal], (0, 0))
    assert [line.text for line in merged] == ["Số:", "Họ"]
    assert describe([refusal]) == []
    result = Extraction(doc_type="id_card", fields={})
    apply_zone_readings(result, [{"key": "id_number", "value": ""}])
    assert "id_number" not in result.fields


def test_one_tesseract_misread_against_all_but_unanimous_pp_ocr_views() -> None:
    """A blurred copy read upside down (development photo 0007 of seed 541002, turned): one
    Tesseract view read 8 as 9, PP-OCR's five views read the number at 0.82-0.99. With no
    birth date read, the single reading does not outweigh them; two readings, or PP-OCR
    views worth less than four sure ones, still refuse."""
    right, misread = "082180847556", "082190847556"
    five = [(right, 0.99), (right, 0.99), (right, 0.98), (right, 0.91), (right, 0.82)]
    assert settle_two([misread], five, None) == right
    assert settle_two([misread, misread], five, None) is None
    assert settle_two([misread], five[:3], None) is None


def test_a_birth_date_to_come_is_no_birth_date() -> None:
    """Fresh 552501 'Bản photo CCCD 0061' (a photographed photocopy): the birth band was
    read 12/06/2063 for 1963, and as the card's birth date it refused the number all five
    of PP-OCR's views read at 0.95 or more (born 1963 by its century digit). A date after
    today, or one no calendar has, is no birth date; the number then stands."""
    from intake.extract.card_id_vote import plausible_date
    from intake.extract.card_zones import _DATE

    def date(text: str) -> str | None:
        m = _DATE.search(text)
        return plausible_date(m) if m else None

    assert date("12/06/2063") is None
    assert date("31/02/1980") is None  # no such day
    assert date("12/06/1963") == "1963-06-12"
    assert birth_of(["12/06/2063", "12/06/2063"]) is None
    right = "038163482478"
    five = [(right, p) for p in (0.9987, 0.9997, 0.9993, 0.9929, 0.9504)]
    assert settle_two([], five, "2063-06-12", page=["008163482478"]) is None  # as it was
    assert settle_two([], five, birth_of(["12/06/2063"] * 2),
                      page=["008163482478"]) == right


def test_a_birth_date_two_recognisers_outread_does_not_refuse_the_number() -> None:
    """Fresh 553501 0008 (a card photographed alone): PP-OCR's five views read
    079084891694 (born 1984 by its 4th to 6th digits), each sure of every digit; Tesseract
    read 079084091694, one serial digit off (overruled), but 084 as PP-OCR did; the birth
    band was read 12/09/1944. Two recognisers read the year the date read once contradicts:
    the date is the misread and the number stands. When Tesseract's reading differs in
    the year too, or was not overruled, the date still refuses it."""
    right, serial_off, year_off = "079084891694", "079084091694", "079044091694"
    sure = [0.99] * 12
    five = [(right, 0.99)] * 5
    assert settle_two([serial_off], five, "1944-09-12", digits=[sure] * 5) == right
    assert settle_two([year_off], five, "1944-09-12", digits=[sure] * 5) is None
    assert settle_two([], five, "1944-09-12", digits=[sure] * 5) is None
    unsure = [[0.99] * 7 + [0.5] + [0.99] * 4] * 5  # not sure of the serial digit
    assert settle_two([serial_off], five, "1944-09-12", digits=unsure) is None


def test_a_birth_date_the_two_recognisers_read_differently_does_not_refuse_the_number() -> None:
    """Development photocopy 920001 0054: Tesseract read the birth band 10/11/1967 for
    1987 and one valid misread of the number; all five of PP-OCR's views read
    ``092187864914`` (born 1987) at 0.96 or more, and the date refused it. PP-OCR now
    reads the date too when every number it read disagrees with Tesseract's: read
    otherwise, the date is no evidence and the number stands; read alike, or not read
    alike on two views, the date stands and still refuses it."""
    from intake.extract.card_id_vote import birth_to_check

    right, misread = "092187864914", "002197964914"
    five = [(right, p) for p in (0.969, 0.98, 0.964, 0.996, 0.988)]
    numbers = [v for v, _ in five]
    assert settle_two([misread], five, "1967-11-10") is None  # as it was
    birth = birth_to_check("1967-11-10", numbers, lambda: "1987-11-10")
    assert birth is None
    assert settle_two([misread], five, birth) == right
    assert birth_to_check("1967-11-10", numbers, lambda: "1967-11-10") == "1967-11-10"
    assert birth_to_check("1967-11-10", numbers, lambda: None) == "1967-11-10"
    assert birth_to_check(None, numbers, lambda: "1987-11-10") == "1987-11-10"

    def not_asked() -> str | None:
        raise AssertionError("PP-OCR reads the date only when the numbers disagree with it")

    assert birth_to_check("1987-11-10", numbers, not_asked) == "1987-11-10"
    assert birth_to_check("1967-11-10", [], not_asked) == "1967-11-10"


def test_unsure_pp_ocr_views_do_not_outweigh_a_view_reading_another_number() -> None:
    """Development photocopy 930001 'Bản photo CCCD 0292' (036089847807): Tesseract read
    no valid number and no birth date; three of PP-OCR's views read ``036089847897`` at
    0.56-0.64 (1.80, just `SURE`), each digit sure in some view, and the fourth, at 0.43,
    the number printed: the wrong number was given. Against a view reading another number,
    PP-OCR alone needs every view of its number sure (0.9), or four sure views' weight."""
    printed, misread = "036089847807", "036089847897"
    views = [(misread, 0.644), (misread, 0.564), (printed, 0.431), (misread, 0.593)]
    assert settle_two([], views, None) is None
    assert settle_two([], [v for v in views if v[0] == misread], None) == misread  # as before
    sure = [(printed, 0.99), (printed, 0.95), (misread, 0.43)]
    assert settle_two([], sure, None) == printed
    four = [(printed, 0.95), (printed, 0.93), (printed, 0.9), (printed, 0.88), (misread, 0.4)]
    assert settle_two([], four, None) == printed


def test_the_page_ocr_does_not_confirm_a_number_pp_ocr_views_contest() -> None:
    """Fresh 554901 0004 (a photographed copy, 034163342091): three PP-OCR views read
    ``034163142091`` at 0.87-0.90, two ``034161142091`` at 0.52-0.55, Tesseract's band
    reads nothing valid, and the page OCR's whole-card reading ``034163142091`` confirmed
    the first: a wrong number was given, both recognisers reading the blurred 3 as 1.
    Against views reading another number (half `SURE` or more), the page confirms nothing;
    uncontested, it confirms as before, and a band reading still does."""
    misread, other = "034163142091", "034161142091"
    views = [(other, 0.52), (misread, 0.904), (misread, 0.867), (misread, 0.899), (other, 0.548)]
    assert settle_two([], views, None, page=[misread]) is None
    assert settle_two([], views[1:4], None, page=[misread]) == misread
    assert settle_two([misread], views, None) == misread
