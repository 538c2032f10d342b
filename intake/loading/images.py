"""Raster inputs (JPEG, PNG, multi-page TIFF) with Pillow's decompression-bomb guard kept on."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from intake.errors import CorruptFileError, EmptyImageError, ImageTooLargeError

DEFAULT_DPI = 300


@contextmanager
def open_image(path: Path, max_pixels: int) -> Iterator[Image.Image]:
    """Open an image with the pixel limit enforced as an error, not a warning."""
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            try:
                image = Image.open(path)
            except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
                raise _too_large(max_pixels) from exc
            except UnidentifiedImageError as exc:
                declared = _png_declared_size(path)
                if declared is not None and 0 in declared:
                    check_size(declared, max_pixels)
                raise CorruptFileError(
                    "Ảnh bị hỏng hoặc không đọc được. / The image is damaged or unreadable."
                ) from exc
            except (OSError, SyntaxError, ValueError) as exc:
                raise CorruptFileError(
                    f"Ảnh bị hỏng: {exc}. / The image is damaged: {exc}."
                ) from exc
            with image:
                check_size(image.size, max_pixels)
                yield image
    finally:
        Image.MAX_IMAGE_PIXELS = previous


def _png_declared_size(path: Path) -> tuple[int, int] | None:
    """Width and height from a PNG header, for files Pillow refuses (a 0x0 image)."""
    with path.open("rb") as handle:
        head = handle.read(24)
    if len(head) < 24 or not head.startswith(b"\x89PNG\r\n\x1a\n") or head[12:16] != b"IHDR":
        return None
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def check_size(size: tuple[int, int], max_pixels: int) -> None:
    width, height = size
    if width <= 0 or height <= 0:
        raise EmptyImageError(
            f"Ảnh có kích thước {width}x{height}: không có nội dung để đọc. "
            f"/ The image is {width}x{height} pixels: nothing to read."
        )
    if width * height > max_pixels:
        raise _too_large(max_pixels, size)


def _too_large(max_pixels: int, size: tuple[int, int] | None = None) -> ImageTooLargeError:
    shown = f" ({size[0]}x{size[1]})" if size else ""
    return ImageTooLargeError(
        f"Ảnh quá lớn{shown}: vượt giới hạn {max_pixels:,} điểm ảnh. Hãy quét lại ở độ phân giải "
        f"300 DPI. / Image too large{shown}: over the {max_pixels:,}-pixel limit "
        "(INTAKE_MAX_IMAGE_PIXELS)."
    )


def frame_count(path: Path, max_pixels: int) -> int:
    with open_image(path, max_pixels) as image:
        return int(getattr(image, "n_frames", 1))


def load_frame(path: Path, index: int, max_pixels: int) -> tuple[Image.Image, int]:
    """Return frame ``index`` upright (EXIF orientation applied) as RGB or L, with its DPI."""
    with open_image(path, max_pixels) as image:
        try:
            image.seek(index)
            check_size(image.size, max_pixels)
            dpi = _dpi_of(image)
            image.load()
            upright = ImageOps.exif_transpose(image)
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise CorruptFileError(
                f"Không giải mã được trang {index + 1} của ảnh: {exc}. "
                f"/ Cannot decode page {index + 1} of the image: {exc}."
            ) from exc
        return _normal_mode(upright), dpi


def _normal_mode(image: Image.Image) -> Image.Image:
    """Grey for bilevel and grey scans (fax-style G4 TIFFs are common), RGB for the rest."""
    if image.mode in ("RGB", "L"):
        return image.copy()
    if image.mode in ("1", "I;16", "I;16B", "I", "F", "LA"):
        return image.convert("L")
    return image.convert("RGB")


def _dpi_of(image: Image.Image) -> int:
    dpi = image.info.get("dpi")
    try:
        value = round(float(dpi[0])) if dpi else 0
    except (TypeError, ValueError, IndexError):
        value = 0
    # Many phone photos and some scanners write 72 or 96 meaning "unknown".
    return value if 100 <= value <= 1200 else DEFAULT_DPI
