"""Unit rules of the generator: ID numbers, MRZ, Vietnamese number and date printing."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from samples.generator import geo, names
from samples.generator.idnumbers import id_consistent, mrz_check_digit, mrz_lines
from samples.generator.people import make_person
from samples.generator.printing import date_in_words, format_decimal_vn, format_phone


def test_generated_people_have_consistent_id_numbers() -> None:
    """For 500 people, the ID's province code is the birth province and its century/sex and
    year digits match sex and birth year (2000s births use 2/3)."""
    rng = random.Random(1)
    for _ in range(500):
        p = make_person(rng, born_from=date(1935, 1, 1), born_to=date(2024, 12, 31))
        assert p.id_number[:3] == p.birth_place.province.code
        assert id_consistent(p.id_number, p.sex, p.date_of_birth.year)
        if p.date_of_birth.year >= 2000:
            assert p.id_number[3] in "23"


def test_surname_frequencies_are_realistic() -> None:
    """Nguyễn is about 38% of surnames; Trần and Lê follow."""
    rng = random.Random(2)
    draws = [names.random_surname(rng) for _ in range(4000)]
    share = draws.count("Nguyễn") / len(draws)
    assert 0.33 < share < 0.43
    assert draws.count("Trần") > draws.count("Đặng")


def test_provinces_cover_both_regimes() -> None:
    """63 old province codes map onto exactly 34 new provinces."""
    assert len(geo.OLD_PROVINCES) == 63
    assert len(geo.NEW_PROVINCES) == 34


def test_mrz_lines_have_icao_shape() -> None:
    """TD1 MRZ: three 30-character lines, ID embedded, valid 7-3-1 check digits."""
    l1, l2, l3 = mrz_lines("025188001010", "Nguyễn Văn An", date(1988, 4, 26), "Nam", None)
    assert all(len(x) == 30 for x in (l1, l2, l3))
    assert l1.startswith("IDVNM188001010") and "025188001010" in l1
    assert l1[14] == mrz_check_digit("188001010")
    assert l2[:7] == "880426" + mrz_check_digit("880426") and l2[8:14] == "991231"
    assert l3.startswith("NGUYEN<<VAN<AN")


def test_vietnamese_number_and_date_printing() -> None:
    """Decimal comma and dot thousands; dates in words; grouped phones."""
    assert format_decimal_vn(Decimal("120.5")) == "120,5"
    assert format_decimal_vn(Decimal("50000000")) == "50.000.000"
    assert date_in_words(date(2018, 4, 26)) == (
        "Ngày hai mươi sáu, tháng tư, năm hai nghìn không trăm mười tám")
    assert format_phone("0912345678", "grouped") == "0912 345 678"
