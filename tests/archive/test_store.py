"""``archive_document``: built once, kept in the blob store, rebuilt only when inputs change."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.archive import NotArchivableError, archive_document
from intake.archive import store as store_module
from intake.config import Settings
from intake.warehouse.models import Document, Field
from intake.warehouse.repository import Warehouse
from tests.intake.run import run_pipeline
from tests.pages import text_layer_pdf


@pytest.fixture
def warehouse(tmp_path: Path) -> Warehouse:
    settings = Settings(data_dir=tmp_path / "data", workers=1)
    pdf = text_layer_pdf(tmp_path / "a.pdf")
    run_pipeline(settings, [pdf])
    run_pipeline(settings, [pdf])  # the same bytes again: an exact duplicate without pages
    return Warehouse.open(settings)


def test_second_call_reuses_the_stored_pdf(
    warehouse: Warehouse, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given a built PDF, when asked again with nothing changed, the same blob is returned
    and nothing is built (the key file under blobs/keys/pdfa/ maps inputs to the PDF)."""
    first = archive_document(warehouse, 1)
    assert warehouse.blobs.exists(first)
    assert len(list((warehouse.blobs.root / "keys" / "pdfa").iterdir())) == 1

    def no_build(*args: object, **kwargs: object) -> None:
        raise AssertionError("rebuilt although nothing changed")

    monkeypatch.setattr(store_module, "build_pdfa", no_build)
    assert archive_document(warehouse, 1) == first
    warehouse.close()


def test_a_field_correction_gives_a_new_pdf_and_keeps_the_old(warehouse: Warehouse) -> None:
    """An officer's correction changes the metadata, so the next call builds a new PDF with
    the corrected value; the earlier PDF stays in the blob store unchanged."""
    first = archive_document(warehouse, 1)
    with warehouse.unit_of_work() as session:
        document = session.get(Document, 1)
        assert document is not None
        document.doc_type = "id_card"
        document.fields.append(Field(key="id_number", value="079203001234", source="officer"))
    second = archive_document(warehouse, 1)
    assert second != first and warehouse.blobs.exists(first)
    assert b"079203001234" in warehouse.blobs.read_bytes(second)
    warehouse.close()


def test_a_document_without_pages_is_not_archivable(warehouse: Warehouse) -> None:
    """An exact duplicate has no pages of its own: asking for its PDF is a clear error (the
    original's PDF is the one to use), and so is an unknown id."""
    with pytest.raises(NotArchivableError):
        archive_document(warehouse, 2)
    with pytest.raises(NotArchivableError):
        archive_document(warehouse, 999)
    warehouse.close()
