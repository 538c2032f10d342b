"""The parts every form shares: national header, title, "Kính gửi", closing and signatures.

Kept apart from the block renderer because they are the same for all types, differing only by
the layout flags (authority header, certificate blank, signature columns).
"""

from __future__ import annotations

import functools
import random

from PIL import Image, ImageFont

from . import decor
from .canvas import MM, Canvas
from .forms import Layout
from .record import DocumentRecord, header_authority
from .template import fill

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


@functools.lru_cache(maxsize=2)
def _blank(size: tuple[int, int]) -> Image.Image:
    img = Image.new("RGB", size, (255, 255, 255))
    decor.guilloche(img)
    return img


def certificate_background(img: Image.Image) -> None:
    """Security blank of issued results (guilloche and frame); drawn once per process."""
    img.paste(_blank(img.size))


def _fill_text(template: str, record: DocumentRecord, canvas: Canvas) -> str:
    filled = fill(template, record, canvas.style)
    return filled[0] if filled else template


def _register_fields(canvas: Canvas, record: DocumentRecord, template: str, box: tuple[
        int, int, int, int]) -> None:
    filled = fill(template, record, canvas.style)
    if filled:
        text, spans = filled
        for sp in spans:
            canvas.add_field(sp.key, text[sp.start:sp.end], box)


def draw_header(c: Canvas, record: DocumentRecord, layout: Layout) -> None:
    """Form code, national motto (with the issuing body on certificates), title, recipient."""
    small_italic = c.font(italic=True, scale=0.8)
    if layout.form_code:
        w = small_italic.getlength(layout.form_code)
        box = c.write(c.right - w, layout.form_code, small_italic)
        c.add_line(layout.form_code, box)
        c.y += small_italic.size * 1.5
    bold = c.font(bold=True, scale=0.95)
    motto2 = c.font(bold=True, scale=1.0)
    if layout.authority_header:
        top = c.y
        x1 = c.left + (c.right - c.left) * 0.36
        for k, text in enumerate(header_authority(record)):
            f = bold if k else c.font(scale=0.95)
            c.centered(text, f, c.left - 8 * MM, x1, underline=k == 1)
        c.y = top
        c.centered(MOTTO[0], c.font(bold=True, scale=0.92), x1, c.right)
        c.centered(MOTTO[1], motto2, x1, c.right, underline=True)
    else:
        c.centered(MOTTO[0], bold, c.left, c.right)
        c.centered(MOTTO[1], motto2, c.left, c.right, underline=True)
    c.y += 14 * MM
    title_font = c.font(bold=True, scale=1.1)
    for line in layout.title:
        c.centered(line, title_font, c.left, c.right)
    if layout.subtitle:
        c.centered(layout.subtitle, c.font(italic=True), c.left, c.right)
    c.y += 4 * MM
    if layout.recipient:
        text = _fill_text(layout.recipient, record, c)
        from .render import wrap  # local: render imports this module

        font = c.font()
        for i, (s, e) in enumerate(wrap(text, font, c.right - c.left - 25 * MM,
                                        c.right - c.left - 45 * MM)):
            box = c.write(c.left + (25 if i == 0 else 45) * MM, text[s:e], font)
            c.add_line(text[s:e], box)
            c.y += c.line_height
        c.y += 3 * MM


def draw_closing(c: Canvas, record: DocumentRecord, layout: Layout) -> None:
    """"<place>, ngày .. tháng .. năm ...." then one or two signature columns."""
    c.ensure(c.line_height * 8)
    c.y += 4 * MM
    mid = c.left + (c.right - c.left) * 0.42
    text = _fill_text(layout.closing, record, c)
    box = c.centered(text, c.font(italic=True), mid, c.right)
    _register_fields(c, record, layout.closing, box)
    n = len(layout.signatures)
    if n == 0:
        return
    if n == 1:
        cols = [(mid, c.right)]
    elif n == 2:
        cols = [(c.left - 10 * MM, mid), (mid, c.right)]
    else:
        step = (c.right - c.left + 20 * MM) / n
        cols = [(c.left - 10 * MM + k * step, c.left - 10 * MM + (k + 1) * step)
                for k in range(n)]
    bold, italic = c.font(bold=True), c.font(italic=True, scale=0.85)
    rows: list[list[tuple[str, ImageFont.FreeTypeFont, int]]] = [[] for _ in range(4)]
    name_rows: list[tuple[str, str]] = []
    for k, sig in enumerate(layout.signatures):
        titles = _fill_text(sig.title, record, c).split("\n")
        for j, t in enumerate(titles[:2]):
            rows[j].append((t, bold, k))
        rows[2].append((sig.hint, italic, k))
        name_rows.append((sig.name, _fill_text(sig.name, record, c) if sig.name else ""))
    for row in rows:
        if not row:
            continue
        boxes = []
        for text, font, k in row:
            x0, x1 = cols[k]
            w = font.getlength(text)
            boxes.append(c.write((x0 + x1 - w) / 2, text, font))
        c.add_line(" ".join(t for t, _, _ in row), (boxes[0][0], boxes[0][1],
                                                     boxes[-1][2], boxes[-1][3]))
        c.y += c.line_height
    sign_top = c.y
    rng = random.Random(record.main_person.id_number)
    for k, (_, name) in enumerate(name_rows):
        x0, x1 = cols[k]
        cx = (x0 + x1) / 2
        decor.scribble(c.pages[-1], (cx - 35 * MM, sign_top + 4 * MM, cx + 20 * MM,
                                     sign_top + 20 * MM), name or str(k))
        if layout.certificate and k == n - 1:
            decor.seal(c.pages[-1], (cx - 22 * MM, sign_top + 10 * MM), 19 * MM, rng)
    c.y = sign_top + 26 * MM
    names = [(tpl, name, cols[k]) for k, (tpl, name) in enumerate(name_rows) if name]
    boxes = []
    for tpl, name, (x0, x1) in names:
        w = bold.getlength(name)
        box = c.write((x0 + x1 - w) / 2, name, bold)
        _register_fields(c, record, tpl, box)
        boxes.append(box)
    if boxes:
        c.add_line(" ".join(n for _, n, _ in names), (boxes[0][0], boxes[0][1], boxes[-1][2],
                                                     boxes[-1][3]))
    c.y += c.line_height
