"""One warehouse for the archive tests, made by the real pipeline once per session: a scanned
form with fields, a two-page scan, a born-digital PDF (embedded font) and a born-digital PDF
whose font is not embedded (cannot be PDF/A as it is)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fpdf import FPDF

from intake.config import Settings
from intake.warehouse.repository import Warehouse
from tests.intake.run import run_pipeline
from tests.pages import PROCESSED, render_page, text_layer_pdf
from tests.web.seed import ID_CARD_LINES, ID_NUMBER, add_fields

ASCII_LINES = (
    "CONG HOA XA HOI CHU NGHIA VIET NAM",
    "Doc lap - Tu do - Hanh phuc",
    "Ho va ten: Nguyen Van An",
    "So dinh danh ca nhan: 079203001234",
)
FORM_FIELDS = {
    "full_name": ("Nguyễn Thị Ngọc Ánh", 0.95),
    "date_of_birth": ("2018-04-26", 0.62),
    "applicant_id_number": (ID_NUMBER, 0.91),
    "father_name": ("Trần Văn Đức", 0.88),
}


@dataclass
class Archived:
    settings: Settings
    warehouse: Warehouse
    form_id: int  # scanned birth registration form, fields added
    two_page_id: int  # two scanned pages: the form, then an ID card
    born_digital_id: int  # text layer with an embedded font
    unembedded_id: int  # text layer in Helvetica, not embedded
    source_sha: dict[int, str]


def unembedded_font_pdf(path: Path) -> Path:
    """A born-digital PDF using the core Helvetica font, which PDF/A forbids (not embedded)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=13)
    for text in ASCII_LINES:
        pdf.cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def two_page_scan(path: Path) -> Path:
    first, second = render_page(), render_page(ID_CARD_LINES)
    first.convert("RGB").save(
        path, save_all=True, append_images=[second.convert("RGB")], resolution=300
    )
    return path


@pytest.fixture(scope="session")
def archived(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archived]:
    folder = tmp_path_factory.mktemp("archive")
    # One document per file (the two-page scan is one paper), and similar test pages may be
    # linked as near duplicates: both are about other stages, not archiving.
    settings = Settings(data_dir=folder / "data", workers=1, split_dossiers=False)
    form = folder / "tờ khai khai sinh.png"
    render_page().save(form, dpi=(300, 300))
    paths = [
        form,
        two_page_scan(folder / "hồ sơ hai trang.pdf"),
        text_layer_pdf(folder / "bản điện tử.pdf"),
        unembedded_font_pdf(folder / "helvetica.pdf"),
    ]
    records = run_pipeline(settings, paths)
    ids = [r.document_id or 0 for r in records]
    assert (
        all(ids) and {r.status for r in records} <= {*PROCESSED, "duplicate"} and len(records) == 4
    ), records
    warehouse = Warehouse.open(settings)
    add_fields(warehouse, ids[0], "birth_registration_form", FORM_FIELDS)
    try:
        yield Archived(
            settings,
            warehouse,
            *ids,  # type: ignore[arg-type]
            source_sha={r.document_id: r.sha256 for r in records},  # type: ignore[misc]
        )
    finally:
        warehouse.close()


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


def page_text(pdf: Path, number: int) -> str:
    return run("pdftotext", "-f", str(number), "-l", str(number), "-enc", "UTF-8", str(pdf), "-")
