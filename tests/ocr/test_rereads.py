"""Digit re-reads: uncertain dates and ID numbers read again as single lines, with a vote."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from intake.ocr.base import LineReader, OcrLine, OcrWord, PageText
from intake.ocr.rereads import _decided, _vote, reread_digits, valid_digits
from intake.ocr.tesseract import TesseractEngine

SERIF = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"


def _line_image(text: str, points: int = 11, dpi: int = 300) -> tuple[Image.Image, tuple]:
    """A white strip with ``text`` printed at ``points`` size; returns it and the text's box."""
    font = ImageFont.truetype(SERIF, round(points * dpi / 72))
    image = Image.new("L", (1400, 160), 255)
    draw = ImageDraw.Draw(image)
    draw.text((200, 50), text, font=font, fill=0)
    return image, tuple(int(v) for v in draw.textbbox((200, 50), text, font=font))


@pytest.fixture(scope="module")
def engine() -> TesseractEngine:
    engine = TesseractEngine()
    yield engine
    engine.close()


def test_valid_digits_accepts_dates_and_id_numbers_only() -> None:
    """Only plausible dates (day, month, year ranges) and 12-digit numbers count as valid."""
    assert valid_digits("13/08/2026") and valid_digits("7-3-1964") and valid_digits("079123456789")
    assert not valid_digits("2807/2026")  # a separator lost
    assert not valid_digits("32/01/2020") and not valid_digits("01/13/2020")
    assert not valid_digits("01/01/1820")
    assert not valid_digits("07912345678")  # 11 digits


def test_vote_prefers_agreement_then_confidence() -> None:
    """Two agreeing re-reads outvote a confident page pass; invalid readings have no vote."""
    original = ("02-10-1969", 0.63)
    readings = [("02-10-1989", 0.85), ("02-10-1989", 0.92), ("02-10-1969", 0.69)]
    assert _vote(original, readings) == ("02-10-1989", pytest.approx(0.885))
    assert _vote(("2807/2026", 0.5), [("", 0.0), ("28/07/2026", 0.9), ("2807/2026", 0.8)]) == (
        "28/07/2026",
        0.9,
    )
    assert _vote(("75072808614", 0.8), [("7507280861", 0.7)]) is None


def test_tesseract_reads_a_line_limited_to_digits(engine: TesseractEngine) -> None:
    """The engine's single-line read honours the character set and restores the page mode."""
    assert isinstance(engine, LineReader)
    image, _box = _line_image("Số 56/2021")
    text, _conf = engine.read_line(image, 300, "0123456789/")
    assert "S" not in text and "56/2021" in text.replace(" ", "")
    text, confidence = engine.read_line(_line_image("56/2021")[0], 300, "0123456789/")
    assert text == "56/2021" and 0.5 < confidence <= 1
    page = engine.recognize(_line_image("Ngày 13/08/2026")[0], 300)
    assert "Ngày" in page.text  # the whitelist did not stick to the page pass


def test_wrong_uncertain_date_is_repaired_from_the_image(engine: TesseractEngine) -> None:
    """Given a page pass that read a printed date with a wrong digit and low confidence, the
    re-read takes the printed value and says it changed one word."""
    image, box = _line_image("13/08/2026")
    page = PageText((OcrLine((OcrWord("13/08/2020", box, 0.55),)),), image.width, image.height, "t")
    repaired, stats = reread_digits(engine, image, page, 300)
    assert repaired.lines[0].words[0].text == "13/08/2026"
    assert (stats.candidates, stats.reread, stats.changed) == (1, 1, 1)
    assert repaired.lines[0].words[0].box == box


def test_confident_valid_words_and_plain_words_are_not_reread(engine: TesseractEngine) -> None:
    """A valid date read confidently, and words without a digit group, cost no re-read (one
    check read at page scale only)."""
    image, box = _line_image("13/08/2026")
    page = PageText(
        (OcrLine((OcrWord("Ngày", (0, 0, 10, 10), 0.2), OcrWord("13/08/2026", box, 0.97))),),
        image.width,
        image.height,
        "t",
    )
    same, stats = reread_digits(engine, image, page, 300)
    assert same.lines == page.lines
    assert (stats.candidates, stats.reread) == (1, 0)


def test_prefix_of_a_glued_token_is_kept(engine: TesseractEngine) -> None:
    """A number glued to a label keeps the label; only the digit part may change."""
    image, box = _line_image("079123456789")
    page = PageText((OcrLine((OcrWord("CCCD:079123456189", box, 0.5),)),), 1400, 160, "t")
    repaired, _ = reread_digits(engine, image, page, 300)
    assert repaired.lines[0].words[0].text == "CCCD:079123456789"


def test_confident_page_scale_reading_wins_outright() -> None:
    """An italic 8 that the page pass and both enlarged reads took for a 6 (dev seed 5512):
    the page-scale crop read it right and confidently, and that reading stands; an unsure
    page-scale reading still goes to the vote."""
    readings = [("04/04/2018", 0.94), ("04/04/2016", 0.85), ("04/04/2016", 0.89)]
    assert _vote(("04/04/2016", 0.87), readings) == ("04/04/2018", 0.94)
    readings[0] = ("04/04/2018", 0.80)
    assert _vote(("04/04/2016", 0.87), readings) == ("04/04/2016", pytest.approx(0.87))


def test_dropped_slash_is_put_back_only_when_nothing_reads_valid() -> None:
    assert _vote(("0708/2019", 0.61), [("2011", 0.0), ("", 0.0), ("", 0.0)]) == (
        "07/08/2019",
        0.61,
    )
    assert _vote(("0708/2019", 0.61), [("07/08/2018", 0.7), ("", 0.0)]) == ("07/08/2018", 0.7)
    assert _vote(("3208/2019", 0.6), [("", 0.0)]) is None  # day 32: not a date either way
    # slashes read as letters on card print, re-reads that dropped them (fresh seed 5601)
    readings = [("121022026", 0.0), ("120212026", 0.0), ("12022026", 0.0)]
    assert _vote(("12i02I2026", 0.43), readings) == ("12/02/2026", 0.43)

    """Three different valid readings: the crop read at page scale wins, not the most
    confident enlarged one (an italic 8 read as 6 at x2, dev seed 5102)."""
    readings = [("024198344378", 0.91), ("024198344376", 0.92), ("024198344375", 0.62)]
    assert _vote(("02211000/113780000", 0.0), readings) == ("024198344378", 0.91)


def test_split_id_number_is_joined_and_checked_as_one(engine: TesseractEngine) -> None:
    """An ID number the page pass split into "030" and "082897943." becomes one word spanning
    both boxes; a lone short number next to a label is left alone."""
    image, box = _line_image("030082897943")
    left, top, right, bottom = box
    cut = left + (right - left) // 4
    page = PageText(
        (
            OcrLine(
                (
                    OcrWord("Số:", (20, top, 120, bottom), 0.9),
                    OcrWord("030", (left, top, cut - 30, bottom), 0.97),
                    OcrWord("082897943.", (cut, top, right, bottom), 0.73),
                )
            ),
        ),
        image.width,
        image.height,
        "t",
    )
    joined, stats = reread_digits(engine, image, page, 300)
    words = joined.lines[0].words
    assert [w.text for w in words] == ["Số:", "030082897943"]
    assert words[1].box == (left, top, right, bottom)
    assert stats.candidates == 1


def test_word_overlapped_by_its_neighbour_is_still_reread(engine: TesseractEngine) -> None:
    """The page pass can return a neighbour whose box reaches past the digit word (seen on a
    scanned marriage form, fresh seed 5602): the crop still covers the word, nothing raises."""
    image = Image.new("L", (700, 80), 255)
    ImageDraw.Draw(image).text((300, 15), "12/02/1990", font=ImageFont.truetype(SERIF, 40), fill=0)
    words = (
        OcrWord("Ngày:", (100, 10, 560, 60), 0.9),
        OcrWord("12/02/1996", (300, 10, 520, 60), 0.5),
    )
    page = PageText((OcrLine(words),), 700, 80, engine="tesseract")
    reread, stats = reread_digits(engine, image, page, 300)
    assert stats.reread == 1
    assert reread.lines[0].words[1].text == "12/02/1990"


def test_date_with_slashes_read_as_letters_is_reread(engine: TesseractEngine) -> None:
    """Small card print: the page pass read the slashes as i and I ("12i02I2026", fresh seed
    5601); the word is still taken for a date and re-read."""
    image, box = _line_image("12/02/2026")
    page = PageText((OcrLine((OcrWord("12i02I2026", box, 0.43),)),), image.width, image.height, "t")
    repaired, stats = reread_digits(engine, image, page, 300)
    assert repaired.lines[0].words[0].text == "12/02/2026"
    assert stats.changed == 1


def test_date_split_at_a_slash_is_joined_and_read_as_one(engine: TesseractEngine) -> None:
    """ "10/06/ 1958" (the page pass put a gap after the slash) becomes one date word; the
    date next to it on the line and plain numbers are left as they were."""
    image, box = _line_image("10/06/1958")
    left, top, right, bottom = box
    cut = left + (right - left) * 6 // 10
    page = PageText(
        (
            OcrLine(
                (
                    OcrWord("sinh:", (20, top, 120, bottom), 0.9),
                    OcrWord("10/06/", (left, top, cut - 10, bottom), 0.95),
                    OcrWord("1958", (cut, top, right, bottom), 0.95),
                    OcrWord("12", (right + 40, top, right + 80, bottom), 0.95),
                    OcrWord("345", (right + 100, top, right + 160, bottom), 0.95),
                )
            ),
        ),
        image.width,
        image.height,
        "t",
    )
    joined, _ = reread_digits(engine, image, page, 300)
    words = joined.lines[0].words
    assert [w.text for w in words] == ["sinh:", "10/06/1958", "12", "345"]
    assert words[1].box == (left, top, right, bottom)


@pytest.mark.parametrize(
    ("font", "text"),
    [
        ("dejavu/DejaVuSerifCondensed-Italic.ttf", "22/10/1988"),
        ("dejavu/DejaVuSerifCondensed-Italic.ttf", "058089190036"),
        ("dejavu/DejaVuSerif-Italic.ttf", "13/08/2026"),
        ("liberation2/LiberationSans-Bold.ttf", "22/9/1979"),
    ],
)
def test_default_rereads_read_italic_and_bold_digits(font: str, text: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The re-reads' own model (``eng`` by default) reads the digit groups of italic and bold
    print that Debian's ``vie`` model turns into 1986, 058069..., 15/08, 2291979."""
    from intake.config import Settings
    from intake.pipeline.pages import PageReader

    reader = PageReader(Settings(data_dir=tmp_path))._line_reader()
    assert reader is not None
    face = ImageFont.truetype(f"/usr/share/fonts/truetype/{font}", round(12 * 300 / 72))
    image = Image.new("L", (900, 120), 255)
    ImageDraw.Draw(image).text((20, 20), text, font=face, fill=0)
    assert reader.read_line(image, 300, "0123456789/-.")[0] == text



def test_confident_misread_is_checked_by_the_digit_model() -> None:
    """The page model read an italic 1988 as 1986 with confidence 0.95; the digit model's check
    read sees 1988, so the word is re-read and corrected."""
    image = Image.new("L", (900, 120), 255)
    face = ImageFont.truetype(
        "/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed-Italic.ttf", 50)
    draw = ImageDraw.Draw(image)
    draw.text((200, 30), "22/10/1988", font=face, fill=0)
    box = tuple(int(v) for v in draw.textbbox((200, 30), "22/10/1988", font=face))
    page = PageText((OcrLine((OcrWord("22/10/1986", box, 0.95),)),), 900, 120, "t")
    engine = TesseractEngine("eng")
    try:
        fixed, stats = reread_digits(engine, image, page, 300)
    finally:
        engine.close()
    assert fixed.lines[0].words[0].text == "22/10/1988"
    assert stats.reread == 1


def test_tied_readings_ask_for_another_scale() -> None:
    page = ("12//77", 0.1)
    assert not _decided(page, [("1277/1939", 0.8), ("12/7/1959", 0.5), ("12/7/1939", 0.4)])
    assert _decided(page, [("1277/1939", 0.8), ("12/7/1959", 0.5), ("12/7/1939", 0.4),
                           ("12/7/1939", 0.8)])
    assert _decided(page, [("12/7/1939", 0.95), ("12/7/1959", 0.5), ("12/7/1959", 0.4)])
    assert _decided(page, [("x", 0.0), ("", 0.0), ("12", 0.0)])  # nothing valid: nothing to add
