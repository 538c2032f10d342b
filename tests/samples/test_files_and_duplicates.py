"""Scan files load in every format, dossiers have sound page ranges, duplicates are right."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from samples import generate

from .conftest import load_truths


def _page_count(path: Path, fmt: str) -> int:
    if fmt == "pdf":
        pdf = pdfium.PdfDocument(str(path))
        try:
            page = pdf[0]
            assert page.render(scale=0.1).to_pil().size[0] > 10
            return len(pdf)
        finally:
            pdf.close()
    with Image.open(path) as img:
        img.load()
        return getattr(img, "n_frames", 1)


def test_every_file_loads_with_the_recorded_page_count(scanned_set: Path) -> None:
    """Given a mixed set, each file opens (Pillow or pypdfium2) with as many pages as truth."""
    formats = Counter()
    for truth in load_truths(scanned_set):
        path = scanned_set / truth["file"]
        assert _page_count(path, truth["format"]) == len(truth["pages"])
        formats[truth["format"]] += 1
    assert set(formats) == {"pdf", "jpeg", "png", "tiff"}


def test_image_size_matches_recorded_dpi(scanned_set: Path) -> None:
    """Raster files are A4 at the DPI recorded in truth (within rounding)."""
    for truth in load_truths(scanned_set):
        if truth["format"] in ("jpeg", "png"):
            dpi = truth["pages"][0]["dpi"]
            with Image.open(scanned_set / truth["file"]) as img:
                assert abs(img.width - 210 / 25.4 * dpi) < 3


def test_dossier_page_ranges_are_contiguous(scanned_set: Path) -> None:
    """A dossier PDF holds a form, an ID card copy and a birth certificate, and the
    documents' page ranges tile the file's pages in order without gaps or overlap."""
    dossiers = [t for t in load_truths(scanned_set) if len(t["documents"]) > 1]
    assert dossiers
    for truth in dossiers:
        expected = 1
        for doc in truth["documents"]:
            first, last = doc["source_pages"]
            assert first == expected and last >= first
            expected = last + 1
        assert expected - 1 == len(truth["pages"])
        types = [d["doc_type"] for d in truth["documents"]]
        assert types[1:] == ["id_card", "birth_certificate"]


def test_duplicates_of_each_kind(scanned_set: Path) -> None:
    """Exact copies share bytes; rescans share values and layout but not bytes;
    same-record duplicates share type and values but use another layout."""
    truths = {t["file"]: t for t in load_truths(scanned_set)}
    kinds = Counter()
    for name, truth in truths.items():
        doc = truth["documents"][0]
        kind = doc["duplicate_kind"]
        if kind is None:
            continue
        kinds[kind] += 1
        orig = truths[doc["duplicate_of"]]
        odoc = orig["documents"][0]
        assert odoc["duplicate_group"] == doc["duplicate_group"] is not None
        assert odoc["duplicate_kind"] is None
        sha = hashlib.sha256((scanned_set / name).read_bytes()).hexdigest()
        osha = hashlib.sha256((scanned_set / orig["file"]).read_bytes()).hexdigest()
        if kind == "exact":
            assert sha == osha and name != orig["file"]
        elif kind == "near":
            assert sha != osha
            assert doc["fields"] == odoc["fields"] and doc["layout"] == odoc["layout"]
        else:
            assert doc["layout"] != odoc["layout"] and doc["doc_type"] == odoc["doc_type"]
            common = set(doc["fields"]) & set(odoc["fields"])
            assert common and all(doc["fields"][k] == odoc["fields"][k] for k in common)
    assert set(kinds) == {"exact", "near", "same_record"}


def test_same_person_recurs_across_types_without_duplicate_flag(scanned_set: Path) -> None:
    """The reuse case: one ID number appears in documents of different types that are not
    marked as duplicates of each other."""
    seen: dict[str, set[str]] = {}
    for truth in load_truths(scanned_set):
        for doc in truth["documents"]:
            if doc["duplicate_kind"]:
                continue
            for person in doc["persons"]:
                seen.setdefault(person["id_number"], set()).add(doc["doc_type"])
    assert any(len(types) > 1 for types in seen.values())


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    """Determinism: the same seed and options write byte-identical scans, truth and manifest,
    whether rendered in one process or a pool (PDF timestamps are fixed)."""
    a, b = tmp_path / "a", tmp_path / "b"
    generate(a, 4, 99, "scanned", formats=["pdf", "tiff"], dup_fraction=0.0, workers=1)
    generate(b, 4, 99, "scanned", formats=["pdf", "tiff"], dup_fraction=0.0, workers=2)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_scan_parameters_follow_the_profile(scanned_set: Path, clean_set: Path,
                                            hard_set: Path) -> None:
    """clean: 300 DPI, no rotation; scanned: |rotation| <= 2, 150-300 DPI;
    hard: |rotation| <= 5, at most 200 DPI."""
    for out, max_rot, dpis in ((clean_set, 0.0, {300}), (scanned_set, 2.0, set(range(150, 301))),
                               (hard_set, 5.0, set(range(100, 201)))):
        for truth in load_truths(out):
            for page in truth["pages"]:
                assert abs(page["rotation"]) <= max_rot and page["dpi"] in dpis
                if out is not hard_set:
                    assert page["upside_down"] is False
