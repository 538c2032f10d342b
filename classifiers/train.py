"""Build the document-type model: generated documents plus officers' confirmations.

Training data, in order:

* ``n`` files planned and drawn by the labelled generator (:mod:`classifiers.corpus`), each
  seen exact and at the OCR-noise levels of the three scan profiles (:mod:`classifiers.noise`);
  every document is one example (its pages joined) and every page of a multi-page document is
  one more, so the same model also judges single pages when splitting dossiers;
* every document an officer confirmed in the warehouse (a ``DocumentReview`` row), with its
  real OCR page texts and the confirmed type, when ``include_confirmed_from`` is given.

Same seed, n and confirmations give the same training data (its SHA-256 is recorded in the
model file) and the same predictions.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from classifiers.corpus import VIEWS, generated_files, noisy_views
from classifiers.model import DocTypeClassifier
from classifiers.store import save_model

if TYPE_CHECKING:
    from intake.config import Settings

__all__ = ["DEFAULT_N", "DEFAULT_SEED", "Examples", "TrainReport", "confirmed_documents", "train"]

DEFAULT_SEED = 20250706
DEFAULT_N = 600
#: Share of generated files that are dossiers (form + card copy + birth certificate).
DOSSIER_FRACTION = 0.15


@dataclass
class Examples:
    """Texts, labels and groups (one group per source document) for fitting."""

    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)

    def add_document(self, pages: list[str], label: str, group: str) -> None:
        """The document as a whole and, when it has several pages, each page on its own."""
        self.texts.append("\n".join(pages))
        self.labels.append(label)
        self.groups.append(group)
        if len(pages) > 1:
            for page in pages:
                self.texts.append(page)
                self.labels.append(label)
                self.groups.append(group)

    def digest(self) -> str:
        """SHA-256 of the examples in order: identifies the training data in the model file."""
        h = hashlib.sha256()
        for text, label in zip(self.texts, self.labels, strict=True):
            h.update(label.encode())
            h.update(b"\x00")
            h.update(text.encode())
            h.update(b"\x01")
        return h.hexdigest()


@dataclass(frozen=True)
class TrainReport:
    """What ``train`` built and from what."""

    path: Path
    seconds: float
    examples: int
    generated_files: int
    confirmed_documents: int
    metadata: dict[str, Any]


def confirmed_documents(settings: Settings) -> list[tuple[str, list[str], str]]:
    """(key, page texts, confirmed type) of every document an officer confirmed."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from intake.warehouse.models import Document
    from intake.warehouse.models_auth import DocumentReview
    from intake.warehouse.repository import Warehouse

    warehouse = Warehouse.open(settings, migrate=False)
    try:
        with warehouse.sessions() as session:
            stmt = (
                select(Document, DocumentReview.doc_type)
                .join(DocumentReview, DocumentReview.document_id == Document.id)
                .options(selectinload(Document.pages))
                .order_by(Document.id)
            )
            out = []
            for document, reviewed_type in session.execute(stmt):
                label = reviewed_type or document.doc_type
                pages = [p.text or "" for p in document.pages]
                if label and pages:
                    out.append((f"confirmed:{document.id}", pages, label))
            return out
    finally:
        warehouse.close()


def generated_examples(seed: int, n: int, workers: int = 1,
                       views: Iterable[str] = VIEWS) -> tuple[Examples, int]:
    """Examples from ``n`` generated files at every noise view."""
    examples = Examples()
    files = generated_files(seed, n, dossier_fraction=DOSSIER_FRACTION, workers=workers)
    for file in files:
        for _view, docs in noisy_views(file, seed, tuple(views)):
            for i, (doc, pages) in enumerate(zip(file.documents, docs, strict=True)):
                examples.add_document(pages, doc.doc_type, f"{file.key}:{i}")
    return examples, len(files)


def train(
    out_path: Path,
    seed: int = DEFAULT_SEED,
    n: int = DEFAULT_N,
    include_confirmed_from: Settings | None = None,
    *,
    workers: int = 1,
) -> TrainReport:
    """Generate, fit, and write the model atomically to ``out_path``."""
    started = time.perf_counter()
    examples, n_files = generated_examples(seed, n, workers)
    confirmed = confirmed_documents(include_confirmed_from) if include_confirmed_from else []
    for key, pages, label in confirmed:
        examples.add_document(pages, label, key)
    model = DocTypeClassifier(random_state=seed % (2**31)).fit(
        examples.texts, examples.labels, groups=examples.groups
    )
    seconds = time.perf_counter() - started
    meta = save_model(model, Path(out_path), {
        "training_data_sha256": examples.digest(),
        "training": {
            "seed": seed,
            "n_files": n,
            "examples": len(examples.texts),
            "confirmed_documents": len(confirmed),
            "noise_views": list(VIEWS),
            "dossier_fraction": DOSSIER_FRACTION,
            "params": model.get_params(),
        },
    })
    return TrainReport(Path(out_path), round(seconds, 1), len(examples.texts), n_files,
                       len(confirmed), meta)
