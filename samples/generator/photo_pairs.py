"""Photos of two persons' cards together, made from a `photo`-profile set.

A clerk often photographs two spouses' cards (or a parent's and a child's) side by side. The
photo profile draws one person per photo, so these are put together afterwards: the cards of
two single-card photos (scene ``card``), each cut out along its ground-truth quad with a margin
of its own desk, are laid side by side on one plain desk. Each card keeps its own photo's
perspective, light, glare, blur and noise; only the desk between them is new. Nothing here
draws from the generator's random stream, so the sets it reads are unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageOps

__all__ = ["two_persons_photos"]

_MARGIN = 25  # photo pixels around each card's quad in its cut-out (new desk there)
_DESK = (92, 64, 40)  # a brown desk, with grain noise


def two_persons_photos(data: Path, out: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Pair consecutive single-card photos of ``data`` into two-person photos in ``out``;
    returns, per photo written, its file name and both persons' truth fields in left-to-right
    order."""
    singles = []
    for path in sorted((data / "truth").glob("*.json")):
        truth = json.loads(path.read_text("utf-8"))
        photo = truth["pages"][0]["extra"]["photo"]
        if photo["scene"] == "card":
            singles.append((truth, photo))
    out.mkdir(parents=True, exist_ok=True)
    written: list[dict[str, Any]] = []
    for k in range(0, len(singles) - 1, 2):
        if limit is not None and len(written) >= limit:
            break
        pair = singles[k : k + 2]
        name = f"two_persons_{k // 2:04d}.jpg"
        _compose([_cut(data / t["file"], p["quads"][0]) for t, p in pair], k).save(
            out / name, quality=90
        )
        written.append({"file": name, "persons": [t["documents"][0]["fields"] for t, _ in pair],
                        "sources": [t["file"] for t, _ in pair]})
    (out / "two_persons.json").write_text(json.dumps(written, ensure_ascii=False, indent=1),
                                          encoding="utf-8")
    return written


def _cut(path: Path, quad: list[list[float]]) -> Image.Image:
    """The card's pixels inside its quad (RGBA: transparent outside)."""
    image = ImageOps.exif_transpose(Image.open(path)).convert("RGB")
    corners = np.array(quad)
    (x0, y0), (x1, y1) = corners.min(axis=0) - _MARGIN, corners.max(axis=0) + _MARGIN
    box = (max(0, int(x0)), max(0, int(y0)), min(image.width, int(x1)), min(image.height, int(y1)))
    mask = Image.new("L", image.size, 0)
    ImageDraw.Draw(mask).polygon([(float(x), float(y)) for x, y in corners], fill=255)
    card = image.crop(box)
    card.putalpha(mask.crop(box))
    return card


def _compose(cards: list[Image.Image], seed: int) -> Image.Image:
    height = max(c.height for c in cards) + 80
    width = sum(c.width for c in cards) + 40 * (len(cards) + 1)
    grain = np.random.default_rng(seed).normal(0, 6, (height, width, 3))
    desk = Image.fromarray((grain + np.array(_DESK)).clip(0, 255).astype(np.uint8))
    x = 40
    for card in cards:
        desk.paste(card, (x, 40), card)
        x += card.width + 40
    return desk
