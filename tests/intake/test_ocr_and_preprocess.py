"""Tesseract `vie` on rendered Vietnamese, both back-ends, orientation and deskew."""

from __future__ import annotations

import pytest
from PIL import Image

from intake.errors import OcrEngineMissingError
from intake.ocr.tesseract import TesseractEngine
from intake.preprocess.deskew import deskew, estimate_skew
from tests.pages import render_page, words_of


def _recall(found: str, expected: list[str]) -> float:
    bag = found.split()
    hits = 0
    for word in expected:
        if word in bag:
            bag.remove(word)
            hits += 1
    return hits / len(expected)


@pytest.fixture(scope="module")
def page() -> Image.Image:
    return render_page()


@pytest.mark.parametrize("backend", ["tesserocr", "cli"])
def test_reads_vietnamese_with_tone_marks(backend: str, page: Image.Image) -> None:
    """A clean 300 DPI form reads with its diacritics (NFC), ID and date digits exact."""
    result = TesseractEngine(backend=backend).recognize(page, 300)
    assert _recall(result.text, words_of()) >= 0.95
    assert "079203001234" in result.text
    assert "26/4/2018" in result.text
    assert "Nguyễn Thị Ngọc Ánh" in result.text
    assert result.confidence > 0.8
    for word in result.words:
        left, top, right, bottom = word.box
        assert 0 <= left < right <= page.width and 0 <= top < bottom <= page.height


def test_backends_agree(page: Image.Image) -> None:
    """The in-process API and the CLI run the same model: same words, same line count."""
    api = TesseractEngine(backend="tesserocr").recognize(page, 300)
    cli = TesseractEngine(backend="cli").recognize(page, 300)
    assert api.text.split() == cli.text.split()


@pytest.mark.parametrize("angle", [0, 90, 180, 270])
def test_orientation_detection(angle: int, page: Image.Image) -> None:
    """OSD returns the PIL rotation that turns the page upright."""
    turned = page.rotate(angle, expand=True)
    fix = TesseractEngine().detect_orientation(turned)
    assert fix is not None
    assert (angle + fix) % 360 == 0


def test_missing_language_names_the_package() -> None:
    """An unknown language gives an actionable error, not a crash inside libtesseract."""
    with pytest.raises(OcrEngineMissingError, match="tesseract-ocr-xyz"):
        TesseractEngine(language="xyz").recognize(render_page(("a",), width=400), 300)


@pytest.mark.parametrize("angle", [-4.5, -1.2, 0.0, 0.7, 3.0])
def test_deskew_estimates_angle(angle: float, page: Image.Image) -> None:
    """Skew up to ±5° is measured within 0.2° and corrected."""
    skewed = page.rotate(angle, fillcolor=255, resample=Image.Resampling.BICUBIC)
    estimate = estimate_skew(skewed)
    assert estimate == pytest.approx(angle, abs=0.2)
    assert abs(estimate_skew(deskew(skewed, estimate))) <= 0.2


def test_engine_text_is_nfc_with_plain_slashes() -> None:
    """Tesseract at times reads a date's slash as a fraction slash; no form prints one."""
    from intake.ocr.base import nfc

    assert nfc("15\u204403/1973") == "15/03/1973"
    assert nfc("S\u1ed1: 12\u2215QĐ") == "Số: 12/QĐ"
    assert nfc("Nguye\u0302\u0303n") == "Nguyễn"
