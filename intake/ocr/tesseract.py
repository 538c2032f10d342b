"""Tesseract engine, language ``vie`` by default, with two interchangeable back-ends.

``tesserocr`` calls libtesseract in-process (the model is loaded once per worker); ``cli`` runs
the ``tesseract`` binary per page through pytesseract. Both produce identical structures; the
default was chosen by measurement (see ``bench/ocr_backends.py`` and README).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PIL import Image

from intake.errors import OcrEngineMissingError, OcrError
from intake.ocr.base import OcrLine, OcrWord, PageText, nfc

# OpenMP inside libtesseract would otherwise start one thread per core in every worker.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

PSM_AUTO = 3
_TESSDATA_CANDIDATES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)


def default_tessdata() -> str:
    """Where the distribution put the traineddata files (a pip-built tesserocr may not know)."""
    env = os.environ.get("TESSDATA_PREFIX")
    if env and Path(env).is_dir():
        return env
    for candidate in _TESSDATA_CANDIDATES:
        if Path(candidate, "osd.traineddata").is_file() or Path(candidate).is_dir():
            return candidate
    return "./"


#: OSD below this confidence is ignored: a page of few words gives random orientation guesses.
MIN_OSD_CONFIDENCE = 2.0


class TesseractEngine:
    name = "tesseract"

    def __init__(
        self,
        language: str = "vie",
        tessdata_dir: Path | None = None,
        backend: str = "tesserocr",
        psm: int = PSM_AUTO,
        variables: dict[str, str] | None = None,
    ) -> None:
        self.language = language
        self.tessdata_dir = tessdata_dir
        self.backend = backend
        self.psm = psm
        self.variables = dict(variables or {})
        self._api: Any = None
        self._osd_api: Any = None
        self.name = f"tesseract-{language}"

    # -- public protocol ---------------------------------------------------------------------
    def recognize(self, image: Image.Image, dpi: int = 300) -> PageText:
        try:
            if self.backend == "cli":
                lines = self._recognize_cli(image, dpi)
            else:
                lines = self._recognize_api(image, dpi)
        except OcrEngineMissingError:
            raise
        except Exception as exc:  # the engine boundary: any library failure is an OCR error
            raise OcrError(f"Tesseract thất bại / Tesseract failed: {exc}") from exc
        return PageText(tuple(lines), image.width, image.height, engine=self.name)

    def detect_orientation(self, image: Image.Image) -> int | None:
        """Counter-clockwise degrees (PIL convention) to turn the page upright, from OSD."""
        try:
            api = self._osd()
            api.SetImage(image)
            result = api.DetectOrientationScript()
        except OcrEngineMissingError:
            raise
        except Exception:  # OSD fails on pages with too little text: orientation unknown
            return None
        if not result or result.get("orient_conf", 0.0) < MIN_OSD_CONFIDENCE:
            return None
        return int(result["orient_deg"]) % 360

    def read_line(self, image: Image.Image, dpi: int, charset: str) -> tuple[str, float]:
        """One line (``--psm 7``) limited to ``charset``, on the page pass's own model: the
        segmentation mode and whitelist are set for the call and restored after it."""
        if self.backend == "cli":
            return self._read_line_cli(image, dpi, charset)
        import tesserocr

        if self._api is None:
            self._api = self._open_api(self.language, self.psm)
        api = self._api
        try:
            api.SetPageSegMode(tesserocr.PSM.SINGLE_LINE)
            api.SetVariable("tessedit_char_whitelist", charset)
            api.SetImage(image)
            api.SetSourceResolution(dpi)
            text = nfc(api.GetUTF8Text() or "").strip()
            confidence = max(0.0, api.MeanTextConf() / 100)
        except Exception as exc:
            raise OcrError(f"Tesseract thất bại / Tesseract failed: {exc}") from exc
        finally:
            api.SetVariable("tessedit_char_whitelist", "")
            api.SetPageSegMode(self.psm)
            api.Clear()
        return text, confidence

    def close(self) -> None:
        for api in (self._api, self._osd_api):
            if api is not None:
                api.End()
        self._api = self._osd_api = None

    # -- back-ends ---------------------------------------------------------------------------
    def _tessdata(self) -> str:
        return str(self.tessdata_dir) if self.tessdata_dir is not None else default_tessdata()

    def _open_api(self, language: str, psm: int) -> Any:
        import tesserocr

        path = self._tessdata()
        try:
            api = tesserocr.PyTessBaseAPI(path=path, lang=language, psm=psm)
        except RuntimeError as exc:
            raise OcrEngineMissingError(
                f"Thiếu dữ liệu ngôn ngữ Tesseract '{language}' trong {path}. Cài gói "
                f"tesseract-ocr-{language.split('+')[0]} hoặc đặt INTAKE_TESSDATA_DIR. "
                f"/ Tesseract language data '{language}' not found in {path}."
            ) from exc
        for key, value in self.variables.items():
            api.SetVariable(key, value)
        return api

    def _osd(self) -> Any:
        if self._osd_api is None:
            import tesserocr

            self._osd_api = self._open_api("osd", int(tesserocr.PSM.OSD_ONLY))
        return self._osd_api

    def _recognize_api(self, image: Image.Image, dpi: int) -> list[OcrLine]:
        import tesserocr

        if self._api is None:
            self._api = self._open_api(self.language, self.psm)
        api = self._api
        api.SetImage(image)
        api.SetSourceResolution(dpi)
        api.Recognize()
        word_level = tesserocr.RIL.WORD
        line_level = tesserocr.RIL.TEXTLINE
        lines: list[OcrLine] = []
        words: list[OcrWord] = []
        iterator = api.GetIterator()
        for item in tesserocr.iterate_level(iterator, word_level):
            try:
                text = item.GetUTF8Text(word_level)
            except RuntimeError:  # tesserocr's "No text returned": a page with no words
                continue
            if item.IsAtBeginningOf(line_level) and words:
                lines.append(OcrLine(tuple(words)))
                words = []
            if not text or not text.strip():
                continue
            box = item.BoundingBox(word_level)
            if box is None:
                continue
            words.append(OcrWord(nfc(text.strip()), tuple(box), item.Confidence(word_level) / 100))
        if words:
            lines.append(OcrLine(tuple(words)))
        api.Clear()
        return lines

    def _read_line_cli(self, image: Image.Image, dpi: int, charset: str) -> tuple[str, float]:
        import pytesseract

        config = (
            f'--psm 7 --dpi {dpi} --tessdata-dir "{self._tessdata()}" '
            f"-c tessedit_char_whitelist={charset}"
        )
        data = pytesseract.image_to_data(
            image, lang=self.language, config=config, output_type=pytesseract.Output.DICT
        )
        words = [(t.strip(), float(c)) for t, c in zip(data["text"], data["conf"], strict=True)
                 if t and t.strip()]
        if not words:
            return "", 0.0
        text = nfc(" ".join(t for t, _ in words))
        return text, max(0.0, sum(c for _, c in words) / len(words) / 100)

    def _recognize_cli(self, image: Image.Image, dpi: int) -> list[OcrLine]:
        import pytesseract

        config = f'--psm {self.psm} --dpi {dpi} --tessdata-dir "{self._tessdata()}"'
        for key, value in self.variables.items():
            config += f" -c {key}={value}"
        try:
            data = pytesseract.image_to_data(
                image, lang=self.language, config=config, output_type=pytesseract.Output.DICT
            )
        except pytesseract.TesseractNotFoundError as exc:
            raise OcrEngineMissingError(
                "Không tìm thấy chương trình tesseract: cài gói tesseract-ocr. "
                "/ The tesseract binary is not installed."
            ) from exc
        grouped: dict[tuple[int, int, int], list[OcrWord]] = {}
        for i, text in enumerate(data["text"]):
            if not text or not text.strip():
                continue
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            left, top = data["left"][i], data["top"][i]
            box = (left, top, left + data["width"][i], top + data["height"][i])
            conf = max(0.0, float(data["conf"][i])) / 100
            grouped.setdefault(key, []).append(OcrWord(nfc(text.strip()), box, conf))
        return [OcrLine(tuple(words)) for words in grouped.values()]
