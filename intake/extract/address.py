"""Addresses: keep the printed text, correct OCR errors in unit names, give a normalised form.

Two regimes coexist (DOMAIN.md): 3-level addresses with a district and the 63 old provinces,
and 2-level addresses (commune/ward, one of 34 provinces) since 1 July 2025. Province names of
both regimes are corrected against the `vietnam-provinces` package (2025 units, read offline)
plus the 63 old names (:mod:`intake.extract.provinces`); commune/ward names against the 3,321
wards of 2025. The installed package carries no pre-2025 district list, so districts are kept
as printed. A unit is corrected only when the printed name is not itself known and exactly
one known name is close to it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

import vietnam_provinces
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from intake.extract.provinces import OLD_PROVINCE_NAMES
from intake.extract.text import fold, nfc

_PROVINCE_PREFIX = re.compile(r"^(tỉnh|tinh|thành phố|thanh pho|tp\.?)\s+", re.IGNORECASE)
_COMMUNE_PREFIX = re.compile(r"^(xã|phường|thị trấn|đặc khu)\s+", re.IGNORECASE)
_DISTRICT_PREFIX = re.compile(r"^(huyện|quận|thị xã|thành phố)\s+", re.IGNORECASE)
_UNIT_PREFIX = re.compile(r"^(Tỉnh|Thành phố|Phường|Xã|Đặc khu)\s+")


@dataclass(frozen=True, slots=True)
class Address:
    """An address as printed, as corrected, and split into its levels."""

    printed: str
    text: str  # printed text with unit names corrected (the field value)
    province: str | None
    district: str | None
    commune: str | None
    regime: str  # "2025" (2 levels) | "pre-2025" (3 levels) | "unknown"
    corrections: tuple[str, ...] = ()

    @property
    def normalised(self) -> str:
        """ "commune, district, province" without street, accents kept, for matching."""
        return ", ".join(p for p in (self.commune, self.district, self.province) if p)


@cache
def _gazetteer() -> tuple[dict[str, str], dict[str, list[str]]]:
    """(folded province name -> name, folded ward name -> names), both regimes."""
    data = json.loads(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH.read_text(encoding="utf-8"))
    provinces: dict[str, str] = {}
    wards: dict[str, list[str]] = {}
    for prov in data:
        name = _UNIT_PREFIX.sub("", prov["name"])
        provinces[fold(name)] = name
        for ward in prov.get("wards", []):
            short = _UNIT_PREFIX.sub("", ward["name"])
            names = wards.setdefault(fold(short), [])
            if short not in names:
                names.append(short)
    for name in OLD_PROVINCE_NAMES:
        provinces.setdefault(fold(name), name)
    provinces.setdefault("thua thien hue", "Thừa Thiên Huế")
    return provinces, wards


def _correct(
    name: str, known: dict[str, list[str]] | dict[str, str], min_similarity: float
) -> str | None:
    """The known name ``name`` was meant to be, or None when unsure or already right."""
    folded = fold(name)
    entry = known.get(folded)
    if entry is not None:
        names = [entry] if isinstance(entry, str) else entry
        if name in names or len(names) != 1:
            return None
        return names[0]  # accents damaged, letters right, one candidate
    if len(folded) < 5:
        return None
    hits = process.extract(
        folded,
        list(known),
        scorer=Levenshtein.normalized_similarity,
        score_cutoff=min_similarity,
        limit=2,
    )
    if len(hits) != 1 and not (len(hits) == 2 and hits[0][1] - hits[1][1] > 0.08):
        return None
    best = known[hits[0][0]]
    names = [best] if isinstance(best, str) else best
    return names[0] if len(names) == 1 else None


def normalise_address(printed: str) -> Address:
    """Split on commas, correct province and commune names, keep everything else as printed."""
    printed = nfc(printed)
    parts = [p.strip() for p in printed.split(",") if p.strip()]
    provinces, wards = _gazetteer()
    province = district = commune = None
    corrections: list[str] = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if last:
            prefix_m = _PROVINCE_PREFIX.match(part)
            prefix = prefix_m.group(0) if prefix_m else ""
            name = part[len(prefix) :]
            fixed = _correct(name, provinces, 0.8)
            if fixed:
                corrections.append(f"{name} → {fixed}")
                parts[i] = prefix + fixed
                name = fixed
            province = name
            continue
        if (m := _COMMUNE_PREFIX.match(part)) is not None:
            name = part[m.end() :]
            fixed = _correct(name, wards, 0.86)
            if fixed:
                corrections.append(f"{name} → {fixed}")
                parts[i] = m.group(0) + fixed
                name = fixed
            commune = name
        elif (m := _DISTRICT_PREFIX.match(part)) is not None and commune is not None:
            district = part[m.end() :]
    regime = "pre-2025" if district else ("2025" if commune and province else "unknown")
    return Address(
        printed, ", ".join(parts), province, district, commune, regime, tuple(corrections)
    )
