"""The run-time classifier: page texts of one scan in, typed documents with page ranges out.

It wraps the fitted :class:`~classifiers.model.DocTypeClassifier` with what the pipeline
needs around it: procedure codes from ``schemas/`` (data, so a new code needs no retraining),
the confidence threshold, the folder hint and dossier splitting. It holds no per-call state,
so one instance per worker process serves every job (see :func:`classifiers.store.load_classifier`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import numpy as np

from classifiers.cues import PageCues, page_cues
from classifiers.prior import HINT_WEIGHT, apply_hint, hinted_types
from classifiers.segment import Segment
from classifiers.split import split_pages

__all__ = ["Classifier", "TypeModel"]

DEFAULT_THRESHOLD = 0.8


class TypeModel(Protocol):
    """What the classifier needs of a fitted model (DocTypeClassifier, or a test stub)."""

    classes_: Any

    def predict_proba(self, X: Sequence[str]) -> np.ndarray: ...


def _schema_facts() -> tuple[dict[str, str | None], list[str]]:
    from schemas import load_schemas

    schemas = load_schemas()
    procedures = {k: s.procedure_code for k, s in schemas.items()}
    titles = [t for s in schemas.values() for t in (s.title, *s.titles)]
    return procedures, titles


class Classifier:
    """Document-type classification and dossier splitting over OCR page texts."""

    def __init__(
        self,
        model: TypeModel,
        metadata: Mapping[str, Any] | None = None,
        *,
        procedures: Mapping[str, str | None] | None = None,
        titles: Sequence[str] | None = None,
        hint_weight: float = HINT_WEIGHT,
    ) -> None:
        if procedures is None or titles is None:
            schema_procedures, schema_titles = _schema_facts()
            procedures = schema_procedures if procedures is None else procedures
            titles = schema_titles if titles is None else titles
        self.model = model
        self.metadata: dict[str, Any] = dict(metadata or {})
        self.procedures = dict(procedures)
        self.titles = list(titles)
        self.hint_weight = hint_weight
        self.classes: list[str] = [str(c) for c in model.classes_]

    # -- public API ------------------------------------------------------------------------
    def segment(
        self,
        page_texts: Sequence[str],
        procedure_hint: str | None = None,
        split: bool = True,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> list[Segment]:
        """Documents of one scan, in page order; one segment for all pages when not splitting."""
        pages = [t or "" for t in page_texts]
        if not pages:
            return []
        ranges = self.page_ranges(pages) if split and len(pages) > 1 else [(1, len(pages))]
        texts = ["\n".join(pages[a - 1 : b]) for a, b in ranges]
        proba = self.model.predict_proba(texts)
        hinted = hinted_types(self.procedures, procedure_hint)
        return [
            self._decide(a, b, row, hinted, threshold)
            for (a, b), row in zip(ranges, proba, strict=True)
        ]

    def classify(
        self,
        page_texts: Sequence[str],
        procedure_hint: str | None = None,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> Segment:
        """All pages as one document (what ``segment(..., split=False)`` returns)."""
        pages = list(page_texts) or [""]
        return self.segment(pages, procedure_hint, split=False, threshold=threshold)[0]

    def page_ranges(self, page_texts: Sequence[str]) -> list[tuple[int, int]]:
        """Where the documents of a multi-document scan begin and end (1-based, inclusive)."""
        cues: list[PageCues] = [page_cues(t, self.titles) for t in page_texts]
        page_proba = self.model.predict_proba(list(page_texts))
        return split_pages(page_proba, cues)

    # -- internals -------------------------------------------------------------------------
    def _decide(self, first: int, last: int, row: np.ndarray, hinted: set[str],
                threshold: float) -> Segment:
        row = apply_hint(self.classes, row, hinted, threshold, self.hint_weight)
        order = np.argsort(-row, kind="stable")
        best = self.classes[int(order[0])]
        confidence = float(row[order[0]])
        accepted = confidence >= threshold
        return Segment(
            first_page=first,
            last_page=last,
            doc_type=best if accepted else None,
            procedure_code=self.procedures.get(best) if accepted else None,
            confidence=round(confidence, 6),
            alternatives=[(self.classes[int(j)], round(float(row[j]), 6)) for j in order[:3]],
            predicted=best,
        )
