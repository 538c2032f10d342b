"""Label matching on OCR lines: fuzzy, accent-tolerant, longest label wins, colon-bounded."""

from __future__ import annotations

from intake.extract import extract_document
from intake.extract.labels import find_hits, make_phrase
from intake.extract.layout import build_lines

from .pages import line, page

PHRASES = [
    make_phrase(t)
    for t in (
        "Họ, chữ đệm, tên",
        "Họ, chữ đệm, tên người mẹ",
        "Ngày, tháng, năm sinh",
        "Số",
        "Số định danh cá nhân",
        "Giới tính",
        "Dân tộc",
    )
]


def _hits(*items: tuple[str, int]) -> list[str]:
    doc = build_lines([page(line(*items))])
    return [h.phrase.text for h in find_hits(doc.lines[0], PHRASES)]


def test_ocr_damaged_label_is_found() -> None:
    """Lost tone marks and a wrong letter still match ("Ngay, thảng, nam sinh:")."""
    assert _hits(("Ngay, thảng, nam sinh: 12/03/2019", 300)) == ["Ngày, tháng, năm sinh"]


def test_longest_label_wins() -> None:
    """ "Họ, chữ đệm, tên người mẹ" is one label, not "Họ, chữ đệm, tên" plus a value."""
    assert _hits(("Họ, chữ đệm, tên người mẹ: NGUYỄN THỊ AN", 300)) == ["Họ, chữ đệm, tên người mẹ"]


def test_label_does_not_swallow_value_across_colon() -> None:
    """A window never runs past a word ending in ":" so the value after it stays a value."""
    assert _hits(("Họ, chữ đệm, tên: NGUYỄN NGƯỜI MẸ", 300)) == ["Họ, chữ đệm, tên"]


def test_short_labels_need_exact_match() -> None:
    """ "Số" matches only "Số"/"So" exactly, and loses to the longer "Số định danh cá nhân"."""
    assert _hits(("Số định danh cá nhân: 025188001010", 300)) == ["Số định danh cá nhân"]
    assert _hits(("Sổ: 12", 300)) == ["Số"]  # same letters once folded
    assert _hits(("Sô1: 12", 300)) == []


def test_two_labels_on_one_line() -> None:
    """Rows print several labels side by side; each is found."""
    assert _hits(("Giới tính: Nam", 300), ("Dân tộc: Kinh", 1300)) == ["Giới tính", "Dân tộc"]


def test_label_window_does_not_cross_a_comma_the_label_lacks() -> None:
    """The closing line "Hòa Bình, ngày 14 tháng 10 năm 2020" is not the label "Sinh ngày"
    ("Bình, ngày" is one letter away): the form's last "ngày" is the request date."""
    p = page(
        line(("Sinh ngày: 17/04/1959", 370)),
        line(("Hòa Bình, ngày 14 tháng 10 năm 2020", 1180)),
    )
    result = extract_document("household_business_form", [p])
    assert result.value("request_date") == "2020-10-14"
    assert result.value("owner_date_of_birth") == "1959-04-17"
