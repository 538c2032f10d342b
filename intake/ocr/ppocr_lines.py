"""A second recogniser for single text lines: PP-OCR's recognition model, alphabet-restricted.

Tesseract misreads a digit on a blurred, small card (a photographed A4 photocopy: the card is
only ~400 photo pixels wide) in ways its own views repeat, so more Tesseract views cannot
outvote the error. PaddleOCR's PP-OCRv6 recognition model is a different recogniser (a CTC
network, not LSTM over a binarised line) whose digit reading is robust on poor images
(docs/paddle.md: 99.6-100 % digit accuracy where Tesseract fell to 85 %). It cannot write
most Vietnamese letters, but ID digits and the MRZ alphabet (A-Z, 0-9, ``<``) it can.

Only the recognition network runs here, on a band the caller already cut out (no detection),
by ONNX Runtime on one thread. The CTC output is decoded over the allowed characters only
(the others' columns are dropped before the arg-max), so a digit band cannot come out as
letters. The model is loaded from the installed ``rapidocr`` wheel (the ``paddle`` extra,
which ``make install`` installs) or from ``INTAKE_PADDLE_MODELS_DIR`` when that holds it;
nothing is downloaded. Without either, `LineRecognizer.available` is False and callers go on
without the second opinion.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from intake.ocr.ctc_lexicon import (
    WordChoice,
    decode_words,
    folded_columns,
    folded_log_probabilities,
)
from intake.ocr.onnx_session import LazySession, one_thread_session

log = logging.getLogger(__name__)

DIGITS = "0123456789"
MRZ_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
#: A printed name's letters: the Vietnamese alphabet's (no F, J, W, Z; the model writes a
#: blurred Ị as J) with the vowel marks that make letters (Ă Â Ê Ô Ơ Ư) and Đ, no tone
#: marks: the model writes these, but only a few of the tone-marked capitals.
NAME_LETTERS = "ABCDEGHIKLMNOPQRSTUVXYĂÂĐÊÔƠƯ "
_WHEEL_MODEL = "rapidocr/models/PP-OCRv6_rec_small.onnx"
_HEIGHT = 48


@dataclass(frozen=True, slots=True)
class LineText:
    """A recognised line: its text and each character's probability."""

    text: str
    probabilities: tuple[float, ...]

    @property
    def confidence(self) -> float:
        """The lowest probability among the characters (0 for an empty line)."""
        return min(self.probabilities, default=0.0)

    def tail_confidence(self, n: int) -> float:
        """The lowest probability among the last ``n`` characters."""
        return min(self.probabilities[-n:], default=0.0)


def best_path(probs: np.ndarray, chars: Sequence[str]) -> LineText:
    """Greedy CTC decoding of T x len(``chars``) probabilities (column 0 the blank, whose
    ``chars`` entry is unused): repeats merged, blanks dropped, each character's
    probability kept. Shared by PP-OCR's rows and the MRZ-line model's."""
    text: list[str] = []
    conf: list[float] = []
    previous = 0
    for t, k in enumerate(probs.argmax(axis=1)):
        if k != 0 and k != previous:
            text.append(chars[k])
            conf.append(float(probs[t, k]))
        previous = int(k)
    return LineText("".join(text), tuple(conf))


def _model_path() -> Path | None:
    """The recognition model: INTAKE_PADDLE_MODELS_DIR's ``rec/`` first, then the wheel."""
    folder = os.environ.get("INTAKE_PADDLE_MODELS_DIR")
    if folder and (Path(folder) / "rec" / "inference.onnx").is_file():
        return Path(folder) / "rec" / "inference.onnx"
    try:
        from importlib import metadata

        path = Path(str(metadata.distribution("rapidocr").locate_file(_WHEEL_MODEL)))
    except metadata.PackageNotFoundError:
        return None
    return path if path.is_file() else None


class LineRecognizer(LazySession):
    """PP-OCR recognition of one cut-out line, decoded over a restricted alphabet.

    Loaded lazily, once per worker; ``available`` says whether the model could be loaded."""

    def __init__(self, model: Path | None = None) -> None:
        self._path = model
        self._chars: list[str] = []
        self._columns: dict[str, tuple[np.ndarray, tuple[str, ...]]] = {}
        self._folded: list[list[int]] | None = None

    def _open(self) -> Any:
        path = self._path or _model_path()
        try:
            from onnxruntime.capi.onnxruntime_pybind11_state import Fail, InvalidProtobuf
        except ImportError:
            path = None
        if path is None or not path.is_file():
            log.info("PP-OCR line recogniser not installed (pip install '.[paddle]')")
            return None
        try:
            session = one_thread_session(path)
        except (Fail, InvalidProtobuf) as exc:
            log.warning("PP-OCR line recogniser unusable (%s): Tesseract reads alone", exc)
            return None
        chars = session.get_modelmeta().custom_metadata_map.get("character", "").splitlines()
        if not chars:
            log.warning("%s has no embedded character list: no PP-OCR line reads", path)
            return None
        # CTC columns: 0 is the blank, then the dictionary, then the space.
        self._chars = ["", *chars, " "]
        return session

    def _alphabet(self, alphabet: str) -> tuple[np.ndarray, tuple[str, ...]]:
        """The CTC columns of the blank and ``alphabet``'s characters, and those characters."""
        if alphabet not in self._columns:
            index = {c: i for i, c in enumerate(self._chars) if c}
            keep = [0] + [index[c] for c in alphabet if c in index]
            self._columns[alphabet] = (np.asarray(keep), tuple(self._chars[i] for i in keep))
        return self._columns[alphabet]

    def probabilities(self, band: np.ndarray) -> np.ndarray | None:
        """The model's T x C character probabilities for one line image (grey or BGR): run
        once, they can be decoded both ways (`decode`, `decode_words`)."""
        session = self._load()
        if session is None or band.size == 0:
            return None
        image = band if band.ndim == 3 else cv2.cvtColor(band, cv2.COLOR_GRAY2BGR)
        h, w = image.shape[:2]
        width = max(_HEIGHT, min(2400, int(np.ceil(w * _HEIGHT / max(1, h)))))
        resized = cv2.resize(image, (width, _HEIGHT), interpolation=cv2.INTER_AREA
                             if h > _HEIGHT else cv2.INTER_CUBIC)
        x = (resized.astype(np.float32).transpose(2, 0, 1) / 255.0 - 0.5) / 0.5
        probs: np.ndarray = session.run(None, {session.get_inputs()[0].name: x[np.newaxis]})[0][0]
        return probs

    def read(self, band: np.ndarray, alphabet: str = DIGITS) -> LineText | None:
        """The text of one line image (grey or BGR, any size), only ``alphabet``'s characters."""
        probs = self.probabilities(band)
        return None if probs is None else self.decode(probs, alphabet)

    def decode(self, probs: np.ndarray, alphabet: str = DIGITS) -> LineText:
        """Greedy CTC decoding of `probabilities` over ``alphabet``'s characters only."""
        columns, chars = self._alphabet(alphabet)
        return best_path(probs[:, columns], chars)

    def read_words(self, band: np.ndarray,
                   lexicons: Sequence[Sequence[str]]) -> list[WordChoice] | None:
        """Each word of one line image as the listed word (folded capitals) it most likely
        is, with how sure (`ctc_lexicon.decode_words`; ``lexicons[i]`` for word ``i``, the
        last for the words after)."""
        probs = self.probabilities(band)
        return None if probs is None else self.decode_words(probs, lexicons)

    def decode_words(self, probs: np.ndarray,
                     lexicons: Sequence[Sequence[str]]) -> list[WordChoice]:
        """`read_words` on `probabilities` already computed."""
        if self._folded is None:
            self._folded = folded_columns(self._chars)
        logp = folded_log_probabilities(probs, self._folded, len(self._chars) - 1)
        return decode_words(logp, lexicons)
