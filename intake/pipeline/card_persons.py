"""Several persons' cards on one photo: one ID-card document per person.

At the counter a clerk often photographs two spouses' cards (or a parent's and a child's)
together. Read as one document, the fields of the two cards mix: one person's number with the
other's birth date is a wrong record that reuse would hand on. So a photo of cards is split
by person before extraction, and each person's cards become their own document.

Cards are told apart only by *validated* numbers, never by a bare OCR reading: the number a
zone read settled (vote, province code, century digit) or the number in an MRZ whose check
digits hold. Two such numbers within two digits of each other are one person read twice
(persons' numbers differ in their last six, random, digits). A card with no validated number
cannot be placed with certainty, so when a photo holds several persons it becomes its own
document, sent to review with the reason, rather than guessed into someone's record.

Pages that are not photos of cards (scans, photographed photocopies) are not split: their
cards' regions are not kept. When such a page shows several persons' validated numbers, the
document goes to review saying so (`several_persons_reason`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from intake.extract.card_id_vote import valid_id
from intake.extract.mrz import read_mrz
from intake.extract.qr import parse_card_qr
from intake.pipeline.pages import PageResult

__all__ = [
    "PersonPage",
    "same_person",
    "several_persons_reason",
    "split_by_person",
    "unplaced_reason",
]

#: Numbers this many digits apart or fewer are one person's number read twice.
SAME_PERSON_DIGITS = 2

Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class PersonPage:
    """One person's share of a page of cards; ``id_number`` is None for a card whose
    number could not be validated (it is kept apart, for an officer)."""

    result: PageResult
    id_number: str | None


def same_person(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) <= SAME_PERSON_DIGITS


def split_by_person(result: PageResult) -> list[PersonPage] | None:
    """The page split into one page per person, or None when it holds one person's cards
    (or is not a photo of cards)."""
    photo = result.photo
    if not photo or photo.get("kind") != "cards":
        return None
    regions: list[dict[str, Any]] = list(photo.get("regions") or [])  # type: ignore[call-overload]
    if len(regions) < 2:
        return None
    zones: list[dict[str, str]] = list(photo.get("zones") or [])  # type: ignore[call-overload]
    words = [_inside(result.words, r["box"]) for r in regions]
    keys = [_region_number(w, zones) for w in words]
    persons = _cluster([k for k in keys if k])
    if len(persons) < 2:
        return None
    groups: list[tuple[str | None, list[int]]] = [
        (person, [i for i, k in enumerate(keys) if k and same_person(k, person)])
        for person in persons
    ]
    groups += [(None, [i]) for i, k in enumerate(keys) if k is None]
    texts = [_compact(_text(w)) for w in words]
    pages = []
    for person, members in groups:
        mine = [w for i in members for w in words[i]]
        page = replace(
            result,
            words=mine,
            text=_text(mine),
            qr=[q for q in result.qr if _qr_person(q, person)],
            photo={
                **photo,
                "regions": [regions[i] for i in members],
                "zones": [z for z in zones if _zone_owner(z, texts) in members],
            },
        )
        pages.append(PersonPage(page, person))
    return pages


def several_persons_reason(results: Sequence[PageResult]) -> str | None:
    """A review reason when one document's pages show several persons' validated numbers
    (an unsplit page: a scan or a photographed A4 copy of two persons' cards)."""
    numbers = [
        z["value"]
        for r in results
        for z in ((r.photo or {}).get("zones") or [])  # type: ignore[attr-defined]
        if z.get("key") == "id_number" and valid_id(z.get("value", ""))
    ]
    for r in results:
        mrz = read_mrz([ln for ln in r.text.splitlines() if ln.strip()])
        if mrz is not None and mrz.id_number:
            numbers.append(mrz.id_number)
        numbers += [c.id_number for q in r.qr if (c := parse_card_qr(q)) is not None]
    persons = _cluster(numbers)
    if len(persons) < 2:
        return None
    return (
        "Trang có thẻ của nhiều người (" + ", ".join(persons) + "): mỗi người cần một hồ sơ "
        "riêng / cards of several persons on one page: one document per person needed"
    )


def unplaced_reason() -> str:
    return (
        "Ảnh có thẻ của nhiều người; không đọc chắc được số định danh trên thẻ này nên chưa "
        "gắn được với ai / photo of several persons' cards: this card's number could not be "
        "validated, so it is not attached to anyone"
    )


# --- internals ---------------------------------------------------------------------------------


def _inside(words: list[list[object]], box: Sequence[float]) -> list[list[object]]:
    left, top, right, bottom = (float(v) for v in box)
    out = []
    for w in words:
        cx = (float(w[1]) + float(w[3])) / 2  # type: ignore[arg-type]
        cy = (float(w[2]) + float(w[4])) / 2  # type: ignore[arg-type]
        if left <= cx <= right and top <= cy <= bottom:
            out.append(w)
    return out


def _text(words: list[list[object]]) -> str:
    """Lines of words (the words' line numbers), in the order they were read."""
    lines: dict[int, list[str]] = {}
    for w in words:
        lines.setdefault(int(w[6]), []).append(str(w[0]))  # type: ignore[call-overload]
    return "\n".join(" ".join(ws) for ws in lines.values())


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text)).upper()


def _region_number(words: list[list[object]], zones: list[dict[str, str]]) -> str | None:
    """The card's validated number: a settled zone reading that sits on it, else its MRZ
    when the check digits hold."""
    digits = [re.sub(r"\D", "", str(w[0])) for w in words]
    for z in zones:
        value = z.get("value", "")
        if z.get("key") == "id_number" and valid_id(value) and any(value in d for d in digits):
            return value
    mrz = read_mrz([ln for ln in _text(words).splitlines() if ln.strip()])
    return mrz.id_number if mrz is not None and mrz.id_number else None


def _cluster(numbers: list[str]) -> list[str]:
    """Distinct persons among validated numbers, each by the first number read for it."""
    persons: list[str] = []
    for n in numbers:
        if not any(same_person(n, p) for p in persons):
            persons.append(n)
    return persons


def _zone_owner(zone: dict[str, str], texts: list[str]) -> int | None:
    """The one region whose words carry the zone reading (merged there by the reader)."""
    value = zone.get("value", "")
    probe = _compact(value.splitlines()[0] if zone.get("key") == "mrz" else value)
    if not probe:
        return None
    owners = [i for i, t in enumerate(texts) if probe in t]
    return owners[0] if len(owners) == 1 else None


def _qr_person(payload: str, person: str | None) -> bool:
    card = parse_card_qr(payload)
    return card is not None and person is not None and same_person(card.id_number, person)
