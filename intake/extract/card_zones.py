"""Read a flat, upright ID card by zone as well as by label, and keep the best-validated reading.

A card's layout is fixed per generation (CCCD 2016/2021, Căn cước 2024): once the card is
warped to a known size, the ID number, the full name and the MRZ sit in known bands. Each band
is cut out (snapped to the OCR line nearest to where the layout puts it, so a few pixels of
warp error do not matter), normalised for glare and read as one line (or, for the MRZ, as a
block with the MRZ alphabet). A zone reading replaces the card's OCR words in that band only
when it validates: an ID number with a known province code and century digit, a name of 2-7
letter words, an MRZ whose check digits hold. Otherwise the page OCR stays as it was.

Zones are in the card's base coordinates (1011 x 638 for 85.6 x 54 mm, the coordinates of
samples/generator/card.py, which follows the printed layouts of DOMAIN.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image

from intake.extract.idnumber import parse_id_number
from intake.extract.mrz import read_mrz
from intake.extract.values.names import parse_name
from intake.ocr.base import OcrEngine, OcrLine, OcrWord
from intake.preprocess.photo import normalise_contrast

BASE = (1011.0, 638.0)
Zone = tuple[float, float, float, float]
#: (generation, side) -> field -> (left, top, right, bottom) in base card coordinates.
ZONES: dict[tuple[str, str], dict[str, Zone]] = {
    ("cccd", "front"): {"id_number": (270, 196, 820, 254), "full_name": (270, 270, 1000, 316)},
    ("cancuoc", "front"): {"id_number": (270, 234, 820, 292), "full_name": (270, 312, 1000, 356)},
    ("any", "back"): {"mrz": (20, 436, 1000, 625)},
}
_MRZ_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"


@dataclass(frozen=True, slots=True)
class ZoneReading:
    key: str
    text: str  # the validated value (MRZ: the three lines joined by newlines)
    lines: tuple[OcrLine, ...]  # words in the card image's pixels


class ZoneReader:
    """Engines for zone reads, made once per worker (a line engine and an MRZ engine)."""

    def __init__(self, engine: OcrEngine) -> None:
        self.engine = engine
        self._line: OcrEngine | None = None
        self._mrz: OcrEngine | None = None

    def _engines(self) -> tuple[OcrEngine, OcrEngine]:
        if self._line is None or self._mrz is None:
            from intake.ocr.tesseract import TesseractEngine

            if isinstance(self.engine, TesseractEngine):
                base = self.engine
                self._line = TesseractEngine(base.language, base.tessdata_dir, base.backend, 7)
                self._mrz = TesseractEngine(
                    "eng",
                    base.tessdata_dir,
                    base.backend,
                    6,
                    {
                        "tessedit_char_whitelist": _MRZ_ALPHABET,
                        "load_system_dawg": "0",
                        "load_freq_dawg": "0",
                    },
                )
            else:  # another engine reads zones as it reads pages
                self._line = self._mrz = self.engine
        return self._line, self._mrz

    def read(self, card: Image.Image, hint: str) -> list[ZoneReading]:
        """Validated zone readings of one flat card image (any size, ID-1 proportions)."""
        line_engine, mrz_engine = self._engines()
        gray = np.asarray(card.convert("RGB")).min(axis=2)  # red and dark print both dark
        text_px = max(8, round(30 * card.width / BASE[0]))
        norm = normalise_contrast(gray, text_px)
        side = "back" if _looks_back(hint) else "front"
        out: list[ZoneReading] = []
        if side == "back" or not hint.strip():
            mrz = _read_mrz(mrz_engine, norm, card.width)
            if mrz is not None:
                return [mrz]
            if side == "back":
                return []
        generations = ["cancuoc", "cccd"] if _looks_cancuoc(hint) else ["cccd", "cancuoc"]
        for generation in generations:
            zones = ZONES[(generation, "front")]
            got = _read_line(line_engine, norm, card.width, zones["id_number"], "id_number")
            if got is None:
                continue
            out.append(got)
            name = _read_line(line_engine, norm, card.width, zones["full_name"], "full_name")
            if name is not None:
                out.append(name)
            break
        return out


def _looks_back(hint: str) -> bool:
    return bool(re.search(r"IDVNM|<<<|VNM<|Đặc điểm|identification:|Ngón trỏ", hint))


def _looks_cancuoc(hint: str) -> bool:
    folded = hint.lower()
    return (
        "định danh" in folded
        or "identification number" in folded
        or ("identity card" in folded and "citizen" not in folded)
    )


def _crop(norm: np.ndarray, width: int, zone: Zone) -> tuple[np.ndarray, int, int]:
    k = width / BASE[0]
    x0, y0, x1, y1 = (round(v * k) for v in zone)
    h, w = norm.shape
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
    return norm[y0:y1, x0:x1], x0, y0


def _ocr(engine: OcrEngine, crop: np.ndarray, x0: int, y0: int) -> list[OcrLine]:
    pad = 12
    padded = np.pad(crop, pad, constant_values=255)
    text = engine.recognize(Image.fromarray(padded), 300)
    return [
        OcrLine(
            tuple(
                OcrWord(
                    w.text,
                    (
                        w.box[0] - pad + x0,
                        w.box[1] - pad + y0,
                        w.box[2] - pad + x0,
                        w.box[3] - pad + y0,
                    ),
                    w.confidence,
                )
                for w in line.words
            )
        )
        for line in text.lines
        if line.words
    ]


def _read_line(
    engine: OcrEngine, norm: np.ndarray, width: int, zone: Zone, key: str
) -> ZoneReading | None:
    """Read the band as one line; try it shifted up and down a little; first valid wins."""
    k = width / BASE[0]
    height = zone[3] - zone[1]
    for shift in (0.0, -0.25, 0.25):
        dz = shift * height
        crop, x0, y0 = _crop(norm, width, (zone[0], zone[1] + dz, zone[2], zone[3] + dz))
        if crop.size == 0 or k <= 0:
            continue
        lines = _ocr(engine, crop, x0, y0)
        text = " ".join(line.text for line in lines)
        if key == "id_number":
            parsed = parse_id_number(text)
            if parsed is not None and parsed.valid and len(parsed.value) == 12:
                return ZoneReading(key, parsed.value, tuple(lines))
        else:
            letters = re.sub(r"[^\w\s]", " ", text)
            parsed = parse_name(letters)
            if parsed is not None and parsed.valid and text.upper() == text:
                return ZoneReading(key, " ".join(letters.split()), tuple(lines))
    return None


def _read_mrz(engine: OcrEngine, norm: np.ndarray, width: int) -> ZoneReading | None:
    crop, x0, y0 = _crop(norm, width, ZONES[("any", "back")]["mrz"])
    if crop.size == 0:
        return None
    lines = _ocr(engine, crop, x0, y0)
    texts = [line.text.replace(" ", "") for line in lines]
    mrz = read_mrz(texts)
    if mrz is None or mrz.id_number is None or mrz.birth_yymmdd is None:
        return None
    return ZoneReading("mrz", "\n".join(texts), tuple(lines))


def merge(
    lines: list[OcrLine], readings: list[ZoneReading], offset: tuple[int, int], scale: float = 1.0
) -> list[OcrLine]:
    """Replace the OCR words inside each reading's band by the reading's words.

    ``lines`` and the result are in page pixels; readings are in card pixels, placed at
    ``offset`` after scaling by ``scale`` (card pixels -> page pixels)."""
    out = list(lines)
    for reading in readings:
        placed = [
            OcrLine(
                tuple(
                    OcrWord(w.text, _place(w.box, offset, scale), w.confidence) for w in line.words
                )
            )
            for line in reading.lines
        ]
        if not placed:
            continue
        top = min(ln.box[1] for ln in placed)
        bottom = max(ln.box[3] for ln in placed)
        left = min(ln.box[0] for ln in placed)
        right = max(ln.box[2] for ln in placed)
        kept: list[OcrLine] = []
        for line in out:
            words = tuple(w for w in line.words if not _inside(w.box, (left, top, right, bottom)))
            if words:
                kept.append(OcrLine(words))
        at = next((i for i, ln in enumerate(kept) if ln.box[1] > top), len(kept))
        kept[at:at] = placed
        out = kept
    return out


def _place(
    box: tuple[int, int, int, int], offset: tuple[int, int], scale: float
) -> tuple[int, int, int, int]:
    ox, oy = offset
    return (
        ox + int(box[0] * scale),
        oy + int(box[1] * scale),
        ox + round(box[2] * scale),
        oy + round(box[3] * scale),
    )


def _inside(box: tuple[int, int, int, int], band: tuple[int, int, int, int]) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return band[0] - 5 <= cx <= band[2] + 5 and band[1] - 3 <= cy <= band[3] + 3


def describe(readings: list[ZoneReading]) -> list[dict[str, Any]]:
    """JSON-ready summary (for page metadata and benchmarks)."""
    return [{"key": r.key, "value": r.text} for r in readings]
