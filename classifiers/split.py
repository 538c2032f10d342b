"""Dossier splitting: cut a scan's pages into documents.

A page opens a new document when (in this order of authority):

1. a printed page number says so (``1`` opens, ``2+`` continues);
2. it carries the national header or a document title (:mod:`classifiers.cues`);
3. the page-level model is sure it is another type than the open document, which is how a
   card photocopy whose header OCR could not read still gets its own segment.

Anything else continues the open document: the second page of a land form (no title, a
section heading, then signatures) stays with its first page.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from classifiers.cues import PageCues

__all__ = ["OTHER_TYPE_CONFIDENCE", "SAME_TYPE_CEILING", "opens_new_document", "split_pages"]

#: Type evidence alone opens a document when the page model gives another type at least this…
OTHER_TYPE_CONFIDENCE = 0.9
#: …and the open document's type less than this.
SAME_TYPE_CEILING = 0.05


def opens_new_document(cues: PageCues, page_proba: np.ndarray, open_proba: np.ndarray) -> bool:
    """Decide for one page (not the first of the scan) whether it starts a document."""
    if cues.continues:
        return False
    if cues.opens:
        return True
    current = int(np.argmax(open_proba))
    best = int(np.argmax(page_proba))
    return (
        best != current
        and page_proba[best] >= OTHER_TYPE_CONFIDENCE
        and page_proba[current] < SAME_TYPE_CEILING
    )


def split_pages(page_proba: np.ndarray, cues: Sequence[PageCues]) -> list[tuple[int, int]]:
    """1-based inclusive page ranges, one per document, covering every page in order.

    ``page_proba`` holds one row of type probabilities per page. The open document's type
    evidence is the mean of its pages' rows, so one unreadable first page does not decide it.
    """
    n = len(cues)
    if n == 0:
        return []
    ranges: list[tuple[int, int]] = []
    start = 0
    for i in range(1, n):
        open_proba = page_proba[start:i].mean(axis=0)
        if opens_new_document(cues[i], page_proba[i], open_proba):
            ranges.append((start + 1, i))
            start = i
    ranges.append((start + 1, n))
    return ranges
