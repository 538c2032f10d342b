"""Registry of every layout per document type (ID card layouts are drawn by card.py)."""

from __future__ import annotations

from . import forms_civil as civil
from . import forms_permits as permits
from .forms import Layout

FORM_LAYOUTS: dict[str, tuple[Layout, ...]] = {
    "birth_registration_form": civil.BIRTH_REGISTRATION,
    "birth_certificate": civil.BIRTH_CERTIFICATE,
    "marriage_registration_form": civil.MARRIAGE_REGISTRATION,
    "marriage_certificate": civil.MARRIAGE_CERTIFICATE,
    "death_registration_form": civil.DEATH_REGISTRATION,
    "marital_status_form": civil.MARITAL_STATUS,
    "residence_form": permits.RESIDENCE,
    "household_business_form": permits.HOUSEHOLD_BUSINESS,
    "land_registration_form": permits.LAND,
    "construction_permit_form": permits.CONSTRUCTION,
}
CARD_LAYOUTS: tuple[str, ...] = (
    "id_card/front-photocopy", "id_card/front-back-photocopy", "id_card/front-enlarged",
)


def layout_ids(doc_type: str, *, single_page: bool = False) -> tuple[str, ...]:
    """Layout ids of a type; `single_page` drops editions that force a second page."""
    if doc_type == "id_card":
        return CARD_LAYOUTS
    return tuple(
        lay.layout_id for lay in FORM_LAYOUTS[doc_type] if not (single_page and lay.multi_page)
    )


def form_layout(layout_id: str) -> Layout:
    """Look a form layout up by id."""
    doc_type = layout_id.split("/", 1)[0]
    for lay in FORM_LAYOUTS[doc_type]:
        if lay.layout_id == layout_id:
            return lay
    raise KeyError(layout_id)
