"""Small rendered Vietnamese pages for tests that are about the pipeline, not the corpus."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SERIF = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"

#: Statuses of a file that was read and stored. Test pages that are not real forms are
#: classified with low confidence and go to review: that is the right outcome for them.
PROCESSED = frozenset({"stored", "needs_review"})

FORM_LINES = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "TỜ KHAI ĐĂNG KÝ KHAI SINH",
    "Họ, chữ đệm, tên: Nguyễn Thị Ngọc Ánh",
    "Ngày, tháng, năm sinh: 26/4/2018",
    "Số định danh cá nhân: 079203001234",
    "Nơi cư trú: phường Bến Thành, Thành phố Hồ Chí Minh",
    "Dân tộc: Kinh. Quốc tịch: Việt Nam",
    "Họ, chữ đệm, tên người cha: Trần Văn Đức",
    "Họ, chữ đệm, tên người mẹ: Lê Thị Hồng Nhung",
    "Kính gửi: Ủy ban nhân dân phường Bến Thành",
    "Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật",
    "Làm tại: Thành phố Hồ Chí Minh, ngày 05 tháng 3 năm 2024",
)


def render_page(
    lines: tuple[str, ...] = FORM_LINES, width: int = 2480, size: int = 48
) -> Image.Image:
    """A white A4-width page at 300 DPI with one text line per row (12-13 pt type)."""
    font = ImageFont.truetype(SERIF, size)
    height = 260 + len(lines) * int(size * 2.2)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    for row, text in enumerate(lines):
        draw.text((180, 160 + row * int(size * 2.2)), text, font=font, fill=0)
    return image


def words_of(lines: tuple[str, ...] = FORM_LINES) -> list[str]:
    return [word for line in lines for word in line.split()]


def zero_size_png(path: Path) -> Path:
    """A PNG whose header declares 0x0 pixels (with valid CRCs), as some broken scanners write."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 0, 0, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )
    return path


def text_layer_pdf(path: Path, lines: tuple[str, ...] = FORM_LINES) -> Path:
    """A born-digital PDF (real text layer), as exported by an office suite."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("Serif", "", SERIF)
    pdf.set_font("Serif", size=13)
    for text in lines:
        pdf.cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def encrypted_pdf(path: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("mat-khau")
    with path.open("wb") as handle:
        writer.write(handle)
    return path
