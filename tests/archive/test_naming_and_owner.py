"""Pure rules: whose ID number names the document, safe export file names, the word tree."""

from __future__ import annotations

from intake.archive import owner_id_number, pdf_name
from intake.archive.ocr_tree import page_tree
from schemas import load_schemas

ID = "079203001234"


def test_owner_id_is_the_first_id_number_field_of_the_schema() -> None:
    """The owner's ID is the first id_number-kind field, in schema order, that has a value:
    applicant before child on a birth form, investor on a construction permit, the holder on
    an ID card; an absent first field falls through to the next one."""
    schemas = load_schemas()
    assert owner_id_number("id_card", {"id_number": ID}, schemas) == ID
    assert owner_id_number("construction_permit_form", {"investor_id_number": ID}, schemas) == ID
    assert owner_id_number("household_business_form", {"owner_id_number": ID}, schemas) == ID
    other = "001099012345"
    both = {"deceased_id_number": other, "applicant_id_number": ID}
    assert owner_id_number("death_registration_form", both, schemas) == ID
    only_deceased = {"deceased_id_number": other}
    assert owner_id_number("death_registration_form", only_deceased, schemas) == other
    assert owner_id_number("birth_registration_form", {"full_name": "Nguyễn An"}, schemas) is None


def test_owner_id_without_a_schema_uses_id_number_keys() -> None:
    """An unclassified document still yields an ID from an ``*id_number`` field, if any."""
    assert owner_id_number(None, {"holder_id_number": ID, "phone": "0901"}, {}) == ID
    assert owner_id_number(None, {"phone": "0901"}, {}) is None


def test_export_file_names_are_safe_and_use_placeholders() -> None:
    """``<doc_type>_<owner id>_<document id>.pdf`` with ``unknown``/``none`` when absent; a
    hostile value cannot leave the folder or break the name apart."""
    assert pdf_name("birth_registration_form", ID, 42) == f"birth_registration_form_{ID}_42.pdf"
    assert pdf_name(None, None, 7) == "unknown_none_7.pdf"
    hostile = pdf_name("../../etc", "12/34_Ánh", 3)
    assert "/" not in hostile and ".." not in hostile
    assert hostile == "etc_12-34-Anh_3.pdf"


def test_word_tree_groups_stored_words_by_line_and_skips_empty_boxes() -> None:
    """Stored words become lines in OCR order with NFC text; empty or zero-area words are
    dropped, since nothing could be selected on them."""
    words = [
        ["Ho\u0323", 10, 10, 50, 30, 0.9, 0],  # decomposed "Họ"
        ["tên", 60, 10, 100, 30, 0.9, 0],
        ["", 110, 10, 120, 30, 0.9, 0],
        ["An", 10, 50, 40, 70, 0.8, 1],
        ["x", 10, 80, 10, 90, 0.8, 2],
    ]
    tree = page_tree(words, 200, 100, 300)
    assert [[w.text for w in line.children] for line in tree.children] == [["Họ", "tên"], ["An"]]
    first = tree.children[0].bbox
    assert first is not None and (first.left, first.right) == (10, 100)
