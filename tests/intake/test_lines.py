"""Dotted leaders and table rules are erased before OCR; diacritics are not."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from intake.ocr.tesseract import TesseractEngine
from intake.preprocess.lines import remove_leaders_and_rules
from tests.pages import SERIF

FONT = ImageFont.truetype(SERIF, 50)


def _line(label: str, value: str, width: int = 2200) -> Image.Image:
    """A form line as printed: label, dots, value, dots up to the margin."""
    image = Image.new("L", (width, 120), 255)
    draw = ImageDraw.Draw(image)
    x = 40
    draw.text((x, 30), label, font=FONT, fill=0)
    x += int(draw.textlength(label, font=FONT)) + 10
    dots = "." * 25
    draw.text((x, 30), dots, font=FONT, fill=0)
    x += int(draw.textlength(dots, font=FONT)) + 10
    draw.text((x, 30), value, font=FONT, fill=0)
    x += int(draw.textlength(value, font=FONT)) + 10
    while x < width - 40:
        draw.text((x, 30), ".", font=FONT, fill=0)
        x += int(draw.textlength(".", font=FONT)) + 4
    return image


def test_leaders_removed_value_read_cleanly() -> None:
    """'Dân tộc: ....Kinh....' reads as exactly 'Dân tộc: Kinh' after cleanup, while the raw
    line does not."""
    image = _line("Dân tộc:", "Kinh")
    cleaned, stats = remove_leaders_and_rules(image, 300)
    assert stats.leader_dots >= 40
    engine = TesseractEngine()
    assert engine.recognize(image, 300).text != "Dân tộc: Kinh"  # what the cleanup fixes
    assert engine.recognize(cleaned, 300).text == "Dân tộc: Kinh"


def test_diacritics_survive() -> None:
    """Dots below and above letters (ạ ị ộ ợ ụ) are not leaders: the text pixels of a line
    without leaders are left untouched."""
    image = Image.new("L", (2200, 120), 255)
    ImageDraw.Draw(image).text(
        (40, 30), "Họ, chữ đệm, tên: Nguyễn Thị Ngọc Ánh; Lạng Sơn; Phụng; ợ ộ ị", font=FONT, fill=0
    )
    cleaned, stats = remove_leaders_and_rules(image, 300)
    assert stats.leader_dots == 0
    assert np.array_equal(np.asarray(cleaned), np.asarray(image))


def test_table_rules_removed() -> None:
    """A grid around a cell is erased; the text inside it stays and reads."""
    image = Image.new("L", (1400, 300), 255)
    draw = ImageDraw.Draw(image)
    for y in (40, 250):
        draw.line((20, y, 1380, y), fill=0, width=4)
    for x in (20, 700, 1380):
        draw.line((x, 40, x, 250), fill=0, width=4)
    draw.text((60, 110), "Thửa đất số", font=FONT, fill=0)
    draw.text((740, 110), "376", font=FONT, fill=0)
    cleaned, stats = remove_leaders_and_rules(image, 300)
    assert stats.rule_pixels > 0
    arr = np.asarray(cleaned)
    assert arr[40, 300] == 255 and arr[150, 700] == 255  # grid gone
    assert TesseractEngine().recognize(cleaned, 300).text.split() == ["Thửa", "đất", "số", "376"]


def test_slanted_rule_erased_filled_bar_kept() -> None:
    """A long rule that rises 12 pixels over its length (residual skew) is still a rule; a
    filled header bar with white text in it is not, even where a rule runs into it."""
    image = Image.new("L", (1400, 300), 255)
    draw = ImageDraw.Draw(image)
    draw.line((20, 40, 1380, 52), fill=0, width=3)
    draw.rectangle((100, 150, 700, 230), fill=0)
    draw.line((700, 190, 1300, 190), fill=0, width=3)
    draw.text((140, 160), "Thông tin", font=FONT, fill=255)
    cleaned, stats = remove_leaders_and_rules(image, 300)
    arr = np.asarray(cleaned)
    assert stats.rule_pixels > 0
    assert arr[40:54, 300:1100].min() == 255  # slanted rule gone
    assert arr[190, 900:1250].min() == 255  # the rule leaving the bar gone
    bar = np.asarray(image)[150:231, 100:685]  # all but where the rule runs into its edge
    assert np.array_equal(arr[150:231, 100:685], bar)  # the bar and its text stay as printed


def test_leader_dots_straddling_a_pixel_row_and_specks_between_them() -> None:
    """A scanned leader line: the dots' bottoms wander by a pixel (1141 or 1142 px), and the
    patterned background leaves specks and dot-sized blobs between them at other heights. All
    dots are still one leader (seeds 5602 and 5803: such lines kept their dots and
    "8/10/1958" was read as "D210/")."""
    rng = np.random.default_rng(7)
    pixels = np.full((1200, 1700), 255, np.uint8)
    dots = np.zeros_like(pixels, dtype=bool)
    xs = range(100, 1300, 14)
    for x in xs:
        bottom = 1141 + int(rng.integers(0, 2))
        dots[bottom - 6 : bottom, x : x + 7] = True
        pixels[dots] = 0
        speck = x + 9
        pixels[1120 + int(rng.integers(0, 25)), speck] = 0  # one-pixel specks
        # dot-sized blobs of a patterned background between the dots, lower down
        bottom = 1160 + int(rng.integers(0, 20))
        pixels[bottom - 4 : bottom, x + 10 : x + 14] = 0
    for k, bottom in enumerate(range(1145, 1161, 3)):  # more of them far right, at every height
        pixels[bottom - 4 : bottom, 1340 + 50 * k : 1344 + 50 * k] = 0
    image = Image.fromarray(pixels)
    cleaned, stats = remove_leaders_and_rules(image, 300)
    assert stats.leader_dots >= len(xs)
    assert np.asarray(cleaned)[dots].min() == 255
