"""A card back's MRZ put together from the lines several readings of its band gave.

Each TD1 line checks itself (the document number's and each date's check digit), so the
number line and the dates line can come from different readings: one view's misread
character does not spoil another view's good line. What the lines' own check digits do not
cover, the province code (the ID number's first three digits), only the composite check
digit at the end of the dates line covers, and that needs the two lines together
(`intake.extract.mrz`). So the readings are collected (`MrzLines`) and the pair chosen:
a number and a dates line whose composite holds first, then one whose expiry checks too,
then the first read. Reading stops (`MrzLines.settled`) only once a pair's composite
holds (and its expiry checks): a pair whose composite was not read leaves the province code
unchecked.

The readings come from Tesseract on the band's views and, when Tesseract's leave it
unsettled, from PP-OCR (`intake.ocr.ppocr_lines`, MRZ alphabet) on each text row of the
band (`second_lines`): a different recogniser, whose misreads are not Tesseract's (a blurred
photocopy's back that Tesseract read nothing of, a composite digit it read 9 for 0).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

import cv2
import numpy as np

from intake.extract.mrz import Mrz, read_mrz
from intake.extract.mrz_names import listed_words, read_names_line
from intake.ocr.base import OcrLine, OcrWord
from intake.ocr.ppocr_lines import MRZ_ALPHABET, LineText


def _text(line: OcrLine) -> str:
    return line.text.replace(" ", "")


@dataclass(slots=True)
class MrzLines:
    """The MRZ lines read so far, in reading order."""

    numbers: list[OcrLine] = field(default_factory=list)  # document number checks
    dates: list[OcrLine] = field(default_factory=list)  # birth date checks
    names: list[OcrLine] = field(default_factory=list)

    def add(self, lines: Iterable[OcrLine]) -> None:
        for line in lines:
            text = _text(line)
            mrz = read_mrz([text])
            if mrz is None:
                if read_names_line([text]) is not None:
                    self.names.append(line)
                continue
            if mrz.id_number is not None:
                self.numbers.append(line)
            if mrz.birth_yymmdd is not None:
                self.dates.append(line)

    def _pairs(self) -> Iterable[tuple[int, OcrLine, OcrLine, Mrz]]:
        for i, number in enumerate(self.numbers):
            for j, dates in enumerate(self.dates):
                mrz = read_mrz([_text(number), _text(dates)])
                if mrz is not None:
                    yield i + j, number, dates, mrz

    def pick(self) -> tuple[OcrLine, ...] | None:
        """The number line, dates line (and names line, when read) to trust, or None when
        no number line and dates line were read that check (and agree on the province)."""
        best: tuple[tuple[bool, bool, int], OcrLine, OcrLine] | None = None
        for order, number, dates, mrz in self._pairs():
            if mrz.id_number is None:
                continue  # the composite says the province code was misread
            rank = (mrz.composite is True, _full(mrz), -order)
            if best is None or rank > best[0]:
                best = (rank, number, dates)
        if best is None:
            return None
        names = self.best_names()
        return (best[1], best[2], *([names] if names is not None else []))

    def best_names(self) -> OcrLine | None:
        """The names line read with the most listed names (the first read of equals): the
        line has no check digit, and a word that is no one's name marks a misread
        (Tesseract's ``BUI<<HAI<OIM`` against PP-OCR's ``BUI<<HAI<0UC`` read for CÚC,
        ``HO<<MY<NGM`` against ``H0<<MY<NGAN``)."""
        ranked = [(listed_words(name), -at, line) for at, line in enumerate(self.names)
                  if (name := read_names_line([_text(line)])) is not None]
        return max(ranked, key=lambda r: r[:2])[2] if ranked else None

    def names_doubtful(self) -> bool:
        """No names line read yet, or the best one has a word that is no listed name."""
        line = self.best_names()
        name = read_names_line([_text(line)]) if line is not None else None
        return name is None or listed_words(name) < len(name.words)

    def settled(self) -> bool:
        """A pair whose composite holds and whose expiry checks.

        A pair whose composite was not read (a dates line cut short) does not settle it:
        nothing then covers the number's province code, and a blurred 3 read 9 gives
        another province (``095091513486`` for ``035091513486`` on a development
        photocopy, whose dates line ``...VM<`` lost its composite in that view; the
        PP-OCR rows read after it had the composite, which refused that number)."""
        return any(mrz.id_number is not None and _full(mrz) and mrz.composite is True
                   for _, _, _, mrz in self._pairs())


def _full(mrz: Mrz) -> bool:
    return mrz.expiry_yymmdd is not None or mrz.never_expires


def text_rows(band: np.ndarray) -> list[tuple[int, int]]:
    """(top, bottom) of each text row of a binarisable band (MRZ rows are well apart):
    runs of rows with ink, the short ones (specks, a card edge) dropped."""
    if band.size == 0:
        return []
    _, ink_mask = cv2.threshold(band, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ink = (ink_mask > 0).mean(axis=1)
    rows = ink > max(0.02, 0.25 * float(ink.max()))
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, on in enumerate([*rows.tolist(), False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            runs.append((start, i))
            start = None
    if not runs:
        return []
    tallest = max(b - a for a, b in runs)
    return [(a, b) for a, b in runs if b - a >= 0.3 * tallest]


class RowReader(Protocol):
    """A recogniser of one cut-out line (PP-OCR's `ppocr_lines.LineRecognizer`, the
    MRZ-line model `intake.ocr.mrz_line.MrzLineRecognizer`)."""

    def read(self, band: np.ndarray, alphabet: str = ...) -> LineText | None: ...


def second_lines(second: RowReader, views: Iterable[np.ndarray], flat: np.ndarray,
                 origin: tuple[int, int]) -> list[OcrLine]:
    """A line recogniser's (PP-OCR's, the MRZ-line model's) reading of each text row of the
    MRZ band (rows found on ``flat``, the background-divided band) in each of ``views``
    (grey views of the same band), as lines with boxes in card pixels (``origin``: the
    band's top left)."""
    x0, y0 = origin
    out: list[OcrLine] = []
    rows = text_rows(flat)
    for view in views:
        for top, bottom in rows:
            pad = max(2, (bottom - top) // 3)
            a, b = max(0, top - pad), min(view.shape[0], bottom + pad)
            reading = second.read(view[a:b], MRZ_ALPHABET)
            if reading is None or not reading.text:
                continue
            box = (x0, y0 + a, x0 + view.shape[1], y0 + b)
            out.append(OcrLine((OcrWord(reading.text, box, reading.confidence),)))
    return out
