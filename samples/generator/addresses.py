"""Addresses printable in the 3-level (pre-July-2025) or 2-level (2025) regime.

One Address keeps every level, so the same person's residence prints with its district and
old province on older papers and as "commune, new province" on new ones (DOMAIN.md).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import geo

NEW_REGIME_START = (2025, 7, 1)


@dataclass(frozen=True, slots=True)
class Address:
    """A place with every administrative level; print it with `text(new_regime)`."""

    street: str | None
    commune_kind: str
    commune: str
    district_kind: str
    district: str
    province: geo.OldProvince

    def text(self, *, new_regime: bool) -> str:
        """Address as printed: 2-level for the 2025 regime, 3-level before."""
        parts = [self.street] if self.street else []
        parts.append(f"{self.commune_kind} {self.commune}")
        if new_regime:
            parts.append(geo.province_label(self.province.new_name, new_regime=True))
        else:
            parts.append(f"{self.district_kind} {self.district}")
            parts.append(geo.province_label(self.province.name, new_regime=False))
        return ", ".join(parts)

    def origin_text(self, *, new_regime: bool) -> str:
        """Short "Xã Yên Phú, Yên Mỹ, Hưng Yên" style used for quê quán on ID cards."""
        head = f"{self.commune_kind.capitalize()} {self.commune}"
        if new_regime:
            return f"{head}, {self.province.new_name}"
        return f"{head}, {self.district}, {self.province.name}"

    def commune_label(self) -> str:
        """"xã Tân Phú" as used in "Ủy ban nhân dân xã Tân Phú"."""
        return f"{self.commune_kind} {self.commune}"


def pick_province(rng: random.Random) -> geo.OldProvince:
    """Draw an old province weighted roughly by population."""
    weights = [geo.PROVINCE_WEIGHTS.get(p.code, 1.0) for p in geo.OLD_PROVINCES]
    return rng.choices(geo.OLD_PROVINCES, weights=weights)[0]


def random_address(
    rng: random.Random, province: geo.OldProvince | None = None, *, with_street: bool = True
) -> Address:
    """Build an urban (house number + street, ward) or rural (hamlet, commune) address."""
    province = province or pick_province(rng)
    urban = (province.is_city and rng.random() < 0.75) or rng.random() < 0.3
    if urban:
        street = f"Số {rng.randint(1, 320)}, đường {rng.choice(geo.STREETS)}"
        if rng.random() < 0.25:
            street = f"Số {rng.randint(1, 150)}/{rng.randint(1, 40)} {rng.choice(geo.STREETS)}"
        commune_kind = "phường"
        commune = rng.choice(geo.WARD_STEMS) if rng.random() < 0.85 else str(rng.randint(1, 15))
        district_kind = "quận" if province.is_city else rng.choice(("thành phố", "thị xã"))
    else:
        kind = rng.choice(geo.VILLAGE_KINDS)
        hamlet = str(rng.randint(1, 12)) if rng.random() < 0.4 else rng.choice(geo.HAMLET_NAMES)
        street = f"{kind} {hamlet}"
        commune_kind, commune = "xã", rng.choice(geo.COMMUNE_STEMS)
        district_kind = "huyện"
    return Address(
        street=street if with_street else None,
        commune_kind=commune_kind,
        commune=commune,
        district_kind=district_kind,
        district=rng.choice(geo.DISTRICT_STEMS),
        province=province,
    )
