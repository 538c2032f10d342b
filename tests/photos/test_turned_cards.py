"""Cards lying at 90 degrees on the desk (portrait quads) are found as cards, warped
landscape and read; pages are told from them by the direction of their text lines, also
when a page lies at 90 degrees (a landscape quad)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
from PIL import Image

from intake.config import Settings
from intake.extract import PageWords, extract_document
from intake.loading.images import load_frame
from intake.pipeline.pages import PageReader, PageTask
from intake.preprocess.photo import CARD_SIZE, PAGE_SIZE, flatten, to_photo
from samples import generate


def _desk_with(quad: np.ndarray, lines_along: str, size: tuple[int, int] = (1440, 1080),
               ) -> Image.Image:
    """A dark desk with one light document, ``quad`` (TL, TR, BR, BL), printed with rows of
    words running "x" (left to right) or "y" (top to bottom)."""
    rng = np.random.default_rng(11)
    desk = rng.integers(20, 60, (size[1], size[0], 3), dtype=np.uint8)
    cv2.fillPoly(desk, [quad.astype(np.int32)], (215, 225, 230))
    x0, y0 = quad.min(axis=0) + 40
    x1, y1 = quad.max(axis=0) - 40
    for a in range(0, 10_000, 28):  # rows of words, 28 px apart, words 40 px with gaps
        for b in range(0, 10_000, 56):
            x, y = (x0 + b, y0 + a) if lines_along == "x" else (x0 + a, y0 + b)
            w, h = (40, 8) if lines_along == "x" else (8, 40)
            if x + w < x1 and y + h < y1:
                cv2.rectangle(desk, (int(x), int(y)), (int(x + w), int(y + h)), (40, 40, 40), -1)
    return Image.fromarray(desk)


def test_card_lying_at_90_degrees_is_a_card_warped_landscape() -> None:
    """A card turned 90 degrees on the desk is portrait-shaped (it was missed: a portrait
    quad too small for a page); its print runs along its long side, so it is a card, and
    it is warped landscape, the sheet box mapping back onto its corners in the photo."""
    quad = np.array([[600, 250], [900, 262], [890, 740], [588, 728]], np.float32)  # 1.6
    flat = flatten(_desk_with(quad, "y"))
    assert flat is not None and flat.kind == "cards" and len(flat.regions) == 1
    region = flat.regions[0]
    assert (region.box[2] - region.box[0], region.box[3] - region.box[1]) == CARD_SIZE
    corners = np.array(region.quad)
    assert np.linalg.norm(corners[1] - corners[0]) > 1.4 * np.linalg.norm(corners[3] - corners[0])
    back = np.array(to_photo(region, region.box))
    assert np.abs(back - corners).max() < 1.0
    assert min(np.abs(corners - np.roll(quad, k, axis=0)).max() for k in range(4)) < 12


def test_large_portrait_card_is_a_card_and_an_upright_page_still_a_page() -> None:
    """A portrait quad filling a third of the frame in proportions both a card and a page
    can have under perspective (1.5): print along the long side makes it a card lying at
    90 degrees (it was a page), print across it an upright page."""
    quad = np.array([[450, 120], [960, 130], [950, 900], [440, 890]], np.float32)  # ~1.5
    card = flatten(_desk_with(quad, "y"))
    assert card is not None and card.kind == "cards" and len(card.regions) == 1
    page = flatten(_desk_with(quad, "x"))
    assert page is not None and page.kind == "page"
    assert page.image.size == PAGE_SIZE


def test_page_lying_at_90_degrees_is_a_page_warped_portrait() -> None:
    """A page lying at 90 degrees is a landscape quad in a card's proportions under
    perspective (it was warped as one big card): its print runs across its short side, so
    it is a page, warped portrait with its first side a short one."""
    quad = np.array([[200, 200], [1250, 215], [1240, 950], [190, 935]], np.float32)  # ~1.43
    flat = flatten(_desk_with(quad, "y"))
    assert flat is not None and flat.kind == "page" and flat.image.size == PAGE_SIZE
    corners = np.array(flat.regions[0].quad)
    assert np.linalg.norm(corners[1] - corners[0]) < np.linalg.norm(corners[3] - corners[0])


@pytest.fixture(scope="module")
def card_photo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("turned")
    generate(out, 3, 546301, "photo", types=["id_card"], dup_fraction=0.0,
             reuse_fraction=0.0, workers=1)
    truths = [json.loads(p.read_text("utf-8")) for p in sorted((out / "truth").glob("*.json"))]
    truth = next(t for t in truths if t["pages"][0]["extra"]["photo"]["scene"] == "card")
    return out, truth


def _read_card_photo(path: Path, data: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The page record's photo description and the ID-card fields extracted from it."""
    result = PageReader(Settings(data_dir=data, workers=1)).read(PageTask(str(path), "png", 0))
    assert result.photo is not None and result.photo["kind"] == "cards"
    page = PageWords(1, result.width, result.height, result.words, result.text_source)
    zones = result.photo.get("zones", [])
    return result.photo, extract_document("id_card", [page], qr_payloads=result.qr,
                                          zone_readings=zones).fields


@pytest.mark.parametrize("turn", [90, 270])
def test_card_photo_turned_90_degrees_is_read(
    card_photo: tuple[Path, dict[str, Any]], tmp_path: Path, turn: int
) -> None:
    """A card photo turned 90 or 270 degrees (the card lying sideways, no EXIF tag): the
    card is warped landscape, turned upright by the 180-degree check when it came out upside
    down, its ID number is read, and the kept homography maps its sheet box onto the card
    in the photo from the card's real top-left corner."""
    out, truth = card_photo
    image, _ = load_frame(out / truth["file"], 0, 200_000_000)
    path = tmp_path / f"turned-{turn}.png"
    image.rotate(turn, expand=True).save(path)
    photo, fields = _read_card_photo(path, tmp_path / "data")
    assert fields["id_number"].value == truth["documents"][0]["fields"]["id_number"]
    region = photo["regions"][0]
    assert np.abs(np.array(to_photo(region, tuple(region["box"])))
                  - np.array(region["quad"])).max() < 1.0
    # the card's real top-left, where rotating the upright photo by `turn` put it
    x, y = truth["pages"][0]["extra"]["photo"]["quads"][0][0]
    width, height = image.size
    top_left = (y, width - x) if turn == 90 else (height - y, x)
    assert np.abs(np.array(region["quad"][0]) - np.array(top_left)).max() < 15
