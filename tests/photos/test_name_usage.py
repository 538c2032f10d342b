"""Listed forms that differ only by tone marks, when no mark was read at all: the form a
name at that place for a holder of that sex mostly carries (issue #13; `name_usage`)."""

from __future__ import annotations

from datetime import date

import pytest

from intake.extract import extract_document
from intake.extract.card_names import vote_name
from intake.extract.card_zones import NAME_BAND
from intake.extract.text import fold
from intake.extract.values.name_usage import usage_choice
from samples.generator.idnumbers import mrz_lines
from tests.extract.pages import line, page

WOMAN_ID = "031165434787"  # 4th digit odd: a woman born in the 1900s
MAN_ID = "031065434787"


@pytest.mark.parametrize(("forms", "given", "sex", "want"), [
    (["Dung", "Dũng"], True, "Nữ", "Dung"),
    (["Dung", "Dũng"], True, "Nam", "Dũng"),
    (["Phương", "Phượng"], False, "Nữ", "Phương"),  # a middle name
    (["Đình", "Định"], False, "Nam", "Đình"),
    (["My", "Mỹ"], True, "Nữ", "My"),  # a woman's given name; her middle name is Mỹ
    (["My", "Mỹ"], False, "Nữ", "Mỹ"),
    (["Hùng", "Hưng"], True, "Nam", None),  # both usual
    (["Thùy", "Thúy", "Thủy"], True, "Nữ", None),
    (["Hiền", "Hiển"], True, None, None),  # sex unknown: both sexes counted
    (["Dung", "Nobody"], True, "Nữ", None),  # a form not counted: no choice
])
def test_usage_choice(forms: list[str], given: bool, sex: str | None, want: str | None) -> None:
    assert usage_choice(forms, given, sex) == want


# fresh seed 549401 photo 0012, a photographed photocopy: Tesseract's views are debris, and
# PP-OCR, which writes no tone marks, read the letters of Lê Tuyết Phương Nga
TEXTS = ["@ k `\\ NT YHUƠNGNGÀ", "", "LNNxv* TT NIỆt PVAICNG NGA", "đO ` NT THƯƠNGNGÀ"]
LETTERS = ("LE TUYET PHUONG NGA", "IE TUYETPHUONG NGA")


def test_letters_only_word_takes_the_usual_form() -> None:
    assert vote_name(TEXTS, LETTERS, "Nữ") == ("LÊ TUYẾT PHƯƠNG NGA", 0)


def test_letters_only_word_without_a_usual_form_is_refused() -> None:
    # THUY as the given name: Thùy, Thúy and Thủy are all usual, the name is refused
    letters = ("LE TUYET PHUONG THUY", "IE TUYETPHUONG THUY")
    assert vote_name(TEXTS, letters, "Nữ") is None


def _by_mrz(number: str, name: str, sex: str, band: str | None = None,
            names_line: str | None = None) -> str | None:
    """The name from the MRZ, the front's name band having voted none; ``band``: its
    readings (default: the name's letters, marks lost); ``names_line``: the MRZ's third
    line as read (default: as printed)."""
    lines = mrz_lines(number, name, date(1965, 5, 19), sex, date(2025, 5, 19))
    zones = [{"key": "id_number", "value": number},
             {"key": NAME_BAND, "value": fold(name).upper() if band is None else band},
             {"key": "mrz", "value": "\n".join([*lines[:2], names_line or lines[2]])}]
    got = extract_document("id_card", [page()], zone_readings=zones).fields.get("full_name")
    return got.value if got else None


def test_mrz_letters_take_the_usual_forms_for_the_holders_sex() -> None:
    assert _by_mrz(WOMAN_ID, "Nguyễn Phương Dung", "Nữ") == "Nguyễn Phương Dung"
    assert _by_mrz(MAN_ID, "Nguyễn Văn Dũng", "Nam") == "Nguyễn Văn Dũng"


def test_mrz_letters_no_front_read_take_no_usual_form() -> None:
    # fresh seed 549701 photo 0081: the names line lost the U of UYEN (29 characters read),
    # and YEN (a woman's Yến, mostly) was no letters the front read: no name, not
    # Nguyễn Phương Yến
    lost = "NGUYEN<<PHUONG<YEN<<<<<<<<<<E"
    assert _by_mrz(WOMAN_ID, "Nguyễn Phương Uyên", "Nữ", band="", names_line=lost) is None
    # read whole (30 characters), the line's letters stand without the front's
    assert _by_mrz(WOMAN_ID, "Nguyễn Phương Yến", "Nữ", band="") == "Nguyễn Phương Yến"
    # the letters read on the name's line, punctuation and all (549401 0069)
    assert _by_mrz(WOMAN_ID, "Nguyễn Phương Dung", "Nữ",
                   band="NG“L'YÊM PHƯƠNG, DỤNG,") == "Nguyễn Phương Dung"


def test_mrz_letters_without_a_usual_form_give_no_name() -> None:
    assert _by_mrz(WOMAN_ID, "Nguyễn Thị Thủy", "Nữ") is None  # Thùy, Thúy or Thủy
    assert _by_mrz(MAN_ID, "Trần Văn Hùng", "Nam") is None  # Hùng or Hưng


def _zone_name(number: str, band: str) -> tuple[str | None, list[str]]:
    zones = [{"key": "id_number", "value": number}, {"key": "full_name", "value": band}]
    result = extract_document("id_card", [page()], zone_readings=zones)
    got = result.fields.get("full_name")
    return (got.value if got else None), result.review_reasons


def test_marks_read_against_the_usual_form_refuse_the_name() -> None:
    # fresh seed 549501 photo 0007: every view read YÊN for a woman's Yến
    name, reasons = _zone_name(WOMAN_ID, "HUỲNH HỒNG YÊN")
    assert name is None and "Yến" in " ".join(reasons)
    assert _zone_name(WOMAN_ID, "HUỲNH HỒNG YẾN")[0] == "Huỳnh Hồng Yến"
    # for a man neither form is usual: what was read stands
    assert _zone_name(MAN_ID, "HUỲNH HỒNG YÊN")[0] == "Huỳnh Hồng Yên"
    # a woman's given name Mỹ where My is usual, her middle name Mỹ where it is usual
    assert _zone_name(WOMAN_ID, "HUỲNH THỊ MỸ")[0] is None
    assert _zone_name(WOMAN_ID, "HUỲNH MỸ LINH")[0] == "Huỳnh Mỹ Linh"


def test_a_zone_read_number_says_the_sex_a_misread_sex_field_does_not() -> None:
    """Development photocopy 930001 0442 (Phan Khánh Dung, a woman): the page OCR read her
    sex field Nam, the number read by zone says Nữ; with the two disagreeing no sex was
    known, and the unmarked DUNG every view read was refused as unlike the usual Dũng.
    A number settled by zone outweighs the one-word field; one read by label does not."""
    sex_line = line(("Giới tính / Sex: Nam", 100))
    zones = [{"key": "id_number", "value": WOMAN_ID},
             {"key": "full_name", "value": "PHAN KHÁNH DUNG"}]
    result = extract_document("id_card", [page(sex_line)], zone_readings=zones)
    assert result.fields["sex"].value == "Nam"  # as read: the officer is told they disagree
    assert result.fields["full_name"].value == "Phan Khánh Dung"
    by_label = page(line(("Số / No.: " + WOMAN_ID, 100)), sex_line)
    result = extract_document("id_card", [by_label],
                              zone_readings=[{"key": "full_name", "value": "PHAN KHÁNH DUNG"}])
    assert result.fields["id_number"].source == "ocr"
    assert "full_name" not in result.fields


def test_a_hook_where_the_grave_form_is_far_more_usual_refuses_the_name() -> None:
    """Tesseract reads a blurred grave as a hook on about half a photo's views, so a
    woman's middle name read THỦY (Thùy 13, Thủy 3 counted) is as likely Thùy: every view
    read THỦY on fresh 552601 'Bản photo CCCD 0027' (Đinh Minh Thùy Trang) and 552701
    0070, 0096 and 'Bản photo CCCD 0097', and "Thủy" was given. Such a name now goes to
    review; a woman's given name Thủy (Thùy 9, Thủy 6) and a man's stand, as does a
    middle THÙY, and so does a scan (the confusion was measured on photos)."""
    name, reasons = _zone_name(WOMAN_ID, "ĐINH MINH THỦY TRANG")
    assert name is None and "Thùy" in " ".join(reasons)
    assert _zone_name(WOMAN_ID, "ĐINH MINH THÙY TRANG")[0] == "Đinh Minh Thùy Trang"
    assert _zone_name(WOMAN_ID, "NGUYỄN THỊ THỦY")[0] == "Nguyễn Thị Thủy"
    assert _zone_name(MAN_ID, "NGUYỄN VĂN THỦY")[0] == "Nguyễn Văn Thủy"
    scan = extract_document("id_card", [page(line(("Họ và tên / Full name:", 300)),
                                             line(("ĐINH MINH THỦY TRANG", 300)))])
    assert scan.value("full_name") == "Đinh Minh Thủy Trang"


def test_a_tone_mark_no_listed_form_has_on_toneless_forms_is_noise() -> None:
    # fresh seed 549601 photo 0032, a sharp card: every view read THỦ, a mark neither Thu
    # nor Thư has; a woman's middle name so spelled is mostly Thu
    texts = ["TRỊNH THỦ HÁI XUÂN"] + ["TRỊNH THỦ HẢI XUÂN"] * 3
    letters = ("TRINH THU HAI XUAN", "TRINH THU HAI XUAN")
    voted = vote_name(texts, letters, "Nữ")
    assert voted is not None and voted[0] == "TRỊNH THU HẢI XUÂN"
    assert vote_name(texts, letters, "Nam") is None  # for a man neither is usual
    # HIẾN: an acute where Hiền has a grave and Hiển a hook: a mark misread, and for a
    # woman usage leaves Hiền / Hiển open (9 and 3 counted): refused
    assert vote_name(["LÊ MINH HIẾN"] * 3, (), "Nữ") is None


def test_a_misread_mark_takes_the_usual_form_where_one_dominates() -> None:
    """Fresh 552201 'Bản photo CCCD 0080' (Nguyễn Đình Bình, a photographed copy): every
    view read ĐỈNH, a hook neither Đình nor Định has. The mark is misread, so which form it
    was is left to usage as for a mark lost, and a man's middle name so spelled is Đình
    (75 counted to 2). Before, a misread mark was refused even where usage dominates."""
    texts = ["NGUYÊN ĐỈNH BÌNH", "NGUYÊN ĐỈÌNH BÌNH", "NGUYÊN ĐỈÌNH BÌNH", "NGUYÊN ĐỈNH BÌNH"]
    letters = ("NGUYN ĐINH BINH", "NGUYN ĐINH BINH")
    assert vote_name(texts, letters, "Nam") == ("NGUYỄN ĐÌNH BÌNH", 0)
    assert vote_name(texts, letters, None) == ("NGUYỄN ĐÌNH BÌNH", 0)  # 86 to 2 for both
    # consumed 552301 0076: PHAM ĐỀNH HOÀNG, a grave on the wrong vowel, on three views
    views = ["PHAM ĐÍNH HOÀNG"] + ["PHAM ĐỀNH HOÀNG"] * 3
    assert vote_name(views, ("PHAM DINH HOANG",) * 2, "Nam") == ("PHẠM ĐÌNH HOÀNG", 0)


def test_a_lone_mark_the_usual_form_carries_is_the_mark_blur_erased() -> None:
    """Fresh 552201 0052 (Nguyễn Duy Tiến, a photographed copy): one view read TIỀN, three
    read TIÊN. The vote gave Tiên, and the name was refused because a man's given name so
    spelled is almost always Tiến (92 counted to 1). A mark one view saw, pointing to the
    usual form, is taken: blur erases thin marks far more often than it draws them. Where
    usage does not back it (a woman's given name: Tiên 13, Tiến 0), three views stand."""
    texts = ["NGUYÊN DUY TIỀN", "NGUYÊN DUY TIÊN", "MGUYÊN DUY TIÊN", "NGUYÊN DUY TIÊN"]
    letters = ("NGUYÊN DUY TIÊN", "NGUYÊN DUY TIÊN")
    assert vote_name(texts, letters, "Nam") == ("NGUYỄN DUY TIẾN", 0)
    assert vote_name(texts, letters, "Nữ") == ("NGUYỄN DUY TIÊN", 0)


def test_a_label_read_name_with_a_mark_no_form_has_takes_the_usual_form_too() -> None:
    """The same noise read by label (a scan, or a photo whose band voted no name): the name
    check takes the usual form, as the zone vote does, where it used to refuse the name;
    for a man, whose usage leaves Thu / Thư open, it is still refused."""
    def label_name(number: str) -> tuple[str | None, str]:
        p = page(line(("Họ và tên / Full name:", 300)), line(("TRỊNH THỦ HẢI XUÂN", 300)))
        result = extract_document("id_card", [p], zone_readings=[
            {"key": "id_number", "value": number}])
        got = result.fields.get("full_name")
        return (got.value if got else None), " ".join(result.review_reasons)

    assert label_name(WOMAN_ID)[0] == "Trịnh Thu Hải Xuân"
    got, reasons = label_name(MAN_ID)
    assert got is None and "tone mark" in reasons

    def label_read(name: str, number: str) -> str | None:
        p = page(line(("Họ và tên / Full name:", 300)), line((name, 300)))
        got = extract_document("id_card", [p], zone_readings=[
            {"key": "id_number", "value": number}]).fields.get("full_name")
        return got.value if got else None

    # a misread mark (ĐỈNH: Đình or Định) takes the usual form, a man's middle Đình
    assert label_read("NGUYỄN ĐỈNH BÌNH", MAN_ID) == "Nguyễn Đình Bình"
    assert label_read("NGUYỄN MINH HIẾN", WOMAN_ID) is None  # Hiền / Hiển: open


def test_views_disputing_a_words_marks_take_its_usual_form() -> None:
    """Consumed 549801 'Bản photo CCCD 0027' (Phạm Hồng Bích Dung, a woman): DUNG twice,
    DỤNG and DŨNG once each; before, the lone DŨNG was taken as the mark the others lost
    and then refused as unusual. Views disputing a word's listed forms leave it to usage
    when one dominates (a woman's given Dung; her given My, read MY twice and MỸ twice, on
    'Bản photo CCCD 0024'). A man's given DŨNG in the same dispute is Dũng; where usage is
    open (Hùng, Hưng) the dispute still refuses the name."""
    reads = ["PHAM HỒNG BÍCH DUNG", "PHAM HỒNG BÍCH DỤNG", "PHAM HỒNG BÍCH DUNG",
             "PHAM HỒNG BÍCH DŨNG"]
    letters = ("PHAM HONG BICH DUNG", "PHAM HONG BICH DUNG")
    assert vote_name(reads, letters, "Nữ") == ("PHẠM HỒNG BÍCH DUNG", 0)
    assert vote_name(reads, letters, "Nam") == ("PHẠM HỒNG BÍCH DŨNG", 0)
    my = ["PHẠM MINH MY", "PHẠM MINH MY", "PHẠM MINH MỸ", "PHẠM MINH MỸ"]
    assert vote_name(my, (), "Nữ") == ("PHẠM MINH MY", 0)
    assert vote_name(["ĐỖ VĂN HƯNG"] * 3 + ["ĐỖ VĂN HÙNG"], ("DO VAN HUNG",), "Nam") is None


def test_a_surname_read_with_marks_no_surname_has_is_the_one_its_letters_spell() -> None:
    """Consumed 549801 'Bản photo CCCD 0024': the surname read PHẨM (blur's circumflex and
    hook for Phạm's dot) once, its letters read by the other views too; only Phạm is spelled
    P-H-A-M among listed surnames, so the surname is Phạm. A surname whose letters spell no
    listed one (Khổng) keeps the marks read."""
    voted = vote_name(["PHẨM MINH ANH", "PLAM MINH ANH"], ("PHAM MINH ANH",), "Nữ")
    assert voted is not None and voted[0] == "PHẠM MINH ANH"
    voted = vote_name(["KHỔNG MINH ANH"] * 2, ("KHONG MINH ANH",), "Nữ")
    assert voted is not None and voted[0] == "KHỔNG MINH ANH"


def test_a_form_with_most_of_its_usage_against_it_refuses_the_name() -> None:
    """Development 556901 0077 (Phạm Khánh Thị Ngọc, a card with its back): every view read
    KHANH, and Phạm Khanh Thị Ngọc was given; 556801 'Bản photo CCCD 0043' (Nguyễn Minh Ngọc
    Hương): HƯỚNG, mended into Hường. Neither form has `DOMINANT` usage against it (0.79
    and 0.71), so neither was chosen for an unmarked word, but a form read on a photo with
    `UNUSUAL_SHARE` or more of its letters' usage against it goes to review. A man's given
    Vinh (0.68 against it, for Vĩnh) stands."""
    assert _zone_name(WOMAN_ID, "PHẠM KHANH THỊ NGỌC")[0] is None
    assert _zone_name(WOMAN_ID, "PHẠM KHÁNH THỊ NGỌC")[0] == "Phạm Khánh Thị Ngọc"
    assert _zone_name(WOMAN_ID, "NGUYỄN MINH NGỌC HƯỜNG")[0] is None
    assert _zone_name(WOMAN_ID, "NGUYỄN MINH NGỌC HƯƠNG")[0] == "Nguyễn Minh Ngọc Hương"
    assert _zone_name(MAN_ID, "NGUYỄN THÀNH VINH")[0] == "Nguyễn Thành Vinh"
