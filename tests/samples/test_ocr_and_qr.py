"""Rendered pixels carry the truth: QR payloads decode, and OCR reads field values."""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from samples.generator.canvas import Style
from samples.generator.id_page import render_id_page
from samples.generator.records import build_record
from samples.generator.truth import canonical

from .conftest import load_truths


def _check_payload(payload: str, fields: dict[str, str]) -> None:
    parts = payload.split("|")
    assert parts[0] == fields["id_number"]
    assert parts[2] == fields["full_name"].upper()
    d = fields["date_of_birth"]
    assert parts[3] == f"{d[8:10]}{d[5:7]}{d[:4]}"


@pytest.mark.parametrize("issued", [date(2022, 3, 1), date(2024, 9, 1)])
def test_id_card_qr_decodes_to_the_payload(issued: date) -> None:
    """Given a chip CCCD (QR on the front) or a Căn cước copied front and back (QR on the
    back), decoding the page yields the payload, which agrees with the printed fields."""
    rng = random.Random(4)
    record = build_record(rng, "id_card", when=issued + timedelta(days=1))
    record.values["x_issue_date"] = issued
    record.values["x_generation"] = "cancuoc" if issued >= date(2024, 7, 1) else "cccd"
    canvas, payload = render_id_page(record, "id_card/front-back-photocopy", Style(), rng,
                                     with_qr=True, photocopy_grey=False)
    assert payload
    assert payload in [r.text for r in zxingcpp.read_barcodes(canvas.pages[0])]
    fields = {k: canonical(k, record.values[k]) for k in canvas.fields}
    _check_payload(payload, fields)


def test_qr_payloads_in_generated_sets_decode(clean_set: Path) -> None:
    """Any ID card in a clean set that records a QR payload really carries that QR."""
    for truth in load_truths(clean_set):
        for doc in truth["documents"]:
            if doc["qr_payload"]:
                img = Image.open(clean_set / truth["file"])
                assert doc["qr_payload"] in [r.text for r in zxingcpp.read_barcodes(img)]
                _check_payload(doc["qr_payload"], doc["fields"])


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_tesseract_reads_field_values_on_clean_pages(clean_set: Path) -> None:
    """Cropping a field's recorded box from a clean 300-DPI page and OCRing it with
    `tesseract -l vie` gives the printed value (ID numbers exactly, names nearly)."""
    checked = 0
    for truth in load_truths(clean_set):
        img = Image.open(clean_set / truth["file"]).convert("L")
        for doc in truth["documents"]:
            boxes = doc["extra"]["render_boxes_300dpi"]
            for key in ("id_number", "full_name"):
                if key not in boxes:
                    continue
                x0, y0, x1, y1 = boxes[key]["box"]
                crop = img.crop((x0 - 12, y0 - 10, x1 + 12, y1 + 10))
                result = subprocess.run(
                    ["tesseract", "-", "-", "-l", "vie", "--psm", "7"],
                    input=_png(crop), capture_output=True, check=True, timeout=30,
                )
                text = unicodedata.normalize("NFC", result.stdout.decode().strip())
                printed = doc["extra"]["printed"][key]
                if key == "id_number":
                    assert printed in text.replace(" ", ""), (text, printed)
                else:
                    assert _cer(text.upper(), printed.upper()) < 0.15, (text, printed)
                checked += 1
    assert checked >= 3


def _png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _cer(hyp: str, ref: str) -> float:
    prev = list(range(len(hyp) + 1))
    for i, rc in enumerate(ref, 1):
        cur = [i]
        for j, hc in enumerate(hyp, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (rc != hc)))
        prev = cur
    return prev[-1] / max(len(ref), 1)
