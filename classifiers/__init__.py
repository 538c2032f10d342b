"""Document-type classification and dossier splitting for OCR'd Vietnamese administrative scans.

    from classifiers import load_classifier
    clf = load_classifier()                      # shipped model, loaded once per process
    for seg in clf.segment(page_texts, procedure_hint="1.004873"):
        seg.first_page, seg.last_page, seg.doc_type, seg.confidence, seg.alternatives

Training (``intake train``) and evaluation (``intake evaluate DIR``) live in
:mod:`classifiers.train` and :mod:`classifiers.evaluate`; see docs/classification.md.
"""

from __future__ import annotations

from classifiers.classifier import DEFAULT_THRESHOLD, Classifier
from classifiers.model import DocTypeClassifier
from classifiers.normalise import normalise, strip_accents
from classifiers.segment import Segment
from classifiers.store import DEFAULT_MODEL, FORMAT_VERSION, ModelFormatError, load_classifier

__all__ = [
    "DEFAULT_MODEL",
    "DEFAULT_THRESHOLD",
    "FORMAT_VERSION",
    "Classifier",
    "DocTypeClassifier",
    "ModelFormatError",
    "Segment",
    "load_classifier",
    "normalise",
    "strip_accents",
]
