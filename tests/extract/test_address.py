"""Addresses against the gazetteer of both regimes: what is corrected and what is left alone."""

from __future__ import annotations

from intake.extract.address import normalise_address, traditional_tones


def test_pre_2025_district_accents_repaired() -> None:
    """A 3-level address whose district lost or changed its tone marks in OCR ("Hoãng Hóa",
    "Nghỉ Lộc") gets the district name of the old 63-province list; the note says so."""
    got = normalise_address("Xóm Tân Lập, xã Đông Hưng, huyện Hoãng Hóa, tỉnh Thái Bình")
    assert got.text == "Xóm Tân Lập, xã Đông Hưng, huyện Hoằng Hóa, tỉnh Thái Bình"
    assert got.district == "Hoằng Hóa" and got.regime == "pre-2025"
    assert "Hoãng Hóa → Hoằng Hóa" in got.corrections
    assert "huyện Nghi Lộc" in normalise_address("xã Cái Nước, huyện Nghỉ Lộc, tỉnh Bắc Giang").text


def test_district_printed_without_its_unit_word_on_a_card() -> None:
    """Card places of origin print the district bare ("Phường X, Củ Chỉ, Thanh Hóa"): its
    accents are repaired and it is the address's district."""
    got = normalise_address("Xã Hòn Đất, Củ Chỉ, Thanh Hóa")
    assert got.text == "Xã Hòn Đất, Củ Chi, Thanh Hóa" and got.district == "Củ Chi"


def test_district_not_guessed_from_a_similar_name() -> None:
    """A district missing from the list ("Tĩnh Gia", merged in 2020) is kept as printed,
    never replaced by a look-alike ("Bình Gia")."""
    got = normalise_address("Xóm 9, xã Tuy Phước, huyện Tĩnh Gia, tỉnh Cà Mau")
    assert "huyện Tĩnh Gia" in got.text


def test_commas_spaced_and_street_level_unit_word_repaired() -> None:
    """ "Cư Jút,huyện" gets its space back; "Tố dân phố" (OCR) becomes "Tổ dân phố"."""
    got = normalise_address("Tố dân phố 1, xã Cẩm Xuyên,huyện Kim Động, tỉnh Khánh Hòa")
    assert got.text == "Tổ dân phố 1, xã Cẩm Xuyên, huyện Kim Động, tỉnh Khánh Hòa"


def test_tone_marks_placed_as_forms_print_them() -> None:
    """The gazetteer's "Thuỷ", "Hoà" become "Thủy", "Hòa"; closed syllables and "qu" keep
    theirs ("Hoàng", "Quý", "Thuận")."""
    assert traditional_tones("Thuỷ Nguyên, Tuy Hoà") == "Thủy Nguyên, Tuy Hòa"
    for word in ("Hoàng", "Quý", "Thuận", "Nguyễn", "Huế"):
        assert traditional_tones(word) == word


def test_debris_after_the_province_is_dropped() -> None:
    """OCR debris after the last value on the line ("tỉnh Quảng Nam N SE xệ c") is cut where a
    known province name ends; the note says what was dropped."""
    got = normalise_address("Số 14, đường Lê Duẩn, phường Đông Hải, tỉnh Quảng Nam N SE xệ c")
    assert got.text == "Số 14, đường Lê Duẩn, phường Đông Hải, tỉnh Quảng Nam"
    assert got.province == "Quảng Nam" and any("N SE xệ c" in c for c in got.corrections)
    assert normalise_address("xã Gia Bình, tỉnh Nam ĐỊNH 206 62").province == "Nam Định"
