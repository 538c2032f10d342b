"""Skew estimation and correction for scanned pages (up to a few degrees).

Projection-profile method: text lines give sharp peaks in the row sums of a binarised page
only when the page is level, so the angle that maximises the variance of the row profile is
the skew. Done on a downscaled copy, it costs a few tens of milliseconds per page.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

MAX_ANGLE = 5.0
#: Angles below this are left alone: resampling a level page only blurs it.
MIN_CORRECTION = 0.2
_WORK_WIDTH = 800


def estimate_skew(image: Image.Image, max_angle: float = MAX_ANGLE) -> float:
    """Counter-clockwise degrees the content is rotated by; rotate by the negative to fix."""
    gray = np.asarray(image.convert("L"))
    scale = _WORK_WIDTH / gray.shape[1] if gray.shape[1] > _WORK_WIDTH else 1.0
    if scale != 1.0:
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    if cv2.countNonZero(ink) < 50:
        return 0.0
    best = _search(ink, np.arange(-max_angle, max_angle + 1e-9, 0.5))
    best = _search(ink, np.arange(best - 0.5, best + 0.5 + 1e-9, 0.1))
    return float(round(best, 2))


def _search(ink: np.ndarray, angles: np.ndarray) -> float:
    """The angle whose row profile is sharpest. Rotating the ink *pixels' coordinates* (not
    the image) gives the same rows as rotating the image, at the cost of the ink alone."""
    ys, xs = np.nonzero(ink)
    ys, xs = ys.astype(np.float64), xs.astype(np.float64)
    scores = []
    for angle in angles:
        theta = np.deg2rad(float(angle))
        rows = np.rint(xs * np.sin(theta) + ys * np.cos(theta)).astype(np.int64)
        profile = np.bincount(rows - rows.min()).astype(np.float64)
        # Fixed ink total: the profile's variance grows with its sum of squares.
        scores.append(float(np.dot(profile, profile)))
    return float(angles[int(np.argmax(scores))])


def deskew(image: Image.Image, angle: float) -> Image.Image:
    """Rotate by ``-angle`` with a white fill, keeping the page size (OpenCV: ~4x faster than
    Pillow's bicubic rotate on a 300 DPI page). Bicubic, not bilinear: bilinear costs a third
    but softens the small print of ID cards photocopied on the page enough to lose digits of
    the ID number (the bundled dossier's card, tests/intake/test_end_to_end.py)."""
    if abs(angle) < MIN_CORRECTION:
        return image
    pixels = np.asarray(image)
    height, width = pixels.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), float(-angle), 1.0)
    white = (255, 255, 255) if pixels.ndim == 3 else 255
    rotated = cv2.warpAffine(
        pixels, matrix, (width, height), flags=cv2.INTER_CUBIC, borderValue=white
    )
    return Image.fromarray(rotated, mode=image.mode)
