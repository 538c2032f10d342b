"""Font families available on the build machine (Debian fonts-liberation2, fonts-dejavu-core).

Official documents are set in Times New Roman (Decree 30/2020); Liberation Serif is metrically
compatible and is used most of the time; DejaVu and sans faces add variety for OCR training.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PIL import ImageFont

_LIB = "/usr/share/fonts/truetype/liberation2"
_DJV = "/usr/share/fonts/truetype/dejavu"


@dataclass(frozen=True, slots=True)
class FontFamily:
    """Paths of the four faces of one family."""

    name: str
    regular: str
    bold: str
    italic: str
    bold_italic: str

    def path(self, *, bold: bool = False, italic: bool = False) -> str:
        """Path of the requested face."""
        if bold and italic:
            return self.bold_italic
        if bold:
            return self.bold
        return self.italic if italic else self.regular


FAMILIES: dict[str, FontFamily] = {
    "liberation_serif": FontFamily(
        "liberation_serif", f"{_LIB}/LiberationSerif-Regular.ttf",
        f"{_LIB}/LiberationSerif-Bold.ttf", f"{_LIB}/LiberationSerif-Italic.ttf",
        f"{_LIB}/LiberationSerif-BoldItalic.ttf",
    ),
    "dejavu_serif": FontFamily(
        "dejavu_serif", f"{_DJV}/DejaVuSerif.ttf", f"{_DJV}/DejaVuSerif-Bold.ttf",
        f"{_DJV}/DejaVuSerif-Italic.ttf", f"{_DJV}/DejaVuSerif-BoldItalic.ttf",
    ),
    "liberation_sans": FontFamily(
        "liberation_sans", f"{_LIB}/LiberationSans-Regular.ttf",
        f"{_LIB}/LiberationSans-Bold.ttf", f"{_LIB}/LiberationSans-Italic.ttf",
        f"{_LIB}/LiberationSans-BoldItalic.ttf",
    ),
    "dejavu_sans": FontFamily(
        "dejavu_sans", f"{_DJV}/DejaVuSans.ttf", f"{_DJV}/DejaVuSans-Bold.ttf",
        f"{_DJV}/DejaVuSans-Oblique.ttf", f"{_DJV}/DejaVuSans-BoldOblique.ttf",
    ),
}
FAMILY_WEIGHTS: dict[str, float] = {
    "liberation_serif": 0.72, "dejavu_serif": 0.12, "liberation_sans": 0.1, "dejavu_sans": 0.06,
}
MONO = f"{_DJV}/DejaVuSansMono.ttf"


@functools.lru_cache(maxsize=256)
def load(path: str, size_px: int) -> ImageFont.FreeTypeFont:
    """Cached TrueType font at a pixel size."""
    return ImageFont.truetype(path, size_px)
