"""Text features: word and character n-grams over two views of the normalised text.

Words over the accented text separate types whose vocabulary differs (``khai sinh`` vs
``khai tử``); character n-grams over the accent-stripped text (within word boundaries) keep
working when OCR splits, merges or mis-accents words. A few layout statistics let the model
learn what little text a card photocopy yields: OCR often reads a card on an A4 page as a
handful of characters, and that is evidence too.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from classifiers.normalise import normalise, strip_accents

__all__ = ["TextStats", "accentless", "make_features"]


def accentless(text: str) -> str:
    """Preprocessor of the character view (module level so the model pickles)."""
    return strip_accents(normalise(text))


class TextStats(TransformerMixin, BaseEstimator):
    """Dense length/shape statistics of a text, each scaled to roughly [0, 1].

    Stateless: ``fit`` learns nothing but follows the estimator contract so the union can be
    cloned, fitted and pickled like any other step.
    """

    def fit(self, X: Iterable[str], y: object = None) -> TextStats:
        self.n_features_out_ = 4
        return self

    def transform(self, X: Iterable[str]) -> np.ndarray:
        rows = []
        for text in X:
            stripped = "".join(text.split())
            chars = len(stripped)
            letters = sum(ch.isalpha() for ch in stripped)
            lines = sum(1 for line in text.splitlines() if line.strip())
            rows.append([
                min(math.log1p(chars) / 8.0, 1.5),
                min(math.log1p(lines) / 4.0, 1.5),
                letters / chars if chars else 0.0,
                1.0 if chars < 40 else 0.0,
            ])
        return np.asarray(rows, dtype=np.float64).reshape(-1, 4)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.asarray(["log_chars", "log_lines", "letter_ratio", "nearly_empty"], dtype=object)


def make_features(word_max_features: int = 8000, char_max_features: int = 20000) -> FeatureUnion:
    """The feature union used by :class:`classifiers.model.DocTypeClassifier`.

    Vocabulary sizes are capped so the shipped model stays small (the coefficient matrix is
    classes × features floats, and the vocabularies are stored in the file).
    """
    words = TfidfVectorizer(
        preprocessor=normalise,
        token_pattern=r"(?u)\b\w+\b",
        ngram_range=(1, 2),
        min_df=2,
        max_features=word_max_features,
        sublinear_tf=True,
        dtype=np.float32,
    )
    chars = TfidfVectorizer(
        preprocessor=accentless,
        analyzer="char_wb",
        ngram_range=(2, 4),
        min_df=2,
        max_features=char_max_features,
        sublinear_tf=True,
        dtype=np.float32,
    )
    return FeatureUnion([("words", words), ("chars", chars), ("stats", TextStats())])
