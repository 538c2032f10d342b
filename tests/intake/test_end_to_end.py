"""The bundled samples end to end: split, classified, extracted, duplicates of each kind
linked, and the reuse case (one person on several document types) not a duplicate."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from intake.config import Settings
from intake.records import DocumentRecord
from intake.reuse import lookup
from intake.warehouse.models import DocumentPerson
from intake.warehouse.repository import Warehouse
from tests.intake.run import run_pipeline

SCANS = Path(__file__).resolve().parents[2] / "samples" / "scans"


def _truth(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((SCANS / "truth" / f"{name}.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def processed(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Settings, list[DocumentRecord]]]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("e2e"), workers=2)
    files = sorted(p for p in SCANS.iterdir() if p.is_file() and p.suffix != ".jsonl")
    yield settings, run_pipeline(settings, files, workers=2)


def _by_file(records: list[DocumentRecord]) -> dict[str, list[DocumentRecord]]:
    out: dict[str, list[DocumentRecord]] = {}
    for record in records:
        out.setdefault(Path(record.source).name, []).append(record)
    return out


def test_dossier_is_split_and_types_match_truth(
    processed: tuple[Settings, list[DocumentRecord]],
) -> None:
    """Every file gives the documents its truth lists, with their types and page ranges; on
    the hard profile a type may also be left open (None: sent to review), never wrong."""
    _, records = processed
    for name, got in _by_file(records).items():
        truth = _truth(name)
        if got[0].status == "duplicate" and got[0].duplicate_of[0].kind == "exact":
            continue
        assert [r.source_pages for r in got] == [d["source_pages"] for d in truth["documents"]]
        for record, expected in zip(got, truth["documents"], strict=True):
            allowed = (
                {expected["doc_type"], None}
                if truth["profile"] == "hard"
                else {expected["doc_type"]}
            )
            assert record.doc_type in allowed, name
            if record.doc_type is None:
                assert record.status == "needs_review"


def test_duplicates_of_each_kind(processed: tuple[Settings, list[DocumentRecord]]) -> None:
    """Exact copy -> exact, rescan -> near, same values in another layout -> same_record:
    the pair is linked with that kind (from whichever of the two was processed second)."""
    _, records = processed
    files = _by_file(records)
    for name, got in files.items():
        doc = _truth(name)["documents"][0]
        kind = doc["duplicate_kind"]
        if kind is None:
            continue
        other = files[doc["duplicate_of"]][0]
        links = {(d.document_id, d.kind) for d in got[0].duplicate_of} | {
            (d.document_id, d.kind) for d in other.duplicate_of
        }
        assert {(other.document_id, kind), (got[0].document_id, kind)} & links, name


def test_reuse_case_is_not_a_duplicate(processed: tuple[Settings, list[DocumentRecord]]) -> None:
    """The dossier's marital-status form and ID card concern one person: both link to that
    person (roles applicant and holder), neither is a duplicate, and the reuse lookup returns
    the person's facts with their sources."""
    settings, records = processed
    dossier = _by_file(records)["Hồ sơ xác nhận tình trạng hôn nhân - dossier.pdf"]
    id_number = _truth(dossier[0].source.rsplit("/", 1)[1])["documents"][0]["persons"][0][
        "id_number"
    ]
    assert all(not r.duplicate_of for r in dossier[:2])
    warehouse = Warehouse.open(settings)
    with warehouse.sessions() as session:
        links = set(
            session.execute(
                select(DocumentPerson.document_id, DocumentPerson.role).where(
                    DocumentPerson.id_number == id_number
                )
            ).all()
        )
        answer = lookup(session, id_number)
    warehouse.close()
    assert {(dossier[0].document_id, "applicant"), (dossier[1].document_id, "holder")} <= links
    assert {d.document_id for d in answer.documents} >= {
        dossier[0].document_id,
        dossier[1].document_id,
    }
    assert answer.facts["id_number"].value == id_number
    assert "name" in answer.facts and "date_of_birth" in answer.facts
