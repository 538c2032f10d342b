"""Non-text marks of real paperwork: guilloche blanks, red seals, signatures, photo boxes.

They carry no words (so the page-text truth is unaffected) but give OCR and layout models the
clutter they meet on real scans: coloured security patterns, a seal over the signature.
"""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw

SEAL_RED = (205, 35, 40)


def guilloche(img: Image.Image, tint: tuple[int, int, int] = (236, 214, 190)) -> None:
    """Paint a light interference pattern and a double frame, like a security blank."""
    w, h = img.size
    ys, xs = np.mgrid[0:h:4, 0:w:4].astype(np.float32)
    wave = np.sin(xs / 37.0 + 6 * np.sin(ys / 91.0)) * np.sin(ys / 29.0 + 5 * np.cos(xs / 113.0))
    mask = (np.abs(wave) < 0.07).astype(np.float32) * 0.55
    small = Image.fromarray((mask * 255).astype(np.uint8)).resize((w, h), Image.BILINEAR)
    alpha = np.asarray(small, dtype=np.float32)[..., None] / 255.0
    base = np.asarray(img, dtype=np.float32)
    colour = np.array(tint, dtype=np.float32)
    out = base * (1 - alpha) + colour * alpha
    img.paste(Image.fromarray(out.astype(np.uint8)))
    d = ImageDraw.Draw(img)
    for inset, width in ((70, 10), (95, 3)):
        d.rectangle([inset, inset, w - inset, h - inset], outline=(176, 120, 70), width=width)


def seal(img: Image.Image, center: tuple[float, float], radius: float, rng: random.Random) -> None:
    """A red round seal (rings and a star, no words), blended like ink over the signature."""
    side = int(radius * 2 + 20)
    layer = Image.new("L", (side, side), 0)
    d = ImageDraw.Draw(layer)
    cx = cy = side / 2
    for r, w in ((radius, 9), (radius * 0.93, 4), (radius * 0.62, 4)):
        d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=200, width=w)
    star = []
    for i in range(10):
        ang = -math.pi / 2 + i * math.pi / 5
        rr = radius * (0.4 if i % 2 == 0 else 0.16)
        star.append((cx + rr * math.cos(ang), cy + rr * math.sin(ang)))
    d.polygon(star, fill=200)
    for _ in range(40):  # hatch marks in the ring, like the seal's lettering seen from afar
        ang = rng.uniform(0, 2 * math.pi)
        r0, r1 = radius * 0.68, radius * 0.88
        d.line([(cx + r0 * math.cos(ang), cy + r0 * math.sin(ang)),
                (cx + r1 * math.cos(ang), cy + r1 * math.sin(ang))], fill=140, width=6)
    left, top = round(center[0] - side / 2), round(center[1] - side / 2)
    box = (left, top, left + side, top + side)
    region = img.crop(box)
    red = Image.new("RGB", (side, side), SEAL_RED)
    img.paste(Image.composite(red, region, layer.point(lambda v: int(v * 0.8))), box[:2])


def scribble(img: Image.Image, box: tuple[float, float, float, float], seed: str,
             colour: tuple[int, int, int] = (30, 40, 120)) -> None:
    """A handwritten-looking signature stroke inside `box`."""
    rng = random.Random(seed)
    x0, y0, x1, y1 = box
    pts = []
    steps = 60
    amp = (y1 - y0) / 2.6
    freq = rng.uniform(2.5, 4.5)
    for i in range(steps):
        t = i / (steps - 1)
        x = x0 + (x1 - x0) * t
        y = (y0 + y1) / 2 + amp * math.sin(t * freq * math.pi + rng.uniform(-0.2, 0.2)) * (
            1 - 0.5 * t)
        pts.append((x, y))
    d = ImageDraw.Draw(img)
    d.line(pts, fill=colour, width=5, joint="curve")
    d.line([(x0 + (x1 - x0) * 0.2, y1 - 8), (x1, (y0 + y1) / 2 - 10)], fill=colour, width=4)


def photo_box(img: Image.Image, box: tuple[int, int, int, int], rng: random.Random) -> None:
    """A portrait placeholder: tinted background with a head-and-shoulders silhouette."""
    d = ImageDraw.Draw(img)
    x0, y0, x1, y1 = box
    bg = (rng.randint(200, 230), rng.randint(215, 240), rng.randint(235, 252))
    d.rectangle(box, fill=bg, outline=(120, 120, 120), width=2)
    w, h = x1 - x0, y1 - y0
    tone = rng.randint(60, 120)
    d.ellipse([x0 + w * 0.3, y0 + h * 0.14, x0 + w * 0.7, y0 + h * 0.58],
              fill=(tone + 60, tone + 40, tone + 20))
    d.chord([x0 + w * 0.08, y0 + h * 0.6, x0 + w * 0.92, y0 + h * 1.3], 180, 360,
            fill=(tone, tone, tone + 10))
