"""OCR of flattened photos: each warped card read on its own, then by zone (card_zones).

The page reader calls `read_card_sheet` for a photo of cards (the sheet `photo.flatten` made)
and `reread_cards` for cards found on a photographed page (a photocopy), after its usual OCR.
Boxes are in sheet / page pixels, like every other page's words.
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np
from PIL import Image

from intake.extract.card_zones import CARD_COPY, ZoneReader, ZoneReading, merge
from intake.extract.qr import decode_qr, decode_qr_corner, parse_card_qr
from intake.ocr.base import OcrEngine, OcrLine, PageText, map_boxes, shifted
from intake.preprocess.cards import CardRegion
from intake.preprocess.photo import (
    CARD_SIZE,
    Flattened,
    Region,
    find_cards_on_page,
    normalise_contrast,
    turned_over,
    warp_card_from_photo,
)


def card_for_ocr(card: Image.Image) -> Image.Image:
    """Grey (minimum of R, G, B: red and black print both come out dark) with glare and
    uneven light divided out."""
    gray = np.asarray(card.convert("RGB")).min(axis=2)
    return Image.fromarray(normalise_contrast(gray, max(8, round(30 * card.width / 1011))))


def read_card_sheet(engine: OcrEngine, zones: ZoneReader | None,
                    flat: Flattened) -> tuple[PageText, list[CardRegion], list[ZoneReading]]:
    """OCR every card on the sheet, in order, then replace zone bands by validated readings.
    A card whose OCR reads no card words either way up is read by zone both ways when it
    gives nothing as it lies; the way that validates is the way up."""
    lines: list[OcrLine] = []
    found: list[ZoneReading] = []
    cards = []
    name = getattr(engine, "name", "")
    for i, region in enumerate(flat.regions):
        left, top = region.box[0], region.box[1]
        crop = flat.image.crop(region.box)
        text = engine.recognize(card_for_ocr(crop), flat.dpi)
        other = None  # the card the other way up, when its OCR could not tell which is up
        if _anchors(text.text) < 2:  # nothing a card prints read: maybe lying upside down
            turned = crop.rotate(180)
            again = engine.recognize(card_for_ocr(turned), flat.dpi)
            other = (turned, again)
            if (_anchors(again.text), again.confidence) > (_anchors(text.text), text.confidence):
                (crop, text), other = other, (crop, text)
                _lay(flat, i, crop)
        name = text.engine
        readings = zones.read(crop, text.text) if zones is not None else []
        if zones is not None and other is not None and not _validated(readings):
            # a blurred card's OCR reads no card words either way up, and its confidence
            # chose; the zones validate (check digits, the number's birth date): the back of
            # fresh 555801 0002 gave its MRZ only the other way up
            again_readings = zones.read(other[0], other[1].text)
            if _validated(again_readings):
                (crop, text), readings = other, again_readings
                _lay(flat, i, crop)
        card_lines = merge(list(text.lines), readings, (0, 0))
        found.extend(readings)
        lines.extend(map_boxes(card_lines, shifted(left, top)))
        cards.append(CardRegion(region.box))
    page = PageText(tuple(lines), flat.image.width, flat.image.height, engine=name)
    return page, cards, found


def _lay(flat: Flattened, i: int, card: Image.Image) -> None:
    """Put region ``i``'s card on the sheet turned over, in place: the sheet stored shows
    it the way up it was read, and its region maps back to the photo from its real
    top-left corner (`turned_over`)."""
    flat.image.paste(card, flat.regions[i].box)
    flat.regions[i] = turned_over(flat.regions[i])


#: Zone readings that validated what they read (check digits, a number's birth date, a
#: name voted): a province code read where no number settled, or a band's raw views, do not.
_VALIDATED = frozenset({"id_number", "full_name", "mrz"})


def _validated(readings: list[ZoneReading]) -> bool:
    return any(r.key in _VALIDATED and r.text for r in readings)


#: Words every card side prints (accent-folded), whatever the generation: seen upright,
#: OCR reads some of them; upside down it reads none.
_ANCHORS = ("cong hoa", "viet nam", "doc lap", "can cuoc", "ho va ten", "full name",
            "ngay sinh", "date of birth", "quoc tich", "nationality", "dac diem", "ngon tro",
            "ngay thang nam", "cuc truong", "bo cong an")


def _anchors(text: str) -> int:
    from intake.extract.text import fold

    folded = fold(text)
    return sum(a in folded for a in _ANCHORS) + ("IDVNM" in text) + ("<<<" in text)


def reread_cards(zones: ZoneReader, image: Image.Image, page: PageText,
                 cards: list[CardRegion], flat: Flattened | None = None,
                 keys: frozenset[str] | None = None,
                 ) -> tuple[PageText, list[ZoneReading]]:
    """Zone reads of cards on a (flattened) page: each card warped to the card size, read by
    zone, the validated readings merged into the page's lines.

    With the photo kept (``flat.source``), cards are also looked for with the photocopy
    finder (`find_cards_on_page`) and warped straight from the photo's pixels: a card on a
    photographed A4 copy is only ~400-500 photo pixels wide, and resampling it once instead
    of twice keeps what little sharpness its print has. ``keys`` limits which fields are
    merged (the page reader takes only the ID number and MRZ on scans, where the page pass
    reads names well)."""
    lines = list(page.lines)
    found: list[ZoneReading] = []
    for box, crop in _page_cards(image, cards, flat):
        left, top, right, bottom = box
        hint = "\n".join(
            ln.text for ln in lines
            if left <= (ln.box[0] + ln.box[2]) / 2 <= right
            and top <= (ln.box[1] + ln.box[3]) / 2 <= bottom
        )
        readings = zones.read(crop, hint, copy=flat is not None)
        if not any(r.text for r in readings):  # nothing, or only a refusal: maybe upside down
            readings = _read_turned(zones, crop, flat is not None) or readings
        readings = [r for r in readings if keys is None or r.key in keys]
        if readings:
            lines = merge(lines, readings, (left, top), (right - left) / CARD_SIZE[0])
            found.extend(readings)
    if found and flat is not None and keys is None:  # a photographed copy's cards
        found.append(ZoneReading(CARD_COPY, "1", ()))
    return PageText(tuple(lines), page.width, page.height, engine=page.engine,
                    source=page.source), found


def _read_turned(zones: ZoneReader, card: Image.Image, copy: bool = False,
                 ) -> list[ZoneReading]:
    """Zone reads of a card read upside down (a copy photographed upside down): the card
    turned 180 degrees, the readings' boxes turned back into the card as it lies."""
    width, height = card.size
    readings = zones.read(card.rotate(180), "", copy)

    def back(box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        return width - box[2], height - box[3], width - box[0], height - box[1]

    return [replace(r, lines=tuple(map_boxes(r.lines, back))) for r in readings]


def _page_cards(image: Image.Image, cards: list[CardRegion], flat: Flattened | None,
                ) -> list[tuple[tuple[int, int, int, int], Image.Image]]:
    """(box on the page, card image at ``CARD_SIZE``) of every card: the photocopy finder's
    quads warped from the photo, then the scan finder's boxes they do not cover."""
    out: list[tuple[tuple[int, int, int, int], Image.Image]] = []
    for quad in find_cards_on_page(image, flat) if flat is not None else []:
        card = warp_card_from_photo(flat, quad)  # type: ignore[arg-type]
        if card is None:
            continue
        x0, y0 = quad.min(axis=0)
        x1, y1 = quad.max(axis=0)
        out.append(((max(0, int(x0)), max(0, int(y0)), min(image.width, round(x1)),
                     min(image.height, round(y1))), card))
    for region in cards:
        left, top, right, bottom = region.box
        if right - left < 50 or bottom - top < 30:
            continue
        if any(_overlap(region.box, box) > 0.5 for box, _ in out):
            continue
        out.append((region.box, image.crop(region.box).resize(CARD_SIZE,
                                                               Image.Resampling.BICUBIC)))
    return out


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    """Intersection over the smaller box."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h / max(1, smaller)


#: Where a card's QR code sits, as (left, right) fractions of the card's width, over the top
#: ``_QR_TOP`` of its height: CCCD 2021 fronts print it at the top right, and the other
#: top corner is tried too (a layout putting it there costs one more small decode).
_QR_CORNERS = ((0.62, 1.0), (0.0, 0.38))
_QR_TOP = 0.42


def photo_card_qr(flat: Flattened) -> list[str]:
    """QR payloads of the cards on a photo's sheet, each read from the card's top corners
    warped straight from the photo's pixels (one resampling: the sheet's card is already
    resampled once) at the card's sheet resolution, sharpened (`decode_qr_corner`); a corner
    where a QR code is seen but does not decode is read again enlarged twice. A card stops
    at its first CCCD payload. Without the photo kept, each card's sheet crop is read whole
    (`decode_qr`), as on a scan.

    Run after `read_card_sheet`: a card it turned over has its homography turned too, so
    the corners are the card's own top corners however it lay."""
    if flat.source is None:
        return list(dict.fromkeys(t for region in flat.regions
                                  for t in decode_qr(flat.image.crop(region.box))))
    rgb = np.asarray(flat.source.convert("RGB"))
    return list(dict.fromkeys(t for region in flat.regions for t in _region_qr(rgb, region)))


def _region_qr(rgb: np.ndarray, region: Region) -> list[str]:
    texts: list[str] = []
    seen = []
    for corner in _QR_CORNERS:
        found, there = decode_qr_corner(_qr_corner(rgb, region, corner, 1.0), 1.0)
        texts += found
        if any(parse_card_qr(t) for t in texts):
            return texts
        seen += [corner] if there else []
    for corner in seen:
        texts += decode_qr_corner(_qr_corner(rgb, region, corner, 2.0), 2.0)[0]
        if any(parse_card_qr(t) for t in texts):
            break
    return texts


def _qr_corner(rgb: np.ndarray, region: Region, corner: tuple[float, float],
               scale: float) -> np.ndarray:
    """The card's top ``corner`` (fractions of its width) as grey (minimum of R, G, B),
    ``scale`` times the sheet's resolution, warped from the photo ``rgb``."""
    left, top, right, bottom = region.box
    width, height = right - left, bottom - top
    start, end = corner
    size = (round((end - start) * width * scale), round(_QR_TOP * height * scale))
    corner_to_sheet = np.array([[1 / scale, 0, left + start * width],
                                [0, 1 / scale, top], [0, 0, 1]])
    warped = cv2.warpPerspective(rgb, np.array(region.homography) @ corner_to_sheet, size,
                                 flags=cv2.INTER_CUBIC | cv2.WARP_INVERSE_MAP,
                                 borderMode=cv2.BORDER_REPLICATE)
    return warped.min(axis=2)
