"""Tesseract drops the 0 every ID number starts with where the label's colon runs into it
("Số / No.: 031179119958" read "số No: 31179119958" on every view of a sharp card photo,
consumed 550901 0078, whose number was then refused): such a reading, the 0 put back, can
confirm PP-OCR's number, never stand alone (intake.extract.card_id_vote.zero_lost)."""

from __future__ import annotations

from intake.extract.card_id_vote import settle_two, zero_lost


def test_eleven_digits_with_the_zero_put_back_make_the_number() -> None:
    assert zero_lost("số No: 31179119958") == "031179119958"
    assert zero_lost("3117 9119 958") == "031179119958"  # digit groups split by spaces


def test_only_a_valid_number_of_exactly_eleven_digits_is_restored() -> None:
    assert zero_lost("số No: 031179119958") is None  # nothing lost
    assert zero_lost("3117911995") is None  # two digits lost: no guess
    assert zero_lost("99117911995") is None  # 099: no such province
    assert zero_lost("No: 311 / 79119958 12") is None  # two runs of digits


def test_a_restored_reading_confirms_but_never_settles_alone() -> None:
    """PP-OCR read the number on five views, each unsure of its first digit (the label's
    colon beside it), far below what it needs to stand alone; two Tesseract views read it
    less its 0. The 0 put back confirms it, as a second recogniser's reading does."""
    pp = [("031179119958", p) for p in (0.11, 0.09, 0.13, 0.03, 0.02)]
    born = "1979-09-24"
    assert settle_two([], pp, born) is None
    restored = [zero_lost("số No: 31179119958")] * 2
    assert settle_two([], pp, born, restored) == "031179119958"
    assert settle_two([], [], born, restored) is None  # nothing to confirm
