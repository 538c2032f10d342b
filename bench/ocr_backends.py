"""tesserocr (in-process libtesseract) against pytesseract (a `tesseract` process per page).

    python -m bench.ocr_backends --data DIR [--pages N] [--out bench/results/ocr_backends.json]

Same pages, same model, one process, OMP_THREAD_LIMIT=1: the difference is the per-page cost
of the subprocess, image encoding and model loading that the in-process API avoids.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from bench.output import emit
from intake.loading import SUPPORTED_SUFFIXES, inspect, load_page
from intake.ocr.tesseract import TesseractEngine


def _pages(data: Path, limit: int) -> list[tuple[object, int]]:
    pages: list[tuple[object, int]] = []
    for path in sorted(data.iterdir()):
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        info = inspect(path, 100, 200_000_000)
        for index in range(info.page_count):
            loaded = load_page(path, info.kind.format, index, 300, 200_000_000)
            pages.append((loaded.image, loaded.dpi))
            if len(pages) >= limit:
                return pages
    return pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    pages = _pages(args.data, args.pages)
    result: dict[str, object] = {"pages": len(pages)}
    texts: dict[str, list[str]] = {}
    for backend in ("tesserocr", "cli"):
        engine = TesseractEngine(backend=backend)
        engine.recognize(pages[0][0], pages[0][1])  # warm-up: model load is a one-off per worker
        started = time.perf_counter()
        texts[backend] = [engine.recognize(image, dpi).text for image, dpi in pages]  # type: ignore[arg-type]
        result[f"{backend}_seconds_per_page"] = round(
            (time.perf_counter() - started) / len(pages), 3
        )
    result["same_text"] = texts["tesserocr"] == texts["cli"]
    result["cli_over_tesserocr"] = round(
        float(result["cli_seconds_per_page"]) / float(result["tesserocr_seconds_per_page"]),
        3,  # type: ignore[arg-type]
    )
    emit(result, args.out)


if __name__ == "__main__":
    main()
