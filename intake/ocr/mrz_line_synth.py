"""Synthetic MRZ rows to train the MRZ-line recogniser on (`intake.ocr.mrz_line`).

Each sample is one TD1 line (30 characters of ``A-Z 0-9 <``) as `mrz_assembly.second_lines`
cuts it from a card back warped to 1300 px wide: the MRZ band's full width (1260 px), the
row's ink with a third of its height of padding, in a monospaced face 36-44 px high, then
captured as a phone would: sometimes under glare (a bright patch that washes part of the row
out), shrunk to the photo's pixels (1-2x for a card photographed alone, 2-3.8x for the card
on a photographed A4 copy), blurred, sometimes shaken, noised and JPEG-compressed, and
enlarged back to the sheet's scale.

The lines are mostly shaped as a Vietnamese card's (``IDVNM`` + document number + check
digit + the 12-digit number; birth date, sex, expiry, ``VNM`` and fillers; SURNAME<<GIVEN
<NAMES from the listed names), with the check digits computed, and a fifth are random runs
of the alphabet and fillers, so that the model learns the glyphs rather than one card's
lines. The faces: OCR-B (Debian's ``fonts-ocr-b``, the face ICAO 9303 prescribes, used when
installed) and the machine's monospaced faces (DejaVu Sans Mono, Liberation Mono, Nimbus
Mono). Nothing here is the sample generator's code or output.
"""

from __future__ import annotations

import random
import string
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from intake.ocr.name_line_synth import captured

#: Monospaced faces and how often each is drawn (OCR-B only where installed).
FONTS = {
    "/usr/share/fonts/opentype/ocr-b/OCRB.otf": 0.4,
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf": 0.3,
    "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf": 0.15,
    "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf": 0.15,
}
#: The MRZ band's width on the 1300 px card sheet (`card_zones.ZONES`' back zone).
BAND_WIDTH = 1260
TD1 = 30


@cache
def _faces() -> tuple[tuple[str, ...], tuple[float, ...]]:
    present = {path: w for path, w in FONTS.items() if Path(path).is_file()}
    if not present:
        raise FileNotFoundError("no monospaced face to draw MRZ rows with: install Debian's "
                                "fonts-ocr-b or fonts-dejavu-core")
    return tuple(present), tuple(present.values())


@cache
def _names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    from intake.extract.text import fold
    from intake.extract.values.given_names import listed_syllables
    from intake.extract.values.names import SURNAMES

    return (tuple(fold(s).upper() for s in SURNAMES),
            tuple(fold(s).upper() for s in listed_syllables()))


@cache
def _provinces() -> tuple[str, ...]:
    from intake.extract.idnumber import OLD_PROVINCE_BY_CODE

    return tuple(sorted(OLD_PROVINCE_BY_CODE))


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _date(rng: random.Random) -> str:
    return f"{rng.randint(0, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"


def random_line(rng: random.Random) -> str:
    """One 30-character line: a card's number, dates or names line, or (a fifth) noise."""
    from intake.extract.mrz import check_digit  # the reader's own, ICAO 9303's 7-3-1

    kind = rng.choices(("number", "dates", "names", "random"), weights=(0.27, 0.27, 0.26, 0.2))[0]
    if kind == "number":
        number = f"{rng.choice(_provinces())}{rng.choice('0123')}{_digits(rng, 8)}"
        line = f"IDVNM{number[3:]}{check_digit(number[3:])}{number}"
        tail = rng.choice(("<<<", f"<<{rng.choice(string.digits)}"))
        return line + tail
    if kind == "dates":
        born, expires = _date(rng), rng.choice((_date(rng), "991231"))
        body = (f"{born}{check_digit(born)}{rng.choice('MF<')}{expires}{check_digit(expires)}VNM"
                + "<" * 11)
        return body + rng.choice(string.digits)
    if kind == "names":
        surnames, given = _names()
        words = [rng.choice(surnames), *(rng.choice(given)
                                         for _ in range(rng.choice((1, 2, 2, 3, 4))))]
        return (words[0] + "<<" + "<".join(words[1:]))[:TD1].ljust(TD1, "<")
    alphabet = string.ascii_uppercase + string.digits
    out = []
    while len(out) < TD1:
        out.extend(rng.choice(alphabet) for _ in range(rng.randint(1, 9)))
        out.extend("<" * rng.choice((0, 1, 1, 2, 3, 6)))
    return "".join(out[:TD1])


def render_row(rng: random.Random, text: str) -> np.ndarray:
    """``text`` as one captured MRZ row cut from the band at the card sheet's scale (grey,
    uint8)."""
    return render_row_scaled(rng, text)[0]


def render_row_scaled(rng: random.Random, text: str) -> tuple[np.ndarray, float]:
    """`render_row` and how many times the row was shrunk for its capture."""
    faces, weights = _faces()
    size = rng.randint(36, 44)
    font = ImageFont.truetype(rng.choices(faces, weights=weights)[0], size)
    cap = font.getbbox("H")[3] - font.getbbox("H")[1]
    width, height, base = BAND_WIDTH, 150, 95
    paper = rng.randint(150, 245)
    canvas = Image.new("L", (width, height), paper)
    draw = ImageDraw.Draw(canvas)
    ink = rng.randint(0, 80)
    x = rng.randint(10, 80)
    spacing = rng.uniform(62, 72)
    for dy, line in ((-spacing, random_line(rng)), (0.0, text), (spacing, random_line(rng))):
        draw.text((x, base + dy), line, font=font, fill=ink, anchor="ls")
    noise = np.random.default_rng(rng.randrange(1 << 30))
    image = np.asarray(canvas).astype(np.float32)
    rows, cols = np.ogrid[0:height, 0:width]
    rows, cols = rows.astype(np.float32), cols.astype(np.float32)
    image += rng.uniform(-25, 25) * cols / width + rng.uniform(-15, 15) * rows / height
    if rng.random() < 0.3:  # a faint guilloche behind the print
        period, phase = rng.uniform(15, 60), rng.uniform(0, 6.3)
        image += rng.uniform(3, 15) * np.sin(cols / period + rows / (period * 0.7) + phase)
    if rng.random() < 0.35:  # glare: a bright patch washing part of the row out
        cx, cy = rng.uniform(0, width), base - cap / 2 + rng.uniform(-60, 60)
        rx, ry = rng.uniform(80, 400), rng.uniform(30, 120)
        glare = np.exp(-(((cols - cx) / rx) ** 2 + ((rows - cy) / ry) ** 2))
        image = image * (1 - rng.uniform(0.4, 0.85) * glare) + 255 * rng.uniform(0.4, 0.85) * glare
    image += noise.normal(0, rng.uniform(0, 6), image.shape)
    sheet, scale = captured(rng, noise, image)
    # the row's ink and a third of its height either side, as `second_lines` cuts it
    pad = max(2, cap // 3) + rng.randint(-3, 4)
    top = max(0, base - cap - pad + rng.randint(-4, 4))
    bottom = min(height, base + pad + rng.randint(-4, 4))
    row: np.ndarray = sheet[top:bottom, :]
    return row, scale
