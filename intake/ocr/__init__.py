"""OCR engines behind one protocol; ``make_engine`` picks the configured one."""

from __future__ import annotations

from intake.config import Settings
from intake.errors import ConfigError
from intake.ocr.base import OcrEngine, OcrLine, OcrWord, PageText

__all__ = ["OcrEngine", "OcrLine", "OcrWord", "PageText", "make_engine"]


def make_engine(settings: Settings) -> OcrEngine:
    if settings.ocr_engine == "tesseract":
        from intake.ocr.tesseract import TesseractEngine

        return TesseractEngine(language=settings.ocr_language, tessdata_dir=settings.tessdata_dir)
    if settings.ocr_engine == "paddle":
        from intake.ocr.paddle import PaddleEngine

        return PaddleEngine(models_dir=settings.paddle_models_dir)
    raise ConfigError(f"Bộ OCR không hỗ trợ / unknown OCR engine: {settings.ocr_engine!r}")
