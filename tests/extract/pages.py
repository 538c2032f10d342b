"""Build PageWords by hand: lines of words at given x positions, 40 px high, 80 px apart."""

from __future__ import annotations

from intake.extract import PageWords

CHAR = 20  # px per character
HEIGHT = 40
STEP = 80


def line(*items: tuple[str, int]) -> list[tuple[str, int]]:
    """Words of one line: ("text", left x). Several words may share one string ("a b")."""
    return list(items)


def page(
    *lines: list[tuple[str, int]], number: int = 1, conf: float = 0.95, width: int = 2480
) -> PageWords:
    """A page whose i-th line sits at y = 200 + i*STEP; words split on spaces."""
    words: list[list[object]] = []
    for i, items in enumerate(lines):
        top = 200 + i * STEP
        for text, x in items:
            for token in text.split(" "):
                right = x + CHAR * len(token)
                words.append([token, x, top, right, top + HEIGHT, conf, i])
                x = right + CHAR
    return PageWords(number=number, width=width, height=3508, words=words)
