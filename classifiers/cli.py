"""Command-line entry points, mounted by the main CLI as ``intake train`` and ``intake evaluate``.

Plain functions with Typer annotations, so ``intake.cli`` mounts them with
``app.command("train")(train_command)`` and ``app.command("evaluate")(evaluate_command)``
and this package does not own the top-level command.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from classifiers.classifier import DEFAULT_THRESHOLD
from classifiers.store import DEFAULT_MODEL
from classifiers.train import DEFAULT_N, DEFAULT_SEED

__all__ = ["evaluate_command", "train_command"]


def train_command(
    out: Annotated[Path, typer.Option(help="Model file to write (atomically).")] = DEFAULT_MODEL,
    seed: Annotated[int, typer.Option(help="Generator seed of the training set.")] = DEFAULT_SEED,
    n: Annotated[int, typer.Option(help="Generated files to train on.")] = DEFAULT_N,
    confirmed: Annotated[
        bool,
        typer.Option(
            "--confirmed/--no-confirmed",
            help="Add every document an officer confirmed in the warehouse (INTAKE_* settings).",
        ),
    ] = False,
    workers: Annotated[int, typer.Option(help="Processes drawing the generated documents.")] = 1,
) -> None:
    """Train the document-type classifier (generated documents + officers' confirmations)."""
    from classifiers.train import train

    settings = None
    if confirmed:
        from intake.config import Settings

        settings = Settings()
    report = train(out, seed=seed, n=n, include_confirmed_from=settings, workers=workers)
    typer.echo(
        f"wrote {report.path} in {report.seconds:.1f} s: {report.examples} examples from "
        f"{report.generated_files} generated files and {report.confirmed_documents} confirmed "
        f"documents; training data sha256 {report.metadata['training_data_sha256'][:16]}…"
    )


def evaluate_command(
    folder: Annotated[Path, typer.Argument(help="Generated folder with truth/ (and ocr/).")],
    model: Annotated[
        Path | None, typer.Option(help="Model file (default: the shipped model).")
    ] = None,
    threshold: Annotated[float, typer.Option(help="Review threshold.")] = DEFAULT_THRESHOLD,
    workers: Annotated[int, typer.Option(help="OCR workers when ocr/ is missing (0: cores).")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Accuracy, macro-F1, confusion matrix and dossier splitting on a labelled folder."""
    from classifiers.evaluate import evaluate

    report = evaluate(folder, model, workers=workers, threshold=threshold)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(report.format())
