"""Truth values must be exactly what is printed on the page, in canonical form."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from samples import FIELDS, kind_of
from samples.generator import geo
from samples.generator.idnumbers import id_consistent

from .conftest import load_truths

_DATE_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DATE_CLOSING = re.compile(r"^ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$")


def normalise(kind: str, printed: str) -> str:
    """Independent reading of a printed value into its canonical form (the test's oracle)."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", printed)).strip()
    if kind == "date":
        m = _DATE_NUMERIC.match(text) or _DATE_CLOSING.match(text)
        assert m, f"unparseable date {text!r}"
        d, mo, y = (int(g) for g in m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}"
    if kind == "name":
        return " ".join(w.capitalize() for w in text.split())
    if kind == "number":
        value = text.replace(".", "").replace(",", ".")
        return value.rstrip("0").rstrip(".") if "." in value else value
    if kind == "phone":
        return re.sub(r"\D", "", text)
    return text


def _pages_text(truth: dict, doc: dict) -> str:
    first, last = doc["source_pages"]
    joined = " ".join(p["text"] for p in truth["pages"][first - 1:last])
    return re.sub(r"\s+", " ", joined)


def test_every_field_is_printed_and_canonical(scanned_set: Path) -> None:
    """Given any generated file, each truth field's printed string is in its pages' text,
    and reading that printed string back gives exactly the canonical truth value."""
    checked = 0
    for truth in load_truths(scanned_set):
        for doc in truth["documents"]:
            text = _pages_text(truth, doc)
            assert set(doc["fields"]) <= set(FIELDS[doc["doc_type"]])
            for key, value in doc["fields"].items():
                printed = doc["extra"]["printed"][key]
                assert printed in text, (truth["file"], key, printed)
                assert normalise(kind_of(key), printed) == value, (truth["file"], key)
                checked += 1
    assert checked > 100


def test_values_follow_kind_formats(scanned_set: Path) -> None:
    """Canonical values have the DOMAIN.md shapes: ISO dates, 12-digit IDs, Nam/Nữ, NFC."""
    for truth in load_truths(scanned_set):
        for doc in truth["documents"]:
            for key, value in doc["fields"].items():
                kind = kind_of(key)
                assert value == unicodedata.normalize("NFC", value)
                if kind == "date":
                    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
                elif kind == "id_number":
                    assert re.fullmatch(r"\d{12}", value)
                elif kind == "sex":
                    assert value in ("Nam", "Nữ")
                elif kind == "phone":
                    assert re.fullmatch(r"0\d{9}", value)
                elif kind == "number":
                    assert re.fullmatch(r"\d+(\.\d+)?", value)


_ID_CHECKS = {
    "id_number": ("sex", "date_of_birth"),
    "wife_id_number": ("Nữ", "wife_date_of_birth"),
    "husband_id_number": ("Nam", "husband_date_of_birth"),
    "owner_id_number": (None, "owner_date_of_birth"),
    "deceased_id_number": (None, "deceased_date_of_birth"),
}


def test_id_numbers_agree_with_sex_birth_year_and_province(scanned_set: Path) -> None:
    """An ID number's province code is one of the 63 codes, and its century/sex and year
    digits agree with the sex and birth date printed on the same document."""
    codes = {p.code for p in geo.OLD_PROVINCES}
    checked = 0
    for truth in load_truths(scanned_set):
        for doc in truth["documents"]:
            f = doc["fields"]
            for key, (sex_src, dob_key) in _ID_CHECKS.items():
                if key not in f or dob_key not in f:
                    continue
                assert f[key][:3] in codes
                year = int(f[dob_key][:4])
                assert f[key][4:6] == f"{year % 100:02d}"
                sex = f.get(sex_src) if sex_src in ("sex",) else sex_src
                if sex:
                    assert id_consistent(f[key], sex, year), (truth["file"], key)
                    checked += 1
    assert checked >= 3


def test_dates_are_consistent(scanned_set: Path) -> None:
    """Births precede registrations, deaths and requests; cards expire after birth."""
    for truth in load_truths(scanned_set):
        for doc in truth["documents"]:
            f = doc["fields"]
            for born, later in (("date_of_birth", "request_date"),
                                ("date_of_birth", "registration_date"),
                                ("deceased_date_of_birth", "date_of_death"),
                                ("date_of_death", "request_date"),
                                ("date_of_birth", "expiry_date")):
                if born in f and later in f:
                    assert f[born] <= f[later], (truth["file"], born, later)


def test_page_text_has_no_leaders_and_keeps_the_header(scanned_set: Path) -> None:
    """Page text omits dotted leaders and includes the national header on every form."""
    for truth in load_truths(scanned_set):
        for doc in truth["documents"]:
            first = truth["pages"][doc["source_pages"][0] - 1]["text"]
            assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
            if doc["doc_type"] != "id_card":
                assert "Độc lập - Tự do - Hạnh phúc" in first
        for page in truth["pages"]:
            assert "...." not in page["text"]
            assert page["text"] == unicodedata.normalize("NFC", page["text"])


def test_persons_carry_printed_ids(scanned_set: Path) -> None:
    """Every person entry's ID number is one of the document's printed ID fields."""
    for truth in load_truths(scanned_set):
        for doc in truth["documents"]:
            ids = {v for k, v in doc["fields"].items() if k.endswith("id_number")}
            for person in doc["persons"]:
                assert person["id_number"] in ids
                assert person["role"]
