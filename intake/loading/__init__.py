"""Turn a stored source file into page images (and text layers), one page at a time."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from intake.errors import TooManyPagesError
from intake.loading import images, pdf
from intake.loading.sniff import SUPPORTED_SUFFIXES, FileKind, sniff
from intake.ocr.base import PageText

__all__ = ["SUPPORTED_SUFFIXES", "FileKind", "LoadedPage", "SourceInfo", "inspect", "load_page"]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    kind: FileKind
    page_count: int


@dataclass(slots=True)
class LoadedPage:
    image: Image.Image
    dpi: int
    text_layer: PageText | None


def inspect(path: Path, max_pages: int, max_pixels: int, name: str | None = None) -> SourceInfo:
    """Validate the file enough to plan its pages; raises a BadInputError subclass if unusable."""
    kind = sniff(path, name)
    count = pdf.page_count(path) if kind.format == "pdf" else images.frame_count(path, max_pixels)
    if count > max_pages:
        raise TooManyPagesError(
            f"Tệp có {count} trang, vượt giới hạn {max_pages} trang: hãy tách thành nhiều tệp. "
            f"/ The file has {count} pages, over the {max_pages}-page limit (INTAKE_MAX_PAGES)."
        )
    return SourceInfo(kind=kind, page_count=count)


def load_page(path: Path, fmt: str, index: int, dpi: int, max_pixels: int) -> LoadedPage:
    if fmt == "pdf":
        layer = pdf.text_layer(path, index, dpi)
        return LoadedPage(pdf.render_page(path, index, dpi, max_pixels), dpi, layer)
    image, image_dpi = images.load_frame(path, index, max_pixels)
    return LoadedPage(image, image_dpi, None)
