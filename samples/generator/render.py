"""The one renderer of form layouts: labelled lines with dotted leaders, rows, tables.

Every block records the words it prints (page text truth, leaders omitted) and the box of
every canonical field value, so the truth is a by-product of drawing.
"""

from __future__ import annotations

from PIL import ImageFont

from . import page_frame
from .canvas import INK, MM, PEN, Canvas, Style
from .forms import Block, Heading, Layout, Line, PageBreak, Para, Row, Space, Table
from .record import DocumentRecord
from .template import Span, fill

Chunk = tuple[int, int]


def wrap(text: str, font: ImageFont.FreeTypeFont, first: float, rest: float) -> list[Chunk]:
    """Greedy word wrap into [start, end) chunks; the first line may be shorter.

    When not even the first word fits after a label, the first chunk is empty and the value
    starts on the next line, as a typist would do.
    """
    chunks: list[Chunk] = []
    start, end, limit, pos = 0, -1, first, 0
    for word in text.split(" "):
        ws, we = pos, pos + len(word)
        pos = we + 1
        if end < 0:
            if not chunks and font.getlength(word) > limit and limit < rest:
                chunks.append((0, 0))
                limit = rest
            start, end = ws, we
        elif font.getlength(text[start:we]) <= limit:
            end = we
        else:
            chunks.append((start, end))
            start, end, limit = ws, we, rest
    chunks.append((start, max(end, start)))
    return chunks


class FormRenderer:
    """Draws one layout for one record on a Canvas."""

    def __init__(self, canvas: Canvas, record: DocumentRecord, layout: Layout) -> None:
        self.c = canvas
        self.record = record
        self.layout = layout
        self.s: Style = canvas.style
        self.label_font = canvas.font()
        self.value_font = canvas.font(italic=self.s.pen, bold=not self.s.pen and False)
        self.value_ink = PEN if self.s.pen else INK
        self.dot_w = self.label_font.getlength(".")

    def render(self) -> Canvas:
        """Header, blocks, closing and signatures."""
        page_frame.draw_header(self.c, self.record, self.layout)
        for block in self.layout.blocks:
            self.block(block)
        page_frame.draw_closing(self.c, self.record, self.layout)
        return self.c

    def block(self, block: Block) -> None:
        """Dispatch on block type."""
        if isinstance(block, Line):
            self.line(block)
        elif isinstance(block, Row):
            self.row(block)
        elif isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Para):
            self.para(block.text, italic=block.italic)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Space):
            self.c.y += block.mm * MM
        elif isinstance(block, PageBreak):
            self.c.new_page()

    def dots(self, x0: float, x1: float) -> None:
        """Dotted leader from x0 to x1 (not part of the text truth)."""
        n = int((x1 - x0) / self.dot_w)
        if n > 1:
            self.c.write(x0, "." * n, self.label_font)

    def _fields(self, spans: list[Span], text: str, chunk: Chunk, x: float, top: int) -> None:
        s, e = chunk
        for sp in spans:
            if s <= sp.start < max(e, s + 1):
                x0 = x + self.value_font.getlength(text[s:sp.start])
                x1 = x + self.value_font.getlength(text[s:min(sp.end, e)])
                box = (round(x0), top, round(x1), top + round(self.value_font.size * 1.15))
                self.c.add_field(sp.key, text[sp.start:sp.end], box)

    def line(self, line: Line, x_end: float | None = None) -> None:
        """Label, leader dots, value (wrapped), trailing dots; one or more text lines."""
        c = self.c
        right = x_end or c.right
        x0 = c.left + line.indent_mm * MM
        c.ensure(c.line_height)
        label = f"{line.label}:"
        lbox = c.write(x0, label, self.label_font)
        filled = fill(line.value, self.record, self.s) if line.value else None
        x = lbox[2] + self.dot_w * 1.5
        if filled is None:
            self.dots(x, right)
            c.add_line(label, lbox)
            c.y += c.line_height
            return
        text, spans = filled
        x += self.s.lead_dots * self.dot_w + (self.dot_w if self.s.lead_dots else 0)
        if self.s.lead_dots:
            self.dots(lbox[2] + self.dot_w * 1.5, x - self.dot_w * 0.5)
        chunks = wrap(text, self.value_font, right - x, right - x0)
        for i, chunk in enumerate(chunks):
            if i > 0:
                c.y += c.line_height
                c.ensure(c.line_height)
                x = x0
            piece = text[chunk[0]:chunk[1]]
            vbox = c.write(x, piece, self.value_font, self.value_ink)
            self._fields(spans, text, chunk, x, vbox[1])
            if i == len(chunks) - 1:
                self.dots(vbox[2] + self.dot_w, right)
            if i == 0:
                c.add_line(f"{label} {piece}", (lbox[0], lbox[1], vbox[2], vbox[3]))
            else:
                c.add_line(piece, vbox)
        c.y += c.line_height

    def _item_width(self, item: Line) -> float:
        filled = fill(item.value, self.record, self.s) if item.value else None
        value = filled[0] if filled else "........"
        return (self.label_font.getlength(f"{item.label}: ") + self.value_font.getlength(value)
                + self.dot_w * (self.s.lead_dots + 5))

    def row(self, row: Row) -> None:
        """Short items side by side; falls back to stacked lines when they do not fit."""
        c = self.c
        col_w = (c.right - c.left) / len(row.items)
        if any(self._item_width(it) > col_w for it in row.items):
            for it in row.items:
                self.line(it)
            return
        c.ensure(c.line_height)
        texts, boxes = [], []
        for k, item in enumerate(row.items):
            x0 = c.left + k * col_w
            lbox = c.write(x0, f"{item.label}:", self.label_font)
            filled = fill(item.value, self.record, self.s) if item.value else None
            x = lbox[2] + self.dot_w * (self.s.lead_dots + 2.5)
            self.dots(lbox[2] + self.dot_w * 1.5, x - self.dot_w * 0.5)
            end = lbox[2]
            texts.append(f"{item.label}:")
            if filled:
                text, spans = filled
                vbox = c.write(x, text, self.value_font, self.value_ink)
                self._fields(spans, text, (0, len(text)), x, vbox[1])
                texts.append(text)
                end = vbox[2]
            self.dots(end + self.dot_w, x0 + col_w - self.dot_w * 2)
            boxes.append((lbox[0], lbox[1], end, lbox[3]))
        box = (boxes[0][0], boxes[0][1], boxes[-1][2], boxes[-1][3])
        c.add_line(" ".join(texts), box)
        c.y += c.line_height

    def heading(self, h: Heading) -> None:
        """Bold section line."""
        c = self.c
        c.ensure(c.line_height)
        font = c.font(bold=True)
        if h.center:
            c.centered(h.text, font, c.left, c.right)
            return
        box = c.write(c.left, h.text, font)
        c.add_line(h.text, box)
        c.y += c.line_height

    def para(self, template: str, *, italic: bool = False) -> None:
        """A wrapped paragraph indented on its first line."""
        c = self.c
        filled = fill(template, self.record, self.s)
        text = filled[0] if filled else template
        font = c.font(italic=italic)
        indent = 10 * MM
        for i, (s, e) in enumerate(wrap(text, font, c.right - c.left - indent, c.right - c.left)):
            c.ensure(c.line_height)
            box = c.write(c.left + (indent if i == 0 else 0), text[s:e], font)
            c.add_line(text[s:e], box)
            c.y += c.line_height

    def table(self, t: Table) -> None:
        """A ruled table: bold centred header, wrapped cells, one text line per row."""
        c = self.c
        width = c.right - c.left
        xs = [c.left]
        for w in t.widths:
            xs.append(xs[-1] + w * width / sum(t.widths))
        small = c.font(scale=0.92)
        value_small = c.font(scale=0.92, italic=self.s.pen)
        lh = round(small.size * 1.35)
        pad = 0.8 * MM
        rows: list[tuple[list[str | None], bool]] = [(list(t.header), True)]
        rows += [(list(r), False) for r in t.rows]
        c.y += 0.3 * lh
        for cells, header in rows:
            fonts = [c.font(scale=0.92, bold=True) if header else
                     (small if k == 0 and len(cells) > 2 else value_small)
                     for k in range(len(cells))]
            filled = [None if header else fill(cell, self.record, self.s) if "{" in cell
                      else (cell, []) for cell in cells]
            texts = [cell if header else (f[0] if f else "") for cell, f in zip(cells, filled,
                                                                                strict=True)]
            wrapped = [wrap(tx, fonts[k], xs[k + 1] - xs[k] - 2 * pad,
                            xs[k + 1] - xs[k] - 2 * pad) if tx else []
                       for k, tx in enumerate(texts)]
            height = max(1, *(len(w) for w in wrapped)) * lh + 2 * pad
            c.ensure(height)
            top = c.y
            d = c.draw()
            d.rectangle([xs[0], top, xs[-1], top + height], outline=INK, width=3)
            for x in xs[1:-1]:
                d.line([(x, top), (x, top + height)], fill=INK, width=2)
            for k, chunks in enumerate(wrapped):
                ink = INK if header or fonts[k] is small else self.value_ink
                for j, (s, e) in enumerate(chunks):
                    piece = texts[k][s:e]
                    w = fonts[k].getlength(piece)
                    x = (xs[k] + xs[k + 1] - w) / 2 if header else xs[k] + pad
                    y = top + pad + j * lh
                    c.write(x, piece, fonts[k], ink, y=y)
                    f = filled[k]
                    if f:
                        prev = self.value_font
                        self.value_font = fonts[k]
                        self._fields(f[1], texts[k], (s, e), x, round(y))
                        self.value_font = prev
            c.add_line(" ".join(tx for tx in texts if tx),
                       (round(xs[0]), round(top), round(xs[-1]), round(top + height)))
            c.y = top + height
        c.y += 0.5 * lh


def render_form(record: DocumentRecord, layout: Layout, style: Style) -> Canvas:
    """Render a form layout for a record; the canvas holds pages, text lines and field spans."""
    background = page_frame.certificate_background if layout.certificate else None
    canvas = Canvas(style, background)
    return FormRenderer(canvas, record, layout).render()
