"""Model files: written atomically with their provenance, loaded once per worker process.

A model file is a joblib dump of ``{"metadata": {...}, "model": DocTypeClassifier}``. The
metadata records the file format version, the scikit-learn version it was fitted with and a
SHA-256 of the training data (CONVENTIONS.md rule 4), so a result can be traced to the data
that produced it and an incompatible file is refused with a clear message instead of a
pickle error deep inside scikit-learn. Files are written to ``<name>.part`` and renamed, so a
worker never loads half a model. Model files are pickles: load only files you built.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import joblib
import sklearn

from classifiers.classifier import Classifier
from classifiers.model import DocTypeClassifier

__all__ = [
    "DEFAULT_MODEL",
    "FORMAT_VERSION",
    "ModelFormatError",
    "load_classifier",
    "load_model",
    "save_model",
]

FORMAT_VERSION = 1
DEFAULT_MODEL = Path(__file__).with_name("models") / "doctype.joblib"


class ModelFormatError(ValueError):
    """The file is not a document-type model this code can read."""


def _atomic_write(path: Path, write: Callable[[Path], object]) -> None:
    part = path.with_name(path.name + ".part")
    try:
        write(part)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


def save_model(model: DocTypeClassifier, path: Path, metadata: dict[str, Any]) -> dict[str, Any]:
    """Write the model and a readable ``.json`` beside it; return the full metadata."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = {
        "format_version": FORMAT_VERSION,
        "sklearn_version": sklearn.__version__,
        "classes": [str(c) for c in model.classes_],
        **metadata,
    }
    _atomic_write(path, lambda p: joblib.dump({"metadata": meta, "model": model}, p, compress=3))
    text = json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    _atomic_write(path.with_suffix(".json"), lambda p: p.write_text(text, encoding="utf-8"))
    return meta


def load_model(path: Path) -> tuple[DocTypeClassifier, dict[str, Any]]:
    """Read a model file; refuse other formats, warn when scikit-learn's version differs."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # version skew is reported below, once, in our words
        payload = joblib.load(path)
    if not isinstance(payload, dict) or "metadata" not in payload or "model" not in payload:
        raise ModelFormatError(f"{path}: not a document-type model file")
    meta = payload["metadata"]
    if meta.get("format_version") != FORMAT_VERSION:
        raise ModelFormatError(
            f"{path}: model format {meta.get('format_version')}, this code reads "
            f"{FORMAT_VERSION}; rebuild it with `intake train`"
        )
    if meta.get("sklearn_version") != sklearn.__version__:
        warnings.warn(
            f"{path} was trained with scikit-learn {meta.get('sklearn_version')}, running "
            f"{sklearn.__version__}; rebuild it with `intake train` if results look wrong",
            stacklevel=2,
        )
    return payload["model"], meta


@lru_cache(maxsize=4)
def _cached(resolved: str) -> Classifier:
    model, meta = load_model(Path(resolved))
    return Classifier(model, meta)


def load_classifier(path: Path | str | None = None) -> Classifier:
    """The classifier from ``path`` (default: the model shipped with the package).

    Cached per process and path: a worker loads the model once and reuses it for every job.
    """
    target = Path(path) if path is not None else DEFAULT_MODEL
    if not target.is_file():
        raise FileNotFoundError(
            f"{target}: no document-type model; build it with `intake train --out {target}`"
        )
    return _cached(str(target.resolve()))
