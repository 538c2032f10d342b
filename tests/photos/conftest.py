"""Fixtures shared by the photo tests."""

from __future__ import annotations

import pytest

from intake.ocr.ppocr_lines import LineRecognizer


@pytest.fixture(scope="session")
def recognizer() -> LineRecognizer:
    """PP-OCR's line recogniser from the installed rapidocr wheel (`make install`)."""
    pytest.importorskip("onnxruntime")
    pytest.importorskip("rapidocr")
    rec = LineRecognizer()
    assert rec.available, "the rapidocr wheel carries the PP-OCR recognition model"
    return rec
