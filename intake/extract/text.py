"""Text helpers shared by label matching and value parsing.

Labels are compared accent-folded and lower-cased: OCR drops or swaps Vietnamese diacritics far
more often than it loses whole letters, so folding keeps a damaged label recognisable. Dotted
leaders and the garbage Tesseract reads next to them are printed decoration, never values.
"""

from __future__ import annotations

import re
import unicodedata

_EXTRA_FOLD = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "b"})
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
LEADER_CHARS = frozenset(".…·_-–—~=+*'`\"¿¡,:;|")


def nfc(text: str) -> str:
    """NFC with whitespace collapsed: the canonical ``text`` kind."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ -> d), keep letters, digits and spaces."""
    text = unicodedata.normalize("NFD", text.translate(_EXTRA_FOLD))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return " ".join(_PUNCT.sub(" ", text).split())


_LEADER_START = re.compile(r"[.…·_]{2,}|[.…·_\-–—]{3,}")


def split_leader(token: str) -> tuple[str, bool]:
    """("HÒA", True) for "HÒA.........-cc«c«:"; ("", True) for a bare leader "......--".

    The part before the first run of leader dots is kept; whatever follows a leader on the
    same word is Tesseract reading the dots as letters."""
    match = _LEADER_START.search(token)
    if match is None:
        return token, False
    return token[: match.start()], True


def is_leader(token: str) -> bool:
    """True for a word that starts with leader dots or has no letter or digit at all."""
    head, leader = split_leader(token)
    return (leader and not any(c.isalnum() for c in head)) or not any(c.isalnum() for c in token)


def ends_with_leader(token: str) -> bool:
    """ "HÒA..........." : a value glued to the leader that follows it."""
    head, leader = split_leader(token)
    return leader and any(c.isalnum() for c in head)


def leader_tail(token: str) -> str:
    """ "....,B1" -> ",B1", "v..Nữ>-." -> "Nữ>-.": what follows a word's first leader run
    ("" if no letter or digit does).

    Usually that is the dots read as letters, but a value glued to the leader before it ("Số
    ....21", ": read as "v" in "v..Nữ") is there too; only validated kinds use it."""
    match = _LEADER_START.search(token)
    if match is None:
        return ""
    tail = token[match.end() :]
    return tail if any(c.isalnum() for c in tail) else ""


def strip_leaders(token: str) -> str:
    """Cut a word at its leader and trim stray punctuation: "HUỆ,......" -> "HUỆ"."""
    head, _ = split_leader(token)
    head = head.strip("…·_–—~=|'`\"")
    head = head.lstrip(".-:;,")
    return head[:-1] if head.endswith((":", ";")) else head


def is_junk(token: str) -> bool:
    """Tokens that cannot be part of a value: empty after stripping, or lone symbols."""
    core = strip_leaders(token)
    return not core or not any(c.isalnum() for c in core)
