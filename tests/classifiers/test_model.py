"""The estimator contract and calibrated probabilities (CONVENTIONS.md rule 4)."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.calibration import CalibratedClassifierCV

from classifiers import Classifier, DocTypeClassifier
from classifiers.train import Examples

from .conftest import truth_of

#: Tiny training sets leave a class out of some cross-validation folds; that is expected here.
pytestmark = pytest.mark.filterwarnings("ignore:Number of classes in training fold")



@pytest.fixture(scope="module")
def fitted(tiny_corpus: Examples) -> DocTypeClassifier:
    """A small model fitted on the tiny generated corpus."""
    model = DocTypeClassifier(cv=3, word_max_features=2000, char_max_features=4000)
    return model.fit(tiny_corpus.texts, tiny_corpus.labels, groups=tiny_corpus.groups)


def test_init_stores_parameters_only() -> None:
    """__init__ keeps parameters as given and learns nothing; clone() round-trips them."""
    model = DocTypeClassifier(C=2.0, cv=5)
    assert model.get_params()["C"] == 2.0 and model.get_params()["cv"] == 5
    assert not [k for k in vars(model) if k.endswith("_")]
    assert clone(model).get_params() == model.get_params()


def test_fit_returns_self_with_learned_attributes(tiny_corpus: Examples) -> None:
    """fit returns the estimator itself; classes_ lists the labels, sorted."""
    model = DocTypeClassifier(cv=3, word_max_features=500, char_max_features=500)
    assert model.fit(tiny_corpus.texts, tiny_corpus.labels) is model
    assert list(model.classes_) == sorted(set(tiny_corpus.labels))


def test_predict_proba_columns_follow_classes(fitted: DocTypeClassifier,
                                              tiny_corpus: Examples) -> None:
    """Column j of predict_proba is the probability of classes_[j]; predict is its argmax."""
    texts = tiny_corpus.texts[:40]
    proba = fitted.predict_proba(texts)
    assert proba.shape == (len(texts), len(fitted.classes_))
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-6)
    assert list(fitted.predict(texts)) == list(fitted.classes_[proba.argmax(axis=1)])
    for label in ("id_card", "birth_certificate"):
        i = tiny_corpus.labels.index(label)
        column = list(fitted.classes_).index(label)
        assert fitted.predict_proba([tiny_corpus.texts[i]])[0].argmax() == column


def test_probabilities_come_from_a_calibrated_model(shipped: Classifier) -> None:
    """The shipped model is CalibratedClassifierCV inside; probabilities are in [0, 1]."""
    assert isinstance(shipped.model, DocTypeClassifier)
    assert isinstance(shipped.model.pipeline_.named_steps["model"], CalibratedClassifierCV)
    proba = shipped.model.predict_proba(["GIẤY KHAI SINH", "", "Kính gửi: Ủy ban nhân dân"])
    assert ((proba >= 0) & (proba <= 1)).all()


def test_calibration_confident_on_titles_unsure_on_generic_text(shipped: Classifier) -> None:
    """A full form is typed with high confidence; boilerplate every form shares is not."""
    form = truth_of("death-registration-form-clean.png")["pages"][0]["text"]
    generic = "Tôi cam đoan những nội dung khai trên đây là đúng sự thật"
    seg_form, seg_generic = shipped.classify([form]), shipped.classify([generic])
    assert seg_form.predicted == "death_registration_form" and seg_form.confidence > 0.9
    assert seg_generic.confidence < 0.8
