"""Synthetic name bands to train the name-line recogniser on (`intake.ocr.name_line`).

Each sample is a name in bold capitals as the zone reader cuts it from a card warped to
1300 px wide: the line ~54 px high with fragments of the label above and the birth-date
line below, then captured as a phone would: shrunk to the photo's pixels (1-2x for a card
photographed alone, 2-3.8x for the card on a photographed A4 copy), blurred (σ 0.2-1.4
photo pixels), sometimes shaken (3 or 5 px), noised and JPEG-compressed, and enlarged back
to the sheet's scale. The names are a listed surname and one to three listed name
syllables (`values.names.SURNAMES`, `values.given_names`), a quarter of the syllables made
up from Vietnamese onsets, rhymes and tones so that every capital and mark is seen, not
only the listed names'. Nothing here is the sample generator's code or output.
"""

from __future__ import annotations

import random
import unicodedata
from functools import cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

_LIB = "/usr/share/fonts/truetype/liberation2"
_DJV = "/usr/share/fonts/truetype/dejavu"
#: The machine's faces that have every Vietnamese capital (the URW faces lack the stacked
#: marks: Ệ, Ỗ, Ặ ...), and how often each is drawn.
FONTS = {
    f"{_LIB}/LiberationSerif-Bold.ttf": 0.35,
    f"{_LIB}/LiberationSans-Bold.ttf": 0.15,
    f"{_DJV}/DejaVuSerif-Bold.ttf": 0.15,
    f"{_DJV}/DejaVuSans-Bold.ttf": 0.1,
    f"{_DJV}/DejaVuSerifCondensed-Bold.ttf": 0.15,
    f"{_DJV}/DejaVuSansCondensed-Bold.ttf": 0.1,
}
_SMALL = (f"{_LIB}/LiberationSerif-Regular.ttf", f"{_DJV}/DejaVuSans.ttf")
_LABELS = ("Họ và tên / Full name:", "Họ, chữ đệm và tên khai sinh / Full name",
           "Số định danh cá nhân / Personal identification number")

_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
_ONSETS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
           "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")
_RHYMES = ("a", "ai", "am", "an", "ang", "anh", "ao", "at", "ac", "ach", "ay", "ăm", "ăn", "ăng",
           "ăt", "âm", "ân", "âng", "ât", "âu", "ây", "e", "em", "en", "eo", "et", "ê", "êm",
           "ên", "ênh", "êt", "êu", "i", "ia", "im", "in", "inh", "it", "ich", "iu", "iêm", "iên",
           "iêt", "iêu", "o", "oa", "oai", "oan", "oang", "oanh", "oat", "oc", "oi", "om", "on",
           "ong", "ot", "ô", "ôi", "ôm", "ôn", "ông", "ôt", "ôc", "ơ", "ơi", "ơm", "ơn", "ơt",
           "u", "ua", "ui", "um", "un", "ung", "ut", "uc", "uân", "uât", "uê", "uy", "uyên",
           "uyêt", "uynh", "ư", "ưa", "ưi", "ưng", "ưt", "ưc", "ươi", "ương", "ươn", "ươt", "ươc",
           "ưu", "y", "yên", "yêt", "yêu")
_VOWELS = "aăâeêioôơuưy"


def _toned(word: str, tone: str) -> str:
    """``word`` with ``tone`` on a plausible vowel (a hatted or horned one first): the
    glyphs, not the spelling rules, are what the model learns here."""
    vowels = [i for i, c in enumerate(word) if c in _VOWELS]
    if not tone or not vowels:
        return word
    marked = [i for i in vowels if word[i] in "ăâêôơư"]
    closed = word[-1] not in _VOWELS
    at = marked[-1] if marked else (vowels[-1] if closed or len(vowels) == 1 else vowels[0])
    return unicodedata.normalize("NFC", word[:at + 1] + tone + word[at + 1:])


@cache
def _lists() -> tuple[tuple[str, ...], tuple[str, ...]]:
    from intake.extract.values.given_names import listed_syllables
    from intake.extract.values.names import SURNAMES

    return tuple(SURNAMES), listed_syllables()


def random_name(rng: random.Random) -> str:
    """A listed surname and one to three name syllables, in NFC capitals."""
    surnames, given = _lists()
    words = [rng.choice(surnames)]
    for _ in range(rng.choices((1, 2, 3), weights=(0.3, 0.5, 0.2))[0]):
        words.append(rng.choice(given) if rng.random() < 0.75 else
                     _toned(rng.choice(_ONSETS) + rng.choice(_RHYMES), rng.choice(_TONES)))
    return unicodedata.normalize("NFC", " ".join(words).upper())


def _shaken(image: np.ndarray, length: int, angle: float) -> np.ndarray:
    kernel = np.zeros((2 * length + 1, 2 * length + 1), np.float32)
    for t in np.linspace(-length / 2, length / 2, 4 * length):
        kernel[round(length + t * np.sin(angle)), round(length + t * np.cos(angle))] = 1
    return cv2.filter2D(image, -1, kernel / kernel.sum())


def render_band(rng: random.Random, text: str) -> np.ndarray:
    """``text`` as a captured name band at the card sheet's scale (grey, uint8)."""
    return render_band_scaled(rng, text)[0]


def render_band_scaled(rng: random.Random, text: str) -> tuple[np.ndarray, float]:
    """`render_band` and how many times the band was shrunk for its capture."""
    size = rng.randint(28, 36)
    font = ImageFont.truetype(rng.choices(list(FONTS), weights=list(FONTS.values()))[0], size)
    width, height, base = int(font.getlength(text)) + rng.randint(30, 120), 150, 75
    canvas = Image.new("L", (width, height), rng.randint(150, 245))
    draw = ImageDraw.Draw(canvas)
    ink = rng.randint(0, 70)
    draw.text((rng.randint(8, 40), base), text, font=font, fill=ink, anchor="ls")
    small = ImageFont.truetype(rng.choice(_SMALL), rng.randint(18, 24))
    if rng.random() < 0.8:
        draw.text((rng.randint(0, 20), base - size - rng.randint(4, 14)), rng.choice(_LABELS),
                  font=small, fill=ink + rng.randint(0, 60), anchor="ls")
    if rng.random() < 0.8:
        draw.text((rng.randint(0, 20), base + rng.randint(30, 44)),
                  f"Ngày sinh / Date of birth: {rng.randint(1, 28):02d}/"
                  f"{rng.randint(1, 12):02d}/{rng.randint(1940, 2010)}",
                  font=small, fill=ink + rng.randint(0, 60), anchor="ls")
    noise = np.random.default_rng(rng.randrange(1 << 30))
    image = np.asarray(canvas).astype(np.float32)
    rows, cols = np.mgrid[0:height, 0:width]
    image += rng.uniform(-25, 25) * cols / width + rng.uniform(-15, 15) * rows / height
    image += noise.normal(0, rng.uniform(0, 6), image.shape)
    sheet, scale = captured(rng, noise, image)
    top = max(0, base - size + rng.randint(-12, 4) - 6)
    band: np.ndarray = sheet[top:top + 54 + rng.randint(-4, 4), :]
    return band, scale


def captured(rng: random.Random, noise: np.random.Generator,
             image: np.ndarray) -> tuple[np.ndarray, float]:
    """``image`` (float grey, the card sheet's scale) as a phone captures it and the zone
    reader enlarges it back: shrunk to the photo's pixels (a card alone 1-2x smaller, on a
    photographed copy 2-3.8x), blurred (σ 0.2-1.4 photo pixels), sometimes shaken (3 or 5
    px), noised and JPEG-compressed, then enlarged to its size; and the shrink taken."""
    height, width = image.shape
    scale = rng.choice((rng.uniform(1.0, 2.0), rng.uniform(2.0, 3.8), rng.uniform(2.5, 3.8)))
    low = cv2.resize(np.clip(image, 0, 255), (max(8, int(width / scale)),
                                              max(8, int(height / scale))),
                     interpolation=cv2.INTER_AREA)
    low = cv2.GaussianBlur(low, (0, 0), rng.choice((rng.uniform(0.2, 0.7), rng.uniform(0.6, 1.0),
                                                    rng.uniform(0.9, 1.4))))
    shake = rng.choices((0, 3, 5), weights=(0.7, 0.15, 0.15))[0]
    if shake:
        low = _shaken(low, shake, rng.uniform(0, np.pi))
    low = np.clip(low + noise.normal(0, rng.uniform(1, 6), low.shape), 0, 255).astype(np.uint8)
    _, jpeg = cv2.imencode(".jpg", low, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(35, 92)])
    sheet = cv2.resize(cv2.imdecode(jpeg, cv2.IMREAD_GRAYSCALE), (width, height),
                       interpolation=cv2.INTER_CUBIC)
    return sheet, scale
