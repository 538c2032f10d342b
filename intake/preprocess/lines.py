"""Remove what is printed to guide the hand, not to be read: dotted leaders and table rules.

On forms the value sits on a line of dots ("Dân tộc: ....Kinh....") or inside a table grid.
Tesseract reads the dots as letters and glues them to the value ("Kinh" -> "....Kinh.—"),
and grid lines break words. Both are found on the binarised page:

- leader dots: small, roughly square blobs (found by their outer contours) standing in
  horizontal runs of several with a regular pitch on one baseline. Diacritics are small blobs
  too, but never in such runs, so they survive (a dot below "ạ" has a letter above it and no
  equally spaced neighbours).
- rules: long thin horizontal or vertical strokes, found by morphological opening with a
  kernel far longer than any letter stroke.

The strokes are painted white on the grey page (keeping the letters' anti-aliasing for
Tesseract's own binarisation).
"""

from __future__ import annotations

from bisect import bisect_right
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
    """A mask of the components that belong to dotted leaders, and how many dots.

    Components are found by their outer contours (``findContours``), not by labelling: the
    bounding boxes are all the test needs, and tracing borders costs a sixth of computing a
    label image with per-component statistics for the whole page."""
    s = _scale(dpi)
    contours, hierarchy = cv2.findContours(ink, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return np.zeros_like(ink), 0
    # RETR_CCOMP: outer borders of every component at the top level (no parent), holes below.
    parents = hierarchy[0][:, 3]
    outer = [c for c, parent in zip(contours, parents, strict=True) if parent < 0]
    boxes = np.array([cv2.boundingRect(c) for c in outer], dtype=np.int64).reshape(-1, 4)
    x, y, w, h = boxes.T
    max_side = max(3, round(11 * s))
    # Leader dots are at least 3 px across at 300 DPI (99.8 % of those found on development
    # pages); the specks a scanner or a patterned background leaves are smaller, and standing
    # between the dots they would break the regular pitch of the run.
    min_side = max(2, round(3 * s))
    small = (
        (w <= max_side)
        & (h <= max_side)
        & (w >= min_side)
        & (h >= min_side)
        & (w <= 2.5 * h)
        & (h <= 2.5 * w)
    )
    idx = np.flatnonzero(small)
    if idx.size == 0:
        return np.zeros_like(ink), 0
    centres = x + w / 2.0
    bottoms = y + h
    leaders = [
        i
        for run in _chains(idx, centres, bottoms, max(2, round(3 * s)), 45 * s)
        if len(run) >= 4 and _regular(centres[run])
        for i in run
    ]
    mask = np.zeros_like(ink)
    cv2.drawContours(mask, [outer[i] for i in leaders], -1, 255, thickness=cv2.FILLED)
    return mask, len(leaders)


def _chains(
    idx: np.ndarray, centres: np.ndarray, bottoms: np.ndarray, tolerance: int, max_gap: float
) -> list[list[int]]:
    """Candidates joined to every candidate on their right on the same baseline (bottoms
    within ``tolerance``, centres at most ``max_gap`` apart), as connected groups.

    Each candidate looks for its own neighbours, so blobs of a patterned background or scanner
    noise standing between the dots at other heights do not cut a leader into pieces (they
    did when candidates were taken in one sorted order), a blob on the baseline cannot take a
    dot's only link, and dots whose bottoms straddle a pixel row stay together."""
    band = 2 * tolerance
    rows: dict[int, list[int]] = {}
    for i in idx[np.argsort(centres[idx], kind="stable")]:
        rows.setdefault(int(bottoms[i]) // band, []).append(int(i))
    row_centres = {key: [centres[i] for i in members] for key, members in rows.items()}
    parent = {int(i): int(i) for i in idx}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in parent:
        key = int(bottoms[i]) // band
        for row in (key - 1, key, key + 1):
            members = rows.get(row, [])
            for k in range(bisect_right(row_centres.get(row, []), centres[i]), len(members)):
                j = members[k]
                if centres[j] - centres[i] > max_gap:
                    break
                if abs(int(bottoms[j]) - int(bottoms[i])) <= tolerance:
                    parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in parent:
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


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
    thin parts are rules: where the long runs stack deeper than a rule is thick (a filled
    area such as a tinted card, a photo or a header bar), they stay. Thickness is judged
    pixel by pixel with a second, short opening across the rule — two cheap morphology passes
    where labelling the components of the page would cost a full-page label image each, and
    a long rule that rises a few pixels over its length (residual skew) still counts as thin.
    """
    s = _scale(dpi)
    length = max(15, round(120 * s))
    thickness = max(4, round(9 * s))
    rules = np.zeros_like(ink)
    for along, across in (((length, 1), (1, thickness + 1)), ((1, length), (thickness + 1, 1))):
        opened = _open(ink, along)
        if not cv2.countNonZero(opened):
            continue
        rules |= cv2.subtract(opened, _open(opened, across))
    return cv2.dilate(rules, np.ones((3, 3), np.uint8), iterations=1)


def _open(mask: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Morphological opening by a ``size`` (width, height) rectangle that keeps the strokes in
    place: ``morphologyEx`` with an even-sized kernel shifts the result by a pixel, which would
    turn the edge row of a thick band into a "thin" one."""
    kernel = np.ones((size[1], size[0]), np.uint8)
    eroded = cv2.erode(mask, kernel, anchor=(0, 0))
    return cv2.dilate(eroded, kernel, anchor=(size[0] - 1, size[1] - 1))


def binarise(gray: np.ndarray, dpi: int) -> np.ndarray:
    """Ink mask by local contrast: text is darker than the paper *around it*, so a tinted card
    background or uneven scanner light does not turn whole areas into ink."""
    block = max(15, round(41 * _scale(dpi))) | 1
    return cv2.adaptiveThreshold(
        gray, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY_INV, block, _CONTRAST
    )


#: How much darker than its neighbourhood a pixel must be to count as ink.
_CONTRAST = 15


def binarise_page(gray: np.ndarray, dpi: int) -> np.ndarray:
    """``binarise`` for a whole page at a sixth of the cost: the Gaussian neighbourhood mean is
    smooth (sigma ~6.5 px at 300 DPI), so it is computed on a copy a quarter the size and
    enlarged again. The mask differs from the exact one on ~1 % of ink pixels, all on stroke
    edges; a box mean instead (``ADAPTIVE_THRESH_MEAN_C``, as cheap) lost 1 point of CER on
    ID cards and certificates (bench.ocr_accuracy on development seeds 5501/5502)."""
    block = max(15, round(41 * _scale(dpi))) | 1
    sigma = 0.3 * ((block - 1) * 0.5 - 1) + 0.8  # what OpenCV derives from the block size
    factor = 4 if min(gray.shape) >= 16 * block else 1
    small = cv2.resize(gray, None, fx=1 / factor, fy=1 / factor, interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), sigma / factor, borderType=cv2.BORDER_REPLICATE)
    mean = cv2.resize(small, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    # mean - gray >= C, with the difference saturating at 0 where the pixel is the brighter:
    # a solid black area is not darker than its neighbourhood, as in adaptiveThreshold.
    return cv2.compare(cv2.subtract(mean, gray), _CONTRAST, cv2.CMP_GE)


def remove_leaders_and_rules(image: Image.Image, dpi: int) -> tuple[Image.Image, CleanupStats]:
    gray = np.asarray(image.convert("L"))
    ink = binarise_page(gray, dpi)
    leaders, dots = find_leader_dots(ink, dpi)
    rules = find_rules(ink, dpi)
    erase = cv2.bitwise_or(cv2.dilate(leaders, np.ones((3, 3), np.uint8)), rules)
    cleaned = gray.copy()
    cleaned[erase > 0] = 255
    return Image.fromarray(cleaned, mode="L"), CleanupStats(dots, int(np.count_nonzero(rules)))
