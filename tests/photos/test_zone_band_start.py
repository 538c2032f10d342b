"""A card's name band starts on the name's first letter even when the fixed zone cuts it.

Fresh photo 549001 0029 (Tô Minh Dung): the card, warped a few pixels off, put the T left
of the zone's left edge, and every view read "Ô MINH DUNG"."""

from __future__ import annotations

from PIL import Image, ImageDraw

from intake.extract.card_zones import ZONES, CardViews, _band
from samples.generator import fonts

ZONE = ZONES[("cccd", "front")]["full_name"]


def _card(name_x: int) -> Image.Image:
    card = Image.new("RGB", (1300, 820), (236, 238, 240))
    draw = ImageDraw.Draw(card)
    draw.rectangle((40, 260, 250, 560), outline=(60, 60, 60), width=3)  # the photo's frame
    font = fonts.load(fonts.FAMILIES["liberation_serif"].bold, 40)
    draw.text((name_x, 350), "TÔ MINH DUNG", fill=(30, 30, 30), font=font)
    return card


def test_band_moves_left_onto_a_cut_first_letter() -> None:
    x0, _, x1, _ = _band(CardViews.of(_card(324)), ZONE)
    assert x0 <= 326 and x1 > 600


def test_band_left_edge_stays_when_nothing_is_cut() -> None:
    x0, _, _, _ = _band(CardViews.of(_card(380)), ZONE)
    assert x0 == 347  # the zone's edge (270 at the 1011-px base width)
