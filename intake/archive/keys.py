"""Which archive PDF was built from which inputs, kept beside the blobs.

The blob store is content-addressed, so the PDF of a document cannot be found by its
document id alone. A small key file, named by the SHA-256 of everything the PDF is made from
(``ArchiveSource.cache_key``), holds the PDF's SHA-256. Key files live under
``<blob root>/keys/pdfa/`` (never a two-hex-digit folder, so they cannot collide with blobs),
are written atomically like blobs, and are safe to delete: the PDF is rebuilt on demand.
Once ``documents.pdf_sha256`` exists it records the latest PDF for listing; the key file
still tells whether that PDF is current.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from intake.errors import StorageError

_SHA = re.compile(r"^[0-9a-f]{64}$")


class KeyIndex:
    def __init__(self, blob_root: Path, kind: str = "pdfa") -> None:
        self.folder = blob_root / "keys" / kind

    def _path(self, key: str) -> Path:
        if not _SHA.match(key):
            raise StorageError(f"Khóa không hợp lệ / invalid key: {key!r}")
        return self.folder / key

    def get(self, key: str) -> str | None:
        try:
            value = self._path(key).read_text(encoding="ascii").strip()
        except (FileNotFoundError, UnicodeDecodeError):
            return None
        return value if _SHA.match(value) else None

    def put(self, key: str, sha256: str) -> None:
        target = self._path(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=self.folder)
            with os.fdopen(fd, "w", encoding="ascii") as out:
                out.write(sha256 + "\n")
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            raise StorageError(f"Không ghi được khóa lưu trữ / cannot write key: {exc}") from exc
