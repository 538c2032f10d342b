"""How every benchmark hands over its result: JSON on standard output and, with ``--out``, the
same JSON in a file that bench/run.py turns into docs/benchmarks.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write_result(result: dict[str, Any], out: Path | None) -> None:
    """Keep ``result`` at ``out`` (UTF-8, Vietnamese left readable), creating its folder."""
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def rates(groups: dict[str, list[dict[str, bool]]], count: str) -> dict[str, dict[str, Any]]:
    """Each group's share of True per key (3 decimals), and its size under ``count``: the
    per-scale tables of the line-recogniser benchmarks (`bench.name_line`, `bench.mrz_line`)."""
    return {where: {key: round(sum(r[key] for r in got) / len(got), 3) for key in got[0]}
            | {count: len(got)} for where, got in sorted(groups.items())}


def emit(result: dict[str, Any], out: Path | None) -> None:
    """Print ``result`` and keep it with ``write_result``."""
    print(json.dumps(result, ensure_ascii=False, indent=2))
    write_result(result, out)
