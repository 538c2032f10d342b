"""Whether each word of a card's name band has a mark printed above its capitals, from the ink.

PP-OCR reads the letters of a blurred name that Tesseract cannot, but writes almost none of
its tone marks, so a word only PP-OCR read whose letters spell several listed forms
(THANH: Thanh or Thành; ANH: Anh or Ánh) was refused (issue #13: fresh 550401 0085 and
'Bản photo CCCD 0025'). Which mark a blurred band carries is beyond both recognisers, but
whether anything is printed above a capital word is a coarser question the band's ink
answers: a name is set in capitals, so above the capitals' top there is ink only where a
word has a tone mark, a hat (Â Ê Ô) or a breve (Ă).

Measured on the name bands of consumed seed 550401 (the scratch prototype of this module,
docs/photos.md "Twelfth round"): of 285 words, those with a mark above had at least 0.024
cap-height² of ink above the capitals on 95 in 100, those without at most 0.008. A word is
called marked at `MARKED` or more, clear at `CLEAR` or less, and unknown between; both
binarised views (Otsu of the flattened and of the contrast-stretched band) must agree. So
called on the logged name bands of seven seeds, 1,815 of the 1,832 words it was sure of
were right; a grave crowding a narrow capital (Ỳ, Ì) is what it most often misses.
A horn (Ơ Ư) sits at the capitals' top, in either zone: a form whose only mark above is a
horn is unknown, never evidence.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import cv2
import numpy as np

#: Ink above the capitals over a word's span, in cap-heights squared, that is a mark.
MARKED = 0.015
#: At most this much is no mark (specks of the card's print, the capitals' blur).
CLEAR = 0.006
#: Tone marks, hat and breve: what sits above a capital (NFD combining characters).
_ABOVE = frozenset("\u0300\u0301\u0303\u0309\u0302\u0306")
_HORN = "\u031b"


def marked_above(word: str) -> bool | None:
    """Whether ``word`` printed in capitals has a mark above them; None for a horn alone
    (Ư, Ơ reach the capitals' top: the ink cannot tell)."""
    nfd = unicodedata.normalize("NFD", word.upper())
    if any(c in _ABOVE for c in nfd):
        return True
    return None if _HORN in nfd else False


def word_marks(bands: Sequence[np.ndarray], words: int) -> list[bool | None] | None:
    """Per word of a band read as ``words`` words: True (ink above its capitals), False
    (none), None (unsure, or the binarised views disagree). None when a view cannot be
    split into that many words (word gaps no wider than letter gaps: blur joined them)."""
    measured = [_above_ink(_ink(band), words) for band in bands]
    if not measured or any(m is None for m in measured):
        return None
    out: list[bool | None] = []
    for per_view in zip(*measured, strict=True):
        calls = {True if ink >= MARKED else False if ink <= CLEAR else None for ink in per_view}
        out.append(calls.pop() if len(calls) == 1 else None)
    return out


def _ink(band: np.ndarray) -> np.ndarray:
    grey = band if band.ndim == 2 else band.min(axis=2)
    if grey.dtype != np.uint8:
        grey = np.clip(grey, 0, 255).astype(np.uint8)
    _, binary = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return binary < 128


def _above_ink(ink: np.ndarray, words: int) -> list[float] | None:
    body = _capitals(ink)
    if body is None:
        return None
    top, bottom = body
    height = bottom - top + 1
    spans = _word_spans(ink[top:bottom + 1], words, height)
    if spans is None:
        return None
    margin = max(1, round(0.08 * height))  # the capitals' blurred top is not a mark
    zone = ink[max(0, top - int(0.7 * height)):max(0, top - margin)]
    return [float(zone[:, a:b + 1].sum()) / height ** 2 for a, b in spans]


def _capitals(ink: np.ndarray) -> tuple[int, int] | None:
    """Top and bottom row of the capitals: the longest run of rows holding at least 0.4 of
    the fullest row's ink (marks and dots fill a few columns of a row, capitals many)."""
    rows = ink.sum(axis=1)
    if rows.max() == 0:
        return None
    strong = np.flatnonzero(rows >= 0.4 * rows.max())
    runs = np.split(strong, np.flatnonzero(np.diff(strong) > 1) + 1)
    run = max(runs, key=len)
    return (int(run[0]), int(run[-1])) if len(run) >= 4 else None


def _word_spans(body: np.ndarray, words: int, height: int) -> list[tuple[int, int]] | None:
    """Columns of each word: the ``words`` - 1 widest gaps between inked columns split the
    line, when each is clearly a word space (at least 0.15 cap height and 1.35 times the
    widest gap left inside a word). Blur closes a bold name's word spaces to little more
    than its letter gaps (11 and 7 pixels against 5, fresh 551301 0010); at 1.6, as first
    set, 58 of the logged name bands of seven seeds could not be split, at 1.35 48, with
    the same wrong calls."""
    cols = body.any(axis=0)
    xs = np.flatnonzero(cols)
    if len(xs) == 0:
        return None
    blank = np.flatnonzero(~cols[xs[0]:xs[-1] + 1]) + xs[0]
    gaps = [(len(g), int(g[0]), int(g[-1]))
            for g in np.split(blank, np.flatnonzero(np.diff(blank) > 1) + 1) if len(g)]
    if len(gaps) < words - 1:
        return None
    gaps.sort(reverse=True)
    chosen, rest = gaps[:words - 1], gaps[words - 1:]
    if chosen and (chosen[-1][0] < 0.15 * height or (rest and chosen[-1][0] < 1.35 * rest[0][0])):
        return None
    spans, left = [], int(xs[0])
    for _, a, b in sorted(chosen, key=lambda g: g[1]):
        spans.append((left, a - 1))
        left = b + 1
    spans.append((left, int(xs[-1])))
    return spans
