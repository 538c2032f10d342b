"""When is a scanner's file complete? When its size and mtime have not changed for a while
and it can be opened (Paperless-ngx's stability tracker)."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float


class StabilityTracker:
    def __init__(self, settle_seconds: float, clock: object = time.monotonic) -> None:
        self.settle = settle_seconds
        self.clock = clock
        self._seen: dict[Path, _Seen] = {}

    def touch(self, path: Path) -> None:
        """Note a file (new, or changed): its settle time starts again if it changed."""
        try:
            stat = path.stat()
        except FileNotFoundError:
            self._seen.pop(path, None)
            return
        now = self.clock()  # type: ignore[operator]
        previous = self._seen.get(path)
        if previous is None or (previous.size, previous.mtime_ns) != (
            stat.st_size,
            stat.st_mtime_ns,
        ):
            self._seen[path] = _Seen(stat.st_size, stat.st_mtime_ns, now)

    def forget(self, path: Path) -> None:
        self._seen.pop(path, None)

    def ready(self) -> list[Path]:
        """Files unchanged for the settle time, still present and openable."""
        now = self.clock()  # type: ignore[operator]
        done: list[Path] = []
        for path in list(self._seen):
            self.touch(path)  # re-stat: a growing file restarts its clock
            seen = self._seen.get(path)
            if seen is None or now - seen.since < self.settle:
                continue
            if _can_open(path):
                done.append(path)
        return sorted(done)

    def __len__(self) -> int:
        return len(self._seen)


def _can_open(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    os.close(fd)
    return True
