"""The OCR engine contract shared by every engine.

Engines are stateless from the pipeline's point of view: they take one page image and give
back words and lines with boxes in *that image's* pixel coordinates. The pipeline owns
parallelism (one engine instance per worker process, one OCR thread each), so an engine must
not spawn its own thread pools.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from PIL import Image

Box = tuple[int, int, int, int]
"""(left, top, right, bottom) in pixels of the page image handed to the engine."""


#: Slashes an engine sometimes emits for the "/" of a date or a registration number
#: ("15⁄03/1973"): no form prints them, and a date with one no longer parses.
_SLASH_LOOKALIKES = str.maketrans({"\u2044": "/", "\u2215": "/", "\u29f8": "/", "\uff0f": "/"})


def nfc(text: str) -> str:
    """NFC-normalise text at the engine boundary (engines emit decomposed marks at times) and
    fold look-alike slashes to "/"."""
    return unicodedata.normalize("NFC", text).translate(_SLASH_LOOKALIKES)


@dataclass(frozen=True, slots=True)
class OcrWord:
    text: str
    box: Box
    confidence: float  # 0..1


@dataclass(frozen=True, slots=True)
class OcrLine:
    words: tuple[OcrWord, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def box(self) -> Box:
        return union_box(w.box for w in self.words)

    @property
    def confidence(self) -> float:
        if not self.words:
            return 0.0
        return sum(w.confidence for w in self.words) / len(self.words)


@dataclass(frozen=True, slots=True)
class PageText:
    """What an engine (or a PDF text layer) read on one page."""

    lines: tuple[OcrLine, ...]
    width: int
    height: int
    engine: str
    source: str = "ocr"  # "ocr" | "text-layer"
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def words(self) -> list[OcrWord]:
        return [w for line in self.lines for w in line.words]

    @property
    def confidence(self) -> float:
        """Mean word confidence weighted by word length; 0 for an empty page."""
        words = self.words
        total = sum(len(w.text) for w in words)
        if total == 0:
            return 0.0
        return sum(w.confidence * len(w.text) for w in words) / total


def map_boxes(lines: Iterable[OcrLine], box: Callable[[Box], Box]) -> list[OcrLine]:
    """The same lines with every word's box passed through ``box``: words read on a crop or an
    enlarged copy placed back in the page's pixels."""
    return [
        OcrLine(tuple(OcrWord(w.text, box(w.box), w.confidence) for w in line.words))
        for line in lines
    ]


def shifted(dx: int, dy: int) -> Callable[[Box], Box]:
    """A box mapping that moves a box by (dx, dy): from a crop at (dx, dy) to its page."""
    return lambda b: (b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy)


def union_box(boxes: object) -> Box:
    items = list(boxes)  # type: ignore[call-overload]
    if not items:
        return (0, 0, 0, 0)
    return (
        min(b[0] for b in items),
        min(b[1] for b in items),
        max(b[2] for b in items),
        max(b[3] for b in items),
    )


@runtime_checkable
class OcrEngine(Protocol):
    """An OCR engine. ``name`` is stored with each page so results stay traceable."""

    name: str

    def recognize(self, image: Image.Image, dpi: int = 300) -> PageText:
        """Read one page image scanned at ``dpi``.

        Raises :class:`intake.errors.OcrError` on engine failure."""
        ...

    def detect_orientation(self, image: Image.Image) -> int | None:
        """Degrees (0/90/180/270, counter-clockwise as in PIL's ``Image.rotate``) that turn
        the page upright, or ``None`` when the engine cannot tell."""
        ...


@runtime_checkable
class LineReader(Protocol):
    """An engine that can also read one cropped line with a restricted character set (used
    to re-read digit fields the page pass was unsure of). Optional: engines without it simply
    get no re-reads."""

    def read_line(self, image: Image.Image, dpi: int, charset: str) -> tuple[str, float]:
        """Text of the single line in ``image`` (only characters of ``charset``) and its mean
        confidence 0..1."""
        ...
