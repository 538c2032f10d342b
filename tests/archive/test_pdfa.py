"""The produced PDF as a reader and an archivist see it: text, metadata, pages, images."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pikepdf
from pikepdf.pdfa import validate_written

from intake.archive import archive_document
from intake.warehouse.models import Document
from tests.archive.conftest import ASCII_LINES, Archived, page_text, run
from tests.pages import FORM_LINES, words_of
from tests.web.seed import ID_NUMBER


def _pdf(archived: Archived, document_id: int) -> Path:
    return archived.warehouse.blobs.path_for(archive_document(archived.warehouse, document_id))


def _stored_words(archived: Archived, document_id: int) -> list[list[str]]:
    with archived.warehouse.sessions() as session:
        document = session.get(Document, document_id)
        assert document is not None
        return [[str(w[0]) for w in page.words or []] for page in document.pages]


def test_text_layer_gives_back_the_ocr_words_in_order_on_each_page(archived: Archived) -> None:
    """Given a two-page scan, when its PDF is read with pdftotext page by page, then each page
    yields exactly the stored OCR words, in the order the OCR read them, as NFC Vietnamese."""
    pdf = _pdf(archived, archived.two_page_id)
    for number, stored in enumerate(_stored_words(archived, archived.two_page_id), start=1):
        text = page_text(pdf, number)
        assert unicodedata.is_normalized("NFC", text)
        assert text.split() == [unicodedata.normalize("NFC", w) for w in stored]
    assert "Nguyễn" in page_text(pdf, 1) and "Hạnh phúc" in page_text(pdf, 1)
    assert ID_NUMBER in page_text(pdf, 2) and "CĂN CƯỚC CÔNG DÂN" in page_text(pdf, 2)


def test_page_count_and_image_resolution_are_kept(archived: Archived) -> None:
    """The PDF has as many pages as the source, and each page image is the stored intake JPEG
    itself (same bytes: no second lossy generation) at its 300 DPI, above the 200 DPI floor."""
    pdf = _pdf(archived, archived.two_page_id)
    info = run("pdfinfo", str(pdf))
    assert "Pages:           2" in info
    rows = [line.split() for line in run("pdfimages", "-list", str(pdf)).splitlines()[2:]]
    assert [int(r[0]) for r in rows] == [1, 2]
    # page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
    assert all(r[8] == "jpeg" for r in rows)
    assert all(int(r[12]) == int(r[13]) == 300 for r in rows)
    with archived.warehouse.sessions() as session:
        document = session.get(Document, archived.two_page_id)
        assert document is not None
        stored = [archived.warehouse.blobs.read_bytes(p.image_sha256 or "") for p in document.pages]
        sizes = [(p.width, p.height) for p in document.pages]
    assert [(int(r[3]), int(r[4])) for r in rows] == sizes
    with pikepdf.open(pdf) as opened:
        embedded = [
            next(iter(page.get_images().values())).read_raw_bytes() for page in opened.pages
        ]
    assert [hashlib.sha256(b).digest() for b in embedded] == [
        hashlib.sha256(b).digest() for b in stored
    ]


def test_xmp_declares_pdfa_2b_and_carries_the_archive_keys(archived: Archived) -> None:
    """The XMP says PDF/A-2B and holds the document type, procedure code, owner's ID number
    (first id_number field of the schema: applicant_id_number), the fields, the source hash
    and the intake date; the document information dictionary has the same keys."""
    pdf = _pdf(archived, archived.form_id)
    with pikepdf.open(pdf) as opened:
        xmp = opened.open_metadata()
        assert xmp["pdfaid:part"] == "2" and xmp["pdfaid:conformance"] == "B"
        subject = set(xmp["dc:subject"])
        info = {str(k): str(v) for k, v in opened.docinfo.items()}
        assert xmp["dc:title"] == "TỜ KHAI ĐĂNG KÝ KHAI SINH"
        assert xmp["dc:source"] == f"sha256:{archived.source_sha[archived.form_id]}"
        assert set(xmp["dc:type"]) == {"birth_registration_form"}
    with archived.warehouse.sessions() as session:
        document = session.get(Document, archived.form_id)
        assert document is not None
        intake_date = document.received_at.date().isoformat()
    expected = {
        "doc_type=birth_registration_form",
        "procedure_code=1.001193",
        f"owner_id_number={ID_NUMBER}",
        f"source_sha256={archived.source_sha[archived.form_id]}",
        f"intake_date={intake_date}",
        f"document_id={archived.form_id}",
        "field.full_name=Nguyễn Thị Ngọc Ánh",
        "field.father_name=Trần Văn Đức",
    }
    assert expected <= subject
    assert info["/IntakeOwnerIdNumber"] == ID_NUMBER
    assert info["/IntakeDocType"] == "birth_registration_form"
    assert info["/IntakeProcedureCode"] == "1.001193"
    assert "Nguyễn Thị Ngọc Ánh" in info["/IntakeFields"]


def test_every_kind_of_document_passes_the_pdfa_validator(archived: Archived) -> None:
    """pikepdf's PDF/A-2b validator (the veraPDF rule catalogue, allowlist: it approves only
    what it knows conforms) approves the PDF of a scan, a dossier, and both text-layer PDFs."""
    for document_id in (
        archived.form_id,
        archived.two_page_id,
        archived.born_digital_id,
        archived.unembedded_id,
    ):
        report = validate_written(_pdf(archived, document_id), "2b")
        assert report.passed, report.summary()


def test_born_digital_pdf_keeps_its_own_text_once(archived: Archived) -> None:
    """A PDF with a real text layer keeps its original page (its own font, no OCR font), and
    pdftotext finds each word as often as the source has it: no OCR layer on top."""
    pdf = _pdf(archived, archived.born_digital_id)
    fonts = run("pdffonts", str(pdf))
    assert "LiberationSerif" in fonts and "NotoSans" not in fonts
    words = page_text(pdf, 1).split()
    assert words == words_of(FORM_LINES)


def test_unembedded_font_page_is_redrawn_with_its_own_words_once(archived: Archived) -> None:
    """A text-layer page whose font is not embedded cannot be PDF/A as it is: it is rebuilt
    from its page image with its own words as the invisible layer, each word once."""
    pdf = _pdf(archived, archived.unembedded_id)
    fonts = run("pdffonts", str(pdf))
    assert "Helvetica" not in fonts and "NotoSans" in fonts
    assert page_text(pdf, 1).split() == words_of(ASCII_LINES)
    assert len(run("pdfimages", "-list", str(pdf)).splitlines()) == 3  # header + one image
