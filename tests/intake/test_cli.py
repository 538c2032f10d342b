"""The `intake` command as an operator runs it (a real subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.pages import PROCESSED, render_page

INTAKE = [sys.executable, "-m", "intake"]


def _run(args: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "INTAKE_DATA_DIR": str(data_dir), "INTAKE_WORKERS": "1"}
    return subprocess.run([*INTAKE, *args], capture_output=True, text=True, env=env, timeout=300)


def test_process_json_then_export(tmp_path: Path) -> None:
    """`intake process --json` prints one contract-shaped object per document (bad files
    included); `intake export --format jsonl` returns the same documents with page text."""
    inbox = tmp_path / "hộp thư"
    inbox.mkdir()
    render_page().save(inbox / "tờ khai 01.png", dpi=(300, 300))
    (inbox / "hỏng.pdf").write_bytes(b"%PDF-1.4\n garbage")
    (inbox / "README.txt").write_text("not a scan: skipped by the folder walk")

    done = _run(["process", "--json", str(inbox)], tmp_path / "data")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [Path(r["source"]).name for r in records] == ["hỏng.pdf", "tờ khai 01.png"]
    expected_keys = {
        "source",
        "sha256",
        "document_id",
        "status",
        "doc_type",
        "procedure_code",
        "confidence",
        "fields",
        "duplicate_of",
        "pages",
        "source_pages",
        "error",
        "review_reasons",
    }
    assert all(set(r) == expected_keys for r in records)
    assert records[0]["status"] == "quarantined" and records[1]["status"] in PROCESSED
    assert records[1]["doc_type"] is None and records[1]["fields"] == {}

    exported = _run(["export", "--format", "jsonl"], tmp_path / "data")
    assert exported.returncode == 0, exported.stderr
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(rows) == 2
    assert "079203001234" in rows[1]["text"][0]


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    """A typo in a path stops with exit code 2 and says which path."""
    done = _run(["process", str(tmp_path / "không-có")], tmp_path / "data")
    assert done.returncode == 2
    assert "không-có" in done.stderr


def test_no_split_keeps_a_dossier_whole(tmp_path: Path) -> None:
    """`--no-split` stores a three-document dossier scan as one document of three pages
    (the default splits it: see test_end_to_end)."""
    dossier = Path(__file__).resolve().parents[2] / "samples" / "scans"
    name = "Hồ sơ xác nhận tình trạng hôn nhân - dossier.pdf"
    done = _run(["process", "--json", "--no-split", str(dossier / name)], tmp_path / "data")
    assert done.returncode == 0, done.stderr
    (record,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert record["source_pages"] == [1, 3] and record["pages"] == 3
