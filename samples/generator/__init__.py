"""Synthetic Vietnamese administrative documents with ground truth (no real citizen data)."""

from __future__ import annotations

from .fields import DOC_TYPES, FIELDS, kind_of
from .generate import generate
from .scan_effects import PROFILES
from .writer import FORMATS

__all__ = ["DOC_TYPES", "FIELDS", "FORMATS", "PROFILES", "generate", "kind_of"]
