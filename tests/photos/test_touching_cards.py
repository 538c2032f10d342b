"""Front and back stacked on one photo, one card's corner on the other: the two outlines join
into one page-shaped blob, which must still be read as two cards (issue #13)."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

from intake.preprocess.photo import find_documents, flatten


def _desk() -> np.ndarray:
    return np.random.default_rng(11).integers(20, 60, (1600, 1200, 3), dtype=np.uint8)


def _card(desk: np.ndarray, quad: np.ndarray) -> None:
    cv2.fillPoly(desk, [quad.astype(np.int32)], (205, 225, 215))
    x0, y0 = quad.min(axis=0)
    for row in range(4):  # a few lines of print
        y = int(y0) + 120 + 70 * row
        cv2.line(desk, (int(x0) + 150, y), (int(x0) + 600, y + 10), (40, 40, 40), 5)


def test_two_cards_touching_at_a_corner_are_two_cards() -> None:
    """Given a front turned one way and a back turned the other, touching along their left
    ends (as on development photo 'Bản photo CCCD 0027' of seed 541002), when the photo is
    flattened, then two cards are found, not one page."""
    desk = _desk()
    top = np.array([[130, 195], [1015, 90], [1090, 650], [215, 800]], np.float32)
    bottom = np.array([[205, 795], [1075, 915], [990, 1480], [100, 1410]], np.float32)
    _card(desk, top)
    _card(desk, bottom)
    cv2.line(desk, (205, 797), (300, 790), (205, 225, 215), 25)  # the corners overlap
    found = find_documents(Image.fromarray(desk))
    assert found is not None and found[0] == "cards" and len(found[1]) == 2
    flat = flatten(Image.fromarray(desk))
    assert flat is not None and len(flat.regions) == 2
    for region, truth in zip(flat.regions, (top, bottom), strict=True):
        assert np.abs(np.array(region.quad) - truth).max() < 25


def test_a_photographed_page_with_a_card_copy_on_it_stays_a_page() -> None:
    """A page (one convex blob, with a darker card copy printed on it) is not split."""
    desk = _desk()
    page = np.array([[150, 120], [1050, 160], [1020, 1450], [130, 1420]], np.int32)
    cv2.fillPoly(desk, [page], (235, 235, 230))
    cv2.rectangle(desk, (300, 300), (800, 620), (120, 120, 120), -1)  # the card's copy
    found = find_documents(Image.fromarray(desk))
    assert found is not None and found[0] == "page"
