"""Helpers for job tests: tiny real scans and waiting on the queue."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from intake.jobs import queue
from intake.warehouse.repository import Warehouse
from tests.pages import SERIF


def tiny_scan(path: Path, text: str) -> Path:
    """A small real image with one line of text: cheap to OCR, unique bytes per text."""
    image = Image.new("L", (420, 70), 255)
    ImageDraw.Draw(image).text((10, 15), text, font=ImageFont.truetype(SERIF, 36), fill=0)
    image.save(path, dpi=(300, 300))
    return path


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def all_finished(warehouse: Warehouse, expected: int) -> bool:
    counts = queue.counts(warehouse)
    return counts.get("done", 0) + counts.get("failed", 0) >= expected and not (
        counts.get("queued") or counts.get("running")
    )
