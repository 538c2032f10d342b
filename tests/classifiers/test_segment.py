"""Segment results: threshold, procedure codes, alternatives, hint, splitting switch."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from classifiers import Classifier, Segment
from classifiers.prior import apply_hint, hinted_types

from .conftest import stub_classifier

CLASSES = ["birth_certificate", "birth_registration_form", "id_card", "marital_status_form"]


def test_segment_is_frozen() -> None:
    """Segments are values: the pipeline cannot change a result in place."""
    seg = Segment(1, 1, "id_card", None, 0.9, [("id_card", 0.9)], "id_card")
    with pytest.raises(dataclasses.FrozenInstanceError):
        seg.doc_type = "other"  # type: ignore[misc]


def test_below_threshold_doc_type_is_none_but_predicted_kept() -> None:
    """Given confidence 0.6 and threshold 0.8, doc_type and procedure are None, predicted is
    the best guess and the three alternatives are listed, most probable first."""
    clf = stub_classifier(CLASSES, [[0.6, 0.3, 0.05, 0.05]])
    seg = clf.classify(["text"], threshold=0.8)
    assert seg.doc_type is None and seg.procedure_code is None and seg.needs_review
    assert seg.predicted == "birth_certificate" and seg.confidence == pytest.approx(0.6)
    assert [a for a, _ in seg.alternatives] == ["birth_certificate", "birth_registration_form",
                                                "id_card"]
    accepted = clf.classify(["text"], threshold=0.5)
    assert accepted.doc_type == "birth_certificate" and accepted.procedure_code == "1.001193"


def test_threshold_on_real_model(shipped: Classifier, samples_ocr: dict) -> None:
    """The shipped model accepts a clear ID card at 0.8 and refuses it at a threshold of 1."""
    pages = samples_ocr["id-card-cccd-qr-clean.png"]["pages"]
    assert shipped.classify(pages).doc_type == "id_card"
    refused = shipped.classify(pages, threshold=1.0001)
    assert refused.doc_type is None and refused.predicted == "id_card"


def test_hint_tips_an_unsure_prediction() -> None:
    """Given the model unsure between a birth certificate (0.55) and an ID card (0.40), the
    folder hint 1.001193 (birth registration) makes the birth certificate the accepted answer;
    given the card slightly ahead, the hint puts the certificate first (still for review)."""
    clf = stub_classifier(CLASSES, [[0.55, 0.0, 0.40, 0.05]])
    assert clf.classify(["x"]).doc_type is None
    seg = clf.classify(["x"], procedure_hint="1.001193")
    assert seg.doc_type == "birth_certificate" and seg.confidence > 0.8
    flipped = stub_classifier(CLASSES, [[0.40, 0.0, 0.55, 0.05]])
    assert flipped.classify(["x"]).predicted == "id_card"
    seg = flipped.classify(["x"], procedure_hint="1.001193")
    assert seg.predicted == "birth_certificate" and seg.doc_type is None


def test_hint_never_overrides_a_confident_prediction() -> None:
    """Given a confident ID card (0.85) in a folder for 1.001193, the answer is unchanged."""
    clf = stub_classifier(CLASSES, [[0.05, 0.05, 0.85, 0.05]])
    plain, hinted = clf.classify(["x"]), clf.classify(["x"], procedure_hint="1.001193")
    assert hinted == plain and hinted.doc_type == "id_card"


def test_hint_on_real_model_keeps_confident_card(shipped: Classifier, samples_ocr: dict) -> None:
    """The shipped model's ID card stays an ID card in a folder declared for marital status."""
    pages = samples_ocr["id-card-cccd-qr-clean.png"]["pages"]
    assert shipped.classify(pages, procedure_hint="1.004873").doc_type == "id_card"


def test_hint_codes_match_provincial_suffixes_and_ignore_unknown() -> None:
    """'1.001193.H36' hints the 1.001193 types; an unknown code hints nothing."""
    procedures = {"a": "1.001193", "b": None, "c": "1.004873"}
    assert hinted_types(procedures, "1.001193.H36") == {"a"}
    assert hinted_types(procedures, "9.999999") == set()
    proba = np.asarray([0.5, 0.5, 0.0])
    assert apply_hint(["a", "b", "c"], proba, set(), 0.8) is not None
    np.testing.assert_allclose(apply_hint(["a", "b", "c"], proba, set(), 0.8), proba)


def test_split_false_gives_one_segment(shipped: Classifier, samples_ocr: dict) -> None:
    """With splitting off, the whole dossier is one document over all its pages."""
    pages = samples_ocr["Hồ sơ xác nhận tình trạng hôn nhân - dossier.pdf"]["pages"]
    segments = shipped.segment(pages, split=False)
    assert [(s.first_page, s.last_page) for s in segments] == [(1, 3)]


def test_no_pages_no_segments(shipped: Classifier) -> None:
    """An empty page list yields no documents rather than an error."""
    assert shipped.segment([]) == []
