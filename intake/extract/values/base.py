"""The result type of every value parser, and the OCR digit-confusion repair they share."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Letters OCR reads in place of digits inside digit fields (DOMAIN.md / issue 7).
DIGIT_CONFUSIONS = {
    "O": "0",
    "o": "0",
    "D": "0",
    "Q": "0",
    "U": "0",
    "Ũ": "0",
    "Ø": "0",
    "ø": "0",
    "l": "1",
    "I": "1",
    "i": "1",
    "|": "1",
    "!": "1",
    "L": "1",
    "í": "1",
    "ì": "1",
    "S": "5",
    "s": "5",
    "B": "8",
    "Z": "2",
    "z": "2",
    "G": "6",
    "b": "6",
    "g": "9",
    "q": "9",
    "T": "7",
    "A": "4",
}


@dataclass(slots=True)
class Parsed:
    """A canonical value, whether it passed validation, and what was repaired to get it."""

    value: str
    valid: bool = True
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def fix_digits(token: str) -> tuple[str, bool]:
    """Map OCR letter confusions to digits in a token meant to be numeric.

    Returns the repaired token and whether anything changed. Only applied to tokens that are
    mostly digits already, so words are never turned into numbers."""
    if not token:
        return token, False
    digits = sum(c.isdigit() for c in token)
    mapped = "".join(DIGIT_CONFUSIONS.get(c, c) for c in token)
    if mapped == token:
        return token, False
    if digits < max(1, len(token) // 2):
        return token, False
    return mapped, True
