"""PDF inputs: page count, encryption, real text layers, and page rendering.

Rendering goes through pdf2image (poppler's pdftoppm, one page per call so a worker holds one
page in memory at a time). Inspection and text layers use pypdfium2, which reads the text with
character boxes and tells an encrypted file from a damaged one.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from pdf2image import convert_from_path
from pdf2image.exceptions import PDFPageCountError, PDFSyntaxError
from PIL import Image

from intake.errors import CorruptFileError, EncryptedPdfError, ImageTooLargeError
from intake.ocr.base import OcrLine, OcrWord, PageText, nfc

#: A page whose text layer has fewer visible characters than this is treated as an image scan.
MIN_TEXT_LAYER_CHARS = 20
_PDFIUM_PASSWORD_ERROR = 4


def open_pdf(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PDFIUM_PASSWORD_ERROR:
            raise EncryptedPdfError(
                "PDF được bảo vệ bằng mật khẩu: hãy quét lại bản giấy hoặc gửi bản không đặt "
                "mật khẩu. / The PDF is password-protected."
            ) from exc
        raise CorruptFileError(
            "PDF bị hỏng hoặc không đầy đủ (có thể bị cắt khi sao chép). "
            f"/ The PDF is damaged or truncated ({exc})."
        ) from exc


def page_count(path: Path) -> int:
    pdf = open_pdf(path)
    try:
        count = len(pdf)
    finally:
        pdf.close()
    if count <= 0:
        raise CorruptFileError("PDF không có trang nào. / The PDF has no pages.")
    return count


def render_page(path: Path, index: int, dpi: int, max_pixels: int) -> Image.Image:
    pdf = open_pdf(path)
    try:
        width_pt, height_pt = pdf[index].get_size()
    finally:
        pdf.close()
    pixels = (width_pt * dpi / 72) * (height_pt * dpi / 72)
    if pixels > max_pixels:
        raise ImageTooLargeError(
            f"Trang {index + 1} quá lớn ({width_pt / 72:.0f}x{height_pt / 72:.0f} inch) để dựng "
            f"ảnh ở {dpi} DPI. / Page {index + 1} is too large to render at {dpi} DPI "
            "(INTAKE_MAX_IMAGE_PIXELS)."
        )
    try:
        images = convert_from_path(
            path, dpi=dpi, first_page=index + 1, last_page=index + 1, thread_count=1
        )
    except (PDFPageCountError, PDFSyntaxError) as exc:
        raise CorruptFileError(
            f"Không dựng được ảnh trang {index + 1} của PDF. / Cannot render page {index + 1}: "
            f"{exc}"
        ) from exc
    if not images:
        raise CorruptFileError(
            f"Không dựng được ảnh trang {index + 1} của PDF. / Page {index + 1} rendered empty."
        )
    image = images[0]
    return image if image.mode in ("RGB", "L") else image.convert("RGB")


def text_layer(path: Path, index: int, dpi: int) -> PageText | None:
    """Words of the page's own text layer in pixel coordinates at ``dpi``, or None when the
    page carries no real text (a scanned image, or a few stray characters)."""
    pdf = open_pdf(path)
    try:
        page = pdf[index]
        width_pt, height_pt = page.get_size()
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        visible = sum(1 for ch in text if not ch.isspace() and ch != "\ufffd")
        if visible < MIN_TEXT_LAYER_CHARS:
            return None
        lines = _words_from_chars(textpage, text, height_pt, dpi / 72)
    finally:
        pdf.close()
    return PageText(
        lines=tuple(lines),
        width=round(width_pt * dpi / 72),
        height=round(height_pt * dpi / 72),
        engine="pdf-text-layer",
        source="text-layer",
    )


def _words_from_chars(
    textpage: pdfium.PdfTextPage, text: str, height_pt: float, scale: float
) -> list[OcrLine]:
    lines: list[OcrLine] = []
    words: list[OcrWord] = []
    chars: list[str] = []
    boxes: list[tuple[float, float, float, float]] = []

    def close_word() -> None:
        if chars:
            left = min(b[0] for b in boxes)
            bottom = min(b[1] for b in boxes)
            right = max(b[2] for b in boxes)
            top = max(b[3] for b in boxes)
            box = (
                round(left * scale),
                round((height_pt - top) * scale),
                round(right * scale),
                round((height_pt - bottom) * scale),
            )
            words.append(OcrWord(nfc("".join(chars)), box, 1.0))
            chars.clear()
            boxes.clear()

    def close_line() -> None:
        close_word()
        if words:
            lines.append(OcrLine(tuple(words)))
            words.clear()

    for index, ch in enumerate(text):
        if ch in "\r\n":
            close_line()
        elif ch.isspace():
            close_word()
        else:
            chars.append(ch)
            boxes.append(textpage.get_charbox(index))
    close_line()
    return lines
