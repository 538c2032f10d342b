"""Input at the boundary: NFC, canonical field values per kind, and upload names that can
never become paths."""

from __future__ import annotations

import unicodedata

import pytest

from intake.web.routes.auth import safe_next
from intake.web.text import InvalidValue, canonical_value, nfc
from intake.web.uploads import safe_filename


def test_nfc_joins_decomposed_vietnamese_and_drops_control_characters() -> None:
    """ "Nguyễn" typed as NFD (macOS) becomes the NFC string; NUL and other controls go."""
    decomposed = unicodedata.normalize("NFD", " Nguyễn\x00 Văn\x07 ")
    assert nfc(decomposed) == "Nguyễn Văn"


@pytest.mark.parametrize(
    ("kind", "typed", "stored"),
    [
        ("date", "26/4/2018", "2018-04-26"),
        ("date", "12-03-2019", "2019-03-12"),
        ("date", "1933", "1933"),
        ("id_number", "079 203 001 234", "079203001234"),
        ("sex", "nữ", "Nữ"),
        ("name", "NGUYỄN  VĂN   AN", "Nguyễn Văn An"),
        ("number", "120,5", "120.5"),
        ("number", "50.000.000", "50000000"),
        ("number", "1.500", "1500"),
        ("number", "120.5", "120.5"),
        ("phone", "0912 345 678", "0912345678"),
        ("text", "  phường   Bến Thành ", "phường Bến Thành"),
        ("text", "   ", None),
    ],
)
def test_values_are_stored_in_canonical_form(kind: str, typed: str, stored: str | None) -> None:
    """Officers type what is printed; the warehouse keeps the documented canonical form."""
    assert canonical_value(kind, typed) == stored


@pytest.mark.parametrize(
    ("kind", "typed"),
    [("date", "31/2/2018"), ("id_number", "12345"), ("sex", "khác"), ("phone", "abc")],
)
def test_impossible_values_are_refused(kind: str, typed: str) -> None:
    with pytest.raises(InvalidValue):
        canonical_value(kind, typed)


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\scans\\tờ khai.pdf", "tờ khai.pdf"),
        ("..", "tai-lieu"),
        ("", "tai-lieu"),
        ("a\x00b.png", "ab.png"),
    ],
)
def test_upload_names_are_bare_names(sent: str, kept: str) -> None:
    """Whatever name a client sends, only a bare file name is kept (never a path)."""
    assert safe_filename(sent) == kept


def test_login_redirect_targets_are_local() -> None:
    assert safe_next("/documents/3?x=1") == "/documents/3?x=1"
    for target in ("//evil", "https://evil", "/\\evil", None, "javascript:alert(1)"):
        assert safe_next(target) == "/"
