"""Loading: real type by content, text layers, multi-page TIFF, EXIF orientation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from intake.errors import EncryptedPdfError, TooManyPagesError, UnsupportedTypeError
from intake.loading import inspect, load_page
from intake.loading.sniff import sniff
from tests.pages import FORM_LINES, encrypted_pdf, render_page, text_layer_pdf


def test_sniff_uses_content_not_name(tmp_path: Path) -> None:
    """A PNG saved with a .pdf name is a PNG; a PDF named .jpg is a PDF."""
    png = tmp_path / "scan.pdf"
    render_page(("a",)).save(png, format="PNG")
    assert sniff(png).format == "png"
    pdf = tmp_path / "scan.jpg"
    render_page(("a",)).save(pdf, format="PDF")
    assert sniff(pdf).format == "pdf"
    txt = tmp_path / "x.tif"
    txt.write_text("plain text")
    with pytest.raises(UnsupportedTypeError):
        sniff(txt)


def test_text_layer_pdf_gives_words_with_boxes(tmp_path: Path) -> None:
    """A born-digital PDF's own text is used (NFC, in reading order) with boxes on the page."""
    path = text_layer_pdf(tmp_path / "digital.pdf")
    info = inspect(path, max_pages=10, max_pixels=10**9)
    page = load_page(path, info.kind.format, 0, 150, 10**9)
    assert page.text_layer is not None
    assert page.text_layer.source == "text-layer"
    assert page.text_layer.text.splitlines()[: len(FORM_LINES)] == list(FORM_LINES)
    width, height = page.image.size
    for word in page.text_layer.words:
        left, top, right, bottom = word.box
        assert 0 <= left < right <= width and 0 <= top < bottom <= height


def test_image_only_pdf_has_no_text_layer(tmp_path: Path) -> None:
    """A scanned PDF (image only) must go to OCR."""
    path = tmp_path / "scan.pdf"
    render_page().save(path, resolution=300)
    page = load_page(path, "pdf", 0, 100, 10**9)
    assert page.text_layer is None
    assert page.image.size[0] == pytest.approx(2480 / 3, abs=2)


def test_multipage_tiff_pages_and_dpi(tmp_path: Path) -> None:
    """Each TIFF frame is a page; the scanner's DPI is kept."""
    path = tmp_path / "hồ sơ.tiff"
    first, second = render_page(("Trang một",)), render_page(("Trang hai", "thêm"))
    first.save(path, save_all=True, append_images=[second], dpi=(200, 200))
    info = inspect(path, max_pages=10, max_pixels=10**9)
    assert info.page_count == 2
    page2 = load_page(path, "tiff", 1, 300, 10**9)
    assert page2.image.size == second.size
    assert page2.dpi == 200


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    """A phone photo stored sideways with EXIF orientation 6 is loaded upright."""
    upright = render_page(("Ảnh chụp điện thoại",), width=1200)
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # what the camera wrote
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 CW to display
    path = tmp_path / "photo.jpg"
    stored.save(path, exif=exif)
    page = load_page(path, "jpeg", 0, 300, 10**9)
    assert page.image.size == upright.size


def test_page_limit_and_password(tmp_path: Path) -> None:
    """Too many pages and password protection are refused before any rendering."""
    path = tmp_path / "many.tiff"
    frames = [render_page(("p",), width=200) for _ in range(3)]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    with pytest.raises(TooManyPagesError):
        inspect(path, max_pages=2, max_pixels=10**9)
    with pytest.raises(EncryptedPdfError):
        inspect(encrypted_pdf(tmp_path / "locked.pdf"), max_pages=10, max_pixels=10**9)
