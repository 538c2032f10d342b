"""Canonical field keys per document type and their value kinds (DOMAIN.md table).

This is the product's stable API; the generator's truth uses exactly these keys. Printing
and canonicalisation are driven by the kind, so adding a key means adding one line here.
"""

from __future__ import annotations

DOC_TYPES: tuple[str, ...] = (
    "id_card", "birth_registration_form", "birth_certificate", "marriage_registration_form",
    "marriage_certificate", "death_registration_form", "marital_status_form",
    "residence_form", "household_business_form", "land_registration_form",
    "construction_permit_form",
)

FIELDS: dict[str, tuple[str, ...]] = {
    "id_card": (
        "id_number", "full_name", "date_of_birth", "sex", "nationality", "place_of_origin",
        "place_of_residence", "expiry_date",
    ),
    "birth_registration_form": (
        "applicant_name", "applicant_id_number", "relationship", "full_name", "date_of_birth",
        "sex", "place_of_birth", "ethnicity", "nationality", "father_name", "mother_name",
        "request_date",
    ),
    "birth_certificate": (
        "registration_number", "full_name", "date_of_birth", "sex", "place_of_birth",
        "id_number", "father_name", "mother_name", "registration_date", "issuing_authority",
    ),
    "marriage_registration_form": (
        "wife_name", "wife_date_of_birth", "wife_id_number", "wife_residence", "husband_name",
        "husband_date_of_birth", "husband_id_number", "husband_residence", "request_date",
    ),
    "marriage_certificate": (
        "registration_number", "wife_name", "wife_date_of_birth", "wife_id_number",
        "husband_name", "husband_date_of_birth", "husband_id_number", "registration_date",
        "issuing_authority",
    ),
    "death_registration_form": (
        "applicant_name", "applicant_id_number", "relationship", "deceased_name",
        "deceased_date_of_birth", "deceased_id_number", "date_of_death", "place_of_death",
        "cause_of_death", "request_date",
    ),
    "marital_status_form": (
        "full_name", "date_of_birth", "sex", "id_number", "place_of_residence",
        "marital_status", "purpose", "request_date",
    ),
    "residence_form": (
        "full_name", "date_of_birth", "sex", "id_number", "phone", "head_of_household_name",
        "relationship_to_head", "request_content", "request_date",
    ),
    "household_business_form": (
        "business_name", "business_address", "phone", "business_lines", "capital",
        "owner_name", "owner_date_of_birth", "owner_id_number", "owner_residence",
        "request_date",
    ),
    "land_registration_form": (
        "applicant_name", "applicant_id_number", "applicant_address", "parcel_number",
        "map_sheet_number", "land_address", "area_m2", "land_use_purpose", "request_date",
    ),
    "construction_permit_form": (
        "investor_name", "investor_id_number", "investor_address", "phone",
        "construction_site", "parcel_number", "map_sheet_number", "construction_type",
        "floor_area_m2", "floors", "request_date",
    ),
}

PROCEDURES: dict[str, str | None] = {
    "id_card": None,
    "birth_registration_form": "1.001193",
    "birth_certificate": "1.001193",
    "marriage_registration_form": "1.000894",
    "marriage_certificate": "1.000894",
    "death_registration_form": "1.000656",
    "marital_status_form": "1.004873",
    "residence_form": None,
    "household_business_form": None,
    "land_registration_form": None,
    "construction_permit_form": None,
}

_NUMBER_KEYS = frozenset({"capital", "area_m2", "floor_area_m2", "floors"})
_NAME_KEYS = frozenset({
    "applicant_name", "full_name", "father_name", "mother_name", "wife_name", "husband_name",
    "deceased_name", "head_of_household_name", "owner_name", "investor_name",
})


def kind_of(key: str) -> str:
    """Value kind of a canonical key: date, id_number, sex, name, number, phone or text."""
    if key in _NUMBER_KEYS:
        return "number"
    if key in _NAME_KEYS:
        return "name"
    if key.endswith("id_number"):
        return "id_number"
    if key == "sex":
        return "sex"
    if key == "phone":
        return "phone"
    if key.endswith("date") or key.startswith("date_of") or key.endswith("date_of_birth"):
        return "date"
    return "text"
