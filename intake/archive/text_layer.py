"""The invisible text layer, drawn by OCRmyPDF's renderer from the stored OCR words.

OCRmyPDF's fpdf2 renderer is what OCRmyPDF itself uses for its searchable PDFs: it places
each word on its box with horizontal scaling, in text render mode 3 (invisible), with an
embedded subset of Noto Sans (which covers Vietnamese) and a ToUnicode map, so copy and
search give back the NFC text. We only feed it the words the pipeline already read.
"""

from __future__ import annotations

import io
import logging
import tempfile
from pathlib import Path

import ocrmypdf
import pikepdf
from ocrmypdf.font import MultiFontManager
from ocrmypdf.fpdf_renderer import Fpdf2MultiPageRenderer
from ocrmypdf.hocrtransform import OcrElement

#: OCRmyPDF's bundled fonts (Noto Sans, and a glyphless fallback for scripts it lacks).
FONT_DIR = Path(ocrmypdf.__file__).parent / "data"

# fontTools logs every subsetting step at INFO; that is noise in the service log.
logging.getLogger("fontTools").setLevel(logging.WARNING)


def render_text_pages(trees: list[tuple[OcrElement, float]]) -> pikepdf.Pdf:
    """A PDF with one text-only page per ``(page tree, dpi)``, each the size of its image.

    The caller grafts page *i* onto image page *i*; the returned PDF lives in memory."""
    pages = [(index, tree, dpi) for index, (tree, dpi) in enumerate(trees)]
    renderer = Fpdf2MultiPageRenderer(pages, MultiFontManager(FONT_DIR), invisible_text=True)
    with tempfile.TemporaryDirectory(prefix="intake-archive-") as folder:
        path = Path(folder) / "text.pdf"
        renderer.render(path)
        data = path.read_bytes()
    return pikepdf.open(io.BytesIO(data))
