"""OCR of flattened photos: each warped card read on its own, then by zone (card_zones).

The page reader calls `read_card_sheet` for a photo of cards (the sheet `photo.flatten` made)
and `reread_cards` for cards found on a photographed page (a photocopy), after its usual OCR.
Boxes are in sheet / page pixels, like every other page's words.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from intake.extract.card_zones import ZoneReader, ZoneReading, merge
from intake.ocr.base import OcrEngine, OcrLine, PageText, map_boxes, shifted
from intake.preprocess.cards import CardRegion
from intake.preprocess.photo import CARD_SIZE, Flattened, normalise_contrast


def card_for_ocr(card: Image.Image) -> Image.Image:
    """Grey (minimum of R, G, B: red and black print both come out dark) with glare and
    uneven light divided out."""
    gray = np.asarray(card.convert("RGB")).min(axis=2)
    return Image.fromarray(normalise_contrast(gray, max(8, round(30 * card.width / 1011))))


def read_card_sheet(engine: OcrEngine, zones: ZoneReader | None,
                    flat: Flattened) -> tuple[PageText, list[CardRegion], list[ZoneReading]]:
    """OCR every card on the sheet, in order, then replace zone bands by validated readings."""
    lines: list[OcrLine] = []
    found: list[ZoneReading] = []
    cards = []
    name = getattr(engine, "name", "")
    for region in flat.regions:
        left, top = region.box[0], region.box[1]
        crop = flat.image.crop(region.box)
        text = engine.recognize(card_for_ocr(crop), flat.dpi)
        name = text.engine
        card_lines = list(text.lines)
        if zones is not None:
            readings = zones.read(crop, text.text)
            card_lines = merge(card_lines, readings, (0, 0))
            found.extend(readings)
        lines.extend(map_boxes(card_lines, shifted(left, top)))
        cards.append(CardRegion(region.box))
    page = PageText(tuple(lines), flat.image.width, flat.image.height, engine=name)
    return page, cards, found


def reread_cards(zones: ZoneReader, image: Image.Image, page: PageText,
                 cards: list[CardRegion]) -> tuple[PageText, list[ZoneReading]]:
    """Zone reads of cards found on a (flattened) page: each card box scaled to the card
    size, read by zone, the validated readings merged into the page's lines."""
    lines = list(page.lines)
    found: list[ZoneReading] = []
    for card in cards:
        left, top, right, bottom = card.box
        if right - left < 50 or bottom - top < 30:
            continue
        crop = image.crop(card.box).resize(CARD_SIZE, Image.Resampling.BICUBIC)
        hint = "\n".join(
            ln.text for ln in lines
            if left <= (ln.box[0] + ln.box[2]) / 2 <= right
            and top <= (ln.box[1] + ln.box[3]) / 2 <= bottom
        )
        readings = zones.read(crop, hint)
        if readings:
            lines = merge(lines, readings, (left, top), (right - left) / CARD_SIZE[0])
            found.extend(readings)
    return PageText(tuple(lines), page.width, page.height, engine=page.engine,
                    source=page.source), found
