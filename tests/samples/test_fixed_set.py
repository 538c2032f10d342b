"""The committed set in samples/scans/ is complete, small, and reproducible from its seed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
from PIL import Image

from samples import DOC_TYPES
from samples.make_fixed_set import SCANS, build

from .conftest import load_truths


def test_fixed_set_covers_the_required_behaviours() -> None:
    """Every type, every format, clean and scanned profiles, a dossier, an exact duplicate,
    a rescan and an ID card with a QR code are present, in at most 20 files and 10 MB."""
    truths = load_truths(SCANS)
    assert len(truths) <= 20
    total = sum(p.stat().st_size for p in SCANS.rglob("*") if p.is_file())
    assert total <= 10_000_000
    docs = [d for t in truths for d in t["documents"]]
    assert {d["doc_type"] for d in docs} == set(DOC_TYPES)
    assert {t["format"] for t in truths} == {"pdf", "jpeg", "png", "tiff"}
    assert {"clean", "scanned"} <= {t["profile"] for t in truths}
    assert any(len(t["documents"]) == 3 for t in truths)
    kinds = {d["duplicate_kind"] for d in docs}
    assert {"exact", "near"} <= kinds
    assert any(d["qr_payload"] for d in docs if d["doc_type"] == "id_card")


def test_fixed_set_manifest_matches_files() -> None:
    """Each manifest row's sha256 is the committed file's hash (nothing edited by hand)."""
    for line in (SCANS / "manifest.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        data = (SCANS / row["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row["sha256"], row["file"]


def test_fixed_set_is_reproducible(tmp_path: Path) -> None:
    """Running make_fixed_set again writes the same truth (values, texts, page ranges) and the
    same files. Scan bytes are compared as decoded pixels, not bytes: a newer libjpeg or zlib
    may encode the same image differently, and that is not a change of the corpus."""
    build(tmp_path / "again")
    for path in (SCANS / "truth").iterdir():
        assert (tmp_path / "again" / "truth" / path.name).read_text("utf-8") == path.read_text(
            "utf-8"
        ), path.name
    for path in SCANS.iterdir():
        if path.is_file() and path.suffix.lower() in {".png", ".jpg", ".tif", ".pdf"}:
            other = tmp_path / "again" / path.name
            assert other.is_file(), path.name
            if path.suffix.lower() in {".png", ".tif"}:
                a, b = np.asarray(Image.open(path)), np.asarray(Image.open(other))
                assert a.shape == b.shape and np.abs(a.astype(int) - b.astype(int)).mean() < 1.0
