"""End-to-end throughput against raw Tesseract, and peak memory of a batch run.

    python -m bench.throughput --pages N [--workers W] [--memory-pages A,B] [--out FILE]

Both sides get the same generated single-page PNG scans (no duplicates), the same language
(`vie`), the same cores and one OCR thread per process:
- raw: the `tesseract` CLI, one process per page, W at a time (what a script would do);
- intake: `intake batch DIR --workers W` in a fresh warehouse (receive, blob store, deskew,
  line removal, card finding, OCR, page images, database), wall clock including start-up.
Memory: peak RSS summed over the batch process tree, sampled every 0.2 s, for a run of A
pages and of B pages: nothing proportional to the corpus may stay in memory.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psutil

from bench.corpus import corpus
from bench.output import emit

SEED = 424242  # never used while developing


def _pages(n: int) -> list[Path]:
    folder = corpus("throughput", n, SEED, "scanned", formats="png", duplicates=False)
    return sorted(folder.glob("*.png"))


def raw_tesseract(pages: list[Path], workers: int) -> dict[str, Any]:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def one(page: Path) -> None:
        subprocess.run(
            ["tesseract", str(page), "stdout", "-l", "vie", "--psm", "3"],
            check=True,
            capture_output=True,
            env=env,
        )

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, pages))
    seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 2), "pages_per_minute": round(len(pages) / seconds * 60, 1)}


def _batch(folder: Path, workers: int, data: Path) -> tuple[float, int, dict[str, Any]]:
    env = {**os.environ, "INTAKE_DATA_DIR": str(data), "COLUMNS": "120"}
    report = data / "report.json"
    cmd = [
        sys.executable,
        "-m",
        "intake",
        "batch",
        str(folder),
        "--workers",
        str(workers),
        "--report",
        str(report),
    ]
    started = time.perf_counter()
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    parent = psutil.Process(process.pid)
    while process.poll() is None:
        try:
            tree = [parent, *parent.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"intake batch failed with {process.returncode}")
    return seconds, peak, json.loads(report.read_text())


def intake_batch(pages: list[Path], workers: int) -> dict[str, Any]:
    folder = pages[0].parent
    with tempfile.TemporaryDirectory() as tmp:
        seconds, peak, report = _batch(folder, workers, Path(tmp))
    return {
        "seconds": round(seconds, 2),
        "pages_per_minute": round(report["pages_total"] / seconds * 60, 1),
        "pages": report["pages_total"],
        "jobs": report["jobs"],
        "peak_rss_mb": round(peak / 2**20, 1),
    }


def stage_breakdown(pages: list[Path]) -> dict[str, float]:
    """CPU seconds per page in each pipeline stage (one process, from the pipeline's clock)."""
    from intake.config import Settings
    from intake.pipeline import Pipeline, Source
    from intake.pipeline.pool import make_pool
    from intake.warehouse.repository import Warehouse

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), workers=1)
        warehouse = Warehouse.open(settings)
        pool = make_pool(settings, 1)
        pipeline = Pipeline(settings, warehouse, pool)
        list(pipeline.run(Source(p) for p in pages))
        pool.close()
        warehouse.close()
    n = max(1, pipeline.stats.pages)
    return {k: round(v / n, 3) for k, v in sorted(pipeline.stats.stage_seconds.items())}


def memory(sizes: list[int], workers: int) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for n in sizes:
        folder = corpus("memory", n, SEED + 1, "scanned", formats="png", duplicates=False)
        with tempfile.TemporaryDirectory() as tmp:
            seconds, peak, report = _batch(folder, workers, Path(tmp))
        result[str(n)] = {
            "peak_rss_mb": round(peak / 2**20, 1),
            "pages": report["pages_total"],
            "seconds": round(seconds, 1),
        }
    small, large = (result[str(s)]["peak_rss_mb"] for s in (min(sizes), max(sizes)))
    result["ratio_large_over_small"] = round(large / small, 3) if small else None
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--memory-pages", default="", help="e.g. 100,1000 (empty: skip)")
    parser.add_argument("--stages-pages", type=int, default=10)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    pages = _pages(args.pages)
    raw = raw_tesseract(pages, args.workers)
    ours = intake_batch(pages, args.workers)
    result: dict[str, Any] = {
        "command": " ".join(["python -m bench.throughput", *sys.argv[1:]]),
        "pages": len(pages),
        "workers": args.workers,
        "raw_tesseract": raw,
        "intake_batch": ours,
        "ratio_intake_over_raw": round(ours["pages_per_minute"] / raw["pages_per_minute"], 3),
        "stage_seconds_per_page": stage_breakdown(pages[: args.stages_pages]),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
    }
    if args.memory_pages:
        result["memory"] = memory([int(x) for x in args.memory_pages.split(",")], args.workers)
    emit(result, args.out)


if __name__ == "__main__":
    main()
