"""Evaluate a model on a labelled folder: classification and dossier splitting.

The folder is the output of ``intake samples generate`` (scans plus ``truth/``) with the
pipeline's OCR output cached in ``ocr/`` (``python -m bench.ocr_cache``); when ``ocr/`` is
missing it is produced first with the same function. Two measurements:

* **classification** — each true document (true page range) classified on its own, so the
  type accuracy does not depend on splitting: accuracy, macro-F1, confusion matrix, the share
  sent to review at the threshold and the accuracy of what was accepted, a calibration table;
* **splitting** — each file segmented as the pipeline will do it; a file counts as split
  exactly when every predicted page range equals the truth (dossiers and multi-page single
  documents are reported apart).

Exact duplicates have no OCR cache (the pipeline does not OCR them) and are skipped.
"""

from __future__ import annotations

import itertools
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

from classifiers.classifier import DEFAULT_THRESHOLD, Classifier
from classifiers.store import load_classifier

__all__ = ["EvaluationReport", "LabelledScan", "evaluate", "load_labelled"]


@dataclass(frozen=True)
class LabelledScan:
    """OCR page texts of one scan file and its true documents (type, first, last page)."""

    file: str
    profile: str
    pages: list[str]
    documents: list[tuple[str, int, int]]


def load_labelled(folder: Path) -> list[LabelledScan]:
    """Scans of a generated folder that have both truth and cached OCR output."""
    scans = []
    for ocr_file in sorted((folder / "ocr").glob("*.json")):
        truth_file = folder / "truth" / ocr_file.name
        if not truth_file.is_file():
            continue
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        ocr = json.loads(ocr_file.read_text(encoding="utf-8"))
        by_page = {p["source_page"]: p.get("text") or "" for p in ocr["pages"]}
        pages = [by_page.get(i, "") for i in range(1, len(truth["pages"]) + 1)]
        docs = [(d["doc_type"], *d["source_pages"]) for d in truth["documents"]]
        scans.append(LabelledScan(truth["file"], str(truth.get("profile")), pages, docs))
    return scans


@dataclass
class EvaluationReport:
    """Figures of one evaluation; ``to_dict`` for JSON, ``format`` for people."""

    folder: str
    threshold: float
    files: int
    documents: int
    accuracy: float
    macro_f1: float
    labels: list[str]
    confusion: list[list[int]]
    needs_review: int
    accepted_accuracy: float
    calibration: list[dict[str, float]]
    split: dict[str, Any]
    ms_per_document: float
    errors: list[dict[str, Any]] = field(default_factory=list)
    model: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def format(self) -> str:
        width = max(len(x) for x in self.labels) if self.labels else 10
        lines = [
            f"folder: {self.folder}   files: {self.files}   documents: {self.documents}",
            f"accuracy: {self.accuracy:.4f}   macro-F1: {self.macro_f1:.4f}",
            f"needs review (confidence < {self.threshold}): {self.needs_review}   "
            f"accuracy of accepted: {self.accepted_accuracy:.4f}",
            f"split exact: dossiers {self.split['dossiers_exact']}/{self.split['dossiers']}, "
            f"multi-page single documents {self.split['multi_page_exact']}/"
            f"{self.split['multi_page']}, all files {self.split['files_exact']}/"
            f"{self.split['files']}",
            f"classification time: {self.ms_per_document:.2f} ms per document",
            "",
            "confusion matrix (rows: truth, columns: prediction, order as rows):",
        ]
        for label, row in zip(self.labels, self.confusion, strict=True):
            lines.append(f"  {label:<{width}} " + " ".join(f"{v:3d}" for v in row))
        for err in self.errors[:20]:
            lines.append(f"  error: {err}")
        return "\n".join(lines)


def _calibration(conf: np.ndarray, correct: np.ndarray) -> list[dict[str, float]]:
    """Accuracy per confidence bin: a calibrated model is right about as often as it says."""
    bins = [0.0, 0.5, 0.8, 0.9, 0.95, 0.99, 1.0001]
    out = []
    for lo, hi in itertools.pairwise(bins):
        mask = (conf >= lo) & (conf < hi)
        if mask.any():
            out.append({"from": lo, "to": min(hi, 1.0), "n": int(mask.sum()),
                        "mean_confidence": round(float(conf[mask].mean()), 4),
                        "accuracy": round(float(correct[mask].mean()), 4)})
    return out


def _split_figures(clf: Classifier, scans: list[LabelledScan]) -> tuple[dict[str, Any], float,
                                                                        list[dict[str, Any]]]:
    counts: Counter[str] = Counter()
    errors = []
    seconds, docs = 0.0, 0
    for scan in scans:
        started = time.perf_counter()
        segments = clf.segment(scan.pages, split=True)
        seconds += time.perf_counter() - started
        docs += len(scan.documents)
        got = [(s.first_page, s.last_page) for s in segments]
        want = [(a, b) for _, a, b in scan.documents]
        kind = ("dossiers" if len(want) > 1
                else "multi_page" if want[0][1] > want[0][0] else "single_page")
        counts[kind] += 1
        counts["files"] += 1
        if got == want:
            counts[f"{kind}_exact"] += 1
            counts["files_exact"] += 1
            typed = [s.predicted for s in segments] == [t for t, _, _ in scan.documents]
            counts["files_exact_and_typed"] += int(typed)
        else:
            errors.append({"file": scan.file, "split_truth": want, "split_got": got})
    keys = ("dossiers", "dossiers_exact", "multi_page", "multi_page_exact", "single_page",
            "single_page_exact", "files", "files_exact", "files_exact_and_typed")
    figures: dict[str, Any] = {k: counts[k] for k in keys}
    figures["dossier_rate"] = round(counts["dossiers_exact"] / counts["dossiers"], 4) if counts[
        "dossiers"] else None
    return figures, 1000 * seconds / max(docs, 1), errors


def evaluate_scans(clf: Classifier, scans: list[LabelledScan], folder: str = "",
                   threshold: float = DEFAULT_THRESHOLD) -> EvaluationReport:
    """The evaluation proper, on already loaded scans."""
    truth, pred, conf, errors = [], [], [], []
    for scan in scans:
        for doc_type, a, b in scan.documents:
            seg = clf.classify(scan.pages[a - 1 : b], threshold=threshold)
            truth.append(doc_type)
            pred.append(seg.predicted)
            conf.append(seg.confidence)
            if seg.predicted != doc_type:
                errors.append({"file": scan.file, "pages": [a, b], "truth": doc_type,
                               "predicted": seg.predicted, "confidence": seg.confidence})
    labels = sorted(set(truth) | set(pred))
    conf_a = np.asarray(conf)
    correct = np.asarray([t == p for t, p in zip(truth, pred, strict=True)])
    accepted = conf_a >= threshold
    split, ms, split_errors = _split_figures(clf, scans)
    return EvaluationReport(
        folder=folder,
        threshold=threshold,
        files=len(scans),
        documents=len(truth),
        accuracy=round(float(accuracy_score(truth, pred)), 4) if truth else 0.0,
        macro_f1=round(float(f1_score(truth, pred, average="macro")), 4) if truth else 0.0,
        labels=labels,
        confusion=confusion_matrix(truth, pred, labels=labels).tolist() if truth else [],
        needs_review=int((~accepted).sum()),
        accepted_accuracy=round(float(correct[accepted].mean()), 4) if accepted.any() else 0.0,
        calibration=_calibration(conf_a, correct),
        split=split,
        ms_per_document=round(ms, 3),
        errors=errors + split_errors,
        model={k: clf.metadata.get(k) for k in ("training_data_sha256", "sklearn_version",
                                                  "format_version", "training")},
    )


def evaluate(folder: Path, model_path: Path | None = None, *, workers: int = 0,
             threshold: float = DEFAULT_THRESHOLD) -> EvaluationReport:
    """Evaluate the model at ``model_path`` (default: shipped) on a labelled folder."""
    folder = Path(folder)
    if not (folder / "truth").is_dir():
        raise FileNotFoundError(f"{folder}: no truth/ folder (not a generated, labelled set)")
    if not (folder / "ocr").is_dir():
        _run_ocr(folder, workers)
    return evaluate_scans(load_classifier(model_path), load_labelled(folder), str(folder),
                          threshold)


def _run_ocr(folder: Path, workers: int) -> None:
    """Produce ``ocr/`` with the real pipeline (bench.ocr_cache), as the benchmark does."""
    try:
        from bench.ocr_cache import cache
    except ImportError as exc:  # bench/ is in the repository, not in the installed package
        raise RuntimeError(
            f"{folder}: no ocr/ cache and bench.ocr_cache is not importable; run "
            f"`python -m bench.ocr_cache --data {folder}` from the repository"
        ) from exc
    from intake.config import Settings

    cache(folder, workers or Settings().effective_workers)
