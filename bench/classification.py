"""Document-type classification and dossier splitting on a labelled, OCR'd folder.

    python -m bench.classification --data DIR [--generate --seed S --n N --profile P
        [--dossier-fraction F]] [--model PATH] [--workers N] [--out bench/results/X.json]

With --generate, DIR is first filled by samples.generate (use a seed never used in training
or development: the shipped model's training seed is in classifiers/models/doctype.json).
When DIR has no ocr/ cache the real pipeline produces it (cache_ocr below). Then
classifiers.evaluate measures accuracy, macro-F1, the confusion matrix and exact dossier
splits, and the time `segment()` adds per document is measured separately (model already
loaded, as in a worker process, best of --repeat runs).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench.output import write_result
from classifiers import load_classifier
from classifiers.evaluate import evaluate_scans, load_labelled
from classifiers.store import DEFAULT_MODEL, load_model


def cache_ocr(data: Path, workers: int) -> int:
    """Write DIR/ocr/<file>.json with bench.ocr_cache (dossier splitting off, documents sent
    to review kept: the classifier is what is measured, and leaving out the files the pipeline
    doubted would flatter it)."""
    from bench.ocr_cache import cache

    return cache(data, workers)


def _timing(data: Path, model: Path | None, repeat: int) -> dict[str, Any]:
    started = time.perf_counter()
    load_model(model or DEFAULT_MODEL)  # uncached: what a worker pays once, at start
    load_seconds = time.perf_counter() - started
    clf = load_classifier(model)
    scans = load_labelled(data)
    per_doc: list[float] = []
    for scan in scans:
        best = min(_once(clf, scan.pages) for _ in range(repeat))
        per_doc.extend([best / len(scan.documents)] * len(scan.documents))
    per_doc.sort()
    return {
        "model_load_seconds": round(load_seconds, 3),
        "documents": len(per_doc),
        "ms_per_document_mean": round(statistics.fmean(per_doc), 3) if per_doc else None,
        "ms_per_document_p95": round(per_doc[int(0.95 * (len(per_doc) - 1))], 3)
        if per_doc else None,
        "ms_per_document_max": round(per_doc[-1], 3) if per_doc else None,
    }


def _once(clf: Any, pages: list[str]) -> float:
    started = time.perf_counter()
    clf.segment(pages)
    return 1000 * (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--generate", action="store_true", help="generate DIR first")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--n", type=int, default=80)
    parser.add_argument("--profile", default="scanned")
    parser.add_argument("--dossier-fraction", type=float, default=0.05)
    parser.add_argument("--model", type=Path, help="default: the shipped model")
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--workers", type=int, default=0, help="OCR/generation workers")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()

    from intake.config import Settings

    workers = args.workers or Settings().effective_workers
    if args.generate and not (args.data / "truth").is_dir():
        if args.seed is None:
            parser.error("--generate needs --seed")
        from samples import generate

        generate(args.data, args.n, args.seed, args.profile,
                 dossier_fraction=args.dossier_fraction, workers=workers)
    if not (args.data / "ocr").is_dir():
        print(cache_ocr(args.data, workers), "files OCR'd", file=sys.stderr)
    clf = load_classifier(args.model)
    report = evaluate_scans(clf, load_labelled(args.data), str(args.data), args.threshold)
    result = {
        "command": "python -m bench.classification " + " ".join(sys.argv[1:]),
        "data": str(args.data),
        "generated": {"seed": args.seed, "n": args.n, "profile": args.profile,
                      "dossier_fraction": args.dossier_fraction} if args.generate else None,
        **report.to_dict(),
        "timing": _timing(args.data, args.model, args.repeat),
        "machine": {"python": platform.python_version(),
                    "cpu": platform.processor() or platform.machine()},
    }
    print(report.format())
    print(json.dumps(result["timing"]))
    write_result(result, args.out)


if __name__ == "__main__":
    main()
