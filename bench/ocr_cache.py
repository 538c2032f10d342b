"""Run the real pipeline over a labelled folder and keep its OCR output beside the truth.

    python -m bench.ocr_cache --data DIR [--workers N]

Writes DIR/ocr/<scan file name>.json: {"file", "pages": [{"source_page", "text", "words",
"width", "height", "rotation", "skew", "confidence", "text_source"}]} where words are
[text, left, top, right, bottom, confidence, line] in the stored (upright, levelled) page
image's pixels. Classifier and extraction work can then iterate without re-running OCR
(CONVENTIONS.md: cache OCR output where the test is not about OCR itself).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from intake.config import Settings
from intake.pipeline import Pipeline, Source
from intake.pipeline.pool import make_pool
from intake.warehouse.models import Document
from intake.warehouse.repository import Warehouse


def cache(data: Path, workers: int) -> int:
    scans = sorted(p for p in data.iterdir() if p.is_file() and p.suffix.lower() != ".jsonl")
    out = data / "ocr"
    out.mkdir(exist_ok=True)
    written = 0
    with tempfile.TemporaryDirectory() as tmp:
        # One document per file (no splitting), every status kept: the cache is about what OCR
        # read on each page of each file, not about what later stages decided.
        settings = Settings(data_dir=Path(tmp), workers=workers, split_dossiers=False)
        warehouse = Warehouse.open(settings)
        pool = make_pool(settings, workers)
        try:
            records = Pipeline(settings, warehouse, pool).run(Source(p) for p in scans)
            for record in records:
                if record.document_id is None or record.status == "quarantined":
                    continue
                with warehouse.sessions() as session:
                    document = session.get(Document, record.document_id)
                    if document is None or not document.pages:
                        continue
                    pages = [
                        {
                            "source_page": p.source_page,
                            "text": p.text,
                            "words": p.words,
                            "width": p.width,
                            "height": p.height,
                            "rotation": p.rotation,
                            "skew": p.skew,
                            "confidence": p.confidence,
                            "text_source": p.text_source,
                        }
                        for p in document.pages
                    ]
                name = Path(record.source).name
                target = out / f"{name}.json"
                target.write_text(
                    json.dumps({"file": name, "pages": pages}, ensure_ascii=False), "utf-8"
                )
                written += 1
        finally:
            pool.close()
            warehouse.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=0)
    args = parser.parse_args()
    print(cache(args.data, args.workers or Settings().effective_workers), "files cached")


if __name__ == "__main__":
    main()
