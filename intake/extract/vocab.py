"""Closed-set text fields (relationship, ethnicity, nationality): snap OCR to the known value.

The sets are data in ``schemas/types/*.yaml`` (``vocabulary:``). An accent-folded exact match
restores lost tone marks; a close fuzzy match repairs a wrong letter. Values far from every
entry are kept as read, since forms may print values outside the list.
"""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from intake.extract.text import fold
from intake.extract.values.base import Parsed


def snap(parsed: Parsed, vocabulary: list[str]) -> Parsed:
    """Replace ``parsed.value`` by the vocabulary entry it stands for, when clear."""
    if parsed.value in vocabulary:
        return parsed
    folded = {fold(v): v for v in vocabulary}
    key = fold(parsed.value)
    if key in folded:
        return Parsed(
            folded[key],
            parsed.valid,
            [*parsed.notes, "dấu thanh sửa theo danh mục"],
            parsed.problems,
        )
    if len(key) < 4:
        return parsed
    hit = process.extractOne(
        key, list(folded), scorer=Levenshtein.normalized_similarity, score_cutoff=0.8
    )
    if hit is None:
        return parsed
    return Parsed(
        folded[hit[0]],
        parsed.valid,
        [*parsed.notes, f"OCR '{parsed.value}' sửa theo danh mục / snapped to list"],
        parsed.problems,
    )
