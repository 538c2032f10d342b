"""Vietnamese text normalisation made for OCR output, shared by training and prediction.

OCR of Vietnamese forms differs from the printed text in predictable ways: composed vs
decomposed diacritics, upper case titles vs lower case body, dotted leaders read as runs of
dots or underscores, digits that carry no information about the document type (an ID number
or a date), and diacritics that the engine drops or swaps (``ĐAI`` read as ``ĐẠI``). So the
features see two views of one normalised text: the accented one (precise where OCR is good)
and an accent-stripped one (robust where it is not).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["head", "normalise", "strip_accents"]

#: Dotted leaders, underscores and OCR debris made of punctuation.
_LEADERS = re.compile(r"[.…·_‥:;,\-–—~`'\"“”‘’|/\\()\[\]{}<>!?*#%&@^=+¬«»©®°]+")
_DIGITS = re.compile(r"\d")
_SPACES = re.compile(r"\s+")
#: Characters Tesseract emits for Vietnamese letters it is unsure of; mapped before folding.
_LOOKALIKES = str.maketrans({"ð": "đ", "Ð": "Đ", "ø": "ơ", "Ø": "Ơ", "ſ": "f", "ı": "i"})


def normalise(text: str, *, keep_lines: bool = False) -> str:
    """NFC, case-folded, punctuation and leaders to spaces, every digit to ``0``.

    Digits become ``0`` rather than vanishing so the *shape* of numbers survives ("00/00/0000",
    "mẫu số 00") while the values, which are personal data and never type evidence, do not.
    With ``keep_lines`` the line structure is kept (continuation cues look at the top lines).
    """
    text = unicodedata.normalize("NFC", text).translate(_LOOKALIKES).casefold()
    text = _DIGITS.sub("0", text)
    text = _LEADERS.sub(" ", text)
    if keep_lines:
        lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
        return "\n".join(line for line in lines if line)
    return _SPACES.sub(" ", text).strip()


def strip_accents(text: str) -> str:
    """Remove Vietnamese diacritics (``đ`` → ``d``): the view that survives swapped tones."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))


def head(text: str, lines: int = 10) -> str:
    """The first ``lines`` non-empty lines: where headers and titles are printed."""
    kept = [line for line in text.splitlines() if line.strip()]
    return "\n".join(kept[:lines])
