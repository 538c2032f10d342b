"""OCR-noise augmentation: turn the generator's exact page text into what OCR makes of it.

Training on exact text would teach the model that every title is spelt right. The errors
below are the ones the current pipeline makes on generated scans (see docs/classification.md):
swapped or dropped tone marks (``ĐAI`` → ``ĐẠI``), look-alike letters, split and merged words,
dotted leaders read as dots, two-column headers read as one line, lost lines, debris lines
from seals and photos, and card photocopies that yield almost no text at all. Levels follow
the generator's scan profiles.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

__all__ = ["LEVELS", "NoiseLevel", "noisy_pages"]

_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
_BASES = {"a": "aăâ", "e": "eê", "i": "i", "o": "oôơ", "u": "uư", "y": "y"}
_LOOKALIKE = {"l": "I1|", "i": "l1í", "o": "0ô", "e": "cé", "c": "e(", "n": "m", "m": "rn",
              "h": "b", "u": "ư", "g": "q", "t": "f", "đ": "d", "d": "đ", "s": "5", "0": "o",
              "1": "l", "5": "s", "8": "B"}
_DEBRIS = ("`", "|", ". ẽ", "xo", "—", "¬", "_ ~", "» .", "1.", "Ì", "%", "⁄%", "s", "&,")


def _family() -> dict[str, list[str]]:
    """Every Vietnamese vowel (with any tone) → the vowels OCR confuses it with."""
    out: dict[str, list[str]] = {}
    for bases in _BASES.values():
        members = [unicodedata.normalize("NFC", b + t) for b in bases for t in _TONES]
        for m in members:
            out[m] = members
    return out


_FAMILY = _family()


@dataclass(frozen=True)
class NoiseLevel:
    """Rates of each kind of OCR error (per character, per word or per line)."""

    char: float
    space: float
    line_drop: float
    line_merge: float
    debris: float
    leaders: float
    card_lost: float
    page_garbled: float
    page_lost: float = 0.0


LEVELS: dict[str, NoiseLevel] = {
    "exact": NoiseLevel(0, 0, 0, 0, 0, 0, 0, 0),
    "clean": NoiseLevel(0.01, 0.01, 0.02, 0.04, 0.05, 0.3, 0.15, 0.0),
    "scanned": NoiseLevel(0.04, 0.03, 0.06, 0.08, 0.12, 0.3, 0.5, 0.02, 0.005),
    "hard": NoiseLevel(0.09, 0.06, 0.12, 0.12, 0.2, 0.3, 0.6, 0.08, 0.03),
}


def _char(ch: str, rng: random.Random) -> str:
    lower = ch.lower()
    upper = ch != lower
    roll = rng.random()
    if lower in _FAMILY and roll < 0.6:
        out = rng.choice(_FAMILY[lower])
    elif lower in _LOOKALIKE and roll < 0.85:
        out = rng.choice(_LOOKALIKE[lower])
    elif roll < 0.95:
        return ""
    else:
        out = lower + lower
    return out.upper() if upper else out


def _line(line: str, level: NoiseLevel, rng: random.Random) -> str:
    chars: list[str] = []
    for ch in line:
        if ch == " " and rng.random() < level.space:
            continue  # merged words
        chars.append(_char(ch, rng) if rng.random() < level.char else ch)
        if ch != " " and rng.random() < level.space / 4:
            chars.append(" ")  # split word
    text = "".join(chars)
    if ":" in text and rng.random() < level.leaders:
        label, _, value = text.partition(":")
        text = f"{label}: {rng.choice(('...', '..', '...', '_.....'))} {value.strip()}"
    return text


def _garble(text: str, rng: random.Random) -> str:
    """A page read upside down or through heavy noise: letters, but no words."""
    alphabet = "abcdefghiklmnopqrstuvxyÁÀẢẠÔƠƯĐđ0123456789/|.-“ "
    return "".join(rng.choice(alphabet) if c not in "\n" else c for c in text[: len(text) // 2])


def _unread_remains(text: str, rng: random.Random) -> str:
    """What OCR keeps of a page it failed to read (mostly card photocopies): nothing, debris
    or a few garbled lines."""
    roll = rng.random()
    if roll < 0.5:
        return ""
    if roll < 0.75:
        return "\n".join(rng.choice(_DEBRIS) for _ in range(rng.randint(1, 4)))
    lines = [ln for ln in text.splitlines() if ln.strip()]
    keep = rng.sample(lines, k=min(len(lines), rng.randint(1, 3)))
    return "\n".join(_line(ln, LEVELS["hard"], rng) for ln in keep)


def noisy_page(text: str, level: NoiseLevel, rng: random.Random, *, card: bool = False) -> str:
    """One page as OCR might read it at this noise level."""
    if card and rng.random() < level.card_lost:
        return _unread_remains(text, rng)
    if rng.random() < level.page_lost:
        return _unread_remains(text, rng)  # a form page OCR could not read either
    if rng.random() < level.page_garbled:
        return _garble(text, rng)
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and rng.random() < level.line_merge:
            line = f"{line} {lines[i + 1]}"
            i += 1
        i += 1
        if rng.random() < level.line_drop:
            continue
        out.append(_line(line, level, rng))
        if rng.random() < level.debris:
            out.append(rng.choice(_DEBRIS))
    return "\n".join(out)


def noisy_pages(pages: list[str], level: str, rng: random.Random, *, card: bool = False,
                ) -> list[str]:
    """Every page of a document at the named level (``exact``, ``clean``, ``scanned``, ``hard``)."""
    spec = LEVELS[level]
    return [noisy_page(p, spec, rng, card=card) for p in pages]
