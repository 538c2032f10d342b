"""The document-type estimator: text features into a calibrated linear model.

It follows the scikit-learn estimator contract (CONVENTIONS.md rule 4): ``__init__`` only
stores parameters, ``fit`` returns ``self``, learned attributes end in ``_`` and the columns of
``predict_proba`` follow ``classes_``. Probabilities are calibrated (Platt scaling on
cross-validated decision values) because the pipeline turns them into a decision: below the
threshold a document goes to an officer instead of being guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from classifiers.features import make_features

__all__ = ["DocTypeClassifier"]


class DocTypeClassifier(ClassifierMixin, BaseEstimator):
    """Texts → document types with calibrated probabilities.

    ``groups`` (optional, in ``fit``) keeps the noisy variants of one generated document in the
    same cross-validation fold; otherwise the calibration would see near-copies of its training
    texts and come out over-confident.
    """

    def __init__(
        self,
        C: float = 0.5,  # scikit-learn's name for the regularisation strength
        cv: int = 4,
        method: str = "sigmoid",
        word_max_features: int = 8000,
        char_max_features: int = 20000,
        random_state: int = 0,
    ) -> None:
        self.C = C
        self.cv = cv
        self.method = method
        self.word_max_features = word_max_features
        self.char_max_features = char_max_features
        self.random_state = random_state

    def fit(
        self,
        X: Sequence[str],
        y: Sequence[str],
        groups: Sequence[Any] | None = None,
        sample_weight: Sequence[float] | None = None,
    ) -> DocTypeClassifier:
        """Fit features and the calibrated model; return ``self``."""
        texts, labels = list(X), np.asarray(y)
        if groups is not None:
            folds = StratifiedGroupKFold(self.cv, shuffle=True, random_state=self.random_state)
            splits = list(folds.split(texts, labels, np.asarray(groups)))
        else:
            splits = list(StratifiedKFold(self.cv, shuffle=True,
                                          random_state=self.random_state).split(texts, labels))
        base = LinearSVC(C=self.C, random_state=self.random_state)
        calibrated = CalibratedClassifierCV(base, method=self.method, cv=splits, ensemble=False)
        pipeline = Pipeline([
            ("features", make_features(self.word_max_features, self.char_max_features)),
            ("model", calibrated),
        ])
        weights = None if sample_weight is None else np.asarray(sample_weight, dtype=float)
        pipeline.fit(texts, labels, model__sample_weight=weights)
        _drop_stop_words(pipeline)
        self.pipeline_ = pipeline
        self.classes_ = pipeline.classes_
        self.n_features_out_ = int(
            sum(len(v.vocabulary_) for _, v in _vectorizers(pipeline)) + 4
        )
        return self

    def predict_proba(self, X: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities; column ``j`` is the probability of ``classes_[j]``."""
        check_is_fitted(self, "pipeline_")
        return np.asarray(self.pipeline_.predict_proba(list(X)))

    def predict(self, X: Sequence[str]) -> np.ndarray:
        """Most probable type per text."""
        return np.asarray(self.classes_[np.argmax(self.predict_proba(X), axis=1)])


def _vectorizers(pipeline: Pipeline) -> list[tuple[str, Any]]:
    union = pipeline.named_steps["features"]
    return [(n, t) for n, t in union.transformer_list if hasattr(t, "vocabulary_")]


def _drop_stop_words(pipeline: Pipeline) -> None:
    """Forget the terms pruned by min_df/max_features: only used for introspection, and
    they would make the model file many times larger (scikit-learn documents this)."""
    for _, vectorizer in _vectorizers(pipeline):
        if hasattr(vectorizer, "stop_words_"):
            vectorizer.stop_words_ = None
