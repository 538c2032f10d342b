"""A name band whose views voted no name still lends the MRZ's letters their tone marks
(issue #13; fresh seed 549201 photo 0019, Nguyễn Mỹ Vy: every view read MỸ, none read the
whole name, and the names line NGUYEN<<MY<VY alone cannot tell My from Mỹ)."""

from __future__ import annotations

from datetime import date

from intake.extract import extract_document
from intake.extract.card_zones import NAME_BAND
from samples.generator.idnumbers import mrz_lines
from tests.extract.pages import page

ID = "031065434787"  # a man: a middle MY is then My or Mỹ alike (`name_usage`)
BAND = "NGX VÊN Mỹ vY\nWGX YÊN MỸ vÝ\nWG* VẤN MỸ vYŸ\nMGI VẤN MỸ vY"


def _extract(band: str | None, back: bool = True) -> tuple[str | None, dict[str, str]]:
    zones = [{"key": "id_number", "value": ID}]
    if band is not None:
        zones.append({"key": NAME_BAND, "value": band})
    if back:
        zones.append({"key": "mrz", "value": "\n".join(
            mrz_lines(ID, "Nguyễn Mỹ Vy", date(1965, 5, 19), "Nam", date(2025, 5, 19)))})
    result = extract_document("id_card", [page()], zone_readings=zones)
    got = result.fields.get("full_name")
    return (got.value if got else None), {k: f.value for k, f in result.fields.items()}


def test_band_readings_give_the_mrz_letters_their_marks() -> None:
    name, fields = _extract(BAND)
    assert name == "Nguyễn Mỹ Vy"
    assert NAME_BAND not in fields  # evidence, never a field


def test_without_the_band_or_the_back_no_name() -> None:
    assert _extract(None)[0] is None  # MY: My or Mỹ, nothing read says which
    assert _extract(BAND, back=False)[0] is None  # no letters to lend the marks to
    # marks read in the band but on no line with another of the name's words prove nothing
    assert _extract("MỸ\nMỸ")[0] is None
