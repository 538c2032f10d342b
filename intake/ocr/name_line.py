"""A third recogniser for an ID card's name band: a small CRNN trained for blurred name lines.

On a photographed photocopy the card is 300-500 photo pixels wide and its name's capitals
5-8 pixels high before the camera blurs them. Tesseract, trained on sharp print, reads such
a band as noise on most views, and PP-OCR, which reads its letters, writes almost none of
its tone marks; a person still reads most of those bands, marks and all. This recogniser
was trained for exactly that line: the name in bold capitals, drawn with the machine's
Vietnamese-capable faces (Liberation and DejaVu, serif and sans, bold), then shrunk to a
copy's or a card's photo size, blurred, shaken, noised and JPEG-compressed, and enlarged
back to the card sheet's scale, as `card_zones` cuts its bands
(`intake.ocr.name_line_synth`, trained by `intake.ocr.name_line_train`; `make
name-line-model`). It writes every Vietnamese capital, tone marks included.

The weights ship in the package (``models/name_line.onnx``, 1.8 MB) and run on ONNX Runtime
(the ``paddle`` extra, which ``make install`` installs); nothing is downloaded. Without
ONNX Runtime `NameLineRecognizer.available` is False and the zone reader goes on without it.

What it cannot know: the faces of a real card. The generator draws its cards with the same
four families, so on generated photos it reads a face it was trained on; for real cards
the model is retrained with the card's typeface added to `name_line_synth.FONTS`.
"""

from __future__ import annotations

import logging
import unicodedata
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from intake.ocr.onnx_session import LazySession, one_thread_session

log = logging.getLogger(__name__)

#: The model's input: a band scaled to this height, its width alike, padded with white to
#: (or squeezed into) this width.
HEIGHT, WIDTH = 32, 384
#: Every capital a Vietnamese name is written with, precomposed.
ALPHABET = "".join(sorted(set(unicodedata.normalize("NFC", c) for c in (
    "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
    "ÀẰẦÈỀÌÒỒỜÙỪỲÁẮẤÉẾÍÓỐỚÚỨÝÃẴẪẼỄĨÕỖỠŨỮỸẢẲẨẺỂỈỎỔỞỦỬỶẠẶẬẸỆỊỌỘỢỤỰỴ"))))
#: The CTC classes after the blank (class 0): the space, then `ALPHABET`.
CHARSET = " " + ALPHABET
MODEL = Path(__file__).with_name("models") / "name_line.onnx"


def to_input(band: np.ndarray, height: int = HEIGHT, size: int = WIDTH) -> np.ndarray:
    """A grey band as the model reads it: ``height`` rows, 0 (ink) to 1 (paper) stretched
    between the band's 2nd and 98th percentiles, padded right with paper to ``size``
    columns (a longer band is squeezed into them). Training and reading share this
    function (the MRZ-line model too, at its own size)."""
    h, w = band.shape[:2]
    gray = band if band.ndim == 2 else cv2.cvtColor(band, cv2.COLOR_BGR2GRAY)
    width = max(1, min(size, round(w * height / max(1, h))))
    resized = cv2.resize(gray, (width, height),
                         interpolation=cv2.INTER_AREA if h > height else cv2.INTER_CUBIC)
    image = resized.astype(np.float32)
    lo, hi = np.percentile(image, 2), np.percentile(image, 98)
    image = np.clip((image - lo) / max(1.0, hi - lo), 0, 1)
    out = np.ones((height, size), np.float32)
    out[:, :width] = image
    return out


def encode(text: str) -> list[int]:
    """The CTC labels of ``text`` (NFC capitals; other characters are skipped)."""
    return [CHARSET.index(c) + 1 for c in unicodedata.normalize("NFC", text) if c in CHARSET]


def greedy(logits: np.ndarray, charset: str = CHARSET) -> str:
    """Best-path CTC decoding of T x (1 + len(charset)) scores: repeats merged, blanks
    dropped."""
    out: list[str] = []
    previous = 0
    for k in logits.argmax(axis=1):
        if k != previous and k != 0:
            out.append(charset[k - 1])
        previous = int(k)
    return " ".join("".join(out).split())


class NameLineRecognizer(LazySession):
    """The name-line model on ONNX Runtime, loaded lazily once per worker."""

    def __init__(self, model: Path | None = None) -> None:
        self._path = model or MODEL

    def _open(self) -> Any:
        if not self._path.is_file():
            log.warning("name-line model %s missing: the name band is read without it",
                        self._path)
            return None
        try:
            return one_thread_session(self._path)
        except ImportError:
            log.info("name-line recogniser needs ONNX Runtime (pip install '.[paddle]')")
            return None

    def scores(self, band: np.ndarray) -> np.ndarray | None:
        """The model's T x (1 + len(CHARSET)) scores for the band (None when the model is
        not available or the band is empty)."""
        session = self._load()
        if session is None or band.size == 0:
            return None
        x = to_input(band)[np.newaxis, np.newaxis]
        logits: np.ndarray = session.run(None, {session.get_inputs()[0].name: x})[0][0]
        return logits

    def read(self, band: np.ndarray) -> str:
        """The band's name as the model reads it (capitals with their marks; "" when the
        model is not available or the band is empty). Best-path decoding needs only the
        scores' arg-max, so no softmax is taken."""
        logits = self.scores(band)
        return "" if logits is None else greedy(logits)
