"""ID cards (CCCD 2016/2021 and Căn cước 2024) drawn as cards and photocopied onto A4.

The front/back split follows DOMAIN.md: CCCD prints origin, residence and expiry on the front
with the QR code; Căn cước moves residence, expiry and the QR code to the back. A field printed
only on the back is in the truth only when the back is copied too.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import qrcode
from PIL import Image, ImageDraw, ImageFont

from . import decor, fonts
from .canvas import Box, FieldSpan, TextLine
from .idnumbers import mrz_lines
from .printing import format_date, upper_vn
from .record import DocumentRecord

CARD_MM = (85.6, 53.98)
RED = (200, 30, 35)
DARK = (25, 30, 40)


@dataclass
class CardSide:
    """One drawn side of a card with its text lines and field boxes (card pixels)."""

    image: Image.Image
    lines: list[TextLine] = field(default_factory=list)
    fields: dict[str, FieldSpan] = field(default_factory=dict)


class CardPainter:
    """Draws bilingual label/value lines on a card image at a given scale."""

    def __init__(self, size: tuple[int, int], family: str, rng: random.Random,
                 tint: tuple[int, int, int]) -> None:
        self.w, self.h = size
        self.k = self.w / 1011
        self.family = fonts.FAMILIES[family]
        self.side = CardSide(_card_background(size, tint, rng))
        self.d = ImageDraw.Draw(self.side.image)

    def font(self, px: float, *, bold: bool = False) -> ImageFont.FreeTypeFont:
        """Font of the card family at a size given in base (scale 1) pixels."""
        return fonts.load(self.family.path(bold=bold), max(8, round(px * self.k)))

    def text(self, x: float, y: float, text: str, font: ImageFont.FreeTypeFont,
             fill: tuple[int, int, int] = DARK) -> Box:
        """Draw text at base coordinates (x, y) and return its box in card pixels."""
        px, py = x * self.k, y * self.k
        self.d.text((px, py), text, font=font, fill=fill)
        return (round(px), round(py), round(px + font.getlength(text)),
                round(py + font.size * 1.15))

    def line(self, x: float, y: float, parts: list[tuple[str, ImageFont.FreeTypeFont,
             str | None]], fill: tuple[int, int, int] = DARK, gap: float = 8) -> None:
        """Draw segments left to right on one baseline; record the text line and fields."""
        ascent = max(font.getmetrics()[0] for _, font, _ in parts)
        base = y * self.k + ascent
        boxes = []
        for text, font, key in parts:
            px = x * self.k
            self.d.text((px, base), text, font=font, fill=fill, anchor="ls")
            asc, desc = font.getmetrics()
            box = (round(px), round(base - asc), round(px + font.getlength(text)),
                   round(base + desc))
            if key and key not in self.side.fields:
                self.side.fields[key] = FieldSpan(key, text, 0, box)
            boxes.append(box)
            x = box[2] / self.k + gap
        self.side.lines.append(TextLine(" ".join(p[0] for p in parts), 0,
                                        (boxes[0][0], boxes[0][1], boxes[-1][2], boxes[-1][3])))

    def wrapped(self, x: float, y: float, label: str, value: str, key: str,
                width: float, step: float) -> float:
        """Label then value, continuing on following lines; returns the next y."""
        lf, vf = self.font(21), self.font(25, bold=True)
        words = value.split(" ")
        room = width - lf.getlength(label + " ") / self.k
        first: list[str] = []
        while words and vf.getlength(" ".join([*first, words[0]])) / self.k < room:
            first.append(words.pop(0))
        self.line(x, y, [(label, lf, None), (" ".join(first), vf, None)] if first
                  else [(label, lf, None)])
        rest_lines: list[str] = []
        while words:
            cur: list[str] = []
            while words and (not cur or vf.getlength(" ".join([*cur, words[0]])) / self.k < width):
                cur.append(words.pop(0))
            rest_lines.append(" ".join(cur))
        for i, text in enumerate(rest_lines):
            self.line(x, y + step * (i + 1), [(text, vf, None)])
        printed = " ".join([" ".join(first), *rest_lines]).strip()
        box = self.side.lines[-1 - len(rest_lines)].box
        self.side.fields.setdefault(key, FieldSpan(key, printed, 0, box))
        return y + step * (len(rest_lines) + 1)

    def header(self, title: str, subtitle: str) -> None:
        """Emblem, bilingual national motto and the card title."""
        d, k = self.d, self.k
        d.ellipse([20 * k, 18 * k, 120 * k, 118 * k], fill=RED)
        decor_star(d, (70 * k, 68 * k), 36 * k)
        f_b, f_s = self.font(22, bold=True), self.font(19)
        cx = 540
        for y, text, font in ((18, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f_b),
                              (44, "SOCIALIST REPUBLIC OF VIET NAM", f_s),
                              (68, "Độc lập - Tự do - Hạnh phúc", f_b),
                              (94, "Independence - Freedom - Happiness", f_s)):
            self.line(cx - font.getlength(text) / k / 2, y, [(text, font, None)])
        ft, fs = self.font(40, bold=True), self.font(22)
        self.line(cx - ft.getlength(title) / k / 2, 124, [(title, ft, None)], fill=RED)
        self.line(cx - fs.getlength(subtitle) / k / 2, 170, [(subtitle, fs, None)])

    def qr(self, payload: str, box: tuple[float, float, float]) -> None:
        """Paste a QR code of `payload` at base (x, y) with base side length."""
        x, y, side = box
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=1,
                             box_size=4)
        code.add_data(payload.encode("utf-8"))
        code.make(fit=True)
        img = code.make_image(fill_color="black", back_color="white").get_image().convert("RGB")
        n = round(side * self.k)
        self.side.image.paste(img.resize((n, n), Image.NEAREST), (round(x * self.k),
                                                                  round(y * self.k)))


def decor_star(d: ImageDraw.ImageDraw, c: tuple[float, float], r: float) -> None:
    """Yellow five-pointed star of the emblem."""
    import math

    pts = [(c[0] + (r if i % 2 == 0 else r * 0.4) * math.cos(-math.pi / 2 + i * math.pi / 5),
            c[1] + (r if i % 2 == 0 else r * 0.4) * math.sin(-math.pi / 2 + i * math.pi / 5))
           for i in range(10)]
    d.polygon(pts, fill=(250, 215, 40))


def _card_background(size: tuple[int, int], tint: tuple[int, int, int],
                     rng: random.Random) -> Image.Image:
    """Tinted card with a faint wave pattern (hurts QR decoding like the real one)."""
    w, h = size
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    phase = rng.uniform(0, 6.28)
    wave = 0.5 + 0.5 * np.sin(xs / (w / 14) + np.sin(ys / (h / 5) + phase) * 2.0)
    base = np.array(tint, dtype=np.float32)
    img = base * (0.93 + 0.07 * wave[..., None]) + (255 - base) * 0.15 * (ys / h)[..., None]
    out = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, w - 1, h - 1], radius=round(w * 0.04),
                                           fill=255)
    card = Image.new("RGB", size, (255, 255, 255))
    card.paste(out, (0, 0), mask)
    ImageDraw.Draw(card).rounded_rectangle([0, 0, w - 1, h - 1], radius=round(w * 0.04),
                                           outline=(110, 110, 110), width=3)
    return card


def _d(v: object) -> str:
    assert isinstance(v, date)
    return format_date(v, "slash_padded")


def draw_front(rec: DocumentRecord, size: tuple[int, int], family: str, rng: random.Random,
               qr_payload: str | None) -> CardSide:
    """Front side: CCCD (with origin, residence, expiry, QR) or Căn cước (identity only)."""
    v = rec.values
    cancuoc = v["x_generation"] == "cancuoc"
    p = CardPainter(size, family, rng, (205, 232, 236) if not cancuoc else (214, 228, 246))
    lf, vf, big = p.font(21), p.font(25, bold=True), p.font(34, bold=True)
    name = upper_vn(str(v["full_name"]))
    decor.photo_box(p.side.image, tuple(round(c * p.k) for c in (30, 215, 250, 505)), rng)
    if cancuoc:
        p.header("CĂN CƯỚC", "IDENTITY CARD")
        p.line(280, 210, [("Số định danh cá nhân / Personal identification number:", lf, None)])
        p.line(280, 240, [(str(v["id_number"]), big, "id_number")], fill=RED)
        p.line(280, 290, [("Họ, chữ đệm và tên khai sinh / Full name:", lf, None)])
        p.line(280, 318, [(name, vf, "full_name")])
        p.line(280, 362, [("Ngày, tháng, năm sinh / Date of birth:", lf, None),
                          (_d(v["date_of_birth"]), vf, "date_of_birth")])
        p.line(280, 402, [("Giới tính / Sex:", lf, None), (str(v["sex"]), vf, "sex"),
                          ("Quốc tịch / Nationality:", lf, None),
                          (str(v["nationality"]), vf, "nationality")])
        return p.side
    p.header("CĂN CƯỚC CÔNG DÂN", "Citizen Identity Card")
    if qr_payload:
        p.qr(qr_payload, (860, 20, 135))
    p.line(280, 205, [("Số / No.:", lf, None), (str(v["id_number"]), big, "id_number")],
           fill=RED)
    p.line(280, 250, [("Họ và tên / Full name:", lf, None)])
    p.line(280, 276, [(name, vf, "full_name")])
    p.line(280, 314, [("Ngày sinh / Date of birth:", lf, None),
                      (_d(v["date_of_birth"]), vf, "date_of_birth")])
    p.line(280, 348, [("Giới tính / Sex:", lf, None), (str(v["sex"]), vf, "sex"),
                      ("Quốc tịch / Nationality:", lf, None),
                      (str(v["nationality"]), vf, "nationality")])
    y = p.wrapped(280, 382, "Quê quán / Place of origin:", str(v["place_of_origin"]),
                  "place_of_origin", 700, 32)
    p.wrapped(280, y + 2, "Nơi thường trú / Place of residence:",
              str(v["place_of_residence"]), "place_of_residence", 700, 32)
    expiry = v["expiry_date"]
    p.line(30, 512, [("Có giá trị đến:", p.font(19), None)])
    p.line(30, 538, [(_d(expiry) if expiry else "Không thời hạn", p.font(21, bold=True),
                      "expiry_date" if expiry else None)])
    p.line(30, 566, [("Date of expiry", p.font(19), None)])
    return p.side


def draw_back(rec: DocumentRecord, size: tuple[int, int], family: str, rng: random.Random,
              qr_payload: str | None) -> CardSide:
    """Back side: marks/issue date/MRZ (CCCD) or residence/expiry/QR/MRZ (Căn cước)."""
    v = rec.values
    cancuoc = v["x_generation"] == "cancuoc"
    p = CardPainter(size, family, rng, (222, 236, 238) if not cancuoc else (224, 232, 246))
    lf, vf = p.font(21), p.font(24, bold=True)
    if cancuoc:
        p.d.rounded_rectangle([40 * p.k, 40 * p.k, 150 * p.k, 125 * p.k], radius=10 * p.k,
                              fill=(212, 175, 80), outline=(150, 120, 50), width=2)
        if qr_payload:
            p.qr(qr_payload, (850, 20, 140))
        y = p.wrapped(190, 40, "Nơi cư trú / Place of residence:",
                      str(v["place_of_residence"]), "place_of_residence", 640, 30)
        y = p.wrapped(190, y + 4, "Nơi đăng ký khai sinh / Place of birth:",
                      str(v["x_birth_registration"]), "x_birth_registration", 640, 30)
        p.line(190, y + 6, [("Ngày, tháng, năm cấp / Date of issue:", lf, None),
                            (_d(v["x_issue_date"]), vf, None)])
        expiry = v["expiry_date"]
        p.line(190, y + 40, [("Ngày, tháng, năm hết hạn / Date of expiry:", lf, None),
                             (_d(expiry) if expiry else "Không thời hạn", vf,
                              "expiry_date" if expiry else None)])
        p.line(190, y + 78, [("BỘ CÔNG AN", p.font(22, bold=True), None),
                             ("MINISTRY OF PUBLIC SECURITY", p.font(19), None)])
    else:
        p.line(40, 30, [("Đặc điểm nhân dạng / Personal identification:", lf, None)])
        p.line(40, 60, [(str(v["x_marks"]), vf, None)])
        p.line(40, 110, [("Ngày, tháng, năm / Date, month, year:", lf, None),
                         (_d(v["x_issue_date"]), vf, None)])
        for i, text in enumerate(("CỤC TRƯỞNG CỤC CẢNH SÁT", "QUẢN LÝ HÀNH CHÍNH",
                                  "VỀ TRẬT TỰ XÃ HỘI")):
            p.line(60, 150 + 28 * i, [(text, p.font(20, bold=True), None)])
        p.line(90, 290, [(str(v["x_signer"]), p.font(23, bold=True), None)])
        for i, label in enumerate(("Ngón trỏ trái", "Ngón trỏ phải")):
            x0 = 600 + i * 200
            p.d.rectangle([x0 * p.k, 60 * p.k, (x0 + 170) * p.k, 270 * p.k],
                          outline=(90, 90, 90), width=2)
            for r in range(8, 80, 9):
                p.d.ellipse([(x0 + 85 - r * 0.8) * p.k, (165 - r) * p.k,
                             (x0 + 85 + r * 0.8) * p.k, (165 + r) * p.k],
                            outline=(120, 120, 130), width=2)
            p.line(x0 + 10, 28, [(label, p.font(18), None)])
    mono = fonts.load(fonts.MONO, round(31 * p.k))
    born: date = v["date_of_birth"]  # type: ignore[assignment]
    expiry_d: date | None = v["expiry_date"]  # type: ignore[assignment]
    for i, text in enumerate(mrz_lines(str(v["id_number"]), str(v["full_name"]), born,
                                       str(v["sex"]), expiry_d)):
        p.line(45, 452 + 52 * i, [(text, mono, None)])
    return p.side
