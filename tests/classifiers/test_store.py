"""Model files: metadata, atomic writes, format checks, per-process cache."""

from __future__ import annotations

import json
import re
from pathlib import Path

import joblib
import pytest
import sklearn

from classifiers import FORMAT_VERSION, DocTypeClassifier, ModelFormatError, load_classifier
from classifiers.store import DEFAULT_MODEL, load_model, save_model
from classifiers.train import Examples


@pytest.fixture(scope="module")
def small_model(tiny_corpus: Examples) -> DocTypeClassifier:
    """A quickly fitted model to write and read back."""
    model = DocTypeClassifier(cv=3, word_max_features=300, char_max_features=300)
    return model.fit(tiny_corpus.texts, tiny_corpus.labels)


def test_shipped_model_records_its_provenance() -> None:
    """The committed model names its format version, scikit-learn version and data hash,
    in the file and in the readable .json beside it, and stays under 5 MB."""
    model, meta = load_model(DEFAULT_MODEL)
    assert meta["format_version"] == FORMAT_VERSION
    assert meta["sklearn_version"] == sklearn.__version__
    assert re.fullmatch(r"[0-9a-f]{64}", meta["training_data_sha256"])
    assert meta["classes"] == list(model.classes_)
    side = json.loads(DEFAULT_MODEL.with_suffix(".json").read_text(encoding="utf-8"))
    assert side["training_data_sha256"] == meta["training_data_sha256"]
    assert DEFAULT_MODEL.stat().st_size < 5_000_000


def test_write_is_atomic(tmp_path: Path, small_model: DocTypeClassifier,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Given a model file in place, a write that fails half-way leaves the old file intact
    and no .part file behind; a successful write leaves no .part file either."""
    target = tmp_path / "m.joblib"
    save_model(small_model, target, {"training_data_sha256": "0" * 64})
    before = target.read_bytes()
    assert not list(tmp_path.glob("*.part"))

    def broken_dump(value: object, filename: Path, **kwargs: object) -> None:
        Path(filename).write_bytes(b"half a model")
        raise OSError("disk full")

    monkeypatch.setattr(joblib, "dump", broken_dump)
    with pytest.raises(OSError, match="disk full"):
        save_model(small_model, target, {"training_data_sha256": "1" * 64})
    assert target.read_bytes() == before
    assert not list(tmp_path.glob("*.part"))


def test_other_format_version_refused(tmp_path: Path, small_model: DocTypeClassifier) -> None:
    """A file of another format version is refused with a message naming `intake train`."""
    target = tmp_path / "old.joblib"
    joblib.dump({"metadata": {"format_version": 0}, "model": small_model}, target)
    with pytest.raises(ModelFormatError, match="intake train"):
        load_model(target)
    joblib.dump({"not": "a model"}, target)
    with pytest.raises(ModelFormatError):
        load_model(target)


def test_load_classifier_is_cached_per_path(tmp_path: Path,
                                            small_model: DocTypeClassifier) -> None:
    """Loading twice returns the same object (loaded once per worker); a missing file says
    how to build it."""
    assert load_classifier() is load_classifier(DEFAULT_MODEL)
    target = tmp_path / "m.joblib"
    save_model(small_model, target, {"training_data_sha256": "0" * 64})
    assert load_classifier(target) is load_classifier(str(target))
    with pytest.raises(FileNotFoundError, match="intake train"):
        load_classifier(tmp_path / "missing.joblib")
