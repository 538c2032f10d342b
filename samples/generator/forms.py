"""Form layouts as data: what each printed form says, in which order, in which shape.

A layout is a list of blocks (labelled lines with dotted leaders, rows of short lines side by
side, tables, headings, paragraphs) whose values are templates with `{key}` or
`{key:modifier}` placeholders. One renderer draws every layout, so a new form edition is a new
entry here, not new drawing code. Modifiers: `upper` (forced capitals, for "viết chữ in hoa"
labels), `words` (date in words), `closing` ("ngày 05 tháng 3 năm 2024"), `year`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Line:
    """"Label: ....... value ......."; an empty value prints dots only."""

    label: str
    value: str = ""
    indent_mm: float = 0.0


@dataclass(frozen=True, slots=True)
class Row:
    """Short lines side by side ("Giới tính: Nam   Dân tộc: Kinh   Quốc tịch: Việt Nam")."""

    items: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    """A bold section line ("I. PHẦN KÊ KHAI CỦA NGƯỜI ĐĂNG KÝ")."""

    text: str
    center: bool = False


@dataclass(frozen=True, slots=True)
class Para:
    """A wrapped paragraph (declarations, "Đề nghị cơ quan ... cho người dưới đây:")."""

    text: str
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A ruled table; cells are templates, widths are relative."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Space:
    """Vertical gap in millimetres."""

    mm: float


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Forced new page (two-page editions of long forms)."""


Block = Line | Row | Heading | Para | Table | Space | PageBreak


@dataclass(frozen=True, slots=True)
class Signature:
    """A signature column: title, italic hint, and the printed name under the scribble."""

    title: str
    hint: str = "(Ký, ghi rõ họ, chữ đệm, tên)"
    name: str = ""


@dataclass(frozen=True, slots=True)
class Layout:
    """One printed edition/variant of a document type."""

    layout_id: str
    doc_type: str
    title: tuple[str, ...]
    blocks: tuple[Block, ...]
    recipient: str | None = "Kính gửi: {x_recipient}"
    form_code: str | None = None
    subtitle: str | None = None
    authority_header: bool = False
    certificate: bool = False
    closing: str = "{x_place}, {request_date:closing}"
    signatures: tuple[Signature, ...] = field(default_factory=tuple)

    @property
    def multi_page(self) -> bool:
        """True when the layout forces a second page."""
        return any(isinstance(b, PageBreak) for b in self.blocks)


DECLARATION = Para(
    "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước "
    "pháp luật về cam đoan của mình."
)
REQUESTER = Signature("NGƯỜI YÊU CẦU", name="{applicant_name}")
