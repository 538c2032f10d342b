"""Dossier splitting on the committed samples/scans files (their OCR text and truth)."""

from __future__ import annotations

import random

from classifiers import Classifier
from classifiers.noise import noisy_pages

from .conftest import DOSSIER, LAND_TWO_PAGES, truth_of


def _ranges(truth: dict) -> list[tuple[int, int]]:
    return [tuple(d["source_pages"]) for d in truth["documents"]]  # type: ignore[misc]


def test_dossier_ocr_split_into_its_three_documents(shipped: Classifier,
                                                    samples_ocr: dict) -> None:
    """Given the pipeline's OCR of the dossier PDF (form + ID card copy + birth certificate),
    segment() returns three documents with the true page ranges, types and procedures."""
    sample = samples_ocr[DOSSIER]
    segments = shipped.segment(sample["pages"])
    assert [(s.first_page, s.last_page) for s in segments] == _ranges(sample)
    assert [s.doc_type for s in segments] == [d["doc_type"] for d in sample["documents"]]
    assert [s.procedure_code for s in segments] == ["1.004873", None, "1.001193"]


def test_dossier_truth_text_split_exactly(shipped: Classifier) -> None:
    """The printed text of the dossier, exact and at every OCR-noise level, splits exactly."""
    truth = truth_of(DOSSIER)
    pages = [p["text"] for p in truth["pages"]]
    for level in ("exact", "clean", "scanned"):
        noisy = noisy_pages(pages, level, random.Random(level))
        got = [(s.first_page, s.last_page) for s in shipped.segment(noisy)]
        assert got == _ranges(truth), level


def test_two_page_land_form_stays_together(shipped: Classifier, samples_ocr: dict) -> None:
    """Page 2 of the land form has no title or header: it continues page 1 (OCR and truth)."""
    for pages in (samples_ocr[LAND_TWO_PAGES]["pages"],
                  [p["text"] for p in truth_of(LAND_TWO_PAGES)["pages"]]):
        segments = shipped.segment(pages)
        assert [(s.first_page, s.last_page, s.doc_type) for s in segments] == [
            (1, 2, "land_registration_form")]


def test_blank_card_page_between_documents_splits(shipped: Classifier,
                                                  samples_ocr: dict) -> None:
    """When OCR reads nothing on the card copy, it still becomes its own segment."""
    pages = list(samples_ocr[DOSSIER]["pages"])
    pages[1] = ""
    assert [(s.first_page, s.last_page) for s in shipped.segment(pages)] == [
        (1, 1), (2, 2), (3, 3)]


def test_two_dossiers_back_to_back(shipped: Classifier, samples_ocr: dict) -> None:
    """A land form (2 pages) then the dossier: four documents, the land form kept whole."""
    pages = samples_ocr[LAND_TWO_PAGES]["pages"] + samples_ocr[DOSSIER]["pages"]
    got = [(s.first_page, s.last_page, s.predicted) for s in shipped.segment(pages)]
    assert got == [(1, 2, "land_registration_form"), (3, 3, "marital_status_form"),
                   (4, 4, "id_card"), (5, 5, "birth_certificate")]
