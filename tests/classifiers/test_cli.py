"""The two commands the main CLI mounts as `intake train` and `intake evaluate DIR`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import typer
from typer.testing import CliRunner

from classifiers.cli import evaluate_command, train_command
from classifiers.evaluate import evaluate

from .conftest import SAMPLES


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("train")(train_command)
    app.command("evaluate")(evaluate_command)
    return app


def _labelled_folder(tmp_path: Path, samples_ocr: dict) -> Path:
    """A folder shaped like a generated set: truth/ from samples/scans, ocr/ from the cache."""
    (tmp_path / "truth").mkdir()
    (tmp_path / "ocr").mkdir()
    for name, sample in samples_ocr.items():
        shutil.copy(SAMPLES / "truth" / f"{name}.json", tmp_path / "truth" / f"{name}.json")
        pages = [{"source_page": i, "text": t} for i, t in enumerate(sample["pages"], 1)]
        (tmp_path / "ocr" / f"{name}.json").write_text(
            json.dumps({"file": name, "pages": pages}, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_evaluate_reports_accuracy_f1_confusion_and_splits(tmp_path: Path,
                                                           samples_ocr: dict) -> None:
    """`intake evaluate DIR` prints accuracy, macro-F1, the confusion matrix and split counts;
    evaluate() returns the same figures (here all documents right, the dossier split)."""
    folder = _labelled_folder(tmp_path, samples_ocr)
    result = CliRunner().invoke(_app(), ["evaluate", str(folder)])
    assert result.exit_code == 0, result.output
    assert "macro-F1: 1.0000" in result.output and "confusion matrix" in result.output
    report = evaluate(folder)
    assert report.documents == 6 and report.accuracy == 1.0
    assert report.split["dossiers"] == report.split["dossiers_exact"] == 1
    assert sum(map(sum, report.confusion)) == 6


def test_train_command_options() -> None:
    """`intake train` takes --out, --seed, --n, --confirmed/--no-confirmed and --workers."""
    result = CliRunner().invoke(_app(), ["train", "--help"])
    assert result.exit_code == 0
    for option in ("--out", "--seed", "--n", "--confirmed", "--workers"):
        assert option in result.output
