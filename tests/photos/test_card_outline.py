"""Of two masks' outlines of one card, the one that fits its own shape wins: a quad cutting a
corner off no longer does because the shape outgrows it (consumed 550901 'Bản photo CCCD
0039': the light mask lost the card's top left corner to the flag disk, its quad's corner
190 photo pixels off, and won; the card's number and name were then read from the wrong
lines). The two outlines are that photo's masks at working size, as polygons."""

from __future__ import annotations

import cv2
import numpy as np

from intake.preprocess.photo import _better, _fitted_quads

#: The light mask's outline: the top left corner bitten off (the flag disk is not light).
LIGHT = [(66, 111), (61, 124), (55, 131), (55, 147), (57, 149), (60, 174), (65, 181),
         (65, 186), (76, 198), (76, 207), (33, 381), (34, 397), (43, 407), (52, 411),
         (688, 531), (705, 529), (715, 520), (719, 507), (768, 186), (768, 171), (757, 158),
         (732, 151), (340, 76), (253, 56), (148, 39), (135, 39), (124, 44), (115, 56),
         (107, 81), (92, 92), (85, 93), (84, 97), (76, 101)]
#: The edge mask's outline: the whole card, corners rounded.
EDGES = [(120, 46), (115, 55), (31, 381), (32, 398), (39, 407), (58, 414), (682, 532),
         (700, 533), (710, 529), (717, 522), (721, 507), (770, 186), (769, 168), (760, 157),
         (747, 152), (152, 39), (132, 39)]


def _quad(outline: list[tuple[int, int]]) -> tuple[np.ndarray, float]:
    mask = np.zeros((600, 800), np.uint8)
    cv2.fillPoly(mask, [np.array(outline, np.int32)], 255)
    (quad, fit, _), = _fitted_quads(mask, (1000, 600 * 800), 0.88)
    return quad, fit


def test_the_outline_that_keeps_every_corner_wins() -> None:
    whole, whole_fit = _quad(EDGES)
    bitten, bitten_fit = _quad(LIGHT)
    assert np.abs(whole[0] - (121, 33)).max() < 8  # the card's true top left corner
    assert np.abs(bitten[0] - (121, 33)).max() > 50
    assert _better(whole, whole_fit, bitten, bitten_fit)
    assert not _better(bitten, bitten_fit, whole, whole_fit)
