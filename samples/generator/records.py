"""Build a DocumentRecord of any type, for a fresh or a reused person.

Passing the same Person for several types produces the reuse case (one citizen in many
procedures), which the pipeline must link but not flag as a duplicate.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from . import civil_records as civil
from . import permit_records as permits
from .names import random_full_name
from .people import Person, random_date
from .record import DocumentRecord, address_text, id_issue_date

Builder = Callable[[random.Random, Person, date], DocumentRecord]

EARLIEST_REQUEST = date(2019, 1, 1)
LATEST_REQUEST = date(2025, 11, 28)
CANCUOC_FROM = date(2024, 7, 1)

MARKS = ("Nốt ruồi C: 1cm trên trước đuôi mắt trái", "Sẹo chấm C: 2cm dưới sau mép phải",
         "Nốt ruồi C: 1,5cm dưới trước cánh mũi phải", "Sẹo chấm C: 3cm trên đuôi lông mày trái")


def _expiry(person: Person, issued: date) -> date | None:
    """Cards expire on the 25th, 40th or 60th birthday; issued at 58+ they never expire."""
    age = issued.year - person.date_of_birth.year
    for limit, cutoff in ((25, 23), (40, 38), (60, 58)):
        if age < cutoff:
            born = person.date_of_birth
            day = min(born.day, 28) if born.month == 2 else born.day
            return date(born.year + limit, born.month, day)
    return None


def id_card(rng: random.Random, subject: Person, when: date) -> DocumentRecord:
    """Front (and sometimes back) of a CCCD (until June 2024) or Căn cước (from July 2024)."""
    issued = id_issue_date(rng, subject, when)
    cancuoc = issued >= CANCUOC_FROM
    expiry = _expiry(subject, issued)
    residence = address_text(subject.residence, issued)
    old_id = "".join(str(rng.randrange(10)) for _ in range(9)) if rng.random() < 0.5 else ""
    values: dict[str, object] = {
        "id_number": subject.id_number, "full_name": subject.full_name,
        "date_of_birth": subject.date_of_birth, "sex": subject.sex, "nationality": "Việt Nam",
        "place_of_origin": None if cancuoc else subject.origin.origin_text(new_regime=False),
        "place_of_residence": residence, "expiry_date": expiry,
        "x_issue_date": issued, "x_generation": "cancuoc" if cancuoc else "cccd",
        "x_birth_registration": subject.birth_place.origin_text(new_regime=issued.year > 2025),
        "x_marks": rng.choice(MARKS), "x_old_id": old_id,
    }
    return DocumentRecord("id_card", values, [("holder", "id_number")], {"holder": subject})


def qr_payload(record: DocumentRecord, trailing: int = 0) -> str:
    """The pipe-separated ID card QR text of DOMAIN.md."""
    v = record.values
    born: date = v["date_of_birth"]  # type: ignore[assignment]
    issued: date = v["x_issue_date"]  # type: ignore[assignment]
    parts = [
        str(v["id_number"]), str(v["x_old_id"]), str(v["full_name"]).upper(),
        born.strftime("%d%m%Y"), str(v["sex"]), str(v["place_of_residence"]),
        issued.strftime("%d%m%Y"),
    ]
    return "|".join(parts + [""] * trailing)


BUILDERS: dict[str, Builder] = {
    "id_card": id_card,
    "birth_registration_form": civil.birth_registration,
    "birth_certificate": civil.birth_certificate,
    "marriage_registration_form": civil.marriage_registration,
    "marriage_certificate": civil.marriage_certificate,
    "death_registration_form": civil.death_registration,
    "marital_status_form": civil.marital_status,
    "residence_form": permits.residence,
    "household_business_form": permits.household_business,
    "land_registration_form": permits.land_registration,
    "construction_permit_form": permits.construction_permit,
}


def build_record(
    rng: random.Random, doc_type: str, subject: Person | None = None, when: date | None = None
) -> DocumentRecord:
    """Draw a record of `doc_type` about `subject` (a fresh adult when None)."""
    when = when or random_date(rng, EARLIEST_REQUEST, LATEST_REQUEST)
    subject = subject or permits.adult(rng, when)
    record = BUILDERS[doc_type](rng, subject, when)
    home = subject.birth_place if doc_type == "birth_certificate" else subject.residence
    place = home.province.name if home.commune.isdigit() else home.commune
    record.values.setdefault("x_place", place)
    record.values.setdefault("x_header_unit", home.commune_label())
    record.values.setdefault("x_officer", random_full_name(rng, rng.choice(("Nam", "Nữ"))))
    record.values.setdefault("x_signer", random_full_name(rng, rng.choice(("Nam", "Nữ"))))
    record.values.setdefault("x_signer_title", rng.choice(SIGNER_TITLES))
    return record


SIGNER_TITLES = ("CHỦ TỊCH", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "PHÓ CHỦ TỊCH")
