"""Document-type files: valid, NFC, and carrying exactly the canonical keys of DOMAIN.md."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from schemas import SchemaError, load_schemas

# The stable API of the product (shared/DOMAIN.md): a change here is a breaking change.
CANONICAL = {
    "id_card": "id_number full_name date_of_birth sex nationality place_of_origin "
    "place_of_residence expiry_date",
    "birth_registration_form": "applicant_name applicant_id_number relationship full_name "
    "date_of_birth sex place_of_birth ethnicity nationality father_name mother_name request_date",
    "birth_certificate": "registration_number full_name date_of_birth sex place_of_birth id_number "
    "father_name mother_name registration_date issuing_authority",
    "marriage_registration_form": "wife_name wife_date_of_birth wife_id_number wife_residence "
    "husband_name husband_date_of_birth husband_id_number husband_residence request_date",
    "marriage_certificate": "registration_number wife_name wife_date_of_birth wife_id_number "
    "husband_name husband_date_of_birth husband_id_number registration_date issuing_authority",
    "death_registration_form": "applicant_name applicant_id_number relationship deceased_name "
    "deceased_date_of_birth deceased_id_number date_of_death place_of_death cause_of_death "
    "request_date",
    "marital_status_form": "full_name date_of_birth sex id_number place_of_residence "
    "marital_status purpose request_date",
    "residence_form": "full_name date_of_birth sex id_number phone head_of_household_name "
    "relationship_to_head request_content request_date",
    "household_business_form": "business_name business_address phone business_lines capital "
    "owner_name owner_date_of_birth owner_id_number owner_residence request_date",
    "land_registration_form": "applicant_name applicant_id_number applicant_address parcel_number "
    "map_sheet_number land_address area_m2 land_use_purpose request_date",
    "construction_permit_form": "investor_name investor_id_number investor_address phone "
    "construction_site parcel_number map_sheet_number construction_type floor_area_m2 floors "
    "request_date",
}
PROCEDURES = {
    "birth_registration_form": "1.001193",
    "birth_certificate": "1.001193",
    "marriage_registration_form": "1.000894",
    "marriage_certificate": "1.000894",
    "death_registration_form": "1.000656",
    "marital_status_form": "1.004873",
}


def test_every_type_has_exactly_the_canonical_keys() -> None:
    """Each of the 11 types loads with the DOMAIN.md field keys, in order, and its procedure."""
    schemas = load_schemas()
    assert set(schemas) == set(CANONICAL)
    for key, expected in CANONICAL.items():
        assert [f.key for f in schemas[key].fields] == expected.split(), key
    for key, code in PROCEDURES.items():
        assert schemas[key].procedure_code == code


def test_texts_are_nfc() -> None:
    """Titles and labels are NFC so fuzzy matching against NFC OCR text is fair."""
    for schema in load_schemas().values():
        for text in [
            schema.title,
            *schema.phrases,
            *(x for f in schema.fields for x in f.all_labels),
        ]:
            assert unicodedata.is_normalized("NFC", text)


def test_broken_file_names_itself(tmp_path: Path) -> None:
    """A bad schema file fails loudly with its path."""
    (tmp_path / "bad.yaml").write_text(
        "key: bad\ntitle: X\nfields:\n  - {key: a, kind: colour, label: A}\n"
    )
    with pytest.raises(SchemaError, match=r"bad\.yaml"):
        load_schemas(tmp_path)
