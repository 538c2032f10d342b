"""Lexicon decoding of a CTC line reading: which listed word each word of the line most likely is.

PP-OCR's greedy reading of a blurred photocopy's name band spells words no name has
("PRAN VAN VISH" for Phan Văn Vinh, "MENNHS" for Minh), yet its per-frame probabilities
still favour the right letters over their neighbours. Reading a word as a person reads a
smudged name, by asking which listed name it most likely is, uses that: each word of the
greedy reading (frames between the spaces it read) is scored against every word of a
lexicon by the CTC forward algorithm (the probability of the word summed over all its
alignments to those frames), and the best is kept with two measures of how far it can be
trusted:

- ``margin``: its log-likelihood over the next best listed word's (natural log). On the
  name bands of 200 development photos (seeds 553201, 553301; 1,300 words), every word
  chosen at a margin of 2 or more was right; the wrong ones (TIẾN read TIN, whose Ế the
  model cannot write) were under 1.9.
- ``gap``: the greedy word's own log-likelihood over the chosen word's. A crisp band that
  reads a word the lexicon does not have gives a large gap: the lexicon does not explain
  what was read, and the caller should not put a listed word in its place.

Letters are compared folded (no tone or vowel marks: ``Ê``, ``Ế`` and ``E`` are one letter),
since the model writes few of the marked capitals: each folded letter's probability is the
sum of the model's columns for that letter with any marks.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

#: The folded capitals of Vietnamese names (no F, J, W, Z).
FOLDED_LETTERS = "ABCDEGHIKLMNOPQRSTUVXY"
_FLOOR = 1e-12


@dataclass(frozen=True, slots=True)
class WordChoice:
    """One word of a line: the listed word chosen, how sure (``margin``, ``gap``: see the
    module docstring), and what the greedy reading spelled there (folded)."""

    word: str
    margin: float
    gap: float
    read: str


def folded_columns(chars: Sequence[str]) -> list[list[int]]:
    """For each of `FOLDED_LETTERS`, the model's columns of that capital with any marks
    (Đ counts as D)."""
    out: list[list[int]] = [[] for _ in FOLDED_LETTERS]
    for i, char in enumerate(chars):
        if len(char) != 1:
            continue
        if char == "Đ":
            base = "D"
        else:
            nfd = unicodedata.normalize("NFD", char)
            if not all(unicodedata.combining(c) for c in nfd[1:]):
                continue
            base = nfd[0]
        at = FOLDED_LETTERS.find(base)
        if at >= 0:
            out[at].append(i)
    return out


def folded_log_probabilities(probs: np.ndarray, columns: list[list[int]],
                             space: int) -> np.ndarray:
    """T x (1 + letters + 1) log-probabilities: the blank (column 0), each folded letter
    (its columns summed) and the space, renormalised over these."""
    folded = np.stack([probs[:, 0], *(probs[:, c].sum(axis=1) for c in columns),
                       probs[:, space]], axis=1)
    folded /= np.maximum(folded.sum(axis=1, keepdims=True), _FLOOR)
    return np.log(np.maximum(folded, _FLOOR))


def ctc_log_likelihood(logp: np.ndarray, word: str) -> float:
    """log P(``word`` | frames) by the CTC forward algorithm: ``logp`` is T x K with the
    blank in column 0 and `FOLDED_LETTERS` from column 1."""
    return float(log_likelihoods(logp, [word])[0])


def log_likelihoods(logp: np.ndarray, words: Sequence[str]) -> np.ndarray:
    """`ctc_log_likelihood` of each of ``words`` (non-empty), all words at once: their
    label sequences padded to one length, the forward pass run over all of them per frame."""
    if not words:
        return np.zeros(0)
    longest = max(len(w) for w in words)
    size = 2 * longest + 1
    ext = np.zeros((len(words), size), dtype=int)
    for row, word in enumerate(words):
        ext[row, 1:2 * len(word):2] = [FOLDED_LETTERS.index(c) + 1 for c in word]
    # a skip from s-2 to s is allowed onto a letter that differs from the letter before
    skip = np.zeros(ext.shape, dtype=bool)
    skip[:, 3::2] = (ext[:, 3::2] != ext[:, 1:-2:2]) & (ext[:, 3::2] != 0)
    ends = np.array([2 * len(w) for w in words])  # the last blank of each word
    frames = logp.shape[0]
    rows = np.arange(len(words))
    if frames == 0:
        return np.full(len(words), -np.inf)
    alpha = np.full(ext.shape, -np.inf)
    alpha[:, 0] = logp[0, 0]
    alpha[:, 1] = logp[0, ext[:, 1]]
    pad = np.full((len(words), 2), -np.inf)
    for t in range(1, frames):
        shifted = np.concatenate((pad, alpha[:, :-2]), axis=1)
        step = np.concatenate((pad[:, :1], alpha[:, :-1]), axis=1)
        jump = np.where(skip, shifted, -np.inf)
        alpha = np.logaddexp(np.logaddexp(alpha, step), jump) + logp[t][ext]
    result: np.ndarray = np.logaddexp(alpha[rows, ends], alpha[rows, ends - 1])
    return result


def _greedy(logp: np.ndarray) -> list[tuple[str, int, int]]:
    """The greedy reading's words with the frames each spans (space frames end a word)."""
    best = logp.argmax(axis=1)
    space = logp.shape[1] - 1
    words: list[tuple[str, int, int]] = []
    letters: list[str] = []
    start, previous = -1, 0
    for t, k in enumerate(best):
        if k == space:
            if letters:
                words.append(("".join(letters), start, t))
                letters = []
        elif k != 0:
            if not letters:
                start = t
            if k != previous:
                letters.append(FOLDED_LETTERS[k - 1])
        previous = int(k)
    if letters:
        words.append(("".join(letters), start, len(best)))
    return words


def decode_words(logp: np.ndarray, lexicons: Sequence[Sequence[str]]) -> list[WordChoice]:
    """Each greedy word of the line as its most likely listed word: word ``i`` is scored
    against ``lexicons[i]`` (the last lexicon for the words after), on its frames widened
    to the blank frames around it (a space there counts as a blank). A lexicon needs two
    words for a margin; a word that reads as nothing listed better than the rest gets a
    margin of 0."""
    greedy = _greedy(logp)
    out: list[WordChoice] = []
    for i, (read, _, _) in enumerate(greedy):
        lo = greedy[i - 1][2] if i else 0
        hi = greedy[i + 1][1] if i + 1 < len(greedy) else logp.shape[0]
        span = logp[lo:hi, :-1].copy()
        span[:, 0] = np.logaddexp(span[:, 0], logp[lo:hi, -1])
        lexicon = lexicons[min(i, len(lexicons) - 1)]
        if not lexicon:
            continue
        candidates = sorted(set(lexicon))
        scores = log_likelihoods(span, [*candidates, read])
        order = np.argsort(-scores[:-1])
        best = float(scores[order[0]])
        margin = best - float(scores[order[1]]) if len(order) > 1 else 0.0
        out.append(WordChoice(candidates[order[0]], margin, float(scores[-1]) - best, read))
    return out
