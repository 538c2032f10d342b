"""Remove what is printed to guide the hand, not to be read: dotted leaders and table rules.

On forms the value sits on a line of dots ("Dân tộc: ....Kinh....") or inside a table grid.
Tesseract reads the dots as letters and glues them to the value ("Kinh" -> "....Kinh.—"),
and grid lines break words. Both are found as connected components of the binarised page:

- leader dots: small, roughly square blobs standing in horizontal runs of several with a
  regular pitch on one baseline. Diacritics are small blobs too, but never in such runs, so
  they survive (a dot below "ạ" has a letter above it and no equally spaced neighbours).
- rules: long thin horizontal or vertical strokes, found by morphological opening with a
  kernel far longer than any letter stroke.

The components are painted white on the grey page (keeping the letters' anti-aliasing for
Tesseract's own binarisation).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image


@dataclass(frozen=True, slots=True)
class CleanupStats:
    leader_dots: int
    rule_pixels: int


def _scale(dpi: int) -> float:
    return max(dpi, 100) / 300.0


def find_leader_dots(ink: np.ndarray, dpi: int) -> tuple[np.ndarray, int]:
    """A mask of the components that belong to dotted leaders, and how many dots."""
    s = _scale(dpi)
    _count, labels, stats, centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    w, h, area = (
        stats[:, cv2.CC_STAT_WIDTH],
        stats[:, cv2.CC_STAT_HEIGHT],
        stats[:, cv2.CC_STAT_AREA],
    )
    max_side = max(3, round(11 * s))
    small = (w <= max_side) & (h <= max_side) & (area >= 2) & (w <= 2.5 * h) & (h <= 2.5 * w)
    small[0] = False
    idx = np.flatnonzero(small)
    if idx.size == 0:
        return np.zeros_like(ink), 0
    # Group candidates by baseline (bottom edge) and chain neighbours with a regular pitch.
    bottoms = stats[idx, cv2.CC_STAT_TOP] + h[idx]
    order = np.lexsort((centroids[idx, 0], np.round(bottoms / max(2, 3 * s))))
    idx, bottoms = idx[order], bottoms[order]
    max_gap = 45 * s
    min_run = 4
    leaders: list[int] = []
    run: list[int] = [idx[0]]
    for prev, cur, b_prev, b_cur in zip(idx[:-1], idx[1:], bottoms[:-1], bottoms[1:], strict=True):
        gap = centroids[cur, 0] - centroids[prev, 0]
        if abs(int(b_cur) - int(b_prev)) <= max(2, round(3 * s)) and 0 < gap <= max_gap:
            run.append(cur)
            continue
        if len(run) >= min_run and _regular(centroids[run, 0]):
            leaders.extend(run)
        run = [cur]
    if len(run) >= min_run and _regular(centroids[run, 0]):
        leaders.extend(run)
    return _paint(labels, stats.shape[0], leaders), len(leaders)


def _paint(labels: np.ndarray, count: int, keep: object) -> np.ndarray:
    """255 where a pixel's component is in ``keep``: a lookup table indexed by the label image
    (one pass, where ``np.isin`` sorts every pixel)."""
    lut = np.zeros(count, np.uint8)
    lut[np.asarray(keep, dtype=np.intp)] = 255
    return lut[labels]


def _regular(xs: np.ndarray) -> bool:
    """Leader dots are evenly spaced; letters' dots are not."""
    gaps = np.diff(np.sort(xs))
    if gaps.size < 3:
        return False
    median = float(np.median(gaps))
    return median > 0 and float(np.mean(np.abs(gaps - median) <= 0.35 * median)) >= 0.8


def find_rules(ink: np.ndarray, dpi: int) -> np.ndarray:
    """Long thin horizontal and vertical strokes (table grids, underlines, signature lines).

    Opening with a kernel far longer than any letter keeps only long runs; of those, only
    thin components are rules (a filled area, e.g. a tinted card or a photo, is not)."""
    s = _scale(dpi)
    length = max(15, round(120 * s))
    thickness = max(4, round(9 * s))
    rules = np.zeros_like(ink)
    for kernel, thin_axis in (((length, 1), cv2.CC_STAT_HEIGHT), ((1, length), cv2.CC_STAT_WIDTH)):
        opened = cv2.morphologyEx(
            ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, kernel)
        )
        count, labels, stats, _c = cv2.connectedComponentsWithStats(opened, connectivity=8)
        thin = np.flatnonzero(stats[:, thin_axis] <= thickness)
        thin = thin[thin != 0]
        if thin.size:
            rules |= _paint(labels, count, thin)
    return cv2.dilate(rules, np.ones((3, 3), np.uint8), iterations=1)


def binarise(gray: np.ndarray, dpi: int) -> np.ndarray:
    """Ink mask by local contrast: text is darker than the paper *around it*, so a tinted card
    background or uneven scanner light does not turn whole areas into ink."""
    block = max(15, round(41 * _scale(dpi))) | 1
    return cv2.adaptiveThreshold(
        gray, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY_INV, block, 15
    )


def remove_leaders_and_rules(image: Image.Image, dpi: int) -> tuple[Image.Image, CleanupStats]:
    gray = np.asarray(image.convert("L"))
    ink = binarise(gray, dpi)
    leaders, dots = find_leader_dots(ink, dpi)
    rules = find_rules(ink, dpi)
    erase = cv2.bitwise_or(cv2.dilate(leaders, np.ones((3, 3), np.uint8)), rules)
    cleaned = gray.copy()
    cleaned[erase > 0] = 255
    return Image.fromarray(cleaned, mode="L"), CleanupStats(dots, int(np.count_nonzero(rules)))
