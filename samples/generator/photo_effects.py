"""The `photo` profile: cards and pages photographed with a phone on a desk.

Citizens' online submissions and a clerk's phone at the counter give photos, not scans: the
card or page lies on a desk (procedural wood, cloth, stone or dark laminate textures, never
downloaded images), is seen in perspective and turned in the plane, the light is uneven with
glare, the lens blurs, the sensor adds luma and chroma noise, and the file is a 1-3 MP JPEG
(sometimes PNG) whose pixels may be stored sideways with only the EXIF Orientation tag turning
them upright.

Scenes (an ID card document draws one): ``card`` (the front alone), ``card_both`` (front and
back of the same card side by side, or stacked on a portrait photo) and ``photocopy`` (an A4
photocopy of the card, as in the scanned profiles, photographed). Other documents are a
``page`` scene. The truth records the scene, the card sides on the photo, each item's corner
quad in upright photo pixels, the EXIF orientation and every effect's parameter; page-text
lines and field boxes are mapped into upright photo pixels.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageDraw

from .canvas import Canvas, FieldSpan, Style, TextLine
from .card import CARD_MM, CardSide, draw_back, draw_front
from .fields import FIELDS
from .truth import RenderedDocument

#: EXIF Orientation values and the transpose that stores an upright image so that the tag
#: turns it upright again (what `ImageOps.exif_transpose` undoes).
_STORE = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90,
          8: Image.Transpose.ROTATE_270}
CARD_SIZES = ((1600, 1200), (1920, 1440), (1440, 1080), (2000, 1500))
PAGE_SIZES = ((1200, 1600), (1440, 1920), (1500, 2000))
Quad = list[list[float]]


@dataclass
class Item:
    """A flat thing on the desk: its pixels, rounded-corner mask and text records."""

    image: Image.Image
    radius: int
    lines: list[TextLine] = field(default_factory=list)
    fields: dict[str, FieldSpan] = field(default_factory=dict)
    side: str | None = None  # "front" / "back" for cards


@dataclass
class Shot:
    """One generated photo with everything its truth needs."""

    image: Image.Image  # upright pixels
    document: RenderedDocument
    orientation: int  # EXIF Orientation to store (1 = none)
    quality: int
    params: dict[str, Any]


# --- desk textures -------------------------------------------------------------------------


def _low_noise(g: np.random.Generator, h: int, w: int, cell: int) -> np.ndarray:
    small = g.standard_normal((max(2, h // cell), max(2, w // cell))).astype(np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)


def desk_texture(g: np.random.Generator, w: int, h: int, kind: str) -> np.ndarray:
    """A procedural desk surface, RGB uint8."""
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    if kind == "wood":
        base = np.array([g.uniform(110, 170), g.uniform(70, 110), g.uniform(35, 65)], np.float32)
        warp = _low_noise(g, h, w, 90) * 18 + _low_noise(g, h, w, 25) * 3
        period = g.uniform(9, 22)
        grain = 0.5 + 0.5 * np.sin((ys + warp) / period + 0.3 * np.sin(xs / 160))
        tone = 0.82 + 0.18 * grain + 0.05 * _low_noise(g, h, w, 200)
        img = base * tone[..., None]
    elif kind == "cloth":
        base = np.array(g.choice([[40, 55, 90], [60, 70, 60], [90, 40, 45], [70, 70, 75]]),
                        np.float32)
        weave = 0.5 + 0.25 * np.sin(xs * 1.7) * np.sin(ys * 1.7)
        tone = 0.85 + 0.2 * weave + 0.08 * _low_noise(g, h, w, 120)
        img = base * tone[..., None]
    elif kind == "stone":
        grey = g.uniform(120, 185)
        base = np.array([grey, grey * g.uniform(0.95, 1.02), grey * g.uniform(0.88, 1.0)],
                        np.float32)
        tone = 1 + 0.08 * _low_noise(g, h, w, 60) + 0.05 * _low_noise(g, h, w, 8)
        img = base * tone[..., None]
        speck = g.random((h, w)) < 0.01
        img[speck] *= 0.6
    else:  # dark laminate
        grey = g.uniform(25, 60)
        base = np.array([grey, grey, grey * 1.1], np.float32)
        img = base * (1 + 0.1 * _low_noise(g, h, w, 150))[..., None]
    img += g.standard_normal((h, w, 1)).astype(np.float32) * 3
    return np.clip(img, 0, 255).astype(np.uint8)


# --- items -----------------------------------------------------------------------------------


def card_item(side: CardSide, name: str) -> Item:
    """A card side as a desk item (rounded corners as drawn by card.py)."""
    return Item(side.image.convert("RGB"), round(side.image.width * 0.04), list(side.lines),
                dict(side.fields), name)


def page_item(doc: RenderedDocument) -> Item:
    """A rendered A4 page (first page) as a desk item."""
    canvas = doc.canvas
    return Item(canvas.pages[0].convert("RGB"), 0,
                [ln for ln in canvas.lines if ln.page == 0],
                {k: f for k, f in canvas.fields.items() if f.page == 0})


def _mask(item: Item) -> np.ndarray:
    w, h = item.image.size
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, w - 1, h - 1], radius=item.radius, fill=255)
    return np.asarray(mask)


def _corners(w: float, h: float) -> np.ndarray:
    return np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)


def _map(m: np.ndarray, pts: np.ndarray) -> np.ndarray:
    return cv2.perspectiveTransform(pts.reshape(-1, 1, 2).astype(np.float32), m).reshape(-1, 2)


def _map_box(m: np.ndarray, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = box
    pts = _map(m, np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], np.float32))
    return (int(pts[:, 0].min()), int(pts[:, 1].min()), math.ceil(pts[:, 0].max()),
            math.ceil(pts[:, 1].max()))


# --- composition -------------------------------------------------------------------------------


def _placement(rng: random.Random, item: Item, centre: tuple[float, float], width: float,
               angle: float) -> np.ndarray:
    """Affine (as 3x3) from item pixels to the flat desk: scale, turn, move."""
    w, h = item.image.size
    s = width / w
    a = math.radians(angle)
    ca, sa = math.cos(a) * s, math.sin(a) * s
    cx, cy = centre
    return np.array([[ca, -sa, cx - ca * w / 2 + sa * h / 2],
                     [sa, ca, cy - sa * w / 2 - ca * h / 2],
                     [0, 0, 1]], np.float64)


def _camera(rng: random.Random, w: int, h: int, strength: float) -> np.ndarray:
    """Homography of a tilted camera: the flat desk seen in perspective, filling the frame."""
    t = strength
    side = rng.choice(("top", "bottom", "left", "right"))
    near, far = rng.uniform(0.0, 0.04), rng.uniform(0.04, 0.04 + t)
    jitter = [(rng.uniform(-0.02, 0.02) * w, rng.uniform(-0.02, 0.02) * h) for _ in range(4)]
    if side in ("top", "bottom"):
        top, bottom = (far, near) if side == "top" else (near, far)
        dst = [[-top * w, 0], [w + top * w, 0], [w + bottom * w, h], [-bottom * w, h]]
    else:
        left, right = (far, near) if side == "left" else (near, far)
        dst = [[0, -left * h], [w, -right * h], [w, h + right * h], [0, h + left * h]]
    dst_arr = np.array(dst, np.float32) + np.array(jitter, np.float32)
    # dst are where the flat canvas corners land: the far side is squeezed in, so the
    # camera sees more desk there; scale about the centre so the frame stays covered.
    return cv2.getPerspectiveTransform(_corners(w, h), dst_arr).astype(np.float64)


def _inside(quad: np.ndarray, w: int, h: int, margin: float = 0.03) -> bool:
    return bool((quad[:, 0] >= margin * w).all() and (quad[:, 0] <= (1 - margin) * w).all()
                and (quad[:, 1] >= margin * h).all() and (quad[:, 1] <= (1 - margin) * h).all())


def compose(rng: random.Random, items: list[Item], size: tuple[int, int],
            layout: list[tuple[tuple[float, float], float, float]], desk: str,
            tilt: float) -> tuple[np.ndarray, list[np.ndarray]]:
    """Lay items on a desk, photograph in perspective; returns RGB pixels and, per item, the
    homography from item pixels to photo pixels."""
    w, h = size
    g = np.random.default_rng(rng.randrange(2**32))
    flat = desk_texture(g, w, h, desk).astype(np.float32)
    cam = _camera(rng, w, h, tilt)
    for _ in range(12):  # shrink towards the centre until every item is inside the frame
        placed = [_placement(rng, item, centre, width, angle)
                  for item, (centre, width, angle) in zip(items, layout, strict=True)]
        if all(_inside(_map(cam @ m, _corners(*it.image.size)), w, h)
               for m, it in zip(placed, items, strict=True)):
            break
        layout = [((w / 2 + (c[0] - w / 2) * 0.95, h / 2 + (c[1] - h / 2) * 0.95), wd * 0.93, a)
                  for c, wd, a in layout]
    homographies = []
    for item, m in zip(items, placed, strict=True):
        homographies.append(m)
        arr = np.asarray(item.image, np.float32)
        mask = _mask(item).astype(np.float32) / 255
        warped = cv2.warpPerspective(arr, m, (w, h), flags=cv2.INTER_AREA)
        alpha = cv2.warpPerspective(mask, m, (w, h), flags=cv2.INTER_LINEAR)[..., None]
        shadow = cv2.GaussianBlur(alpha[..., 0], (0, 0), 6)
        shadow = np.roll(shadow, (4, 3), axis=(0, 1))[..., None]
        flat = flat * (1 - 0.35 * shadow)
        flat = flat * (1 - alpha) + warped * alpha
    photo = cv2.warpPerspective(np.clip(flat, 0, 255).astype(np.uint8), cam, (w, h),
                                flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
    return photo, [cam @ m for m in homographies]


def lighting(rng: random.Random, photo: np.ndarray, quads: list[np.ndarray]) -> tuple[
        np.ndarray, dict[str, Any]]:
    """Uneven light, vignetting, glare, blur, sensor noise: returns pixels and parameters."""
    h, w = photo.shape[:2]
    g = np.random.default_rng(rng.randrange(2**32))
    out = photo.astype(np.float32)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    nx, ny = xs / w * 2 - 1, ys / h * 2 - 1
    a, b = rng.uniform(-1, 1), rng.uniform(-1, 1)
    light = round(rng.uniform(0.05, 0.25), 3)
    vignette = round(rng.uniform(0.05, 0.3), 3)
    gain = (1 - light * (0.5 + 0.5 * np.clip(a * nx + b * ny, -1, 1))) * (
        1 - vignette * (nx**2 + ny**2) / 2)
    tint = [round(rng.uniform(0.93, 1.07), 3) for _ in range(3)]
    out = out * gain[..., None] * np.array(tint, np.float32)
    glare: dict[str, Any] | None = None
    if rng.random() < 0.7:
        quad = quads[rng.randrange(len(quads))]
        u, v = rng.uniform(0.15, 0.85), rng.uniform(0.15, 0.85)
        top = quad[0] + (quad[1] - quad[0]) * u
        bottom = quad[3] + (quad[2] - quad[3]) * u
        cx, cy = top + (bottom - top) * v
        span = float(np.linalg.norm(quad[1] - quad[0]))
        sx, sy = span * rng.uniform(0.08, 0.25), span * rng.uniform(0.05, 0.18)
        strength = round(rng.uniform(0.35, 0.8), 3)
        blob = np.exp(-(((xs - cx) / sx) ** 2 + ((ys - cy) / sy) ** 2) / 2)
        out = out + (255 - out) * (strength * blob)[..., None]
        glare = {"centre": [round(float(cx)), round(float(cy))], "size": [round(sx), round(sy)],
                 "strength": strength}
    blur = round(rng.uniform(0.3, 1.2), 2)
    out = cv2.GaussianBlur(out, (0, 0), blur)
    motion = 0
    if rng.random() < 0.25:
        motion = rng.choice((3, 5))
        kernel = np.zeros((motion, motion), np.float32)
        kernel[motion // 2, :] = 1 / motion
        rot = cv2.getRotationMatrix2D((motion / 2 - 0.5, motion / 2 - 0.5), rng.uniform(0, 180), 1)
        kernel = cv2.warpAffine(kernel, rot, (motion, motion))
        kernel /= max(kernel.sum(), 1e-6)
        out = cv2.filter2D(out, -1, kernel)
    luma, chroma = round(rng.uniform(2, 7), 2), round(rng.uniform(1, 4), 2)
    out += g.standard_normal((h, w, 1)).astype(np.float32) * luma
    out += g.standard_normal((h, w, 3)).astype(np.float32) * chroma
    params = {"light": light, "vignette": vignette, "white_balance": tint, "glare": glare,
              "blur": blur, "motion_blur": motion, "noise_luma": luma, "noise_chroma": chroma}
    return np.clip(out, 0, 255).astype(np.uint8), params


# --- scenes ------------------------------------------------------------------------------------


def _card_size(width_px: int) -> tuple[int, int]:
    return width_px, round(width_px * CARD_MM[1] / CARD_MM[0])


def _scene_layout(rng: random.Random, scene: str, n: int, size: tuple[int, int],
                  item_w: int) -> list[tuple[tuple[float, float], float, float]]:
    w, h = size
    spin = 25 if rng.random() < 0.5 else 8
    if scene == "page":
        height = rng.uniform(0.72, 0.9) * h
        width = height * 210 / 297
        return [((w / 2 + rng.uniform(-0.04, 0.04) * w, h / 2 + rng.uniform(-0.03, 0.03) * h),
                 width, rng.uniform(-8, 8))]
    if n == 1:
        width = rng.uniform(0.55, 0.8) * w
        return [((w / 2 + rng.uniform(-0.06, 0.06) * w, h / 2 + rng.uniform(-0.06, 0.06) * h),
                 width, rng.uniform(-spin, spin))]
    if w >= h:  # side by side
        width = rng.uniform(0.4, 0.45) * w
        return [((w * (0.27 + 0.5 * i) + rng.uniform(-0.02, 0.02) * w,
                  h / 2 + rng.uniform(-0.1, 0.1) * h), width, rng.uniform(-10, 10))
                for i in range(n)]
    width = rng.uniform(0.62, 0.8) * w  # stacked on a portrait photo
    return [((w / 2 + rng.uniform(-0.04, 0.04) * w, h * (0.28 + 0.44 * i)), width,
             rng.uniform(-10, 10)) for i in range(n)]


def photograph(spec: Any, rendered: RenderedDocument, rng: random.Random) -> Shot:
    """Photograph a document: an ID card as a card (one or both sides) or its A4 photocopy,
    any other document as its first page."""
    record = spec.record
    is_card = record.doc_type == "id_card"
    scene = "page"
    if is_card:
        scene = rng.choices(("card", "card_both", "photocopy"), weights=(0.4, 0.4, 0.2))[0]
    portrait = scene in ("page", "photocopy") or (scene == "card_both" and rng.random() < 0.3)
    size = rng.choice(PAGE_SIZES) if portrait else rng.choice(CARD_SIZES)
    if scene in ("card", "card_both"):
        render_w = max(1011, round(size[0] * 0.85))
        cancuoc = record.values["x_generation"] == "cancuoc"
        sides = ["front"] if scene == "card" else ["front", "back"]
        payload = rendered.qr_payload
        front = draw_front(record, _card_size(render_w), spec.style.family, rng,
                           None if cancuoc else payload)
        items = [card_item(front, "front")]
        if "back" in sides:
            back = draw_back(record, _card_size(render_w), spec.style.family, rng,
                             payload if cancuoc else None)
            items.append(card_item(back, "back"))
        if scene == "card" and cancuoc:
            payload = None
    else:
        items = [page_item(rendered)]
        payload = rendered.qr_payload
        sides = ["front", "back"] if rendered.layout_id.endswith("front-back-photocopy") else (
            ["front"] if is_card else [])
    layout = _scene_layout(rng, "page" if scene in ("page", "photocopy") else scene,
                           len(items), size, items[0].image.width)
    desk = rng.choice(("wood", "wood", "cloth", "stone", "dark"))
    tilt = round(rng.uniform(0.02, 0.16), 3)
    pixels, homographies = compose(rng, items, size, layout, desk, tilt)
    quads = [_map(m, _corners(*it.image.size)) for m, it in zip(homographies, items, strict=True)]
    pixels, effects = lighting(rng, pixels, quads)
    canvas = Canvas(Style(margin_top_mm=0))
    canvas.pages = [Image.new("RGB", (1, 1))]  # the photo itself is returned separately
    keys = set(FIELDS[record.doc_type])
    for m, item in zip(homographies, items, strict=True):
        for ln in item.lines:
            canvas.lines.append(TextLine(ln.text, 0, _map_box(m, ln.box)))
        for key, span in item.fields.items():
            if key in keys:
                canvas.add_field(key, span.printed, _map_box(m, span.box))
    extra = dict(rendered.extra)
    extra.update({"scene": scene, "card_sides": sides})
    layout_id = rendered.layout_id if scene in ("page", "photocopy") else (
        "id_card/photo-front" if scene == "card" else "id_card/photo-front-back")
    doc = RenderedDocument(record, layout_id, canvas, payload if is_card else None, extra)
    orientation = rng.choices((1, 6, 8, 3), weights=(0.55, 0.2, 0.15, 0.1))[0]
    params = {"scene": scene, "card_sides": sides, "size": list(size), "desk": desk,
              "tilt": tilt, "exif_orientation": orientation,
              "quads": [[[round(float(x), 1), round(float(y), 1)] for x, y in q] for q in quads],
              "item_sides": [it.side for it in items], **effects}
    return Shot(Image.fromarray(pixels), doc, orientation, rng.randint(72, 92), params)


def save_photo(shot: Shot, path: Path, fmt: str) -> None:
    """Write the photo as a phone would: pixels as the sensor held them, the EXIF tag saying
    how to turn them upright, 72 DPI (phones' "unknown")."""
    image = shot.image
    exif = Image.Exif()
    exif[0x010F] = "Synthetic"  # Make
    exif[0x0110] = "intake photo profile"  # Model
    if shot.orientation != 1:
        image = image.transpose(_STORE[shot.orientation])
        exif[0x0112] = shot.orientation
    buffer = io.BytesIO()
    if fmt == "png":
        image.save(buffer, "PNG", exif=exif.tobytes(), dpi=(72, 72), compress_level=6)
    else:
        image.save(buffer, "JPEG", quality=shot.quality, exif=exif.tobytes(), dpi=(72, 72))
    path.write_bytes(buffer.getvalue())

