"""Scanner simulation per profile: skew, upside-down pages, resolution, blur, noise, light.

`clean` keeps the crisp render; `scanned` is an office flatbed (±2°, 150-300 DPI, mild blur,
noise, JPEG artefacts, uneven light); `hard` is a tired ADF or a phone photo (±5°, sometimes
180°, 100-200 DPI, stronger everything). The parameters drawn are recorded in the truth.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass

import cv2
import numpy as np
from PIL import Image

PROFILES: tuple[str, ...] = ("clean", "scanned", "hard", "photo")  # photo: photo_effects.py
RENDER_DPI = 300


@dataclass(frozen=True, slots=True)
class ScanParams:
    """What the simulated scanner did to one page. rotation: degrees, counter-clockwise."""

    dpi: int
    rotation: float
    upside_down: bool
    blur: float
    noise: float
    jpeg_quality: int | None
    light: float
    grey: bool
    shift: tuple[int, int] = (0, 0)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready copy."""
        return asdict(self)


def file_settings(rng: random.Random, profile: str) -> tuple[int, int]:
    """Per-file DPI and output JPEG quality (one scan batch shares them)."""
    if profile == "clean":
        return RENDER_DPI, 88
    if profile == "scanned":
        return rng.choice((150, 200, 200, 240, 300, 300)), rng.randint(70, 88)
    if profile == "hard":
        return rng.choice((100, 120, 150, 150, 200)), rng.randint(45, 70)
    raise ValueError(f"unknown profile {profile!r}")


def page_params(rng: random.Random, profile: str, dpi: int, *, grey: bool,
                shift: bool = False) -> ScanParams:
    """Draw the distortions of one page for a profile."""
    if profile == "clean":
        offset = (rng.randint(-15, 15), rng.randint(-15, 15)) if shift else (0, 0)
        return ScanParams(dpi, 0.0, False, 0.0, 0.0, None, 0.0, grey, offset)
    hard = profile == "hard"
    return ScanParams(
        dpi=dpi,
        rotation=round(rng.uniform(-5, 5) if hard else rng.uniform(-2, 2), 2),
        upside_down=hard and rng.random() < 0.12,
        blur=round(rng.uniform(0.6, 1.4) if hard else rng.uniform(0.2, 0.7), 2),
        noise=round(rng.uniform(6, 14) if hard else rng.uniform(2, 6), 2),
        jpeg_quality=rng.randint(25, 50) if hard else rng.randint(55, 85),
        light=round(rng.uniform(0.12, 0.3) if hard else rng.uniform(0.03, 0.12), 3),
        grey=grey,
    )


def apply(img: Image.Image, p: ScanParams, seed: int) -> Image.Image:
    """Apply the scanner effects to a 300-DPI RGB render; returns an L or RGB image.

    The page is resampled to the scan DPI first (a scanner samples at its own resolution),
    which also keeps the per-pixel work small.
    """
    arr = np.asarray(img.convert("L") if p.grey else img.convert("RGB"))
    h, w = arr.shape[:2]
    if p.dpi != RENDER_DPI:
        size = (round(w * p.dpi / RENDER_DPI), round(h * p.dpi / RENDER_DPI))
        arr = cv2.resize(arr, size, interpolation=cv2.INTER_AREA)
        h, w = arr.shape[:2]
    white = 250 if p.grey else (250, 250, 250)
    angle = p.rotation + (180.0 if p.upside_down else 0.0)
    if angle or p.shift != (0, 0):
        m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        m[:, 2] += p.shift
        arr = cv2.warpAffine(arr, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=white)
    if p.blur:
        arr = cv2.GaussianBlur(arr, (0, 0), p.blur)
    if not (p.light or p.noise or p.jpeg_quality):
        return Image.fromarray(arr)
    rng = np.random.default_rng(seed)
    out = arr.astype(np.float32)
    gain = np.ones((h, w), dtype=np.float32)
    if p.light:
        gx = np.linspace(-1, 1, w, dtype=np.float32)[None, :]
        gy = np.linspace(-1, 1, h, dtype=np.float32)[:, None]
        a, b = rng.uniform(-1, 1, 2).astype(np.float32)
        gain = 1 - p.light * (0.5 + 0.5 * np.clip(a * gx + b * gy, -1, 1)) * (
            0.6 + 0.4 * (gx**2 + gy**2))
    noise = rng.standard_normal((h, w), dtype=np.float32) * np.float32(p.noise)
    if out.ndim == 3:  # luminance noise, like a CCD: one field for all channels
        gain, noise = gain[..., None], noise[..., None]
    out = out * gain + noise
    arr = np.clip(out, 0, 255).astype(np.uint8)
    if p.jpeg_quality:
        ok, buf = cv2.imencode(".jpg", arr, [cv2.IMWRITE_JPEG_QUALITY, p.jpeg_quality])
        if ok:
            flag = cv2.IMREAD_GRAYSCALE if p.grey else cv2.IMREAD_COLOR
            arr = cv2.imdecode(buf, flag)  # channel order round-trips unchanged
    return Image.fromarray(np.ascontiguousarray(arr))
