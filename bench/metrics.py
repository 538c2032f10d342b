"""Text accuracy metrics of OCR output against generated ground truth.

Dotted leaders ("......") are printed decoration, not words: the truth omits them, and runs
of leader characters are removed from the OCR text before comparing, so a value read right
next to its leader counts as read.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

_LEADER = re.compile(r"[.…·_]{2,}|…")
_DATE = re.compile(r"\b\d{1,2}[/-]\d{1,2}[/-]\d{4}\b")
_ID = re.compile(r"\b\d{12}\b")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _LEADER.sub(" ", text)
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    return normalise(text).split()


@dataclass(frozen=True, slots=True)
class TextScore:
    chars: int  # characters in the truth
    char_errors: int  # edit distance
    words: int  # words in the truth
    words_found: int  # truth words present in the OCR bag (multiset)
    word_edits: int  # word-level edit distance in reading order
    digit_groups: int  # ID numbers and dates printed in the truth
    digit_groups_found: int

    @property
    def cer(self) -> float:
        return self.char_errors / self.chars if self.chars else 0.0

    @property
    def word_recall(self) -> float:
        return self.words_found / self.words if self.words else 1.0

    @property
    def wer(self) -> float:
        return self.word_edits / self.words if self.words else 0.0

    @property
    def digit_accuracy(self) -> float:
        return self.digit_groups_found / self.digit_groups if self.digit_groups else 1.0

    def __add__(self, other: TextScore) -> TextScore:
        return TextScore(*(a + b for a, b in zip(_astuple(self), _astuple(other), strict=True)))


def _astuple(score: TextScore) -> tuple[int, ...]:
    return (
        score.chars,
        score.char_errors,
        score.words,
        score.words_found,
        score.word_edits,
        score.digit_groups,
        score.digit_groups_found,
    )


ZERO = TextScore(0, 0, 0, 0, 0, 0, 0)


def score(ocr_text: str, truth_text: str) -> TextScore:
    ocr, truth = normalise(ocr_text), normalise(truth_text)
    ocr_words, truth_words = ocr.split(), truth.split()
    bag = Counter(ocr_words)
    found = sum(min(count, bag[word]) for word, count in Counter(truth_words).items())
    groups = _digit_groups(truth)
    ocr_groups = _digit_groups(ocr)
    groups_found = sum(min(c, ocr_groups[g]) for g, c in groups.items())
    return TextScore(
        chars=len(truth),
        char_errors=Levenshtein.distance(ocr, truth),
        words=len(truth_words),
        words_found=found,
        word_edits=Levenshtein.distance(ocr_words, truth_words),
        digit_groups=sum(groups.values()),
        digit_groups_found=groups_found,
    )


def _digit_groups(text: str) -> Counter[str]:
    return Counter(_DATE.findall(text) + _ID.findall(text))


def missed_digit_groups(ocr_text: str, truth_text: str) -> list[str]:
    """Dates and ID numbers of the truth that the OCR text does not contain (as often as the
    truth has them): what to look at when the digit score drops."""
    missed = _digit_groups(normalise(truth_text)) - _digit_groups(normalise(ocr_text))
    return sorted(missed.elements())
