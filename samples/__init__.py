"""Labelled synthetic scans of Vietnamese administrative documents.

Real citizens' documents must never enter the repository, yet classifier training, extraction
and duplicate tests, benchmarks and the demo need documents with exact ground truth. This
package generates them: `samples.generate(...)` in Python, `intake samples generate` on the
command line (the Typer sub-app in `samples.cli`).
"""

from __future__ import annotations

from .generator import DOC_TYPES, FIELDS, FORMATS, PROFILES, generate, kind_of

__all__ = ["DOC_TYPES", "FIELDS", "FORMATS", "PROFILES", "generate", "kind_of"]
