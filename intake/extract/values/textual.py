"""Free text (addresses, purposes, causes): NFC, whitespace collapsed, edge punctuation off."""

from __future__ import annotations

from intake.extract.text import nfc
from intake.extract.values.base import Parsed


def parse_text(raw: str) -> Parsed | None:
    """Keep the text as printed, tidied; None when nothing readable is left."""
    value = nfc(raw).strip(" ,;:.-–|")
    if not value or not any(c.isalnum() for c in value):
        return None
    return Parsed(value)
