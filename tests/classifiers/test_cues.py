"""Continuation cues of single pages."""

from __future__ import annotations

from classifiers.cues import page_cues, page_number

TITLES = ["ĐƠN ĐĂNG KÝ ĐẤT ĐAI, TÀI SẢN GẮN LIỀN VỚI ĐẤT", "GIẤY KHAI SINH", "CĂN CƯỚC"]


def test_national_header_found_despite_ocr_errors() -> None:
    """A header read with wrong letters ('GỘNG HÒA ... VIỆT NẠM') still opens a document."""
    cues = page_cues("⁄% GỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NẠM\nĐộc lập - Tự do - Hạnh phúc", TITLES)
    assert cues.header and cues.opens


def test_second_page_of_a_form_continues() -> None:
    """A page starting mid-section, with no header and no title, does not open a document."""
    page = "3. Thửa đất đăng ký\n3.1. Thửa đất số: 240\n3.2. Tờ bản đồ số: 12\n" \
           "Cư Jút, ngày 2 tháng 8 năm 2023\nNGƯỜI VIẾT ĐƠN\n(Ký, ghi rõ họ tên)"
    cues = page_cues(page, TITLES)
    assert not cues.header and not cues.title and not cues.opens


def test_short_title_in_body_text_is_not_a_title_cue() -> None:
    """'Căn cước công dân số ...' inside a form is not the title of a card."""
    page = "Giấy tờ tùy thân: Căn cước công dân số 096185211035 cấp ngày 09/08/2022\n" * 2
    assert not page_cues(page, TITLES).title


def test_printed_page_numbers() -> None:
    """'Trang 2/3' continues, 'Trang 1/3' opens, '- 2 -' on its own line continues."""
    assert page_number("abc\nTrang 2/3") == 2
    assert page_cues("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTrang 2/3", TITLES).continues
    assert page_cues("nội dung\nTrang 1/3" + " chữ" * 20, TITLES).opens
    assert page_number("ghi chú\n- 2 -\n") == 2
    assert page_number("Thửa đất số 2 Tờ bản đồ số 12") is None


def test_blank_page_opens_a_segment() -> None:
    """A page OCR read nothing on (an unreadable card copy) is not a form's continuation."""
    assert page_cues("", TITLES).opens
    assert page_cues("` | xo", TITLES).blank
