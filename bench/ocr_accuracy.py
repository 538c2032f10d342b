"""OCR accuracy and speed of the real pipeline on a generated, labelled folder.

    python -m bench.ocr_accuracy --data DIR [--workers N] [--out bench/results/ocr.json]

DIR is the output of `intake samples generate` (scans plus truth/<file>.json). Every file is
run through the same Pipeline that `intake process` uses (fresh temporary warehouse), then
each stored page is compared with the truth page text. Exact duplicates are skipped (no OCR).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.metrics import ZERO, TextScore, missed_digit_groups, score
from bench.output import emit
from intake.config import Settings
from intake.pipeline import Pipeline, Source
from intake.pipeline.pool import make_pool
from intake.warehouse.models import Document
from intake.warehouse.repository import Warehouse


def _truth(data: Path, scan: Path) -> dict[str, Any]:
    return json.loads((data / "truth" / f"{scan.name}.json").read_text(encoding="utf-8"))


def _doc_type_of_page(truth: dict[str, Any], page_no: int) -> str:
    for doc in truth["documents"]:
        first, last = doc["source_pages"]
        if first <= page_no <= last:
            return str(doc["doc_type"])
    return "unknown"


def measure(data: Path, workers: int, extra_settings: dict[str, Any]) -> dict[str, Any]:
    scans = sorted(
        p for p in data.iterdir() if p.is_file() and (data / "truth" / f"{p.name}.json").is_file()
    )
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            data_dir=Path(tmp), workers=workers, **{"split_dossiers": False, **extra_settings}
        )  # one document per file: OCR is scored per file page
        warehouse = Warehouse.open(settings)
        pool = make_pool(settings, workers)
        pipeline = Pipeline(settings, warehouse, pool)
        started = time.perf_counter()
        records = list(pipeline.run(Source(p) for p in scans))
        elapsed = time.perf_counter() - started
        pool.close()
        by_type: dict[str, TextScore] = defaultdict(lambda: ZERO)
        by_profile: dict[str, TextScore] = defaultdict(lambda: ZERO)
        by_source: dict[str, TextScore] = defaultdict(lambda: ZERO)
        pages_scored = 0
        misses: list[dict[str, Any]] = []
        with warehouse.sessions() as session:
            for record in records:
                if record.document_id is None or record.status == "quarantined":
                    continue
                truth = _truth(data, Path(record.source))
                document = session.get(Document, record.document_id)
                for page in document.pages:
                    expected = truth["pages"][page.source_page - 1]["text"]
                    page_score = score(page.text, expected)
                    misses += [
                        {"file": Path(record.source).name, "page": page.source_page, "group": g}
                        for g in missed_digit_groups(page.text, expected)
                    ]
                    by_type[_doc_type_of_page(truth, page.source_page)] += page_score
                    by_profile[str(truth.get("profile"))] += page_score
                    by_source[page.text_source] += page_score
                    pages_scored += 1
        warehouse.close()
    total = sum(by_profile.values(), ZERO)
    return {
        "command": "python -m bench.ocr_accuracy " + " ".join(sys.argv[1:]),
        "data": str(data),
        "files": len(scans),
        "pages_ocr": pipeline.stats.pages,
        "pages_scored": pages_scored,
        "workers": workers,
        "seconds": round(elapsed, 2),
        "pages_per_minute": round(pipeline.stats.pages / elapsed * 60, 1) if elapsed else None,
        "seconds_per_page_cpu": {
            k: round(v / max(1, pipeline.stats.pages), 3)
            for k, v in pipeline.stats.stage_seconds.items()
        },
        "total": _row(total),
        "by_profile": {k: _row(v) for k, v in sorted(by_profile.items())},
        "by_type": {k: _row(v) for k, v in sorted(by_type.items())},
        "by_text_source": {k: _row(v) for k, v in sorted(by_source.items())},
        "digit_misses": misses,
        "settings": extra_settings,
        "machine": {
            "python": platform.python_version(),
            "cpu": platform.processor() or platform.machine(),
        },
    }


def _row(s: TextScore) -> dict[str, float | int]:
    return {
        "cer": round(s.cer, 4),
        "word_recall": round(s.word_recall, 4),
        "wer": round(s.wer, 4),
        "digit_groups": s.digit_groups,
        "digit_accuracy": round(s.digit_accuracy, 4),
        "words": s.words,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=0, help="0 = one per core")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--no-deskew", action="store_true")
    parser.add_argument("--no-orientation", action="store_true")
    parser.add_argument("--no-remove-lines", action="store_true")
    parser.add_argument("--no-cards", action="store_true")
    parser.add_argument("--no-reread-digits", action="store_true")
    parser.add_argument("--ocr-min-dpi", type=int)
    args = parser.parse_args()
    extra: dict[str, Any] = {}
    if args.no_deskew:
        extra["deskew"] = False
    if args.no_orientation:
        extra["detect_orientation"] = False
    if args.no_remove_lines:
        extra["remove_lines"] = False
    if args.no_cards:
        extra["read_cards"] = False
    if args.no_reread_digits:
        extra["reread_digits"] = False
    if args.ocr_min_dpi is not None:
        extra["ocr_min_dpi"] = args.ocr_min_dpi
    result = measure(args.data, args.workers or Settings().effective_workers, extra)
    emit(result, args.out)


if __name__ == "__main__":
    main()
