"""A4 pages at 300 DPI that remember every word they print.

Drawing and the page-text truth come from the same call: `write` draws a string and
`add_line` records the printed line (without dotted leaders), so the truth text cannot drift
from the pixels. Field spans keep the printed value, its page and its box for OCR checks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from . import fonts

DPI = 300
MM = DPI / 25.4
A4_PX = (round(210 * MM), round(297 * MM))
Box = tuple[int, int, int, int]
INK = (18, 18, 20)
PEN = (25, 45, 150)


@dataclass(frozen=True, slots=True)
class Style:
    """Typographic choices of one printed document (drawn once per record rendering)."""

    family: str = "liberation_serif"
    size_pt: float = 13.0
    spacing: float = 1.5
    caps_names: bool = False
    date_style: str = "slash_padded"
    phone_style: str = "plain"
    pen: bool = False
    closing_padded: bool = True
    margin_left_mm: float = 30.0
    margin_right_mm: float = 18.0
    margin_top_mm: float = 18.0
    lead_dots: int = 4

    @property
    def size_px(self) -> int:
        """Font size in pixels at 300 DPI."""
        return round(self.size_pt * DPI / 72)


@dataclass(slots=True)
class TextLine:
    """One printed line of the page text truth."""

    text: str
    page: int
    box: Box


@dataclass(slots=True)
class FieldSpan:
    """Where a canonical field's printed value is."""

    key: str
    printed: str
    page: int
    box: Box


@dataclass
class Canvas:
    """Pages being drawn, a vertical cursor, and the text/field records."""

    style: Style
    background: Callable[[Image.Image], None] | None = None
    pages: list[Image.Image] = field(default_factory=list)
    lines: list[TextLine] = field(default_factory=list)
    fields: dict[str, FieldSpan] = field(default_factory=dict)
    y: float = 0.0

    def __post_init__(self) -> None:
        self.new_page()

    @property
    def page(self) -> int:
        """0-based index of the current page."""
        return len(self.pages) - 1

    @property
    def left(self) -> int:
        """Left margin in pixels."""
        return round(self.style.margin_left_mm * MM)

    @property
    def right(self) -> int:
        """Right text limit in pixels."""
        return A4_PX[0] - round(self.style.margin_right_mm * MM)

    @property
    def line_height(self) -> int:
        """Baseline-to-baseline distance for body text."""
        return round(self.style.size_px * self.style.spacing)

    def new_page(self) -> None:
        """Start a blank page (with the background pattern, if any)."""
        img = Image.new("RGB", A4_PX, (255, 255, 255))
        if self.background:
            self.background(img)
        self.pages.append(img)
        self.y = self.style.margin_top_mm * MM

    def ensure(self, height: float) -> None:
        """Break the page when `height` more pixels would cross the bottom margin."""
        if self.y + height > A4_PX[1] - 20 * MM:
            self.new_page()

    def font(
        self, *, bold: bool = False, italic: bool = False, scale: float = 1.0,
        family: str | None = None,
    ) -> ImageFont.FreeTypeFont:
        """The style's font (or another family) in a face and relative size."""
        fam = fonts.FAMILIES[family or self.style.family]
        return fonts.load(fam.path(bold=bold, italic=italic), round(self.style.size_px * scale))

    def draw(self) -> ImageDraw.ImageDraw:
        """Drawing context of the current page."""
        return ImageDraw.Draw(self.pages[-1])

    def write(
        self, x: float, text: str, font: ImageFont.FreeTypeFont, fill: tuple[int, int, int] = INK,
        y: float | None = None,
    ) -> Box:
        """Draw `text` with its top-left at (x, y or cursor); return its box."""
        top = self.y if y is None else y
        self.draw().text((x, top), text, font=font, fill=fill)
        width = font.getlength(text)
        return (round(x), round(top), round(x + width), round(top + font.size * 1.15))

    def add_line(self, text: str, box: Box) -> None:
        """Record a printed line of the page text (leaders already removed)."""
        text = " ".join(text.split())
        if text:
            self.lines.append(TextLine(text, self.page, box))

    def add_field(self, key: str, printed: str, box: Box) -> None:
        """Record the first printed occurrence of a canonical field."""
        if key not in self.fields:
            self.fields[key] = FieldSpan(key, printed, self.page, box)

    def centered(self, text: str, font: ImageFont.FreeTypeFont, x0: float, x1: float,
                 *, underline: bool = False, fill: tuple[int, int, int] = INK) -> Box:
        """Draw one line centred between x0 and x1 at the cursor and advance."""
        width = font.getlength(text)
        box = self.write((x0 + x1 - width) / 2, text, font, fill)
        if underline:
            y = box[3] + 4
            self.draw().line([(box[0], y), (box[2], y)],
                             fill=fill, width=4)
        self.add_line(text, box)
        self.y += font.size * self.style.spacing
        return box
