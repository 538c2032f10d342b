"""Find ID cards photocopied onto a page, so they can be read on their own terms.

A card is small print on a tinted, patterned background. Read as part of the page, Tesseract's
layout analysis takes it for a picture and returns nothing, and the print is below the size
it reads best. Found as a large, card-shaped (ISO/IEC 7810 ID-1, 85.6 x 54 mm) region darker
than the paper, it can be cut out, enlarged and binarised by local contrast before OCR.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from intake.ocr.base import OcrEngine, OcrLine, map_boxes
from intake.preprocess.lines import binarise

ID1_RATIO = 85.6 / 54.0
_WORK_WIDTH = 900


@dataclass(frozen=True, slots=True)
class CardRegion:
    box: tuple[int, int, int, int]  # left, top, right, bottom in page pixels


def find_cards(image: Image.Image) -> list[CardRegion]:
    gray = np.asarray(image.convert("L"))
    height, width = gray.shape
    scale = _WORK_WIDTH / width if width > _WORK_WIDTH else 1.0
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (5, 5), 0)
    found: list[tuple[int, int, int, int]] = []
    for mask in (_tinted(small), _outlined(small)):
        for box in _card_boxes(mask):
            if not any(_overlap(box, other) > 0.5 for other in found):
                found.append(box)
    cards = [
        CardRegion(
            (
                max(0, int(x / scale)),
                max(0, int(y / scale)),
                min(width, int((x + w) / scale)),
                min(height, int((y + h) / scale)),
            )
        )
        for x, y, w, h in found
    ]
    return sorted(cards, key=lambda c: (c.box[1], c.box[0]))


def _tinted(small: np.ndarray) -> np.ndarray:
    """Areas darker than the paper around them (the card's tint)."""
    background = cv2.dilate(small, np.ones((61, 61), np.uint8))  # local paper level
    tinted = ((background.astype(np.int16) - small) > 14).astype(np.uint8) * 255
    return cv2.morphologyEx(tinted, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))


def _outlined(small: np.ndarray) -> np.ndarray:
    """Closed outlines (a card's printed or photocopied edge), filled."""
    edges = cv2.Canny(small, 40, 120)
    edges = cv2.dilate(edges, np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    filled = np.zeros_like(small)
    cv2.drawContours(filled, contours, -1, 255, thickness=cv2.FILLED)
    return filled


def _card_boxes(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    area = mask.shape[0] * mask.shape[1]
    boxes = []
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if not 0.02 * area <= w * h <= 0.75 * area:
            continue
        ratio = max(w, h) / max(1, min(w, h))
        fill = cv2.contourArea(contour) / float(w * h)
        if abs(ratio - ID1_RATIO) <= 0.22 and fill >= 0.8:
            boxes.append((x, y, w, h))
    return boxes


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    ix = max(0, min(ax + aw, bx + bw) - max(ax, bx))
    iy = max(0, min(ay + ah, by + bh) - max(ay, by))
    return ix * iy / float(min(aw * ah, bw * bh))


#: Card print is small (6-9 pt): enlarged this much it reaches the x-height Tesseract reads best.
CARD_ZOOM = 2


def read_card(engine: OcrEngine, page: Image.Image, card: CardRegion, dpi: int) -> list[OcrLine]:
    """OCR one card region enlarged and binarised; boxes mapped back to page pixels."""
    left, top, right, bottom = card.box
    crop = page.crop(card.box).convert("L")
    crop = crop.resize((crop.width * CARD_ZOOM, crop.height * CARD_ZOOM), Image.Resampling.LANCZOS)
    ink = binarise(np.asarray(crop), dpi * CARD_ZOOM)
    text = engine.recognize(Image.fromarray(255 - ink), dpi * CARD_ZOOM)

    def back(box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        return (
            left + box[0] // CARD_ZOOM,
            top + box[1] // CARD_ZOOM,
            min(right, left + -(-box[2] // CARD_ZOOM)),
            min(bottom, top + -(-box[3] // CARD_ZOOM)),
        )

    return map_boxes(text.lines, back)
