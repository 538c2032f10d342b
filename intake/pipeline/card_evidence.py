"""A photo whose card the zone reader validated is an ID card, whatever the text model says.

The type classifier was trained on scans; a phone photo's card text is sparse and noisy
(glare, blur, a card read partly upside down), and on development photos one in six ID-card
photos was left unclassified (below the threshold, so stored for review with no fields
extracted), some with a check-digit-valid MRZ or a number both recognisers agreed on. Such a
validated reading cannot come from anything but an ID card, so when the classifier is unsure
and every page of the segment carries one, the segment is an ID card. A confident classifier
is never overruled: a form with a card photocopy on it stays the form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from intake.pipeline.pages import PageResult

__all__ = ["CARD_TYPE", "typed_by_card"]

CARD_TYPE = "id_card"
#: Zone readings that only a card gives: a settled ID number (known province, century digit,
#: confirmed by a second view or recogniser) or an MRZ whose check digits hold.
_CARD_PROOF = frozenset({"id_number", "mrz"})


def typed_by_card(segment: Any, pages: Sequence[PageResult], procedures: dict[str, str]) -> Any:
    """``segment`` typed as an ID card when the classifier left it open and every page has
    a validated card reading; otherwise unchanged."""
    if segment.doc_type is not None or not pages or not all(_card_proof(p) for p in pages):
        return segment
    return replace(segment, doc_type=CARD_TYPE, procedure_code=procedures.get(CARD_TYPE))


def _card_proof(page: PageResult) -> bool:
    zones = (page.photo or {}).get("zones") or []
    return any(z.get("key") in _CARD_PROOF and z.get("value") for z in zones)  # type: ignore[union-attr]
