"""The scan-to-warehouse pipeline."""

from __future__ import annotations

from intake.pipeline.process import Pipeline, RunStats, Source

__all__ = ["Pipeline", "RunStats", "Source"]
