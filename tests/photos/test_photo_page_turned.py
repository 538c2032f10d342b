"""A page photographed upside down (on the counter, facing the citizen) is read upright, and
its transform back to the photo starts from the page's real top-left corner."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps

from classifiers import load_classifier
from intake.config import Settings
from intake.loading.sniff import sniff
from intake.pipeline.pages import PageReader, PageTask
from intake.preprocess.photo import to_photo
from samples import generate


@pytest.mark.slow
def test_page_photographed_upside_down_is_read_upright(tmp_path: Path) -> None:
    data = tmp_path / "pages"
    generate(data, 1, 4747, "photo", types=["marriage_registration_form"], dup_fraction=0.0,
             workers=1)
    truth = json.loads(next((data / "truth").glob("*.json")).read_text("utf-8"))
    upright = ImageOps.exif_transpose(Image.open(data / truth["file"])).convert("RGB")
    turned = tmp_path / "turned.png"
    upright.rotate(180).save(turned)

    reader = PageReader(Settings(data_dir=tmp_path / "data", workers=1))
    result = reader.read(PageTask(str(turned), sniff(turned).format, 0))

    assert result.photo is not None and result.photo["kind"] == "page"
    assert result.rotation == 180
    segment = load_classifier().classify([result.text])
    assert segment.doc_type == truth["documents"][0]["doc_type"]
    # the sheet's top-left corner maps to the page's top-left corner as it lies in the photo
    width, height = upright.size
    page_top_left = np.array(truth["pages"][0]["extra"]["photo"]["quads"][0][0])
    expected = np.array([width, height]) - page_top_left  # turned 180 degrees
    region = result.photo["regions"][0]  # type: ignore[index]
    corner = np.array(to_photo(region, (0, 0, 1, 1))[0])
    assert np.linalg.norm(corner - expected) < 0.03 * width
