"""ID cards photocopied onto a page are found and read on their own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake.config import Settings
from intake.loading import inspect, load_page
from intake.pipeline.pages import PageReader, PageTask
from intake.preprocess.cards import find_cards

SCANS = Path(__file__).resolve().parents[2] / "samples" / "scans"


def _page(name: str):  # type: ignore[no-untyped-def]
    path = SCANS / name
    info = inspect(path, 10, 10**9)
    return load_page(path, info.kind.format, 0, 300, 10**9).image


@pytest.mark.parametrize(
    ("name", "cards"),
    [
        ("id-card-cccd-qr-clean.png", 1),
        ("id-card-can-cuoc-2024-front-back-clean.jpg", 2),
        ("birth-registration-form-clean.png", 0),
        ("birth-certificate-guilloche-clean.jpg", 0),
    ],
)
def test_cards_are_found_and_forms_are_not_cards(name: str, cards: int) -> None:
    """A card copy gives one region per side; forms and guilloche certificates give none."""
    assert len(find_cards(_page(name))) == cards


@pytest.mark.parametrize(
    "name", ["id-card-cccd-qr-clean.png", "id-card-can-cuoc-2024-front-back-clean.jpg"]
)
def test_card_text_is_read(name: str, tmp_path: Path) -> None:
    """The 12-digit ID number and the holder's name printed on the card are in the page text,
    with boxes mapped back inside the page."""
    truth = json.loads((SCANS / "truth" / f"{name}.json").read_text("utf-8"))["documents"][0]
    path = SCANS / name
    info = inspect(path, 10, 10**9)
    task = PageTask(str(path), info.kind.format, 0)
    result = PageReader(Settings(data_dir=tmp_path)).read(task)
    assert truth["fields"]["id_number"] in result.text
    assert truth["fields"]["full_name"].upper() in result.text
    for _text, left, top, right, bottom, _conf, _line in result.words:
        assert 0 <= left < right <= result.width and 0 <= top < bottom <= result.height  # type: ignore[operator]
