"""Write scan pages as PDF, JPEG, PNG or TIFF, byte-identically for the same input.

Pillow stamps PDFs with the current time; we pass fixed dates so a seed reproduces the same
bytes (checksums are how the pipeline spots exact duplicates, so they must be stable).
"""

from __future__ import annotations

import time
from pathlib import Path

from PIL import Image

FORMATS: tuple[str, ...] = ("pdf", "jpeg", "png", "tiff")
MULTI_PAGE_FORMATS: frozenset[str] = frozenset({"pdf", "tiff"})
FIXED_TIME = time.struct_time((2025, 1, 1, 0, 0, 0, 2, 1, 0))


def save_scan(pages: list[Image.Image], path: Path, fmt: str, dpi: int, quality: int) -> None:
    """Save pages in `fmt`; single-image formats accept exactly one page."""
    if fmt not in MULTI_PAGE_FORMATS and len(pages) != 1:
        raise ValueError(f"{fmt} holds one page, got {len(pages)}")
    first, rest = pages[0], pages[1:]
    if fmt == "jpeg":
        first.save(path, "JPEG", quality=quality, dpi=(dpi, dpi))
    elif fmt == "png":
        first.save(path, "PNG", dpi=(dpi, dpi), compress_level=6)
    elif fmt == "tiff":
        compression = "tiff_deflate" if quality >= 90 else "jpeg"
        extra = {} if compression == "tiff_deflate" else {"quality": quality}
        first.save(path, "TIFF", save_all=True, append_images=rest, dpi=(dpi, dpi),
                   compression=compression, **extra)
    elif fmt == "pdf":
        first.save(path, "PDF", save_all=True, append_images=rest, resolution=float(dpi),
                   quality=quality, creationDate=FIXED_TIME, modDate=FIXED_TIME,
                   producer="samples generator", title=path.stem)
    else:
        raise ValueError(f"unknown format {fmt!r}")


def extension(fmt: str, variant: int = 0) -> str:
    """File extension, with the common alternatives (.jpeg, .tif) on odd variants."""
    choices = {"pdf": (".pdf", ".pdf"), "jpeg": (".jpg", ".jpeg"), "png": (".png", ".png"),
               "tiff": (".tif", ".tiff")}
    return choices[fmt][variant % 2]
