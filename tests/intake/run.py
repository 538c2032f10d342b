"""Run the real pipeline in-process for tests."""

from __future__ import annotations

from pathlib import Path

from intake.config import Settings
from intake.pipeline import Pipeline, Source
from intake.pipeline.pool import make_pool
from intake.records import DocumentRecord
from intake.warehouse.repository import Warehouse


def run_pipeline(
    settings: Settings, paths: list[Path], workers: int | None = None
) -> list[DocumentRecord]:
    warehouse = Warehouse.open(settings)
    pool = make_pool(settings, workers)
    try:
        return list(Pipeline(settings, warehouse, pool).run(Source(p) for p in paths))
    finally:
        pool.close()
        warehouse.close()
