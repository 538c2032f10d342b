"""Two cards on a light, blotched desk (grey marble): the light mask runs the blotches and the
cards together into one page-sized shape, while the edge mask outlines each card cleanly. The
cards win: a page's outline fits its quad far better than such a shape does (consumed 550901
0022, front and back taken for one page, so that neither side was read by zone;
intake.preprocess.photo._desk_blob)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image

from intake.preprocess.photo import find_documents

CARDS = [np.array([[180, 160], [1080, 140], [1090, 700], [190, 720]], np.int32),
         np.array([[170, 860], [1090, 850], [1080, 1420], [160, 1430]], np.int32)]


def _photo(seed: int) -> Image.Image:
    """Both cards, each with a soft shadow and a line of print, on a grey-green desk
    blotched with light patches (the blotches' layout drawn from ``seed``)."""
    rng = np.random.default_rng(seed)
    img = np.zeros((1600, 1200, 3), np.float32)
    img[:] = (128, 140, 130)
    blots = np.zeros((1600, 1200), np.float32)
    for _ in range(90):
        centre = (int(rng.integers(0, 1200)), int(rng.integers(0, 1600)))
        axes = (int(rng.integers(30, 120)), int(rng.integers(20, 80)))
        cv2.ellipse(blots, centre, axes, float(rng.integers(0, 180)), 0, 360, 1.0, -1)
    img += cv2.GaussianBlur(blots, (0, 0), 12)[..., None] * np.float32(70)
    for card in CARDS:
        shadow = np.zeros((1600, 1200), np.float32)
        cv2.fillConvexPoly(shadow, card + np.array([8, 10]), 1.0)
        img *= 1 - 0.45 * cv2.GaussianBlur(shadow, (0, 0), 6)[..., None]
        cv2.fillConvexPoly(img, card, (222, 242, 238))
        x, y = (int(v) for v in card[0])
        cv2.rectangle(img, (x + 300, y + 100), (x + 700, y + 130), (40, 40, 40), -1)
    img = cv2.GaussianBlur(img + rng.normal(0, 4, img.shape), (0, 0), 1.2)
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_cards_on_a_blotched_desk_are_cards_not_a_page(seed: int) -> None:
    found = find_documents(_photo(seed))
    assert found is not None
    kind, quads = found
    assert kind == "cards" and len(quads) == 2
    for quad, card in zip(quads, CARDS, strict=True):
        assert np.abs(quad - card).max() < 20  # each card's corners, within 20 px
