"""Benchmark corpora: generated with a seed no development run used, cached under bench/out/."""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def corpus(
    name: str, n: int, seed: int, profile: str, formats: str | None = None, duplicates: bool = True
) -> Path:
    """Generate (once) ``n`` files; reuse the folder when it is already complete.

    ``duplicates=False`` for speed benchmarks: an exact duplicate skips OCR, which would flatter
    the pipeline against a raw engine that reads every file."""
    from samples import generate

    folder = OUT / f"{name}-{profile}-n{n}-s{seed}{'' if duplicates else '-nodup'}"
    marker = folder / ".complete"
    if not marker.exists():
        generate(
            folder,
            n,
            seed,
            profile,
            formats=formats.split(",") if formats else None,
            dup_fraction=0.1 if duplicates else 0.0,
            dossier_fraction=0.05 if duplicates else 0.0,
        )
        marker.write_text("ok\n")
    return folder
