"""Folder hint as a prior: a watch folder may declare the procedure its dossiers belong to.

The hint multiplies the probability of the document types of that procedure and the result
is renormalised (Bayes with a prior that favours those types). It is applied only when the
model alone is not confident: a confident contrary prediction is returned unchanged, because
scanner folders get misfiled papers and an ID card copy is an ID card whatever the folder.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

__all__ = ["apply_hint", "hinted_types"]

#: How much more likely a type of the hinted procedure is taken to be, a priori.
HINT_WEIGHT = 4.0


def _matches(code: str | None, hint: str) -> bool:
    """``1.001193`` matches the hint ``1.001193`` and provincial variants ``1.001193.H36``."""
    if not code:
        return False
    code, hint = code.strip().upper(), hint.strip().upper()
    return hint == code or hint.startswith(code + ".") or code.startswith(hint + ".")


def hinted_types(procedures: Mapping[str, str | None], hint: str | None) -> set[str]:
    """Document types whose procedure code matches the hint (empty for unknown codes)."""
    if not hint or not hint.strip():
        return set()
    return {t for t, code in procedures.items() if _matches(code, hint)}


def apply_hint(
    classes: Sequence[str],
    proba: np.ndarray,
    hinted: set[str],
    threshold: float,
    weight: float = HINT_WEIGHT,
) -> np.ndarray:
    """Probabilities after the folder prior; unchanged when the model is already sure."""
    proba = np.asarray(proba, dtype=float)
    if not hinted or proba.max() >= threshold:
        return proba
    factors = np.asarray([weight if c in hinted else 1.0 for c in classes])
    posterior = proba * factors
    total = posterior.sum()
    return posterior / total if total > 0 else proba
