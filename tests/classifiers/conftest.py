"""Fixtures of the classifier tests: the shipped model, cached OCR of samples/scans, a tiny
generated corpus, and a stub model whose probabilities the test chooses."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from classifiers import Classifier, load_classifier
from classifiers.train import Examples, generated_examples

DATA = Path(__file__).with_name("data")
SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "scans"
DOSSIER = "Hồ sơ xác nhận tình trạng hôn nhân - dossier.pdf"
LAND_TWO_PAGES = "land-registration-form-two-page-clean.pdf"


@pytest.fixture(scope="session")
def shipped() -> Classifier:
    """The model committed under classifiers/models/."""
    return load_classifier()


@pytest.fixture(scope="session")
def samples_ocr() -> dict[str, dict[str, Any]]:
    """Pipeline OCR text of four samples/scans files, with their true documents."""
    return json.loads((DATA / "samples_ocr.json").read_text(encoding="utf-8"))["files"]


def truth_of(name: str) -> dict[str, Any]:
    """Truth JSON of a committed sample scan."""
    return json.loads((SAMPLES / "truth" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def tiny_corpus() -> Examples:
    """24 generated files at every noise view: enough to fit a model in a second or two."""
    examples, _ = generated_examples(seed=4242, n=24)
    return examples


class StubModel:
    """Stands in for DocTypeClassifier: returns the probabilities a test sets."""

    def __init__(self, classes: Sequence[str], rows: Sequence[Sequence[float]]) -> None:
        self.classes_ = np.asarray(classes)
        self.rows = [np.asarray(r, dtype=float) for r in rows]

    def predict_proba(self, X: Sequence[str]) -> np.ndarray:
        return np.vstack([self.rows[i % len(self.rows)] for i in range(len(X))])


def stub_classifier(classes: Sequence[str], rows: Sequence[Sequence[float]]) -> Classifier:
    """A Classifier over a StubModel, with two procedure codes and no titles."""
    procedures = {"birth_certificate": "1.001193", "birth_registration_form": "1.001193",
                  "id_card": None, "marital_status_form": "1.004873"}
    return Classifier(StubModel(classes, rows), procedures=procedures, titles=[])
