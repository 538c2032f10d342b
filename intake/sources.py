"""Which files a command-line path stands for."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

from intake.loading import SUPPORTED_SUFFIXES

#: Names scanners and copy tools use while a file is still being written.
TEMPORARY_PATTERNS = ("*.part", "*.tmp", "~*", ".*")


def is_temporary(path: Path) -> bool:
    return any(path.match(pattern) for pattern in TEMPORARY_PATTERNS)


def expand(paths: list[Path]) -> Iterator[Path]:
    """Named files are taken as they are (a wrong type is quarantined, not skipped); folders
    are walked for scan files only, in a stable order, skipping temporary and hidden names."""
    for path in paths:
        if path.is_dir():
            for child in sorted(
                path.rglob("*"), key=lambda p: unicodedata.normalize("NFC", str(p))
            ):
                if (
                    child.is_file()
                    and child.suffix.lower() in SUPPORTED_SUFFIXES
                    and not any(is_temporary(Path(part)) for part in child.relative_to(path).parts)
                ):
                    yield child
        else:
            yield path
