"""Synthetic people: one consistent identity reused across several documents.

A Person carries everything any form asks about (name, sex, birth date, ID number consistent
with birth province/sex/year, origin, residence, phone, ethnicity), so reuse across document
types (the same citizen in many procedures) is just passing the same object.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .addresses import Address, pick_province, random_address
from .idnumbers import make_id_number
from .names import random_full_name, random_surname

ETHNICITIES: dict[str, float] = {
    "Kinh": 85.0, "Tày": 2.0, "Thái": 2.0, "Mường": 1.5, "Khmer": 1.4, "Hoa": 1.0,
    "Nùng": 1.0, "H'Mông": 1.0, "Dao": 0.8, "Ê Đê": 0.4,
}


@dataclass(frozen=True, slots=True)
class Person:
    """A generated citizen; values are canonical (title-case name, real dates)."""

    full_name: str
    sex: str
    date_of_birth: date
    id_number: str
    birth_place: Address
    origin: Address
    residence: Address
    phone: str
    ethnicity: str
    nationality: str = "Việt Nam"

    @property
    def surname(self) -> str:
        """First word of the name (used to give children their father's surname)."""
        return self.full_name.split()[0]


def random_date(rng: random.Random, start: date, end: date) -> date:
    """Uniform date in [start, end]."""
    span = max((end - start).days, 0)
    return start + timedelta(days=rng.randint(0, span))


def random_phone(rng: random.Random) -> str:
    """10-digit Vietnamese mobile number starting with 0."""
    prefix = rng.choice(("09", "08", "07", "03", "05"))
    return prefix + "".join(str(rng.randrange(10)) for _ in range(8))


def make_person(
    rng: random.Random,
    *,
    sex: str | None = None,
    born_from: date = date(1950, 1, 1),
    born_to: date = date(2004, 12, 31),
    surname: str | None = None,
    residence: Address | None = None,
) -> Person:
    """Create a person whose ID number agrees with birth province, sex and birth year."""
    sex = sex or rng.choice(("Nam", "Nữ"))
    born = random_date(rng, born_from, born_to)
    birth_province = pick_province(rng)
    birth_place = random_address(rng, birth_province, with_street=False)
    moved = rng.random() < 0.3
    home = residence or random_address(rng, pick_province(rng) if moved else birth_province)
    return Person(
        full_name=random_full_name(
            rng, sex, south=birth_province.south, surname=surname or None
        ),
        sex=sex,
        date_of_birth=born,
        id_number=make_id_number(rng, birth_province.code, sex, born.year),
        birth_place=birth_place,
        origin=birth_place if rng.random() < 0.7 else random_address(rng, with_street=False),
        residence=home,
        phone=random_phone(rng),
        ethnicity=rng.choices(list(ETHNICITIES), weights=list(ETHNICITIES.values()))[0],
    )


def make_child(rng: random.Random, father: Person, mother: Person, born: date) -> Person:
    """A newborn with the father's surname, living with the parents."""
    child = make_person(
        rng, born_from=born, born_to=born, surname=father.surname, residence=father.residence
    )
    return replace(child, origin=father.origin, phone=father.phone, ethnicity=father.ethnicity)


def make_spouse(rng: random.Random, person: Person) -> Person:
    """An opposite-sex partner of plausible age (same residence province)."""
    sex = "Nữ" if person.sex == "Nam" else "Nam"
    y = person.date_of_birth.year
    lo = date(y - 6 if sex == "Nam" else y - 2, 1, 1)
    hi = date(y + 2 if sex == "Nam" else y + 6, 12, 31)
    south = person.birth_place.province.south
    return make_person(
        rng, sex=sex, born_from=lo, born_to=hi,
        surname=random_surname(rng, south=south),
    )
