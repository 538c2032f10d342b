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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property, partial
from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageFilter

from intake.extract.card_id_vote import (
    birth_of,
    birth_to_check,
    id_of,
    one_per_view,
    plausible_date,
    read_province,
    second_views,
    settle_two,
    valid_id,
    zero_lost,
)
from intake.extract.card_names import (
    InkReader,
    marks_disputed,
    model_named,
    name_lexicons,
    vote_name,
)
from intake.extract.idnumber import consistency_problems, holder_sex
from intake.extract.mrz_assembly import MrzLines, second_lines
from intake.extract.name_ink import word_marks
from intake.extract.text import fold
from intake.extract.values.names import parse_name
from intake.ocr.base import OcrEngine, OcrLine, OcrWord, map_boxes
from intake.ocr.ctc_lexicon import WordChoice
from intake.ocr.mrz_line import MrzLineRecognizer
from intake.ocr.name_line import NameLineRecognizer
from intake.ocr.ppocr_lines import DIGITS, NAME_LETTERS, LineRecognizer
from intake.preprocess.photo import CARD_SIZE, divide_background, normalise_contrast

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
    and an MRZ engine), the second recogniser for digit and MRZ bands (PP-OCR, when
    installed; ``second=None`` reads with Tesseract alone), and the models trained here for
    name bands (``names``) and MRZ rows (``mrz_rows``)."""

    def __init__(self, engine: OcrEngine, second: LineRecognizer | None = None,
                 *, use_second: bool = True, names: NameLineRecognizer | None = None,
                 use_names: bool = True, mrz_rows: MrzLineRecognizer | None = None,
                 use_mrz_rows: bool = True) -> None:
        self.engine = engine
        self.second = second if second is not None or not use_second else LineRecognizer()
        self.names = names if names is not None or not (use_second and use_names) \
            else NameLineRecognizer()
        self.mrz_rows = mrz_rows if mrz_rows is not None or not (use_second and use_mrz_rows) \
            else MrzLineRecognizer()
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

    def read(self, card: Image.Image, hint: str, copy: bool = False) -> list[ZoneReading]:
        """Validated zone readings of one flat card image (any size, ID-1 proportions).
        ``copy``: the card is on a photographed photocopy, whose name band is read once
        more sharpened when its views name no one (`_read_name_sharper`), and whose number
        PP-OCR alone gives only when all its views read it (`card_id_vote.SECOND_VIEWS`)."""
        line_engine, digit_engine, mrz_engine = self.engines()
        views = CardViews.of(card)
        side = "back" if _looks_back(hint) else "front"
        if side == "back" or not hint.strip():
            mrz = _read_mrz(mrz_engine, views, self.second, self.mrz_rows)
            if mrz is not None:
                return [mrz]
            if side == "back":
                return []
        generations = ["cancuoc", "cccd"] if _looks_cancuoc(hint) else ["cccd", "cancuoc"]
        hints: list[ZoneReading] = []  # province codes read where no number settled
        for generation in generations:
            zones = ZONES[(generation, "front")]
            birth = _read_birth(line_engine, views, zones["date_of_birth"])
            ids = _read_id(views, zones["id_number"], (line_engine, digit_engine), birth,
                           self.second, zones["date_of_birth"], _page_ids(hint), hints, copy)
            if ids is None:
                continue
            out = [ids, *hints]
            sex = holder_sex(ids.text)
            name_of = partial(_read_name, zone=zones["full_name"], engine=line_engine,
                              second=self.second, names=self.names, sex=sex,
                              band_evidence=bool(ids.text),
                              line_gap=zones["date_of_birth"][1] - zones["full_name"][1])
            name = name_of(views)
            if copy and not any(r.key == "full_name" for r in name):
                name = _read_name_sharper(card, name_of, name, sex) or name
            return out + name
        # No ID number in either layout: a back whose text did not look like one (blurred
        # MRZ), or a front whose name may still be legible where the layout says.
        mrz = _read_mrz(mrz_engine, views, self.second, self.mrz_rows) if hint.strip() else None
        if mrz is not None:
            return [mrz]
        return hints + _read_name(views, ZONES[(generations[0], "front")]["full_name"],
                                  line_engine, self.second, names=self.names)


#: The unsharp mask a photocopy's card is read with again when its name band named no one:
#: radius (pixels of a card `CARD_SIZE` wide) and strength (percent). Measured on the 135
#: photographed copies of development seed 930001, the vote on the band alone: 90 names
#: right as read, 97 sharpened so (radius 4, 60%); 3/80, 6/50 and 8/40 gave 91, 90, 93.
#: Sharpened, other names that were right went wrong or unread, so it is a second try only.
COPY_SHARPEN = (4.0, 60)


def _read_name_sharper(card: Image.Image,
                       name_of: Callable[[CardViews], list[ZoneReading]],
                       first: list[ZoneReading], sex: str | None,
                       ) -> list[ZoneReading] | None:
    """The name band of a photographed copy's card read again with the card sharpened
    (`COPY_SHARPEN`), when that names someone the first reading's views (``first``) do
    not dispute; None otherwise (the first reading stands). A copy's print is blurred
    twice, by the copier and by the phone, and each view of its band misreads other
    letters: sharpened, the same band often reads (930001 0589 Huỳnh Thanh Thư, 'Bản
    photo CCCD 0282' Nguyễn Phương Tuyết, voted by no view before). Sharpening also thins
    marks out: on 930001 0415 it read THANH on every view of Thành, which two of the
    views as first read spelled THÀNH (`marks_disputed`)."""
    radius, percent = COPY_SHARPEN
    radius *= card.width / CARD_SIZE[0]  # in the card's own pixels
    sharper = card.filter(ImageFilter.UnsharpMask(radius, percent, 0))
    again = name_of(CardViews.of(sharper))
    name = next((r.text for r in again if r.key == "full_name"), None)
    views = [line for r in first if r.key == NAME_BAND for line in r.text.splitlines()]
    return again if name is not None and not marks_disputed(name, views, sex) else None


@dataclass(frozen=True, slots=True)
class CardViews:
    """One card's grey image in the forms the zone reads use.

    ``flat`` (background divided out) is what bands are found on and, thresholded per band
    (Otsu), what is read first: a threshold chosen on one line's band separates that line's
    print from the card far better than Tesseract's threshold of a padded crop of a textured,
    glared card. The contrast-stretched and plain grey views are the fallbacks."""

    gray: np.ndarray
    flat: np.ndarray
    norm: np.ndarray
    width: int

    @classmethod
    def of(cls, card: Image.Image) -> CardViews:
        gray = np.asarray(card.convert("RGB")).min(axis=2)  # red and dark print both dark
        text_px = max(8, round(30 * card.width / BASE[0]))
        return cls(gray, divide_background(gray, text_px), normalise_contrast(gray, text_px),
                   card.width)

    def bands(self, box: tuple[int, int, int, int]) -> list[np.ndarray]:
        """The band in each view, best first (measured on generated photos): contrast
        stretched, Otsu of flat, Otsu of flat enlarged 1.5x (small print, tone marks), Otsu
        of stretched."""
        x0, y0, x1, y1 = box
        flat, norm = self.flat[y0:y1, x0:x1], self.norm[y0:y1, x0:x1]
        if flat.size == 0:
            return []
        return [norm, _otsu(flat),
                _otsu(cv2.resize(flat, None, fx=1.5, fy=1.5, interpolation=cv2.INTER_CUBIC)),
                _otsu(norm)]


def _otsu(band: np.ndarray) -> np.ndarray:
    _, out = cv2.threshold(band, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return out


def _looks_back(hint: str) -> bool:
    return bool(re.search(r"IDVNM|<<<|VNM<|Đặc điểm|identification:|Ngón trỏ", hint))


def _looks_cancuoc(hint: str) -> bool:
    folded = hint.lower()
    return ("định danh" in folded or "identification number" in folded
            or ("identity card" in folded and "citizen" not in folded))


def _snap(view: np.ndarray, width: int, zone: Zone) -> tuple[int, int, int, int]:
    """The zone moved up or down (up to half its height) to sit on its text line: the window
    with the most ink inside and the least on its top and bottom rows (ink: Otsu of the
    search window, so faint print and halos do not count)."""
    k = width / BASE[0]
    x0, y0, x1, y1 = (round(v * k) for v in zone)
    x0, x1 = max(0, x0), min(view.shape[1], x1)
    h = y1 - y0
    reach = h // 2
    top, bottom = max(0, y0 - reach), min(view.shape[0], y1 + reach)
    window = view[top:bottom, x0:x1]
    if window.size == 0:
        return x0, max(0, y0), x1, min(view.shape[0], y1)
    rows = (_otsu(window) == 0).mean(axis=1)
    best, best_dy = -1e9, 0
    for dy in range(-reach, reach + 1, max(1, h // 24)):
        a, b = y0 + dy - top, y1 + dy - top
        if a < 0 or b > len(rows):
            continue
        edge = rows[a] + rows[b - 1]
        score = rows[a:b].mean() - 2.0 * edge - 0.002 * abs(dy)
        if score > best:
            best, best_dy = score, dy
    return x0, max(0, y0 + best_dy), x1, min(view.shape[0], y1 + best_dy)


def _trim(band: np.ndarray, x0: int, x1: int) -> int:
    """End the band at the first gap wider than three line heights after its text starts
    (a value ends there; what follows is pattern, glare or another field)."""
    if band.size == 0:
        return x1
    ink = (band < 128).mean(axis=0) > 0.02
    gap = 3 * band.shape[0]
    started, run = False, 0
    for i, dark in enumerate(ink):
        if dark:
            started, run = True, 0
        elif started:
            run += 1
            if run > gap:
                return x0 + i - run + band.shape[0] // 2
    return x1


def _start(band: np.ndarray, x0: int, lo: int) -> int:
    """The band's left end moved onto the value's first letter when the zone cuts it (a card
    warped a few pixels off, or a layout set further left: "Ô MINH DUNG" read for TÔ, fresh
    photo 549001 0029; a card still in perspective, "YÊN BẢO LỘC" read for NGUYỄN, fresh
    549601 0010): from ``x0``, left over ink and gaps narrower than a quarter of the line
    height, only when there is ink right at ``x0``. ``band`` is the thresholded band from
    ``lo``."""
    ink = (band < 128).mean(axis=0) > 0.02
    at = x0 - lo
    if band.size == 0 or at <= 0 or not ink[max(0, at - 2):at + 2].any():
        return x0
    start, gap = at, 0
    for i in range(at - 1, -1, -1):
        if ink[i]:
            start, gap = i, 0
        elif (gap := gap + 1) > band.shape[0] // 4:
            break
    return lo + start if start > 0 else x0  # ink up to the crop's edge: the photo, not a letter


def _band(views: CardViews, zone: Zone, trim: bool = True) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = _snap(views.flat, views.width, zone)
    if trim and y1 > y0 and x1 > x0:
        lo = max(0, x0 - 3 * (y1 - y0))  # a card left in perspective cuts a few letters
        ink = _otsu(views.flat[y0:y1, lo:x1])
        x0 = _start(ink, x0, lo)
        x1 = _trim(ink[:, x0 - lo:], x0, x1)
    return x0, y0, x1, y1


def _ocr(engine: OcrEngine, crop: np.ndarray, x0: int, y0: int,
         scale: float = 1.0) -> list[OcrLine]:
    """One band read; boxes back in card pixels (``scale``: band pixels per card pixel)."""
    pad = 12
    padded = np.pad(crop, pad, constant_values=255)
    text = engine.recognize(Image.fromarray(padded), 300)
    return map_boxes((line for line in text.lines if line.words),
                     lambda b: (x0 + int((b[0] - pad) / scale), y0 + int((b[1] - pad) / scale),
                                x0 + round((b[2] - pad) / scale),
                                y0 + round((b[3] - pad) / scale)))


def band_reads(engine: OcrEngine, views: CardViews, box: tuple[int, int, int, int],
           limit: int | None = None) -> Iterator[tuple[str, list[OcrLine]]]:
    """(text, lines) of the band in each view, best view first."""
    x0, y0, x1, _ = box
    for band in views.bands(box)[:limit]:
        lines = _ocr(engine, band, x0, y0, band.shape[1] / max(1, x1 - x0))
        yield " ".join(line.text for line in lines), lines


_DATE = re.compile(r"(\d{2})[/.-]?(\d{2})[/.-](\d{4})")


def _read_birth(engine: OcrEngine, views: CardViews, zone: Zone) -> str | None:
    for text, _ in band_reads(engine, views, _band(views, zone, trim=False), limit=2):
        m = _DATE.search(text.replace(" ", ""))
        if m and (date := plausible_date(m)) is not None:
            return date
    return None


def _page_ids(hint: str) -> list[str]:
    """The valid 12-digit numbers the card's page OCR (``hint``) read."""
    return [value for line in hint.splitlines() if (value := valid_id(line)) is not None]


def _read_id(views: CardViews, zone: Zone, engines: tuple[OcrEngine, ...],
             birth: str | None, second: LineRecognizer | None = None,
             birth_zone: Zone | None = None, page: list[str] | None = None,
             hints: list[ZoneReading] | None = None, copy: bool = False,
             ) -> ZoneReading | None:
    """The ID number read in the band's views (line engine, then digits only). A reading
    must have a known province code and century digit.

    With the second recogniser (PP-OCR) installed, Tesseract's readings and PP-OCR's are
    settled together (`card_id_vote.settle_two`: the two must agree, or PP-OCR's reading
    must be uncontradicted), reading on until Tesseract reads a number PP-OCR read too;
    the number the card's page OCR read (``page``, Tesseract on the whole card) may
    confirm PP-OCR's too. Without PP-OCR, Tesseract's views settle it alone
    (`settle_id`). When the two recognisers read different valid numbers and neither
    settles, the reading is a refusal (empty text, the band's box): merged, it takes the
    page OCR's words out of the band, so the page pass's own reading of the number does
    not reach extraction either. Where no number settles but PP-OCR's views read one
    province code alike, that is added to ``hints`` (`PROVINCE_READ`). ``copy``: the card
    is on a photographed photocopy, where PP-OCR alone needs every view's reading."""
    hints = hints if hints is not None else []
    box = _band(views, zone)
    pp: list[tuple[str, float, tuple[float, ...]]] | None = None
    if second is not None and second.available:
        pp = _second_ids(second, views, box)
        if birth_zone is not None:
            birth = birth_to_check(birth, [v for v, _, _ in pp],
                                   lambda: _second_birth(second, views, birth_zone))
    readings: list[ZoneReading] = []
    seen: list[tuple[int, str]] = []
    restored: list[str] = []  # readings that lost the leading 0: confirmations only
    for view, reading in _tesseract_ids(views, box, engines, restored):
        readings.append(reading)
        seen.append((view, reading.text))
        if pp is None:
            value = settle_id([r.text for r in readings], birth, done=False)
            if value is not None:
                return next(r for r in readings if r.text == value)
        elif reading.text in (v for v, _, _ in pp) and (birth is None
                                     or not consistency_problems(reading.text, None, birth)):
            break  # confirmed by the other recogniser (and by the birth date when read)
    if pp is None:
        value = settle_id([r.text for r in readings], birth, done=True)
        return next((r for r in readings if r.text == value), None)
    value = settle_two(one_per_view(seen), [(v, p) for v, p, _ in pp], birth,
                       [*(page or ()), *restored], [digits for _, _, digits in pp], copy)
    if value is None:
        province = read_province([(v, p) for v, p, _ in pp], [d for _, _, d in pp])
        if province is not None:
            hints.append(ZoneReading(PROVINCE_READ, province, ()))
        if (readings or page) and pp:  # the two read different numbers: neither may stand
            return ZoneReading("id_number", "", (OcrLine((OcrWord("", box, 0.0),)),))
        return None
    read = next((r for r in readings if r.text == value), None)
    return read or ZoneReading("id_number", value, (OcrLine((OcrWord(value, box, 0.9),)),))


def _second_birth(second: LineRecognizer, views: CardViews, zone: Zone) -> str | None:
    """The birth date PP-OCR's grey views of the band read alike (`birth_of`)."""
    box = _band(views, zone, trim=False)
    return birth_of([r.text for band in second_views(views.gray, views.flat, views.norm, box)
                     if (r := second.read(band, DIGITS + "/")) is not None])


#: The key of a province code PP-OCR's views read alike on a front whose number did not
#: settle (`card_id_vote.read_province`): evidence for the MRZ's unchecked province code,
#: never a field (`apply_zone_readings`, `zone_provinces`).
PROVINCE_READ = "id_province"


def zone_provinces(readings: list[dict[str, str]]) -> list[str]:
    """The province codes the fronts' unsettled number bands read alike (`PROVINCE_READ`)."""
    return [r.get("value", "") for r in readings if r.get("key") == PROVINCE_READ]


def _tesseract_ids(views: CardViews, box: tuple[int, int, int, int],
                   engines: tuple[OcrEngine, ...], restored: list[str] | None = None,
                   ) -> Iterator[tuple[int, ZoneReading]]:
    """Tesseract's valid readings of the ID band, each with the index of the view read:
    the line engine on every view, then the digits-only engine on the first two. Readings
    of 11 digits that are a valid number with the leading 0 put back (`zero_lost`) go to
    ``restored``: they may confirm PP-OCR's number (as the card's page OCR does), not
    settle one."""
    for limit, engine in ((None, engines[0]), (2, engines[-1])):
        for view, (text, lines) in enumerate(band_reads(engine, views, box, limit)):
            if (value := valid_id(text)) is not None:
                yield view, ZoneReading("id_number", value, tuple(lines))
            elif restored is not None and (value := zero_lost(text)) is not None:
                restored.append(value)


def _second_ids(second: LineRecognizer, views: CardViews, box: tuple[int, int, int, int],
                ) -> list[tuple[str, float, tuple[float, ...]]]:
    """PP-OCR's valid readings of the ID band, one per grey view, each with the lowest
    probability among its 12 digits and those 12 probabilities."""
    out = []
    for band in second_views(views.gray, views.flat, views.norm, box):
        reading = second.read(band, DIGITS)
        value = id_of(reading.text) if reading is not None else None
        if reading is not None and value is not None:
            out.append((value, reading.tail_confidence(12), reading.probabilities[-12:]))
    return out


def settle_id(values: list[str], birth: str | None, done: bool) -> str | None:
    """The number valid readings (best view first) settle on; None to read on (``done``
    False) or when they settle on nothing (``done`` True).

    Two readings that agree with each other and with the birth date read on the card settle
    it at once. When all views are read: the number most often read among those that agree
    with the birth date; else (the birth date may itself be misread) a number read at least
    twice. With no birth date read, nothing confirms a single reading: two must agree (a
    blurred photocopy's one valid-looking misread is refused)."""
    agreeing = [v for v in values
                if birth is not None and not consistency_problems(v, None, birth)]
    others = [v for v in values if v not in agreeing]
    if agreeing and agreeing.count(agreeing[-1]) >= 2:
        return agreeing[-1]
    if birth is None and others and others.count(others[-1]) >= 2:
        return others[-1]
    if not done:
        return None
    if agreeing:
        return max(agreeing, key=lambda v: (agreeing.count(v), -agreeing.index(v)))
    best = max(others, key=lambda v: (others.count(v), -others.index(v)), default=None)
    return best if best is not None and others.count(best) >= 2 else None


def _read_name(views: CardViews, zone: Zone, engine: OcrEngine,
               second: LineRecognizer | None = None, sex: str | None = None,
               band_evidence: bool = False, line_gap: float = 0,
               names: NameLineRecognizer | None = None) -> list[ZoneReading]:
    """The full name, voted over the band's views: first on the whole name's letters
    (accents folded; a name that starts with a known surname first, then the one read most
    often), then word by word on the letters, then on the tone marks (a form that is a
    known surname or given-name syllable first, then the form read most often).

    The word-by-word vote also counts readings refused as a whole for one broken word
    ("PILAN BẢO TRÍ" still votes TRÍ) when they line up with the chosen name: the same
    number of words, each within two letters of the chosen one), and letters that spell a
    listed surname (first word) or name syllable win over letters that do not, however
    often those were read ("NGỌC HÓA" once against "NGỌI NÓA" twice). Each word needs two
    sources: two readings of its letters, or one and the list; a name with a word read once
    that no list has ("NGUYÊN THAM BUY HÙNG" read once) is refused, not guessed.

    PP-OCR (``second``) reads the band's letters too, on the stretched and plain grey views:
    a different recogniser, whose letters on a blurred photocopy's name ("BICH" where
    Tesseract read "BC", "BỘT") vote as readings do, but not its tone marks, which it mostly
    cannot write (`vote_name`'s ``letters_only``); whether a word it alone read has a mark
    above its capitals is measured on the band's ink (`name_ink`). When the readings as
    read name no one, PP-OCR's letters are decoded against the listed names and voted once
    more (`vote_band`): "PRAN VAN VISH" is PHAN VAN VINH.

    With a name voted, or on a front whose number was read (``band_evidence``), the views'
    texts are returned too (`NAME_BAND`): the card's name checks weigh them against the
    MRZ's names line (`card_name_check`)."""
    def read(zone: Zone) -> tuple[tuple[int, int, int, int], list[tuple[str, tuple[OcrLine, ...]]]]:
        box = _band(views, zone)
        return box, [(text, tuple(lines)) for text, lines in band_reads(engine, views, box)]

    box, reads = read(zone)
    if line_gap and sum(bool(_BIRTH_LABEL.search(fold(text))) for text, _ in reads) >= 2:
        # the band sat on the birth-date line below: a card warped a line off (fresh
        # 549501 0088, 549601 0056); the name is the line above
        box, reads = read((zone[0], zone[1] - line_gap, zone[2], zone[3] - line_gap))
    x0, y0, x1, y1 = box

    def ink(words: int) -> list[bool | None] | None:
        return word_marks((views.flat[y0:y1, x0:x1], views.norm[y0:y1, x0:x1]), words)

    named = (NameBands((views.norm[y0:y1, x0:x1], views.gray[y0:y1, x0:x1]), second)
             if second is not None and second.available else None)
    tesseract = [text for text, _ in reads]
    # the name-line model's reading, marks and all, one more reading of the band (after
    # Tesseract's views: it has no word boxes; `vote_name`'s ``lexical``)
    lexical = (names.read(views.gray[y0:y1, x0:x1]),) \
        if names is not None and names.available else ()
    reads += [(text, ()) for text in lexical]
    voted = _vote_bands(tesseract, named, sex, ink, lexical)
    # the views' texts carry marks the MRZ's letters may take when no name was voted
    # (`card_name_check._named_by_mrz`: MỸ read on every view for the MRZ's MY) on a front
    # whose number was read (``band_evidence``: not on a card that may be a back or upside
    # down, whose lack of readings turns it over, `photo_ocr.reread_cards`); with a name
    # voted, the band is a name's, and views that read it otherwise the MRZ may side with
    # (`card_name_check._outvoted`, `_mended_view`)
    texts = [text for text, _ in reads if text.strip()] if band_evidence or voted else []
    out = [ZoneReading(NAME_BAND, "\n".join(texts), ())] if texts else []
    if (band_evidence or voted) and named is not None:
        # what PP-OCR read surely there, for the checks against the MRZ's names line, which
        # has no check digit (`card_name_check._pp_against`)
        sure = [line for words in named.choices if (line := _sure_words(words)).strip("? ")]
        if sure:
            out.append(ZoneReading(NAME_LETTERS_READ, "\n".join(sure), ()))
    if voted is None:
        return out
    name, source = voted
    boxes = reads[source][1] if source < len(reads) else ()
    if not boxes:  # the model's reading: the boxes of a Tesseract view with as many words
        boxes = next((lines for text, lines in reads
                      if lines and len(text.split()) == len(name.split())), ())
    return [ZoneReading("full_name", name, boxes), *out]


@dataclass
class NameBands:
    """A name band's grey views and the second recogniser. The model runs once per view
    (`probabilities`, when first asked); its letters (`letters`) and its words decoded
    against the listed names (`choices`) are both read from that, and the vote, the
    fallback vote and the sure words kept for the MRZ checks share them."""

    bands: tuple[np.ndarray, ...]
    second: LineRecognizer

    @cached_property
    def probabilities(self) -> tuple[np.ndarray | None, ...]:
        return tuple(self.second.probabilities(band) for band in self.bands)

    @cached_property
    def letters(self) -> tuple[str, ...]:
        return tuple(self.second.decode(probs, NAME_LETTERS).text
                     for probs in self.probabilities if probs is not None)

    @cached_property
    def choices(self) -> tuple[list[WordChoice], ...]:
        return tuple(self.second.decode_words(probs, name_lexicons()) if probs is not None
                     else [] for probs in self.probabilities)


def vote_band(texts: list[str], bands: tuple[np.ndarray, ...], second: LineRecognizer | None,
              sex: str | None, ink: InkReader | None) -> tuple[str, int] | None:
    """`vote_name` over Tesseract's ``texts`` of a name band and the second recogniser's
    letters of its grey ``bands``; when that names no one, once more with those letters
    decoded against the listed names (`_decoded`), which only then are asked for: a name
    the readings as read settle is never changed by the lexicon, and one the decoded
    letters settle needs a Tesseract view with as many words (`_as_many_words`) and every
    view decoded to its letters (`_decoded_alike`)."""
    named = NameBands(bands, second) if second is not None and second.available else None
    return _vote_bands(texts, named, sex, ink)


def _vote_bands(texts: list[str], named: NameBands | None, sex: str | None,
                ink: InkReader | None, lexical: tuple[str, ...] = (),
                ) -> tuple[str, int] | None:
    letters = named.letters if named is not None else ()
    voted = vote_name(texts, letters, sex, ink, lexical)
    if voted is None and letters and named is not None:
        decoded = tuple(_decoded(words) for words in named.choices)
        if any(decoded) and decoded != letters:
            voted = vote_name(texts, decoded, sex, ink, lexical)
            if voted is not None and not (_as_many_words(voted[0], texts)
                                          and _decoded_alike(voted[0], decoded)):
                voted = None
    if voted is None and (name := model_named(texts, letters, lexical)) is not None:
        return name, len(texts)  # the model's reading: its boxes from a view (_read_name)
    return voted


def _decoded_alike(name: str, decoded: tuple[str, ...]) -> bool:
    """Whether every view's decoded letters spell ``name`` (folded) word for word. One
    view's decoded word with the list behind it is not two sources: fresh 554301 0027 gave
    Hoàng Mỹ Hà for Huệ (HOANG MY HA on one view, HOANG MY IAE on the other) and 0033
    Phạm Quỳnh Duy for Thủy (DICY on one view, DUY on the other)."""
    letters = fold(name).upper().split()
    return all(fold(text).upper().split() == letters for text in decoded)


def _as_many_words(name: str, texts: list[str]) -> bool:
    """Whether a Tesseract view of the band read as many words (tokens with a letter) as
    ``name`` has. A name made from decoded letters needs it: a word PP-OCR ran into the
    next with no space ("TRANDC NGHA" for TRẦN ĐỨC NGHĨA, fresh 554001 0088) decodes to
    one listed word whose lost letters were unsure frames, and the name comes out a word
    short (Trần Nghĩa) with nothing else on the band to say so."""
    words = len(name.split())
    return any(sum(bool(re.search(r"[^\W\d_]", t)) for t in text.split()) == words
               for text in texts)


def _sure(word: WordChoice) -> bool:
    """A decoded word sure enough to stand for what was read (`LEXICON_MARGIN` over the
    next listed word, within `LEXICON_GAP` of the reading itself)."""
    return word.margin >= LEXICON_MARGIN and word.gap <= LEXICON_GAP


def _sure_words(words: list[WordChoice]) -> str:
    """A band view's words that decode surely to a listed word (`_sure`), each in folded
    capitals, every other word ``?``."""
    return " ".join(w.word if _sure(w) else "?" for w in words)


#: The key of a name band's words PP-OCR decoded surely (`_sure_words`, one line per view):
#: evidence for the card's name checks against the MRZ, never a field.
NAME_LETTERS_READ = "name_letters"


#: The key saying the cards were read on a photographed photocopy (`photo_ocr.reread_cards`):
#: their names are held to a second source (`card_name_check._refuse_unconfirmed_copy`);
#: never a field.
CARD_COPY = "card_copy"


def zone_card_copy(readings: list[dict[str, str]]) -> bool:
    """Whether the readings are of cards on a photographed photocopy (`CARD_COPY`)."""
    return any(r.get("key") == CARD_COPY for r in readings)


def zone_name_letters(readings: list[dict[str, str]]) -> list[str]:
    """The lines of `NAME_LETTERS_READ` readings (PP-OCR's sure words of name bands)."""
    return [line for r in readings if r.get("key") == NAME_LETTERS_READ
            for line in r.get("value", "").splitlines()]


def _decoded(words: list[WordChoice]) -> str:
    """A band view's reading by the second recogniser, each word replaced by the listed
    surname (first word) or name syllable it most likely is (`ctc_lexicon`) where that is
    sure (`_sure`); a word that is not stays as read. "PRAN VAN VISH" is PHAN VAN VINH
    (fresh 553301 'Bản photo CCCD 0007'). Folded capitals: the tone marks are the vote's
    (`vote_name`'s ``letters_only``)."""
    return " ".join(w.word if _sure(w) else w.read for w in words)


#: How much likelier (natural log) a decoded name word must be than the next listed word:
#: on 1,300 name-band words of 200 development photos every word chosen at 2 or more was
#: right; the wrong choices (TIẾN as TIN: the model writes no Ế) were under 1.9.
LEXICON_MARGIN = 2.0
#: How much likelier (natural log) the recogniser's own reading of a word may be than the
#: listed word put in its place: a crisp band spelling a name the lists lack keeps it.
LEXICON_GAP = 4.0


#: The birth-date line's label ("Ngày sinh / Date of birth:"), folded: read in a name band,
#: the band sat a line low.
_BIRTH_LABEL = re.compile(r"date\s*o[fr]|ngay\s*sinh")

#: The key of a name band's readings (every view's text): evidence for the card's name
#: checks, never a field (`apply_zone_readings`).
NAME_BAND = "name_band"


def _read_mrz(engine: OcrEngine, views: CardViews, second: LineRecognizer | None = None,
              rows: MrzLineRecognizer | None = None) -> ZoneReading | None:
    """The MRZ put together line by line (`mrz_assembly.MrzLines`) from Tesseract's
    readings of the band's views (and of the plain grey view), stopping once a number line
    and a dates line check together (composite check digit, expiry), then, when they do
    not or no names line was read whose every word is a listed name, from PP-OCR's
    readings of the band's rows (``second``), which read blurred fillers and names lines
    Tesseract breaks (``L<<TIG<TG<`` for LE<<TIEN<THANG), and then, on the same terms,
    from the MRZ-line model's (``rows``, `intake.ocr.mrz_line`), trained for rows blurred
    past both (development 943101 0086, a glared back). Trusted only when the document
    number and the birth date both check."""
    k = views.width / BASE[0]
    x0, y0, x1, y1 = (round(v * k) for v in ZONES[("any", "back")]["mrz"])
    box = (max(0, x0), max(0, y0), min(views.flat.shape[1], x1), min(views.flat.shape[0], y1))
    found = MrzLines()
    grey = views.gray[box[1]:box[3], box[0]:box[2]]
    bands = [*views.bands(box), grey] if grey.size else views.bands(box)
    for band in bands:
        found.add(_ocr(engine, band, box[0], box[1], band.shape[1] / max(1, box[2] - box[0])))
        if found.settled():
            break
    norm = views.norm[box[1]:box[3], box[0]:box[2]]
    flat = views.flat[box[1]:box[3], box[0]:box[2]]
    for recognizer in (second, rows):
        if ((not found.settled() or found.names_doubtful()) and recognizer is not None
                and recognizer.available and grey.size):
            found.add(second_lines(recognizer, (grey, norm), flat, box[:2]))
    lines = found.pick()
    if lines is None:
        return None
    return ZoneReading("mrz", "\n".join(ln.text.replace(" ", "") for ln in lines), lines)


def merge(
    lines: list[OcrLine], readings: list[ZoneReading], offset: tuple[int, int], scale: float = 1.0
) -> list[OcrLine]:
    """Replace the OCR words inside each reading's band by the reading's words (a refusal,
    with empty text, only takes them out).

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
        at: int | None = None  # where the replaced words were, so reading order holds
        for line in out:
            words = tuple(w for w in line.words if not _inside(w.box, (left, top, right, bottom)))
            if at is None and len(words) < len(line.words):
                at = len(kept) + (1 if words and words[-1].box[2] <= left + 5 else 0)
            if words:
                kept.append(OcrLine(words))
        if at is None:  # OCR had nothing in the band: before the first line below it
            at = next((i for i, ln in enumerate(kept) if ln.box[1] > top), len(kept))
        kept[at:at] = [ln for ln in placed if ln.text.strip()]  # a refusal only takes out
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
    """JSON-ready summary (for page metadata and benchmarks); refusals are left out."""
    return [{"key": r.key, "value": r.text} for r in readings if r.text]


# --- extraction side ---------------------------------------------------------------------------


def zone_readings_of(photos: list[dict[str, Any] | None]) -> list[dict[str, str]]:
    """The zone readings kept with a document's pages (PageResult.photo["zones"])."""
    return [z for photo in photos if photo for z in photo.get("zones", [])]


def apply_zone_readings(result: Any, readings: list[dict[str, str]]) -> list[str]:
    """Give the validated zone readings their place among the extracted fields.

    A zone value fills a field OCR-by-label missed, replaces one that does not validate,
    and wins over a different valid one (it was read as one line at the size the engine
    reads best, and validated); QR and MRZ, applied afterwards, still override both.
    Returns the MRZ lines read by zone, for the MRZ cross-check, and the name band's
    readings (`NAME_BAND`), for the name checks."""
    from intake.extract.idnumber import structure_problems
    from intake.extract.model import ExtractedField

    mrz_lines: list[str] = []
    for reading in readings:
        key, value = reading.get("key"), reading.get("value", "")
        if not value:
            continue
        if key in ("mrz", NAME_BAND):
            mrz_lines.extend(value.splitlines())
            continue
        if key in (PROVINCE_READ, NAME_LETTERS_READ, CARD_COPY):
            continue  # evidence for the name and MRZ checks (`zone_provinces`, ...)
        if key == "full_name":
            parsed = parse_name(value)
            if parsed is None:
                continue
            value = parsed.value
        got = result.fields.get(key)
        if got is not None and got.value == value:
            # confirmed by zone: said so, since a card read by zone is held to a photo's
            # stricter name checks (`card_name_check`)
            if got.source == "ocr":
                result.fields[key] = replace(got, source="zone",
                                             note="card zone; OCR by label agrees")
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
