"""What the searchable PDF/A costs on top of intake: seconds and bytes per page.

    python -m bench.archive [--data samples/scans] [--pages 8] [--qualities 60,80,95]
                            [--ghostscript] [--out bench/results/archive.json]

The pages go through the real pipeline first (OCR not timed here: it is done once at intake
and reused). Then each document's PDF/A is built from the stored page images and words and
timed on its own: that is the extra work per page. Bytes are compared with the page JPEGs
the blob store already holds, so the overhead of the PDF (text layer, font, structure)
shows separately from the images. ``--qualities`` re-runs one page at other
INTAKE_PAGE_IMAGE_QUALITY settings; ``--ghostscript`` also converts each PDF with
Ghostscript's PDF/A path, to compare time, size, image re-encoding and validation.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from bench.output import emit
from intake.archive.pdfa import build_pdfa
from intake.archive.store import read_source
from intake.config import Settings
from intake.loading import SUPPORTED_SUFFIXES
from intake.pipeline import Pipeline, Source
from intake.pipeline.pool import make_pool
from intake.records import DocumentRecord
from intake.warehouse.repository import Warehouse
from schemas import load_schemas


def _process(settings: Settings, paths: list[Path]) -> tuple[list[DocumentRecord], float]:
    warehouse = Warehouse.open(settings)
    pool = make_pool(settings, 1)
    started = time.perf_counter()
    try:
        records = list(Pipeline(settings, warehouse, pool).run(Source(p) for p in paths))
    finally:
        pool.close()
        warehouse.close()
    return records, time.perf_counter() - started


def _pick(data: Path, pages: int) -> list[Path]:
    """Files in name order until about ``pages`` pages (PDFs counted with pdfinfo)."""
    picked, total = [], 0
    for path in sorted(data.iterdir()):
        if path.suffix.lower() not in SUPPORTED_SUFFIXES or total >= pages:
            continue
        count = 1
        if path.suffix.lower() == ".pdf":
            info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
            count = int(next(x.split()[1] for x in info.splitlines() if x.startswith("Pages:")))
        picked.append(path)
        total += count
    return picked


def _ghostscript(pdf: bytes, folder: Path) -> dict[str, Any]:
    from ocrmypdf.pdfa import generate_pdfa_ps
    from pikepdf.pdfa import validate_written

    src, out, stub = folder / "in.pdf", folder / "gs.pdf", folder / "pdfa.ps"
    src.write_bytes(pdf)
    generate_pdfa_ps(stub)
    started = time.perf_counter()
    subprocess.run(
        ["gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite", "-dPDFA=2",
         "-dPDFACompatibilityPolicy=1", "-sColorConversionStrategy=RGB",
         "-dPassThroughJPEGImages=true", f"-sOutputFile={out}", str(stub), str(src)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    ours = subprocess.run(["pdftotext", str(src), "-"], capture_output=True, text=True).stdout
    theirs = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    return {
        "seconds": seconds,
        "bytes": out.stat().st_size,
        "same_text": ours.split() == theirs.split(),
        "pikepdf_pdfa_2b_passed": validate_written(out, "2b").passed,
    }


def _measure(settings: Settings, records: list[DocumentRecord], gs: bool) -> list[dict[str, Any]]:
    schemas = load_schemas()
    warehouse = Warehouse.open(settings)
    rows = []
    try:
        ids = [r.document_id for r in records if r.document_id and r.pages]
        build_pdfa(read_source(warehouse, ids[0]), warehouse.blobs, schemas)  # warm-up
        for document_id in ids:
            source = read_source(warehouse, document_id)
            started = time.perf_counter()
            built = build_pdfa(source, warehouse.blobs, schemas)
            seconds = time.perf_counter() - started
            jpeg = sum(
                warehouse.blobs.path_for(p.image_sha256).stat().st_size
                for p in source.pages
                if p.image_sha256
            )
            row = {
                "document_id": document_id,
                "source": source.source_name,
                "pages": built.pages,
                "seconds": round(seconds, 3),
                "pdf_bytes": built.size,
                "jpeg_bytes": jpeg,
                "embedded_text_layer_pages": built.embedded_pages,
            }
            if gs:
                with tempfile.TemporaryDirectory() as folder:
                    row["ghostscript"] = _ghostscript(built.data, Path(folder))
            rows.append(row)
    finally:
        warehouse.close()
    return rows


def _quality_sweep(page: Path, qualities: list[int], root: Path) -> list[dict[str, Any]]:
    rows = []
    for quality in qualities:
        settings = Settings(data_dir=root / f"q{quality}", workers=1, page_image_quality=quality)
        records, _ = _process(settings, [page])
        (measured,) = _measure(settings, records[:1], gs=False)
        rows.append(
            {
                "quality": quality,
                "pdf_bytes_per_page": measured["pdf_bytes"] // measured["pages"],
                "seconds_per_page": round(measured["seconds"] / measured["pages"], 3),
            }
        )
    return rows


def _summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    pages = sum(r["pages"] for r in rows)
    per_page = [r["seconds"] / r["pages"] for r in rows]
    summary = {
        "documents": len(rows),
        "pages": pages,
        "seconds_per_page_mean": round(sum(r["seconds"] for r in rows) / pages, 3),
        "seconds_per_page_median_document": round(statistics.median(per_page), 3),
        "pdf_bytes_per_page": sum(r["pdf_bytes"] for r in rows) // pages,
        "jpeg_bytes_per_page": sum(r["jpeg_bytes"] for r in rows) // pages,
    }
    summary["overhead_bytes_per_page"] = (
        summary["pdf_bytes_per_page"] - summary["jpeg_bytes_per_page"]
    )
    gs_rows = [r["ghostscript"] for r in rows if "ghostscript" in r]
    if gs_rows:
        summary["ghostscript"] = {
            "seconds_per_page": round(sum(g["seconds"] for g in gs_rows) / pages, 3),
            "bytes_per_page": sum(g["bytes"] for g in gs_rows) // pages,
            "same_text_documents": sum(g["same_text"] for g in gs_rows),
            "validator_passed_documents": sum(g["pikepdf_pdfa_2b_passed"] for g in gs_rows),
        }
    return summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("samples/scans"))
    parser.add_argument("--pages", type=int, default=8)
    parser.add_argument("--qualities", default="60,80,95")
    parser.add_argument("--ghostscript", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as tmp:
        root = Path(tmp)
        settings = Settings(data_dir=root / "data", workers=1)
        paths = _pick(args.data, args.pages)
        records, intake_seconds = _process(settings, paths)
        rows = _measure(settings, records, args.ghostscript)
        result: dict[str, Any] = {"summary": _summary(rows)}
        result["summary"]["intake_seconds_per_page"] = round(
            intake_seconds / max(1, result["summary"]["pages"]), 3
        )
        qualities = [int(q) for q in args.qualities.split(",") if q]
        if qualities:
            single = next(p for p in paths if p.suffix.lower() != ".pdf")  # one page, one OCR
            result["jpeg_quality"] = _quality_sweep(single, qualities, root)
        result["documents"] = rows
    emit(result, args.out)


if __name__ == "__main__":
    main()
