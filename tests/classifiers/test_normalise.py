"""Normalisation of OCR text: what the features see."""

from __future__ import annotations

import unicodedata

from classifiers.normalise import head, normalise, strip_accents


def test_nfc_and_nfd_input_normalise_alike() -> None:
    """Given the same words in composed (NFC) and decomposed (NFD) form, the output is equal."""
    text = "TỜ KHAI ĐĂNG KÝ KHAI SINH"
    assert normalise(unicodedata.normalize("NFD", text)) == normalise(text)
    assert normalise(text) == unicodedata.normalize("NFC", normalise(text))


def test_case_folded_and_digits_become_zero() -> None:
    """Upper-case titles match lower-case body text; digits keep their shape, not their value."""
    assert normalise("GIẤY KHAI SINH Số: 132/2000") == "giấy khai sinh số 000 0000"
    assert normalise("Ngày 26/4/2018") == normalise("Ngày 13/9/1999")


def test_leaders_and_ocr_debris_removed() -> None:
    """Dotted leaders, underscores and stray marks from the scan do not become tokens."""
    raw = "Họ, chữ đệm, tên: ........ NGUYỄN VĂN AN ____ | `"
    assert normalise(raw) == "họ chữ đệm tên nguyễn văn an"


def test_ocr_lookalike_letters_folded() -> None:
    """Tesseract's 'ð' for 'đ' is read as 'đ'."""
    assert normalise("ðăng ký") == "đăng ký"


def test_keep_lines_keeps_line_structure() -> None:
    """Continuation cues look at the first lines, so lines can be kept."""
    assert normalise("CỘNG HÒA\n\n  Độc lập ...\n", keep_lines=True) == "cộng hòa\nđộc lập"


def test_strip_accents_folds_every_vietnamese_diacritic() -> None:
    """The accent-stripped view survives swapped tone marks (ĐAI read as ĐẠI)."""
    assert strip_accents("ĐƠN ĐĂNG KÝ ĐẤT ĐAI") == "DON DANG KY DAT DAI"
    assert strip_accents("đất đại") == strip_accents("đất đai") == "dat dai"


def test_head_skips_blank_lines() -> None:
    """head() returns the first non-empty lines, where headers are printed."""
    assert head("\n\na\n\nb\nc", lines=2) == "a\nb"
