"""Small generated sets shared by the sample-generator tests (generated once per session)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from samples import generate


def load_truths(out: Path) -> list[dict[str, Any]]:
    """Truth JSON of every file listed in the manifest, in manifest order."""
    rows = [json.loads(line) for line in (out / "manifest.jsonl").read_text("utf-8").splitlines()]
    return [json.loads((out / row["truth"]).read_text("utf-8")) for row in rows]


@pytest.fixture(scope="session")
def scanned_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """16 files, scanned profile, many duplicates (all three kinds) and at least one dossier."""
    out = tmp_path_factory.mktemp("scanned")
    generate(out, 16, 11, "scanned", dup_fraction=0.25, reuse_fraction=0.3)
    return out


@pytest.fixture(scope="session")
def clean_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Clean single-page renders (no skew, 300 DPI) for OCR and QR checks."""
    out = tmp_path_factory.mktemp("clean")
    generate(out, 5, 5, "clean", types=["id_card", "marital_status_form", "birth_certificate"],
             formats=["png"], dup_fraction=0.0)
    return out


@pytest.fixture(scope="session")
def hard_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few hard-profile files to check the recorded scan parameters."""
    out = tmp_path_factory.mktemp("hard")
    generate(out, 6, 21, "hard", formats=["jpeg", "pdf"], dup_fraction=0.0)
    return out
