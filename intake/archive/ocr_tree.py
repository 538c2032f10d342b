"""Stored OCR words turned into the page tree OCRmyPDF's text-layer renderer draws.

The pipeline already read every page and kept its words with their boxes (in the pixels of
the stored page image), so the archive never runs OCR again: it rebuilds the structure an
hOCR file would give OCRmyPDF (page, lines, words) directly as ``OcrElement`` objects, which
is the renderer's own input format, and skips writing and re-parsing hOCR text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from ocrmypdf.hocrtransform import BoundingBox, OcrClass, OcrElement

#: Tesseract's code for Vietnamese; the renderer uses it to choose a font covering the text.
LANGUAGE = "vie"


def _word(raw: Sequence[Any]) -> tuple[int, OcrElement] | None:
    """One stored word ``[text, left, top, right, bottom, confidence, line_no]``, or None when
    it has no text or no area (nothing to select)."""
    text = unicodedata.normalize("NFC", str(raw[0])).strip()
    left, top, right, bottom = (float(v) for v in raw[1:5])
    if not text or right <= left or bottom <= top:
        return None
    line_no = int(raw[6]) if len(raw) > 6 and raw[6] is not None else 0
    confidence = float(raw[5]) if len(raw) > 5 and raw[5] is not None else None
    box = BoundingBox(left, top, right, bottom)
    return line_no, OcrElement(
        ocr_class=OcrClass.WORD, text=text, bbox=box, confidence=confidence, language=LANGUAGE
    )


def _union(words: list[OcrElement]) -> BoundingBox:
    boxes = [w.bbox for w in words if w.bbox is not None]
    return BoundingBox(
        min(b.left for b in boxes),
        min(b.top for b in boxes),
        max(b.right for b in boxes),
        max(b.bottom for b in boxes),
    )


def page_tree(words: Sequence[Sequence[Any]], width: int, height: int, dpi: float) -> OcrElement:
    """The ``ocr_page`` element for one page: its lines in the order the OCR read them, each
    with its words left to right as stored. Words keep the line number the engine gave."""
    lines: dict[int, list[OcrElement]] = {}
    for raw in words:
        parsed = _word(raw)
        if parsed is not None:
            lines.setdefault(parsed[0], []).append(parsed[1])
    children = [
        OcrElement(ocr_class=OcrClass.LINE, bbox=_union(ws), children=ws, language=LANGUAGE)
        for ws in lines.values()
    ]
    return OcrElement(
        ocr_class=OcrClass.PAGE,
        bbox=BoundingBox(0, 0, width, height),
        children=children,
        dpi=dpi,
        language=LANGUAGE,
    )


def has_text(tree: OcrElement) -> bool:
    return bool(tree.words)
