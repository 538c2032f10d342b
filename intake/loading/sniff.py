"""Recognise a file's real type from its first bytes, never from its name.

Clerks rename files and scanners mislabel them; a text file called ``.jpg`` must be refused
with a clear reason instead of crashing an image decoder deep in the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from intake.errors import EmptyFileError, UnsupportedTypeError

SUPPORTED_SUFFIXES = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"})


@dataclass(frozen=True, slots=True)
class FileKind:
    format: str  # pdf | jpeg | png | tiff
    media_type: str


_MAGIC: tuple[tuple[bytes, FileKind], ...] = (
    (b"\xff\xd8\xff", FileKind("jpeg", "image/jpeg")),
    (b"\x89PNG\r\n\x1a\n", FileKind("png", "image/png")),
    (b"II*\x00", FileKind("tiff", "image/tiff")),
    (b"MM\x00*", FileKind("tiff", "image/tiff")),
    (b"II+\x00", FileKind("tiff", "image/tiff")),  # BigTIFF
    (b"MM\x00+", FileKind("tiff", "image/tiff")),
)

PDF = FileKind("pdf", "application/pdf")


def sniff(path: Path, name: str | None = None) -> FileKind:
    """``name`` is the file's name as the clerk saw it (``path`` may be a blob)."""
    with path.open("rb") as handle:
        head = handle.read(1024)
    if not head:
        raise EmptyFileError(
            "Tệp rỗng (0 byte): có thể máy quét chưa ghi xong hoặc lỗi khi sao chép. "
            "/ The file is empty (0 bytes)."
        )
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if b"%PDF-" in head:
        return PDF
    raise UnsupportedTypeError(
        f"'{name or path.name}' không phải tệp PDF, JPEG, PNG hay TIFF (nội dung không khớp với "
        f"tên tệp). / '{name or path.name}' is not a PDF, JPEG, PNG or TIFF file."
    )
