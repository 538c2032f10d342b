"""Key-field extraction accuracy and speed on a generated, labelled, OCR-cached folder.

    python -m bench.extraction --data DIR [--out bench/results/extraction_NAME.json]

DIR holds scans, truth/<file>.json (from `intake samples generate`) and ocr/<file>.json (from
`python -m bench.ocr_cache --data DIR`). Each truth document is extracted from its own pages
of the OCR cache with its true doc_type (classification is measured elsewhere). QR codes are
decoded from the scans of ID-card documents (cached in DIR/qr/) and passed as the pipeline
will. A field counts as correct when its value equals the truth value exactly; fields the truth
does not have but extraction returned are counted as spurious. Scores are macro-averaged over
(doc_type, field) pairs; extraction time is per page, QR decoding excluded (it runs in the OCR
worker).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.metrics import normalise
from bench.output import write_result
from intake.extract import PageWords, decode_qr, extract_document
from intake.loading import load_page


def _qr_for(data: Path, scan: Path, pages: list[int]) -> dict[int, list[str]]:
    """QR payloads per page of a scan, decoded once and cached under DIR/qr/."""
    cache = data / "qr" / f"{scan.name}.json"
    if cache.is_file():
        stored = json.loads(cache.read_text(encoding="utf-8"))
        if all(str(p) in stored for p in pages):
            return {int(k): v for k, v in stored.items()}
    stored = json.loads(cache.read_text(encoding="utf-8")) if cache.is_file() else {}
    fmt = "pdf" if scan.suffix.lower() == ".pdf" else "image"
    for page in pages:
        if str(page) not in stored:
            loaded = load_page(scan, fmt, page - 1, 300, 200_000_000)
            stored[str(page)] = decode_qr(loaded.image)
    cache.parent.mkdir(exist_ok=True)
    cache.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
    return {int(k): v for k, v in stored.items()}


def measure(data: Path, *, use_qr: bool = True, examples: int = 0) -> dict[str, Any]:
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    # per (type, field): truth present, correct, extracted-when-present, spurious,
    # printed string present verbatim in the OCR text (the ceiling OCR leaves extraction)
    timings: list[float] = []
    sources: dict[str, int] = defaultdict(int)
    wrong: list[dict[str, Any]] = []
    docs = reviewed = files = 0
    for truth_path in sorted((data / "truth").glob("*.json")):
        ocr_path = data / "ocr" / truth_path.name
        if not ocr_path.is_file():
            continue  # exact duplicates are not OCR'd by the pipeline
        files += 1
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        ocr = json.loads(ocr_path.read_text(encoding="utf-8"))
        by_page = {p["source_page"]: p for p in ocr["pages"]}
        scan = data / truth["file"]
        for doc in truth["documents"]:
            first, last = doc["source_pages"]
            numbers = [n for n in range(first, last + 1) if n in by_page]
            pages = [
                PageWords(
                    n,
                    by_page[n]["width"],
                    by_page[n]["height"],
                    by_page[n]["words"],
                    by_page[n].get("text_source", "ocr"),
                )
                for n in numbers
            ]
            qr: list[str] = []
            if use_qr and doc["doc_type"] == "id_card" and scan.is_file():
                for payloads in _qr_for(data, scan, numbers).values():
                    qr.extend(payloads)
            started = time.perf_counter()
            result = extract_document(doc["doc_type"], pages, qr_payloads=qr)
            timings.append((time.perf_counter() - started) / max(1, len(pages)))
            docs += 1
            reviewed += bool(result.review_reasons)
            expected: dict[str, str] = doc["fields"]
            printed: dict[str, str] = doc.get("extra", {}).get("printed", {})
            ocr_text = normalise(" ".join(by_page[n]["text"] for n in numbers))
            for key, got in result.fields.items():
                sources[got.source] += 1
                if key not in expected:
                    counts[(doc["doc_type"], key)][3] += 1
            for key, value in expected.items():
                row = counts[(doc["doc_type"], key)]
                row[0] += 1
                row[4] += key in printed and normalise(printed[key]) in ocr_text
                got_field = result.fields.get(key)
                row[2] += got_field is not None
                if got_field is not None and got_field.value == value:
                    row[1] += 1
                elif len(wrong) < examples:
                    wrong.append(
                        {
                            "file": truth["file"],
                            "layout": doc["layout"],
                            "field": key,
                            "truth": value,
                            "got": got_field.value if got_field else None,
                            "raw": got_field.raw if got_field else None,
                        }
                    )
    return _report(data, files, docs, reviewed, counts, timings, sources, wrong)


def _report(
    data: Path,
    files: int,
    docs: int,
    reviewed: int,
    counts: dict[tuple[str, str], list[int]],
    timings: list[float],
    sources: dict[str, int],
    wrong: list[dict[str, Any]],
) -> dict[str, Any]:
    per_field = {
        f"{t}.{k}": {
            "n": n,
            "exact": round(c / n, 4) if n else None,
            "found": round(f / n, 4) if n else None,
            "spurious": s,
            "printed_in_ocr": round(o / n, 4) if n else None,
        }
        for (t, k), (n, c, f, s, o) in sorted(counts.items())
    }
    scored = [v["exact"] for v in per_field.values() if v["exact"] is not None]
    by_type: dict[str, list[float]] = defaultdict(list)
    for name, row in per_field.items():
        if row["exact"] is not None:
            by_type[name.split(".")[0]].append(row["exact"])
    total_n = sum(r[0] for r in counts.values())
    total_c = sum(r[1] for r in counts.values())
    ceiling = [v["printed_in_ocr"] for v in per_field.values() if v["printed_in_ocr"] is not None]
    ms = sorted(t * 1000 for t in timings)
    return {
        "data": str(data),
        "files": files,
        "documents": docs,
        "documents_with_review_reasons": reviewed,
        "field_exact_macro": round(statistics.mean(scored), 4) if scored else None,
        "field_exact_micro": round(total_c / total_n, 4) if total_n else None,
        "printed_in_ocr_macro": round(statistics.mean(ceiling), 4) if ceiling else None,
        "spurious_fields": sum(r[3] for r in counts.values()),
        "ms_per_page": {
            "mean": round(statistics.mean(ms), 2) if ms else None,
            "p95": round(ms[int(0.95 * (len(ms) - 1))], 2) if ms else None,
            "max": round(ms[-1], 2) if ms else None,
        },
        "by_type_macro": {t: round(statistics.mean(v), 4) for t, v in sorted(by_type.items())},
        "by_field": per_field,
        "sources": dict(sources),
        "machine": {
            "python": platform.python_version(),
            "cpu": platform.processor() or platform.machine(),
        },
        "mismatches": wrong,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--no-qr", action="store_true", help="OCR only, no QR payloads")
    parser.add_argument("--examples", type=int, default=0, help="list N mismatches")
    args = parser.parse_args()
    result = {
        "command": "python -m bench.extraction " + " ".join(sys.argv[1:]),
        **measure(args.data, use_qr=not args.no_qr, examples=args.examples),
    }
    write_result(result, args.out)
    summary = {
        k: result[k]
        for k in (
            "field_exact_macro",
            "field_exact_micro",
            "documents",
            "spurious_fields",
            "ms_per_page",
            "by_type_macro",
        )
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
