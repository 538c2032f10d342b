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
from intake.ocr.base import OcrEngine, OcrLine, map_boxes, shifted
from intake.preprocess.photo import normalise_contrast

BASE = (1011.0, 638.0)
Zone = tuple[float, float, float, float]
#: (generation, side) -> field -> (left, top, right, bottom) in base card coordinates.
ZONES: dict[tuple[str, str], dict[str, Zone]] = {
    ("cccd", "front"): {"id_number": (270, 198, 820, 252), "full_name": (270, 272, 1000, 314),
                        "date_of_birth": (270, 310, 1000, 344)},
    ("cancuoc", "front"): {"id_number": (270, 236, 820, 290), "full_name": (270, 314, 1000, 356),
                           "date_of_birth": (270, 358, 1000, 392)},
    ("any", "back"): {"mrz": (20, 436, 1000, 625)},
}
_MRZ_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"


@dataclass(frozen=True, slots=True)
class ZoneReading:
    key: str
    text: str  # the validated value (MRZ: the three lines joined by newlines)
    lines: tuple[OcrLine, ...]  # words in the card image's pixels


class ZoneReader:
    """Engines for zone reads, made once per worker (a line engine, a digits-only line engine
    and an MRZ engine)."""

    def __init__(self, engine: OcrEngine) -> None:
        self.engine = engine
        self._engines: tuple[OcrEngine, OcrEngine, OcrEngine] | None = None

    def engines(self) -> tuple[OcrEngine, OcrEngine, OcrEngine]:
        if self._engines is None:
            from intake.ocr.tesseract import TesseractEngine

            if isinstance(self.engine, TesseractEngine):
                base = self.engine
                line = TesseractEngine(base.language, base.tessdata_dir, base.backend, 7)
                digits = TesseractEngine(
                    base.language, base.tessdata_dir, base.backend, 7,
                    {"tessedit_char_whitelist": "0123456789"},
                )
                mrz = TesseractEngine(
                    "eng", base.tessdata_dir, base.backend, 6,
                    {"tessedit_char_whitelist": _MRZ_ALPHABET, "load_system_dawg": "0",
                     "load_freq_dawg": "0"},
                )
                self._engines = (line, digits, mrz)
            else:  # another engine reads zones as it reads pages
                self._engines = (self.engine, self.engine, self.engine)
        return self._engines

    def read(self, card: Image.Image, hint: str) -> list[ZoneReading]:
        """Validated zone readings of one flat card image (any size, ID-1 proportions)."""
        line_engine, digit_engine, mrz_engine = self.engines()
        gray = np.asarray(card.convert("RGB")).min(axis=2)  # red and dark print both dark
        text_px = max(8, round(30 * card.width / BASE[0]))
        views = (normalise_contrast(gray, text_px), gray)
        side = "back" if _looks_back(hint) else "front"
        if side == "back" or not hint.strip():
            for view in views:  # normalised first, then plain grey
                mrz = _read_mrz(mrz_engine, view, card.width)
                if mrz is not None:
                    return [mrz]
            if side == "back":
                return []
        generations = ["cancuoc", "cccd"] if _looks_cancuoc(hint) else ["cccd", "cancuoc"]
        for generation in generations:
            zones = ZONES[(generation, "front")]
            birth = _read_birth(line_engine, views[0], card.width, zones["date_of_birth"])
            ids = _candidates(views, card.width, zones["id_number"], "id_number",
                              (line_engine, digit_engine), birth)
            if not ids:
                continue
            out = [_vote(ids)]
            names = _candidates(views, card.width, zones["full_name"], "full_name",
                                (line_engine,), birth)
            if names:
                out.append(_vote(names))
            return out
        return []


def _looks_back(hint: str) -> bool:
    return bool(re.search(r"IDVNM|<<<|VNM<|Đặc điểm|identification:|Ngón trỏ", hint))


def _looks_cancuoc(hint: str) -> bool:
    folded = hint.lower()
    return ("định danh" in folded or "identification number" in folded
            or ("identity card" in folded and "citizen" not in folded))


def _snap(view: np.ndarray, width: int, zone: Zone) -> tuple[int, int, int, int]:
    """The zone moved up or down (up to half its height) to sit on its text line: the window
    with the most ink inside and the least on its top and bottom rows."""
    k = width / BASE[0]
    x0, y0, x1, y1 = (round(v * k) for v in zone)
    h = y1 - y0
    reach = h // 2
    top, bottom = max(0, y0 - reach), min(view.shape[0], y1 + reach)
    rows = (view[top:bottom, max(0, x0):x1] < 128).mean(axis=1)
    best, best_dy = -1e9, 0
    for dy in range(-reach, reach + 1, max(1, h // 24)):
        a, b = y0 + dy - top, y1 + dy - top
        if a < 0 or b > len(rows):
            continue
        edge = rows[a] + rows[b - 1]
        score = rows[a:b].mean() - 2.0 * edge
        if score > best:
            best, best_dy = score, dy
    return max(0, x0), max(0, y0 + best_dy), min(view.shape[1], x1), min(view.shape[0],
                                                                         y1 + best_dy)


def _trim(band: np.ndarray, x0: int, x1: int) -> int:
    """End the band at the first gap wider than two line heights after its text starts
    (a value ends there; what follows is pattern, glare or another field)."""
    if band.size == 0:
        return x1
    ink = (band < 128).mean(axis=0) > 0.02
    gap = 2 * band.shape[0]
    started, run = False, 0
    for i, dark in enumerate(ink):
        if dark:
            started, run = True, 0
        elif started:
            run += 1
            if run > gap:
                return x0 + i - run + band.shape[0] // 2
    return x1


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
    return map_boxes((line for line in text.lines if line.words), shifted(x0 - pad, y0 - pad))


_DATE = re.compile(r"(\d{2})[/.-](\d{2})[/.-](\d{4})")


def _read_birth(engine: OcrEngine, view: np.ndarray, width: int, zone: Zone) -> str | None:
    x0, y0, x1, y1 = _snap(view, width, zone)
    lines = _ocr(engine, view[y0:y1, x0:x1], x0, y0)
    m = _DATE.search(" ".join(line.text for line in lines).replace(" ", ""))
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else None


def _candidates(views: tuple[np.ndarray, ...], width: int, zone: Zone, key: str,
                engines: tuple[OcrEngine, ...], birth: str | None) -> list[ZoneReading]:
    """Valid readings of one band from each view and engine (an ID number must also agree
    with the birth year printed on the card, when that was read)."""
    from intake.extract.idnumber import consistency_problems

    out = []
    x0, y0, x1, y1 = _snap(views[0], width, zone)
    x1 = _trim(views[0][y0:y1, x0:x1], x0, x1)
    for view in views:
        for engine in engines:
            lines = _ocr(engine, view[y0:y1, x0:x1], x0, y0)
            text = " ".join(line.text for line in lines)
            if key == "id_number":
                parsed = parse_id_number(text)
                if (parsed is not None and parsed.valid and len(parsed.value) == 12
                        and not consistency_problems(parsed.value, None, birth)):
                    out.append(ZoneReading(key, parsed.value, tuple(lines)))
            else:
                letters = " ".join(re.sub(r"[^\w\s]", " ", text).split())
                parsed = parse_name(letters)
                if parsed is not None and parsed.valid and letters.upper() == letters:
                    out.append(ZoneReading(key, letters, tuple(lines)))
    return out


def _vote(readings: list[ZoneReading]) -> ZoneReading:
    """The value read most often; ties go to the first view (normalised contrast)."""
    counts: dict[str, int] = {}
    for r in readings:
        counts[r.text] = counts.get(r.text, 0) + 1
    best = max(counts.values())
    return next(r for r in readings if counts[r.text] == best)


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
        placed = map_boxes(reading.lines, lambda box: _place(box, offset, scale))
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


# --- extraction side ---------------------------------------------------------------------------


def zone_readings_of(photos: list[dict[str, Any] | None]) -> list[dict[str, str]]:
    """The zone readings kept with a document's pages (PageResult.photo["zones"])."""
    return [z for photo in photos if photo for z in photo.get("zones", [])]


def apply_zone_readings(result: Any, readings: list[dict[str, str]]) -> list[str]:
    """Give the validated zone readings their place among the extracted fields.

    A zone value fills a field OCR-by-label missed, replaces one that does not validate,
    and wins over a different valid one (it was read as one line at the size the engine
    reads best, and validated); QR and MRZ, applied afterwards, still override both.
    Returns the MRZ lines read by zone, for the MRZ cross-check."""
    from intake.extract.idnumber import structure_problems
    from intake.extract.model import ExtractedField

    mrz_lines: list[str] = []
    for reading in readings:
        key, value = reading.get("key"), reading.get("value", "")
        if key == "mrz":
            mrz_lines.extend(value.splitlines())
            continue
        if key == "full_name":
            parsed = parse_name(value)
            if parsed is None:
                continue
            value = parsed.value
        got = result.fields.get(key)
        if got is not None and got.value == value:
            continue
        if (
            got is not None
            and key == "id_number"
            and not structure_problems(got.value)
            and got.source in ("qr", "mrz")
        ):
            continue
        note = "card zone" + (f"; OCR by label read {got.value!r}" if got else "")
        result.fields[key] = ExtractedField(
            value=value,
            raw=reading.get("value", ""),
            confidence=0.9,
            page=got.page if got else None,
            bbox=got.bbox if got else None,
            source="zone",
            note=note,
        )
    return mrz_lines
