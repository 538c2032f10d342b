"""Compose an ID card photocopy on an A4 page (front, or front and back, sometimes enlarged).

Offices copy the card 1:1 (or enlarged) on A4, often both sides on one page, in grey. The card
lines and fields are shifted into page coordinates so the truth stays exact.
"""

from __future__ import annotations

import random
from dataclasses import replace

from PIL import Image, ImageEnhance, ImageOps

from .canvas import A4_PX, MM, Canvas, Style, TextLine
from .card import CARD_MM, CardSide, draw_back, draw_front
from .fields import FIELDS
from .record import DocumentRecord
from .records import qr_payload


def _place(c: Canvas, side: CardSide, x: int, y: int, keys: set[str]) -> None:
    c.pages[-1].paste(side.image, (x, y))
    for ln in side.lines:
        b = ln.box
        c.lines.append(TextLine(ln.text, c.page, (b[0] + x, b[1] + y, b[2] + x, b[3] + y)))
    for key, sp in side.fields.items():
        if key in keys:
            b = sp.box
            c.add_field(key, sp.printed, (b[0] + x, b[1] + y, b[2] + x, b[3] + y))


def render_id_page(record: DocumentRecord, layout_id: str, style: Style, rng: random.Random,
                   *, with_qr: bool, photocopy_grey: bool) -> tuple[Canvas, str | None]:
    """Draw the card side(s) on an A4 page; returns the canvas and the QR payload drawn."""
    scale = 1.5 if layout_id.endswith("enlarged") else rng.uniform(1.0, 1.12)
    size = (round(CARD_MM[0] * MM * scale), round(CARD_MM[1] * MM * scale))
    cancuoc = record.values["x_generation"] == "cancuoc"
    back = layout_id.endswith("front-back-photocopy")
    chip_era = cancuoc or record.values["x_issue_date"] >= _CHIP_CARDS  # type: ignore[operator]
    payload = qr_payload(record, rng.choice((0, 0, 2, 4))) if with_qr and chip_era else None
    if cancuoc and not back:
        payload = None  # the QR of a Căn cước is on its back
    c = Canvas(replace(style, margin_top_mm=20))
    keys = set(FIELDS["id_card"])
    x = round((A4_PX[0] - size[0]) / 2 + rng.uniform(-25, 25) * MM)
    y = round(rng.uniform(18, 40) * MM)
    front = draw_front(record, size, style.family, rng, None if cancuoc else payload)
    _place(c, front, x, y, keys)
    if back:
        rear = draw_back(record, size, style.family, rng, payload if cancuoc else None)
        _place(c, rear, x, y + size[1] + round(rng.uniform(12, 30) * MM), keys)
    if photocopy_grey:
        grey = ImageOps.grayscale(c.pages[-1])
        grey = ImageEnhance.Contrast(grey).enhance(1.25)
        c.pages[-1] = Image.merge("RGB", (grey, grey, grey))
    return c, payload


_CHIP_CARDS = __import__("datetime").date(2021, 1, 1)
