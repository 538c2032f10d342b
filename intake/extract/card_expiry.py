"""The expiry date on a CCCD front, read by zone when the page pass did not read it.

A CCCD (2016/2021) prints "Có giá trị đến: / dd/mm/yyyy / Date of expiry" small, under the
photo; Tesseract's layout analysis often takes that corner for part of the picture and
returns nothing for it (on generated scanned card copies, 5 of 11 missed card digits were
this date). Read as one line band, it comes out clean on most cards.

The band is a narrow strip (one text line) tried at a few heights, because the card found on
a scan may be cut a few pixels from its printed edge. A reading is kept only when it is a
valid expiry: by law (Luật Căn cước công dân 2014, art. 21; Luật Căn cước 2023, art. 21) a
card expires on the holder's birthday at 14, 25, 40 or 60 (29 February: the 28th), so with the
birth date printed on the card the date must be one of those (a misread birth date then
costs the expiry, never adds a wrong one); without it, two views of the band must agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cv2
import numpy as np

from intake.extract.card_zones import BASE, CardViews, ZoneReading, band_reads
from intake.ocr.base import OcrEngine, OcrLine, OcrWord, union_box

#: The date line's band in base card coordinates (see card_zones), and the vertical offsets
#: tried, nearest first (base pixels; a text line is ~26 high).
EXPIRY_BAND = (20.0, 534.0, 270.0, 562.0)
OFFSETS = (0, -13, 13, -26, 26, -39)
RENEWAL_AGES = (14, 25, 40, 60)

_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_BIRTH = re.compile(r"(?:sinh|birth)\D{0,20}?(\d{1,2})/(\d{1,2})/(\d{4})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Day:
    day: int
    month: int
    year: int

    @classmethod
    def parse(cls, groups: tuple[str, ...]) -> Day | None:
        day, month, year = (int(g) for g in groups)
        if 1 <= day <= 31 and 1 <= month <= 12 and 1900 <= year <= 2100:
            return cls(day, month, year)
        return None

    def printed(self) -> str:
        return f"{self.day:02d}/{self.month:02d}/{self.year:04d}"


def birth_on_card(text: str) -> Day | None:
    """The birth date printed after its label on the card's OCR text."""
    m = _BIRTH.search(text.replace(" /", "/").replace("/ ", "/"))
    return Day.parse(m.groups()) if m else None


def is_renewal_date(expiry: Day, born: Day) -> bool:
    birthday = born.day if (born.month, born.day) != (2, 29) else 28
    return (expiry.month == born.month and expiry.day == birthday
            and expiry.year - born.year in RENEWAL_AGES)


def needs_expiry(hint: str) -> bool:
    """A CCCD front (it prints the expiry) whose page text has no expiry date after the label
    and does not say the card never expires."""
    folded = hint.lower()
    if "citizen identity" not in folded and "căn cước công dân" not in folded:
        return False
    if "thời hạn" in folded or "không thời" in folded:
        return False
    label = re.search(r"giá\s*tr\S*\s*đến", folded)
    after = hint[label.end():label.end() + 40] if label else ""
    return not _DATE.search(after.replace(" ", ""))


def read_expiry(engine: OcrEngine, views: CardViews, born: Day | None) -> ZoneReading | None:
    """The expiry band read until a reading validates (see the module docstring)."""
    k = views.width / BASE[0]
    seen: list[str] = []
    for dy in OFFSETS:
        x0, y0, x1, y1 = EXPIRY_BAND
        box = _past_edge(views, (round(x0 * k), round((y0 + dy) * k), round(x1 * k),
                                 round((y1 + dy) * k)))
        for text, lines in band_reads(engine, views, box):
            m = _DATE.search(text.replace(" ", ""))
            date = Day.parse(m.groups()) if m else None
            if date is None or not 2000 <= date.year <= 2100:
                continue
            value = date.printed()
            valid = is_renewal_date(date, born) if born is not None else value in seen
            if valid and lines:
                box = union_box(w.box for line in lines for w in line.words)
                word = OcrWord(value, box, min(line.confidence for line in lines))
                return ZoneReading("expiry_date", value, (OcrLine((word,)),))
            seen.append(value)
    return None


def _past_edge(views: CardViews, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The band started after the card's printed or copied edge when the card found on the
    page is cut a little wide: a full-height dark column at the band's left end, which
    Tesseract reads as "|" and then loses the date beside it."""
    x0, y0, x1, y1 = box
    head = views.flat[max(0, y0):y1, x0:x0 + (x1 - x0) // 6]
    if head.size == 0:
        return box
    _, ink = cv2.threshold(head, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    edge = np.flatnonzero((ink > 0).mean(axis=0) >= 0.9)
    return (x0 + int(edge[-1]) + 3, y0, x1, y1) if edge.size else box
