"""The pipeline end to end on real pages: orientation, text layers, worker processes."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from intake.config import Settings
from intake.warehouse.models import Document
from intake.warehouse.repository import Warehouse
from tests.intake.run import run_pipeline
from tests.pages import FORM_LINES, PROCESSED, render_page, text_layer_pdf


def _pages(settings: Settings, document_id: int | None) -> list[tuple[str, int, float, str]]:
    warehouse = Warehouse.open(settings)
    with warehouse.sessions() as session:
        document = session.get(Document, document_id)
        rows = [(p.text, p.rotation, p.skew, p.text_source) for p in document.pages]
    warehouse.close()
    return rows


def test_upside_down_and_skewed_pages_are_read_upright(settings: Settings, tmp_path: Path) -> None:
    """A page scanned upside down is turned (rotation 180) and a skewed one levelled, and both
    read correctly."""
    path = tmp_path / "lộn ngược.tiff"
    page = render_page()
    upside = page.rotate(180)
    skewed = page.rotate(2.5, fillcolor=255, resample=Image.Resampling.BICUBIC)
    upside.save(path, save_all=True, append_images=[skewed], dpi=(300, 300))

    settings = settings.model_copy(update={"split_dossiers": False})  # two copies of one form
    (record,) = run_pipeline(settings, [path])

    assert record.status in PROCESSED and record.pages == 2
    (text1, rot1, _, _), (text2, rot2, skew2, _) = _pages(settings, record.document_id)
    assert rot1 == 180 and rot2 == 0
    assert abs(skew2 - 2.5) <= 0.2
    for text in (text1, text2):
        assert "079203001234" in text and "Nguyễn Thị Ngọc Ánh" in text


def test_text_layer_pdf_skips_ocr(settings: Settings, tmp_path: Path) -> None:
    """A born-digital PDF keeps its own text exactly (source text-layer)."""
    (record,) = run_pipeline(settings, [text_layer_pdf(tmp_path / "điện tử.pdf")])
    ((text, _, _, source),) = _pages(settings, record.document_id)
    assert source == "text-layer"
    assert text.splitlines() == list(FORM_LINES)


def test_worker_processes_give_the_same_result(tmp_path: Path) -> None:
    """Two worker processes read a multi-page dossier exactly as one in-process reader does,
    pages in order."""
    path = tmp_path / "dossier.pdf"
    pages = [render_page((f"Trang số {n}", *FORM_LINES[3:6])) for n in range(1, 5)]
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=300)

    inline = Settings(data_dir=tmp_path / "a", workers=1, split_dossiers=False)
    pooled = Settings(data_dir=tmp_path / "b", workers=2, split_dossiers=False)
    (one,) = run_pipeline(inline, [path])
    (two,) = run_pipeline(pooled, [path], workers=2)

    texts_one = [t for t, *_ in _pages(inline, one.document_id)]
    texts_two = [t for t, *_ in _pages(pooled, two.document_id)]
    assert texts_one == texts_two
    assert [t.splitlines()[0] for t in texts_two] == [f"Trang số {n}" for n in range(1, 5)]
