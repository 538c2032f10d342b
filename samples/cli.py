"""`intake samples ...`: a Typer sub-app the main CLI mounts (app.add_typer(app, "samples"))."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from .generator import DOC_TYPES, FORMATS, PROFILES, generate

app = typer.Typer(help="Synthetic labelled scans (no real citizen data).", no_args_is_help=True)


@app.callback()
def samples_group() -> None:
    """Synthetic labelled scans of Vietnamese administrative documents."""


def _split(value: str | None, allowed: tuple[str, ...], what: str) -> tuple[str, ...] | None:
    if not value:
        return None
    items = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [v for v in items if v not in allowed]
    if unknown:
        raise typer.BadParameter(f"unknown {what}: {', '.join(unknown)}; "
                                 f"choose from {', '.join(allowed)}")
    return items


@app.command("generate")
def generate_cmd(
    out: Annotated[Path, typer.Option("--out", help="Output directory.")],
    n: Annotated[int, typer.Option("--n", min=1, help="Number of scan files.")] = 20,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (same seed, same bytes).")] = 0,
    profile: Annotated[
        str, typer.Option("--profile", help="clean | scanned | hard | photo")
    ] = "scanned",
    types: Annotated[str | None, typer.Option("--types", help="Comma list of doc types.")] = None,
    formats: Annotated[str | None, typer.Option(
        "--formats", help="Comma list of pdf,jpeg,png,tiff.")] = None,
    dup_fraction: Annotated[float, typer.Option(
        "--dup-fraction", min=0.0, max=0.9, help="Share of files that are duplicates.")] = 0.10,
    reuse_fraction: Annotated[float, typer.Option(
        "--reuse-fraction", min=0.0, max=1.0, help="Chance a document reuses a person.")] = 0.10,
    workers: Annotated[int | None, typer.Option("--workers", help="Processes.")] = None,
) -> None:
    """Generate N scan files with truth JSON and a manifest under OUT."""
    if profile not in PROFILES:
        raise typer.BadParameter(f"profile must be one of {', '.join(PROFILES)}")
    start = time.perf_counter()
    paths = generate(out, n, seed, profile, types=_split(types, DOC_TYPES, "types"),
                     formats=_split(formats, FORMATS, "formats"), dup_fraction=dup_fraction,
                     reuse_fraction=reuse_fraction, workers=workers)
    counts = Counter(p.suffix.lower() for p in paths)
    typer.echo(f"wrote {len(paths)} files to {out} in {time.perf_counter() - start:.1f}s "
               f"({', '.join(f'{k}: {v}' for k, v in sorted(counts.items()))})")
