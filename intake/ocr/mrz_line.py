"""A third recogniser for a card back's MRZ rows: a small CRNN trained for blurred MRZ lines.

Tesseract (``eng``, MRZ alphabet) reads a sharp MRZ; PP-OCR reads many a blurred one. What
neither reads is a row whose characters the camera left 8-12 pixels high and soft, on a
photographed photocopy or under glare: PP-OCR drops the ``<`` fillers' count and reads 0 as
O or D, Tesseract breaks the row into noise. The check digits decide whether any reading is
trusted (`intake.extract.mrz`), so a third reading with other misreads is one more chance for
each line to check, never a way around the check.

This model was trained for exactly that row: 30 characters of ``A-Z 0-9 <`` in a monospaced
face (OCR-B, the face ICAO 9303 prescribes, from Debian's ``fonts-ocr-b``, and the machine's
DejaVu Sans Mono, Liberation Mono and Nimbus Mono), captured at a card's or a copy's photo
size with blur, shake, glare, noise and JPEG, and enlarged back as the zone reader cuts its
rows (`intake.ocr.mrz_line_synth`; trained by `intake.ocr.name_line_train --model mrz`,
`make mrz-line-model`). The weights ship in the package (``models/mrz_line.onnx``) and run on
ONNX Runtime; nothing is downloaded. Without ONNX Runtime or the file, `available` is False
and the MRZ is read without it.

What it cannot know: a real card's print and background. The sample generator draws its
MRZ in DejaVu Sans Mono, one of the four faces trained on, so on generated photos the model
reads a face it has seen; OCR-B is there for real cards.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np

from intake.ocr.name_line import greedy, to_input
from intake.ocr.onnx_session import LazySession, one_thread_session
from intake.ocr.ppocr_lines import MRZ_ALPHABET, LineText, best_path

log = logging.getLogger(__name__)

#: The model's input: a row scaled to this height, its width alike, padded with paper to
#: (or squeezed into) this width (the MRZ band's full width at this height, and some).
HEIGHT, WIDTH = 24, 768
#: The CTC classes after the blank (class 0).
CHARSET = "<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MODEL = Path(__file__).with_name("models") / "mrz_line.onnx"


def to_mrz_input(band: np.ndarray) -> np.ndarray:
    """A row as the model reads it (`name_line.to_input` at this model's size)."""
    return to_input(band, HEIGHT, WIDTH)


def encode(text: str) -> list[int]:
    """The CTC labels of ``text`` (other characters than the MRZ alphabet's are skipped)."""
    return [CHARSET.index(c) + 1 for c in text if c in CHARSET]


def decode(logits: np.ndarray) -> str:
    """Best-path decoding of the model's scores."""
    return greedy(logits, CHARSET)


class MrzLineRecognizer(LazySession):
    """The MRZ-line model on ONNX Runtime, loaded lazily once per worker. Reads as
    `ppocr_lines.LineRecognizer.read` does, so `mrz_assembly.second_lines` takes either."""

    def __init__(self, model: Path | None = None) -> None:
        self._path = model or MODEL

    def _open(self) -> Any:
        if not self._path.is_file():
            log.warning("MRZ-line model %s missing: the MRZ is read without it", self._path)
            return None
        try:
            return one_thread_session(self._path)
        except ImportError:
            log.info("MRZ-line recogniser needs ONNX Runtime (pip install '.[paddle]')")
            return None

    def read(self, band: np.ndarray, alphabet: str = MRZ_ALPHABET) -> LineText | None:
        """The row's text and each character's probability (None when the model is not
        available or the row is empty). The model writes only the MRZ alphabet, so
        ``alphabet`` is that, or a part of it to keep."""
        session = self._load()
        if session is None or band.size == 0:
            return None
        x = to_mrz_input(band)[np.newaxis, np.newaxis]
        logits: np.ndarray = session.run(None, {session.get_inputs()[0].name: x})[0][0]
        keep = [0] + [i + 1 for i, c in enumerate(CHARSET) if c in alphabet]
        scores = logits[:, keep]
        probs = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        return best_path(probs, ["", *(CHARSET[i - 1] for i in keep[1:])])
