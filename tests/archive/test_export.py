"""``intake export`` formats for hand-over: PDF/A files, CSV per type, JSON lines."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from intake.archive import export_csv, export_jsonl, export_pdfa, summarise
from intake.archive.commands import UnknownDocTypeError
from tests.archive.conftest import Archived, page_text
from tests.web.seed import ID_NUMBER


def test_export_pdfa_writes_one_named_file_per_document(archived: Archived, tmp_path: Path) -> None:
    """Each document with pages becomes ``<doc_type>_<owner id>_<id>.pdf`` (placeholders for
    unclassified ones); the summary reports files, pages and bytes."""
    out = tmp_path / "xuất"
    paths = export_pdfa(archived.settings, out)
    names = sorted(p.name for p in paths)
    assert names == sorted(
        [
            f"birth_registration_form_{ID_NUMBER}_{archived.form_id}.pdf",
            f"unknown_none_{archived.two_page_id}.pdf",
            f"unknown_none_{archived.born_digital_id}.pdf",
            f"unknown_none_{archived.unembedded_id}.pdf",
        ]
    )
    assert not list(out.glob("*.part"))
    assert "Nguyễn" in page_text(out / names[0], 1)
    summary = summarise(paths)
    assert (summary.files, summary.pages) == (4, 5)
    assert summary.bytes == sum(p.stat().st_size for p in paths)


def test_export_csv_has_the_base_columns_then_the_schema_fields(archived: Archived) -> None:
    """One row per document of the type; columns: the record keys, then every field key of
    the type in schema order, empty where the field was not found."""
    out = io.StringIO(newline="")
    assert export_csv(archived.settings, "birth_registration_form", out) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    header = next(csv.reader(io.StringIO(out.getvalue())))
    assert header[:8] == [
        "document_id",
        "source",
        "sha256",
        "status",
        "doc_type",
        "procedure_code",
        "confidence",
        "pages",
    ]
    assert header[8:11] == ["applicant_name", "applicant_id_number", "relationship"]
    (row,) = rows
    assert row["document_id"] == str(archived.form_id)
    assert row["full_name"] == "Nguyễn Thị Ngọc Ánh"
    assert row["applicant_id_number"] == ID_NUMBER
    assert row["mother_name"] == ""


def test_export_csv_refuses_an_unknown_type(archived: Archived) -> None:
    """A typo in ``--type`` is an error naming the known types, not an empty file."""
    with pytest.raises(UnknownDocTypeError, match="birth_registration_form"):
        export_csv(archived.settings, "giay_khai_sinh", io.StringIO())


def test_export_jsonl_filters_by_type_and_keeps_the_record_shape(archived: Archived) -> None:
    """JSON lines carry the document record (fields by canonical key) plus page texts; with a
    type, only documents of that type."""
    everything, only = io.StringIO(), io.StringIO()
    assert export_jsonl(archived.settings, everything) == 4
    assert export_jsonl(archived.settings, only, "birth_registration_form") == 1
    record = json.loads(only.getvalue())
    assert record["fields"]["applicant_id_number"]["value"] == ID_NUMBER
    assert record["text"] and record["document_id"] == archived.form_id
