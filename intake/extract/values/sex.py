"""Sex as printed (Nam / Nữ, Male / Female, M / F on the MRZ) to ``Nam`` | ``Nữ``."""

from __future__ import annotations

from intake.extract.text import fold
from intake.extract.values.base import Parsed

_MALE = {"nam", "male", "m", "trai"}
_FEMALE = {"nu", "female", "f", "gai", "nư"}


def parse_sex(raw: str) -> Parsed | None:
    """First token that reads as a sex; OCR's "Nứ"/"Nừ" fold to "nu"."""
    for token in fold(raw).split():
        if token in _MALE:
            return Parsed("Nam")
        if token in _FEMALE:
            return Parsed("Nữ")
        if token in {"nan", "narn", "nam1"}:
            return Parsed("Nam", notes=["OCR: Nam"])
    return None
