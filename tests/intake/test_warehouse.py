"""The warehouse on SQLite and PostgreSQL through one code path."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm.exc import StaleDataError

from intake.config import Settings
from intake.warehouse.blobs import BlobStore, sha256_file
from intake.warehouse.models import Document, Field
from intake.warehouse.repository import Warehouse
from tests.intake.run import run_pipeline
from tests.pages import PROCESSED, render_page


def test_migrations_create_tables_and_are_idempotent(db_settings: Settings) -> None:
    """Opening twice runs Alembic twice without error and leaves the core tables."""
    Warehouse.open(db_settings).close()
    warehouse = Warehouse.open(db_settings)
    tables = set(sa_inspect(warehouse.engine).get_table_names())
    warehouse.close()
    assert {"documents", "pages", "fields", "jobs", "field_revisions", "duplicate_links"} <= tables
    assert "alembic_version" in tables


def test_pipeline_stores_pages_and_exact_duplicate(db_settings: Settings, tmp_path: Path) -> None:
    """Stored pages keep text, confidence, words and image; the same bytes again (even in a later
    run under another name) become an exact duplicate linked to the first, without OCR."""
    scan = tmp_path / "tờ khai.png"
    render_page().save(scan, dpi=(300, 300))
    copy = tmp_path / "bản sao.png"
    copy.write_bytes(scan.read_bytes())

    first, same_run_copy = run_pipeline(db_settings, [scan, copy])
    (later_copy,) = run_pipeline(db_settings, [copy])

    assert first.status in PROCESSED and first.pages == 1 and first.source_pages == [1, 1]
    for dup in (same_run_copy, later_copy):
        assert dup.status == "duplicate"
        assert [(d.document_id, d.kind) for d in dup.duplicate_of] == [(first.document_id, "exact")]

    warehouse = Warehouse.open(db_settings)
    exported = {r.document_id: r for r in warehouse.iter_documents()}
    with warehouse.sessions() as session:
        document = session.get(Document, first.document_id)
        page = document.pages[0]
        assert page.text_source == "ocr" and page.confidence and page.confidence > 0.8
        assert page.words and page.words[0][0] == "CỘNG"
        assert BlobStore(db_settings.blob_dir).exists(page.image_sha256)
        assert document.job_id is not None
    warehouse.close()
    assert "Nguyễn Thị Ngọc Ánh" in exported[first.document_id].text[0]
    assert len(exported) == 3
    assert first.sha256 == sha256_file(scan)


def test_concurrent_edit_is_detected(db_settings: Settings) -> None:
    """Two officers editing the same document: the second stale write fails (version column)."""
    warehouse = Warehouse.open(db_settings)
    with warehouse.unit_of_work() as session:
        document = Document(sha256="0" * 64, source_path="x", source_name="x", status="stored")
        session.add(document)
        session.flush()
        doc_id = document.id
    first, second = warehouse.sessions(), warehouse.sessions()
    a, b = first.get(Document, doc_id), second.get(Document, doc_id)
    a.doc_type = "id_card"
    first.commit()
    b.doc_type = "birth_certificate"
    with pytest.raises(StaleDataError):
        second.commit()
    first.close()
    second.close()
    warehouse.close()


def test_unit_of_work_rolls_back_on_error(db_settings: Settings) -> None:
    """Nothing from a failed unit of work is kept."""
    warehouse = Warehouse.open(db_settings)
    with pytest.raises(RuntimeError), warehouse.unit_of_work() as session:
        document = Document(sha256="1" * 64, source_path="y", source_name="y", status="stored")
        session.add(document)
        session.flush()
        session.add(Field(document_id=document.id, key="id_number", value="079203001234"))
        raise RuntimeError("crash in the middle")
    with warehouse.sessions() as session:
        assert session.query(Document).count() == 0
    warehouse.close()


def test_blob_store_concurrent_writers(tmp_path: Path) -> None:
    """Many threads storing the same content end with one intact file and no temp files."""
    store = BlobStore(tmp_path / "blobs")
    data = b"x" * 3_000_000
    shas: list[str] = []
    threads = [
        threading.Thread(target=lambda: shas.append(store.put_bytes(data))) for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(shas)) == 1
    assert store.read_bytes(shas[0]) == data
    leftovers = [p for p in (tmp_path / "blobs").rglob(".incoming-*")]
    assert leftovers == []
    with pytest.raises(Exception, match="invalid blob id"):
        store.path_for("../../etc/passwd")


def test_read_duplicates_are_originals_of_exact_copies(db_settings: Settings) -> None:
    """Given a file stored as a rescan (status duplicate, near link) and an exact copy of it,
    a third copy of those bytes links to the rescan, which was read, not to the unread copy;
    quarantined documents are never originals."""
    from intake.warehouse.models import DuplicateLink

    warehouse = Warehouse.open(db_settings)
    sha = "2" * 64
    with warehouse.unit_of_work() as session:
        first = Document(sha256="3" * 64, source_path="a", source_name="a", status="stored")
        rescan = Document(sha256=sha, source_path="b", source_name="b", status="duplicate")
        copy = Document(sha256=sha, source_path="c", source_name="c", status="duplicate")
        bad = Document(sha256=sha, source_path="d", source_name="d", status="quarantined")
        session.add_all([first, rescan, copy, bad])
        session.flush()
        session.add_all(
            [
                DuplicateLink(document_id=rescan.id, other_id=first.id, kind="near"),
                DuplicateLink(document_id=copy.id, other_id=rescan.id, kind="exact"),
            ]
        )
        session.flush()
        rescan_id = rescan.id
    with warehouse.sessions() as session:
        assert [d.id for d in Warehouse.originals_by_sha(session, sha)] == [rescan_id]
    warehouse.close()
