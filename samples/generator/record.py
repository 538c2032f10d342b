"""The values of one generated document, before any layout or printing decision.

A DocumentRecord holds canonical values (dates as `date`, amounts as `Decimal`, names
title-cased) for the DOMAIN.md keys plus printed-only extras (keys starting with "x_": the
recipient of "Kính gửi", the signer, an ID issue date...). Duplicates of the "same_record" kind
re-render one record with another layout, so the record must not depend on the layout.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from .addresses import Address
from .fields import FIELDS, PROCEDURES
from .people import Person

NEW_REGIME_FROM = date(2025, 7, 1)


@dataclass(slots=True)
class DocumentRecord:
    """Canonical values of one document, its people and the keys left blank on the form."""

    doc_type: str
    values: dict[str, object]
    persons: list[tuple[str, str]]  # (role, key of the id_number value)
    people: dict[str, Person] = field(default_factory=dict)
    blank: frozenset[str] = frozenset()

    @property
    def procedure_code(self) -> str | None:
        """National procedure code of the type (None for supporting documents)."""
        return PROCEDURES[self.doc_type]

    @property
    def main_person(self) -> Person:
        """The person the document is about (reused across document types)."""
        return next(iter(self.people.values()))

    def field_keys(self) -> tuple[str, ...]:
        """Canonical keys of this type that have a value."""
        return tuple(k for k in FIELDS[self.doc_type] if self.values.get(k) is not None)


def is_new_regime(d: date) -> bool:
    """Documents dated from 1 July 2025 use 2-level addresses."""
    return d >= NEW_REGIME_FROM


def address_text(addr: Address, when: date) -> str:
    """An address printed as it would be on a document dated `when`."""
    return addr.text(new_regime=is_new_regime(when))


def authority(addr: Address, when: date, body: str = "Ủy ban nhân dân") -> str:
    """"Ủy ban nhân dân xã Tân Phú, huyện X, tỉnh Y" (district omitted from July 2025)."""
    unit = Address(None, addr.commune_kind, addr.commune, addr.district_kind, addr.district,
                   addr.province)
    return f"{body} {unit.text(new_regime=is_new_regime(when))}"


def header_authority(record: DocumentRecord) -> tuple[str, str]:
    """Two-line issuing-body header of certificates: "ỦY BAN NHÂN DÂN" / "XÃ TÂN PHÚ"."""
    return "ỦY BAN NHÂN DÂN", str(record.values.get("x_header_unit", "")).upper()


def choose_blanks(rng: random.Random, optional: tuple[str, ...]) -> frozenset[str]:
    """Leave zero to two optional lines blank, as people do when filling forms."""
    if not optional or rng.random() > 0.3:
        return frozenset()
    return frozenset(rng.sample(optional, k=min(len(optional), rng.choice((1, 1, 2)))))


def id_issue_date(rng: random.Random, person: Person, before: date) -> date:
    """A plausible CCCD issue date: after 14th birthday and the 2016 roll-out, before `before`."""
    start = max(date(2016, 1, 1), date(person.date_of_birth.year + 14, 1, 1))
    if start >= before:
        start = date(before.year - 1, 1, 1)
    span = (before - start).days
    return date.fromordinal(start.toordinal() + rng.randint(0, max(span - 1, 0)))
