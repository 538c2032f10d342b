"""Draw the typographic style of one printed document.

Typed forms mostly use Times-like serif at 13-14 pt; people often write names in capitals;
some forms are filled by hand (blue italic here, standing in for handwriting); issued results
are always typed. Each choice is a knob OCR and extraction must be robust to.
"""

from __future__ import annotations

import random

from .canvas import Style
from .fonts import FAMILY_WEIGHTS
from .printing import DATE_STYLES

CERTIFICATES = frozenset({"birth_certificate", "marriage_certificate"})


def draw_style(rng: random.Random, doc_type: str) -> Style:
    """Random but plausible style for a document of `doc_type`."""
    family = rng.choices(list(FAMILY_WEIGHTS), weights=list(FAMILY_WEIGHTS.values()))[0]
    issued = doc_type in CERTIFICATES
    return Style(
        family=family,
        size_pt=rng.choice((13.0, 13.0, 13.5, 14.0)) if family.endswith("serif") else 12.0,
        spacing=round(rng.uniform(1.45, 1.7), 2),
        caps_names=rng.random() < 0.45,
        date_style=rng.choices(DATE_STYLES, weights=(3, 4, 2, 1))[0],
        phone_style=rng.choice(("plain", "plain", "grouped", "dotted")),
        pen=not issued and rng.random() < 0.25,
        closing_padded=rng.random() < 0.5,
        margin_left_mm=round(rng.uniform(25, 32), 1),
        margin_right_mm=round(rng.uniform(15, 20), 1),
        margin_top_mm=round(rng.uniform(15, 22), 1),
        lead_dots=rng.choice((0, 3, 4, 6)),
    )
