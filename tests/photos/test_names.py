"""The full name on ID cards read from photos: checked against the MRZ names line, the card's
sex and the shape of a name (intake.extract.card_name_check, intake.extract.mrz_names)."""

from __future__ import annotations

from datetime import date

from intake.extract import extract_document
from intake.extract.card_names import model_named, vote_name
from intake.extract.mrz_names import MrzName, read_names_line
from samples.generator.idnumbers import mrz_lines
from tests.extract.pages import line, page

MALE_ID = "001099012345"  # century/sex digit 0: a man born 1900-1999
FEMALE_ID = "001199012345"  # 1: a woman


def _card(name_read: str | None, truth: str, number: str = MALE_ID, *, back: bool = True,
          page_lines: tuple[str, ...] = ()) -> dict[str, str | None]:
    """Extraction of a card photo whose name zone read ``name_read`` (None: no reading
    validated) and, with ``back``, whose MRZ (of the holder ``truth``) was read by zone."""
    sex = "Nữ" if int(number[3]) % 2 else "Nam"
    zones = [{"key": "id_number", "value": number}]
    if name_read is not None:
        zones.append({"key": "full_name", "value": name_read})
    if back:
        zones.append({"key": "mrz", "value": "\n".join(
            mrz_lines(number, truth, date(1999, 3, 4), sex, date(2039, 3, 4)))})
    p = page(*(line((text, 300)) for text in page_lines)) if page_lines else page()
    result = extract_document("id_card", [p], zone_readings=zones)
    got = result.fields.get("full_name")
    return {"value": got.value if got else None, "note": got.note if got else None,
            "reasons": " ".join(result.review_reasons)}



def _name_stored(zones: list[dict[str, str]]) -> str | None:
    """The full name an ID card's extraction keeps from these zone readings alone."""
    got = extract_document("id_card", [page()], zone_readings=zones).fields.get("full_name")
    return got.value if got else None

def test_name_line_read_through_ocr_noise() -> None:
    """The names line is found among a card's OCR lines with OCR's usual MRZ noise (digits
    for letters, « for <<, accents from the Vietnamese model, debris before it); lines that
    are no names line (page text in lower case, a line cut to one letter, the number and
    dates lines) give nothing."""
    assert read_names_line(["__ NGUYEN<<BA0<DUNG<<<<<<<<<<"]) == MrzName(
        ("NGUYEN", "BAO", "DUNG"))
    assert read_names_line(["LẼ«ANH<V1NH<<<<<<<<<<<<<<<<<<<"]) == MrzName(("LE", "ANH", "VINH"))
    assert read_names_line(["S«o chấm C: 2c+n dưới sau mép phải"]) is None
    assert read_names_line(["TRAN<<G<<<<<<"]) is None
    assert read_names_line(["IDVNM0990123454001099012345<<<",
                            "9903041M3903049VNM<<<<<<<<<<<6"]) is None
    cut = read_names_line(["NGUYEN<<THI<THANH<HUYEN<NGOC<T"])
    assert cut is not None and cut.cut  # 30 characters, no filler: the name may go on


def test_mrz_letters_mend_a_misread_word() -> None:
    """Given a verified MRZ names line NGUYEN<<VAN<TUNG, when the front read "NGUYỄN VĂN
    TÙN" (no listed name), then the word is the listed name with the MRZ's letters and the
    tone mark read: Tùng. When the front read another listed name ("TÚ"), either line may
    be the misread one: the name is refused."""
    got = _card("NGUYỄN VĂN TÙN", "Nguyễn Văn Tùng")
    assert got["value"] == "Nguyễn Văn Tùng"
    assert got["note"] is not None and "NGUYEN<<VAN<TUNG" in got["note"]
    got = _card("NGUYỄN VĂN TÚ", "Nguyễn Văn Tùng")
    assert got["value"] is None and "NGUYEN<<VAN<TUNG" in str(got["reasons"])
    # The MRZ has no tone marks: a name whose letters it confirms is kept as read (Lâm,
    # not Lam), and without a verified MRZ nothing is checked.
    assert _card("NGUYỄN GIA LÂM", "Nguyễn Gia Lâm")["value"] == "Nguyễn Gia Lâm"
    assert _card("NGUYỄN VĂN TÚ", "Nguyễn Văn Tùng", back=False)["value"] == "Nguyễn Văn Tú"
    # An MRZ that lost the last word (OCR read it as filler) still agrees on the others.
    assert _card("NGUYỄN THỊ THANH HUYỀN", "Nguyễn Thị Thanh",
                 FEMALE_ID)["value"] == "Nguyễn Thị Thanh Huyền"


def test_mrz_restores_word_splits() -> None:
    """A front read "NGU YÊN VĂN DUY" has the MRZ's letters split otherwise: split as the
    MRZ splits them (and the surname's tone mark repaired as for any name)."""
    assert _card("NGU YÊN VĂN DUY", "Nguyễn Văn Duy")["value"] == "Nguyễn Văn Duy"


def test_name_that_contradicts_the_mrz_is_refused() -> None:
    """When the MRZ's letters cannot be given tone marks from the reading (THUY is Thùy,
    Thúy or Thủy, and "THU" carries none) or are far from it, the name is refused with a
    review reason rather than guessed."""
    got = _card("LÊ THU THU", "Lê Thu Thủy", FEMALE_ID)
    assert got["value"] is None and "MRZ" in str(got["reasons"])
    assert _card("TRẦN VĂN AN", "Phạm Quốc Khánh")["value"] is None


def test_card_line_that_agrees_with_the_mrz_replaces_label_debris() -> None:
    """Given no zone name and a by-label value that is the English label misread, when a
    line of the card reads the name with debris before it, then the words that agree with
    the MRZ are the name; an unaccented line ("LAM": Lam or Lâm?) is never taken."""
    lines = ("Họ và tên / Full name: F D Gaegz", "Ô LÊ HỮU THẮNG")
    assert _card(None, "Lê Hữu Thắng", page_lines=lines)["value"] == "Lê Hữu Thắng"
    lines = ("Họ và tên / Full name: F D Gaegz", "NGUYEN GIA LAM")
    assert _card(None, "Nguyễn Gia Lâm", page_lines=lines)["value"] is None


def test_label_debris_is_no_name() -> None:
    """Without an MRZ, a by-label name whose words are mostly no Vietnamese syllable
    ("F D Gaegz", the label "Full name" misread) is refused; a real one is kept."""
    got = _card(None, "Lê Anh Vinh", back=False,
                page_lines=("Họ và tên / Full name: F D Gaegz",))
    assert got["value"] is None and "does not read as a name" in str(got["reasons"])
    got = _card(None, "Lê Anh Vinh", back=False,
                page_lines=("Họ và tên / Full name: LÊ ANH VINH",))
    assert got["value"] == "Lê Anh Vinh"


def test_middle_name_van_follows_the_cards_sex() -> None:
    """Blur swaps the breve and the circumflex: a man's middle word read Vân is Văn, a
    woman's read Văn is Vân; a last word (a given name) is left as read."""
    assert _card("NGUYỄN VÂN DUY", "Nguyễn Văn Duy", back=False)["value"] == "Nguyễn Văn Duy"
    assert _card("TRẦN VĂN ANH", "Trần Vân Anh", FEMALE_ID,
                 back=False)["value"] == "Trần Vân Anh"
    assert _card("LÊ THỊ VÂN", "Lê Thị Vân", FEMALE_ID, back=False)["value"] == "Lê Thị Vân"


def test_vote_reads_a_misplaced_vowel_mark_as_the_tone_read() -> None:
    """Given every view reading THỪY (a horn on the U, no listed name), the grave accent
    read says which listed name it is: Thùy, not Thúy or Thủy."""
    from intake.extract.card_names import vote_name

    voted = vote_name(["PHẠM THY VÂN", "PHẬM THỪY VĂN", "PHAM THỪY VÂN", "PHẬM THƯY VÂN"])
    assert voted is not None and voted[0].split()[1] == "THÙY"


def test_vote_joins_a_word_broken_by_a_speck() -> None:
    """Punctuation between two letters ("I,ÂM": the L of LÂM broken into a stroke and a
    speck) joins the word's pieces instead of splitting the name into four words."""
    from intake.extract.card_names import vote_name

    voted = vote_name(["NGUYỄN TRỌNG LÂM", "NGUYÊN TRỌNG I,ÂM", "NGUYÊN TRỌNG I,ÂM",
                       "NGUYÊN TRỌNG ILÂM"])
    assert voted is not None and voted[0] == "NGUYỄN TRỌNG LÂM"


def test_vote_refuses_what_is_no_syllable_or_no_evidence() -> None:
    """Three vowels that are no Vietnamese vowel group ("UÁO" for BẢO) give a word no vote,
    so the one reading left, unlisted, is too weak: refused. Two listed names read equally
    often (ĐIỆP once, DIỆP once) are no evidence for either: refused. A reading with such
    a word still votes on its other words (DUY)."""
    from intake.extract.card_names import vote_name

    assert vote_name(["THẦN ĐẢO CÔNG TÀI", "TRẤN UÁO (ÔNG TÀI", "TRẤN UÁO CÔNG TÀI",
                      "TRẤN UÁO CÔNG TÀI"]) is None
    assert vote_name(["ĐĂNG MINH ĐIỆP", "ĐÁNG MÌNH DIỆP", "ĐÁNC, MiXôi nIỆP", ""]) is None
    voted = vote_name(["NGƯYÊX DUY AN", "*GtYÊN DUY AN", "wGtYÊX DUY AN", "NGUYÊN DỤUY AN"])
    assert voted is not None and voted[0] == "NGUYỄN DUY AN"
    # A tie between a form with marks and the same letters without (THÀNH twice, THANH
    # twice): blur loses marks more often than it adds them, the marked form is taken.
    voted = vote_name(["NGUYÊN THÀNH KHẢI", "NGUYÊN THANH KHÁI", "NGUYÊN THÀNH KHÁI",
                       "NGUYÊN THANH KHÁI"])
    assert voted is not None and voted[0] == "NGUYỄN THÀNH KHẢI"


def test_photo_label_reading_with_a_non_syllable_is_refused() -> None:
    """On a card read by zone (a photo) whose name band gave no name, a label reading with
    one word that is no syllable ("Í Lài Ae") is debris and refused; on a scan it takes more
    than half the words (a Jrai name, "Ksor H'Bia", has one)."""
    lines = ("Họ và tên / Full name:", "Í LÀI AE")
    assert _card(None, "Trần Bảo Công Tài", back=False, page_lines=lines)["value"] is None
    scan = extract_document("id_card", [page(*(line((t, 300)) for t in lines))])
    assert scan.fields["full_name"].value == "Í Lài Ae"
    scan = extract_document("id_card", [page(line(("Họ và tên / Full name: KSOR H'BIA", 300)))])
    assert scan.fields["full_name"].value == "Ksor H'bia"  # a Jrai name on a scan is kept


def test_vote_mends_capitals_read_small_and_a_lost_thin_i() -> None:
    """A capital read as its look-alike small letter ("vY" for VY, every view) still counts
    as a name in capitals; page text in lower case ("Họ và tên") does not. An I that blur
    erased ("BCH": no vowel left) is put back where that spells a listed name (BÍCH)."""
    from intake.extract.card_names import vote_name

    voted = vote_name(["NGUYỆN BÍCH MỸ vY", "NGUYÊN BÍCH MỸ vY", "NGƯYN BÍCH MỸ vY"])
    assert voted is not None and voted[0].split()[-1] == "VY"
    assert vote_name(["Họ và tên", "Họ và tên"]) is None
    voted = vote_name(["CAO RCH PHƯƠNG", "CAO BCMH PHƯƠNG,", "CAO ĐICM PHƯƠNG",
                       "CAO BCH PHƯƠNG"])
    assert voted is not None and voted[0] == "CAO BICH PHƯƠNG"


def test_debris_beyond_a_rule_after_the_name_is_cut_off() -> None:
    """Given the one view that read a woman's name reading on past it ("TRẦN THỊ CHI = và
    là _-", fresh 551001 'Bản photo CCCD 0092'), and PP-OCR's TRANT CHI and TRAN T CHI, the
    name is Trần Thị Chi: with the debris the view was no reading, and PP-OCR's first
    reading alone gave "Trần Chi"."""
    from intake.extract.card_names import vote_name

    pp = ("TRANT CHI", "TRAN T CHI")
    assert vote_name(["'TRẦN THỊ CHI = và là _-", "", "", ""], pp, "Nữ") == ("TRẦN THỊ CHI", 0)
    assert vote_name(["Họ và tên = TRẦN"], ()) is None  # lower case before it: no name


def test_lua_is_a_listed_given_name() -> None:
    """Fresh 552001 0099, a sharp card: every Tesseract view read the given name Lụa as
    LỰA, and PP-OCR read LUA. Lụa was missing from the name syllables, so nothing said LỰA
    was no name and "Nguyễn Minh Lựa" was given; with Lụa listed, the dot read under the
    wrong vowel mark is Lụa's, as for any listed syllable (`_marked_like`)."""
    from intake.extract.card_names import vote_name

    pp = ("NGUYEN MINH LUA",)
    assert vote_name(["NGUYỄN MINH LỰA"] * 3, pp, "Nữ") == ("NGUYỄN MINH LỤA", 0)
    views = ["NGUYỄN MINH LỰA", "NGUYỄN MINH LỤA", "NGUYỄN MINH LỰA"]
    assert vote_name(views, pp, "Nữ") == ("NGUYỄN MINH LỤA", 0)


def test_a_view_with_a_word_split_in_two_still_votes_on_the_others() -> None:
    """Fresh 552301 0082 (Nguyễn Thị Thùy Ngọc, a photographed copy): two views read the
    surname split at a thin letter (NGÁ' VÊN, NGA! YÊN), with THỊ THÙY NGỌC right after
    it; they were five words against four and went unheard, and PP-OCR's THUY, the one
    left, could be Thùy, Thúy or Thủy, so the name was refused. Joining the two pieces
    lines those views up, and their THÙY names her."""
    from intake.extract.card_names import vote_name

    texts = ["NGUYÊN 1HỊ TIÙY NGỌC", "NGÁ' VÊN THỊ THÙY NGỌC", "M{zU YÊN THỊ THÙY NGỌC",
             "NGA! YÊN THỊ THÙY NGỌC"]
    pp = ("NGUVÊN TRI THUY NGOC", "NGUYÊN THI THUY NGOC")
    assert vote_name(texts, pp, "Nữ") == ("NGUYỄN THỊ THÙY NGỌC", 0)
    # two places to join, either lining up: no telling which word was split
    from intake.extract.card_names import lined_up

    target = ["nguyen", "thi", "thuy", "ngoc"]
    assert lined_up(["NGA", "YÊN", "THỊ", "THÙY", "NGỌC"], target) == [
        "NGAYÊN", "THỊ", "THÙY", "NGỌC"]
    assert lined_up(["LÊ", "A", "N", "AN"], ["le", "an", "an"]) is None


def test_a_surname_split_in_every_view_is_joined() -> None:
    """Development photocopy 930001 0296 (Nguyễn Thanh Tâm): all four Tesseract views read
    the surname in two pieces (NGU YÊN, NCU YÊN), so no view had the name's three words to
    line the others up with, and the vote made NGUYỄN TÂM of them. Two pieces that spell
    a listed surname together, the first being none, are one word."""
    texts = ["NGU YÊN THANH TÂM", "NCU YÊN THANii TÂM", "NCLU YÊN THANH TÂM",
             "NCU YÊN THANH TÂM"]
    assert vote_name(texts, ("NGUYEN ? TAM", "NGUYEN THANH TAM"), "Nam") == (
        "NGUYỄN THANH TÂM", 0)
    # a listed surname first is no piece: HỒ A... stays two words
    from intake.extract.card_names import _rejoined

    assert _rejoined(["HỒ", "A", "NAM"]) == ["HỒ", "A", "NAM"]
    assert _rejoined(["NGU", "YÊN"]) == ["NGU", "YÊN"]  # nothing would be left after it


def test_a_word_the_band_cut_short_is_no_syllable() -> None:
    """Fresh 555701 'Bản photo CCCD 0061' (Trần Phương Thanh Tuyết, a card photographed
    alone): the name ran to the card's edge, and every reading, PP-OCR's too, ended TUYẾ.
    Read four times, the unlisted word was given. The vowel groups uyê, uô and ươ end no
    Vietnamese syllable: a word ending so is cut short, and the name goes to review."""
    from intake.extract.card_names import syllable_like

    texts = ["TRẦN PHƯƠNG THANH TUYẾ", "TRẦN PHƯƠNG THANH ¡", "TRẦN PHƯƠNG TH.\\SNHỈ :",
             "TRẦN PHƯƠNG THANH TUYẾ"]
    assert vote_name(texts, ("TRÂN PHUONG THANH TUYÊ", "TRAN PHUONG THANH TUYE"), "Nữ") is None
    assert [w for w in ("TUYẾ", "NGUYÊ", "HƯƠ", "MUÔ") if syllable_like(w)] == []
    assert all(syllable_like(w) for w in ("TUYẾT", "TIÊN", "YẾN", "PHƯƠNG", "MUỐN", "KHUYA",
                                          "THUÊ", "YÊU", "TIÊU", "NGƯỜI", "HUỆ", "GIA", "NIÊ"))


def test_views_reading_another_mark_as_often_refuse_the_name() -> None:
    """Fresh 552301 0063 (Vũ Thùy Giang, a photographed copy): one view read THỦY and three
    THỨY, an acute on the wrong vowel mark (no name: Thúy's acute). The listed THỦY won
    as listed, and "Vũ Thủy Giang" was given; the views dispute the mark as much as they
    read it, so the name is refused. A lone misplaced mark against three is outvoted."""
    from intake.extract.card_names import vote_name

    pp = ("VO THUY GIANG", "VO THUY GIANG")
    assert vote_name(["VŨ THỦY GIANG"] + ["VŨ THỨY GIANG"] * 3, pp, "Nữ") is None
    assert vote_name(["VŨ THỦY GIANG"] * 3 + ["VŨ THỨY GIANG"], pp, "Nữ") == (
        "VŨ THỦY GIANG", 0)
    assert vote_name(["VŨ THÙY GIANG", "VŨ THỪY GIANG"], pp, "Nữ") == ("VŨ THÙY GIANG", 0)


def test_an_unmarked_word_stands_though_the_views_lost_a_mark_elsewhere() -> None:
    """Fresh 552801 0069 (Phạm Thị Hồng Hoa, a photographed copy): every view read HÔNG,
    Hồng's grave lost, and HOA. A rule made on 552301 'Bản photo CCCD 0096' (every view
    read THANH and HOANG for Phạm Thành Hoàng Đạt) put such a word in doubt and refused
    this right name. Measured on the logged views of ten seeds, a view that lost one mark
    lost another word's on 4 of 46 words (1.9% on other views): a lost mark elsewhere says
    little, and the rule was dropped. 0096 is given as "Phạm Thanh Hoàng Đạt" again."""
    from intake.extract import extract_document
    from intake.extract.card_names import vote_name
    from tests.extract.pages import page

    views = ["PHAM THỊ HÔNG HOA"] * 4
    voted = vote_name(views, ("PHAM THI HÔNG HOA", "PHAM THI HONG HOA"), "Nữ")
    assert voted == ("PHẠM THỊ HÔNG HOA", 0)
    result = extract_document("id_card", [page()], zone_readings=[
        {"key": "id_number", "value": "031165434787"}, {"key": "full_name", "value": voted[0]}])
    assert result.value("full_name") == "Phạm Thị Hồng Hoa"  # HÔNG: Hồng, its one form


def test_a_vowel_read_twice_is_one_carrying_both_marks() -> None:
    """Fresh 552901 0080 (Nguyễn Hải Yến, a card with its back): the one view that saw the
    acute read YẾÊN, the vowel's marks as a second vowel; the three others read YÊN, so the
    vote gave Yên and the usage check refused it. The vowel with both copies' marks (YẾN)
    is listed: that view now reads YẾN, the mark the others lost (`_marks_settled`).
    Where the two copies carry two tone marks, the one that leaves a listed form wins
    (QUÝỲNH: Quỳnh); where none does, the word stays unread."""
    from intake.extract.card_names import _undoubled, vote_name

    views = ["NGUYỄN HẢI YẾÊN", "NGUYÊN HẢI YÊN", "NGUYÊN HẢI YÊN", "NGUYÊN HẢI YÊN"]
    pp = ("NGUYN HAI YEN", "NGUYN HAI YEN")
    assert vote_name(views, pp, "Nữ") == ("NGUYỄN HẢI YẾN", 0)
    assert _undoubled("QUÝỲNH", False) == "QUỲNH"
    assert _undoubled("ĐỈÌNH", False) == "ĐÌNH"
    assert _undoubled("UYẾÊN", False) == "UYÊN"  # Uyến is no name: the copy without it
    assert _undoubled("PHẠAM", True) == "PHẠM"
    assert _undoubled("HÀANH", False) is None  # Hành, Hanh: neither listed


def test_a_view_reading_no_bar_across_the_d_puts_the_bar_in_doubt() -> None:
    """Fresh 553401 'Bản photo CCCD 0093' (Nguyễn Khánh Diệp): Tesseract's views read
    ĐIỆP three times and DIỆP once, both listed names; Tesseract draws a bar where none is
    printed (4 of 55 views) but never lost one (0 of 73), so the name goes to review
    instead of Điệp. A lone ĐIỆP against three DIỆP leaves DIỆP."""
    letters = ("NGUYÊN KHIANH DIÊP", "NGUYÊN KHIANH DIÊP")
    views = ["NGUYÊN KHÁNH ĐIỆP", "NGUYÊN KIIÁNH ĐIỆP", "NGUYÊN KIIÁNH ĐIỆP",
             "NGUYÊN KHÁNH DIỆP"]
    assert vote_name(views, letters, "Nữ") is None
    views = ["NGUYÊN KHÁNH DIỆP", "NGUYÊN KIIÁNH DIỆP", "NGUYÊN KIIÁNH DIỆP",
             "NGUYÊN KHÁNH ĐIỆP"]
    voted = vote_name(views, letters, "Nữ")
    assert voted is not None and voted[0] == "NGUYỄN KHÁNH DIỆP"


def _with_letters(name_read: str | None, mrz_name: str, letters: list[str],
                  band: tuple[str, ...] = ()) -> str | None:
    """The name stored for a card whose MRZ names line read ``mrz_name`` and whose name
    band PP-OCR decoded surely as ``letters`` (one line per view)."""
    zones = [{"key": "id_number", "value": MALE_ID},
             {"key": "mrz", "value": "\n".join(
                 mrz_lines(MALE_ID, mrz_name, date(1999, 3, 4), "Nam", date(2039, 3, 4)))}]
    if name_read is not None:
        zones.append({"key": "full_name", "value": name_read})
    if band:
        zones.append({"key": "name_band", "value": "\n".join(band)})
    if letters:
        zones.append({"key": "name_letters", "value": "\n".join(letters)})
    result = extract_document("id_card", [page()], zone_readings=zones)
    assert "name_letters" not in result.fields
    got = result.fields.get("full_name")
    return got.value if got else None


def test_the_mrz_names_nothing_pp_ocr_read_surely_otherwise() -> None:
    """The names line has no check digit. Fresh 553801 0047 (Hồ Bảo Thành, card and back):
    the front's vote named no one, the MRZ read HO<<BAO<AN, every word with one listed
    form, and the card was given as Hồ Bảo An; both of PP-OCR's views decoded HO BAO THANH
    surely. 553801 'Bản photo CCCD 0084' (Phạm Trọng Duy): the MRZ read PHAN, a view's
    YHAM was mended into it over the vote's Phạm; both views decoded PHAM. Neither is
    given by the MRZ now, and the vote's Phạm, which PP-OCR's word sides with, stands
    (since fresh 554401 'Bản photo CCCD 0050', below). Where PP-OCR's views agree with the
    MRZ, or decoded nothing surely there, the MRZ names and mends as before; where nothing
    was named on the front, one sure view reading another word is enough to keep the MRZ
    from naming (`test_one_sure_pp_ocr_view_against_the_mrz_keeps_it_from_naming`)."""
    assert _with_letters(None, "Hồ Bảo An", []) == "Hồ Bảo An"  # as before: no evidence
    assert _with_letters(None, "Hồ Bảo An", ["HO BAO THANH", "HO BAO THANH"]) is None
    assert _with_letters(None, "Hồ Bảo An", ["HO BAO AN", "HO BAO ?"]) == "Hồ Bảo An"
    # one sure view against a name the MRZ alone makes is enough since fresh 556501 0095
    assert _with_letters(None, "Hồ Bảo An", ["HO BAO THANH", "HO BAO ?"]) is None
    band = ("YHAM TRƠNG DUY", "NHậM TRỢNG DỤYV", "PHậM TRỢNG DỤUYV")
    assert _with_letters("Phạm Trọng Duy", "Phan Trọng Duy", [], band) == "Phan Trọng Duy"
    assert _with_letters("Phạm Trọng Duy", "Phan Trọng Duy",
                         ["PHAM TRONG DUY", "PHAM TRONG DUY"], band) == "Phạm Trọng Duy"
    assert _with_letters("Phạm Trọng Duy", "Phan Trọng Duy",
                         ["PHUNG TRONG DUY", "PHUNG TRONG DUY"], band) is None


def test_pp_ocr_letters_confirm_an_mrz_word_for_its_usual_form() -> None:
    """Development photocopy 920001 0143 (Trần Thu Chi, a woman): the MRZ read
    TRAN<<THU<CHI<<<5, its fillers cut short (not read whole), and Tesseract's views of
    the name band read TU, Ti@U, rìa for THU: nothing on the front confirmed THU's letters,
    so its usual form (Thu, a woman's middle name) was not taken and no name was given.
    PP-OCR's views decoded TRAN THU ? and TRAN THU CHI surely: a second source for those
    letters at that place. A view read with another number of words, or with other
    letters there, confirms nothing."""
    def named(letters: list[str]) -> str | None:
        mrz = mrz_lines(FEMALE_ID, "Trần Thu Chi", date(1999, 3, 4), "Nữ", date(2039, 3, 4))
        zones = [{"key": "id_number", "value": FEMALE_ID},
                 {"key": "mrz", "value": "\n".join([*mrz[:2], "TRAN<<THU<CHI<<<5"])},
                 {"key": "name_band", "value": "TRẦN TU Củ\nTRẦN Ti@U của\nTRẦN rìa cap"}]
        if letters:
            zones.append({"key": "name_letters", "value": "\n".join(letters)})
        return _name_stored(zones)

    assert named([]) is None  # as it was
    assert named(["TRAN THU ?", "TRAN THU CHI"]) == "Trần Thu Chi"
    assert named(["TRAN THU ?"]) == "Trần Thu Chi"
    assert named(["TRAN THU"]) is None
    assert named(["TRAN THUY CHI"]) is None


def test_a_listed_word_read_once_against_another_pp_ocr_read_as_often_is_no_name() -> None:
    """Development 920001 0284 (Phan Tiến Thành): one Tesseract view read PHAN TIỀN TRANG,
    the others THAI and debris for the given name, and PP-OCR's two views THANH and THAMH.
    Each listed word was read once, and TRANG won only by coming first: Phan Tiến Trang was
    given. Read once by each recogniser, neither word is evidence. A word PP-OCR read too,
    or read by two Tesseract views, still wins as before."""
    views = ["PHAN TIỀS THAI", "PHAN TIỀN TRANG", "PhHvn 7X TNHÀNG", "PAn TIỀN TM ônNG"]
    assert vote_name(views, ("PHAN TIEN THANH", "PHAN TIEN THAMH"), "Nam") is None
    assert vote_name(views, (), "Nam") == ("PHAN TIẾN TRANG", 1)  # no second recogniser
    agreeing = ("PHAN TIEN TRANG", "PHAN TIEN THAMH")
    assert vote_name(views, agreeing, "Nam") == ("PHAN TIẾN TRANG", 1)
    twice = ["PHAN TIỀN TRANG", "PHAN TIỀN TRANG", "PhHvn 7X TNHÀNG"]
    voted = vote_name(twice, ("PHAN TIEN THANH", "PHAN TIEN THAMH"), "Nam")
    assert voted is not None and voted[0] == "PHAN TIẾN TRANG"


def test_a_word_pp_ocr_decoded_surely_as_another_listed_word_refuses_the_name() -> None:
    """Development photocopy 930001 'Bản photo CCCD 0088' (Lê Tiến Vinh): Tesseract's
    views read tIẾN, LIẾN and HIẾN twice, the vote gave Lê Liên Vinh, and both of
    PP-OCR's views decoded LE TIEN VINH surely. Two sure views alike against a word are
    a second recogniser checked against the lists: the name is refused. One sure view,
    or views that agree with the name, leave it."""
    def stored(letters: list[str]) -> str | None:
        zones = [{"key": "id_number", "value": MALE_ID},
                 {"key": "full_name", "value": "LÊ LIẾN VINH"},
                 {"key": "name_letters", "value": "\n".join(letters)}]
        result = extract_document("id_card", [page()], zone_readings=zones)
        got = result.fields.get("full_name")
        assert got is not None or "PP-OCR" in " ".join(result.review_reasons)
        return got.value if got else None

    assert stored(["LE TIEN VINH", "LE TIEN VINH"]) is None
    assert stored(["LE TIEN VINH", "LE ? VINH"]) == "Lê Liên Vinh"
    assert stored(["LE LIEN VINH", "LE LIEN VINH"]) == "Lê Liên Vinh"
    assert stored(["LE TIEN VINH", "LE LIEN VINH"]) == "Lê Liên Vinh"


def test_a_name_read_on_a_photographed_copy_needs_a_second_source() -> None:
    """Development photocopy 930001 0003 (Nguyễn Thị Tâm): the views read FẤM, FẦM, CÂM
    and CẮM, PP-OCR CAM twice but decoded nothing there surely, and the vote gave
    Nguyễn Thị Cẩm. On a copy each word needs a second source (the MRZ's names line, a
    PP-OCR view's sure word, or a second reading); a card photographed as a card is held
    to the vote as before."""
    def stored(copy: bool, letters: list[str], mrz_name: str | None = None) -> str | None:
        zones = [{"key": "id_number", "value": FEMALE_ID},
                 {"key": "full_name", "value": "NGUYỄN THỊ CẨM"},
                 {"key": "name_letters", "value": "\n".join(letters)}]
        if mrz_name is not None:
            zones.append({"key": "mrz", "value": "\n".join(
                mrz_lines(FEMALE_ID, mrz_name, date(1999, 3, 4), "Nữ", date(2039, 3, 4)))})
        if copy:
            zones.append({"key": "card_copy", "value": "1"})
        result = extract_document("id_card", [page()], zone_readings=zones)
        assert "card_copy" not in result.fields
        got = result.fields.get("full_name")
        return got.value if got else None

    assert stored(False, ["NGUYEN THI ?", "NGUYEN THI ?"]) == "Nguyễn Thị Cẩm"
    assert stored(True, ["NGUYEN THI ?", "NGUYEN THI ?"]) is None
    assert stored(True, ["NGUYEN THI CAM", "NGUYEN THI ?"]) == "Nguyễn Thị Cẩm"
    assert stored(True, [], "Nguyễn Thị Cẩm") == "Nguyễn Thị Cẩm"


def test_a_name_the_mrz_made_on_a_copy_needs_a_second_source_on_the_front() -> None:
    """Fresh 555401 0057 (Nguyễn Khánh Ngọc, a photographed copy with its back): the views
    and PP-OCR read nothing of the name, the MRZ's names line NGUYEN<<HANH<NGOC<<, its K
    lost, and HANH's one listed form named her Nguyễn Hạnh Ngọc. The MRZ confirms a name
    the front read; one it made itself needs the front's confirmation, word by word."""
    def stored(letters: list[str], copy: bool = True,
               names_line: str = "NGUYEN<<HANH<NGOC<<") -> str | None:
        mrz = mrz_lines("094182903497", "Nguyễn Khánh Ngọc", date(1982, 2, 18), "Nữ",
                        date(2042, 2, 18))
        # the names line as the page OCR read it too: the MRZ's lines are no readings
        # of the front, however often they were read
        zones = [{"key": "mrz", "value": "\n".join([*mrz[:2], names_line])},
                 {"key": "mrz", "value": "\n".join([*mrz[:2], names_line + "<"])},
                 {"key": "name_band", "value": "NGA YÊN sội4gg XU\nN4 VÊN ĐIÁNG Vu"},
                 {"key": "name_letters", "value": "\n".join(letters)}]
        if copy:
            zones.append({"key": "card_copy", "value": "1"})
        return _name_stored(zones)

    assert stored([]) is None
    assert stored([], copy=False) == "Nguyễn Hạnh Ngọc"  # a card: the MRZ as before
    assert stored(["NGUYEN HANH NGOC"]) == "Nguyễn Hạnh Ngọc"  # PP-OCR read it too
    # a names line read whole (30 characters) lost no letter: it names alone, as before
    # (fresh 555501 0051, Nguyễn Thu Bảo My, nothing of her name read on the front)
    assert stored([], names_line="NGUYEN<<HANH<NGOC<<<<<<<<<<<<<") == "Nguyễn Hạnh Ngọc"


def test_each_word_of_a_copys_name_may_have_its_own_second_source() -> None:
    """Development photocopies 930001 0096 (Nguyễn Bảo Nghĩa: all four views read
    NGUYÊN BẢO NGHĨA, PP-OCR decoded NGHIA unsurely) and 0437 (Lê Thành Hưng, a man: the
    MRZ read LE<<THANH<MUNG, both PP-OCR views decoded LE ? HUNG surely): each word was
    read at its place by the MRZ, a sure PP-OCR view or two readings of the card (as the
    vote reads them: NGIIIA is NGHIA), and the name stands. One reading is not enough."""
    def stored(name: str, band: list[str], letters: list[str],
               names_line: str | None = None) -> str | None:
        zones = [{"key": "id_number", "value": MALE_ID}, {"key": "full_name", "value": name},
                 {"key": "name_band", "value": "\n".join(band)},
                 {"key": "name_letters", "value": "\n".join(letters)},
                 {"key": "card_copy", "value": "1"}]
        if names_line is not None:
            mrz = mrz_lines(MALE_ID, "Lê Thành Hưng", date(1999, 3, 4), "Nam", date(2039, 3, 4))
            zones.append({"key": "mrz", "value": "\n".join([*mrz[:2], names_line])})
        return _name_stored(zones)

    four = ["NGUYÊN BẢO NGHĨA"] * 4
    letters = ["NGUYEN BAO ?", "NGUYEN BAO ?"]
    assert stored("NGUYỄN BẢO NGHĨA", four, letters) == "Nguyễn Bảo Nghĩa"
    assert stored("NGUYỄN BẢO NGHĨA", [*four[:1], "NGUYÊN BẢO NGIIIA"], letters) == (
        "Nguyễn Bảo Nghĩa")
    assert stored("NGUYỄN BẢO NGHĨA", four[:1] + ["NGUYÊN BẢO NGOA"] * 3, letters) is None
    band = ["LẺ THÀNH MƯNG", "LÊ TMÀANH MƯNÏG", "LÊ ¡ MÀNGH MƯNG", "LẺ IÐ ÀNH MƯNG"]
    line = "LE<<THANH<MUNG<<<<<"
    assert stored("LÊ THÀNH HƯNG", band, ["LE ? HUNG", "LE ? HUNG"], line) == "Lê Thành Hưng"
    assert stored("LÊ THÀNH HƯNG", band, ["LE ? ?", "LE ? ?"], line) is None


def test_a_copys_word_read_once_and_misread_one_letter_off_is_confirmed() -> None:
    """Development 942101 'Bản photo CCCD 0001' (Nguyễn Hữu Tuấn Thịnh, a photographed
    copy): the name-line model read THỊNH, a Tesseract view THING, PP-OCR THRINI; the vote
    named him and the copy check refused THỊNH as read once. A misreading one letter off
    that spells no listed name is a second reading of the word; one that spells another
    listed name (THANH, two letters off anyway; TÂN for TÂM) is not."""
    def stored(band: list[str], name: str = "NGUYỄN HỮU TUẤN THỊNH") -> str | None:
        zones = [{"key": "id_number", "value": MALE_ID}, {"key": "full_name", "value": name},
                 {"key": "name_band", "value": "\n".join(band)},
                 {"key": "name_letters", "value": "NGUYEN ? TUAN ?\nNGUYEN HUU TUAN ?"},
                 {"key": "card_copy", "value": "1"}]
        return _name_stored(zones)

    model = "NGUYỄN HỮU TUẤN THỊNH"
    assert stored(["NGUYÊN HỮU TUẦN THING", "GUYÊẦN HỮU TUÂN TƯỜNG", model]) == (
        "Nguyễn Hữu Tuấn Thịnh")
    assert stored(["NGUYÊN HỮU TUẦN TƯỜNG", "GUYÊẦN HỮU TUÂN TƯỜNG", model]) is None
    # one letter off, but a listed name's letters (Thanh is two off; Tâm/Tân one)
    assert stored(["NGUYÊN HỮU TUẦN TÂN", model.replace("THỊNH", "TÂM")],
                  "NGUYỄN HỮU TUẤN TÂM") is None
    assert stored(["NGUYÊN HỮU TUẦN TÂX", model.replace("THỊNH", "TÂM")],
                  "NGUYỄN HỮU TUẤN TÂM") == "Nguyễn Hữu Tuấn Tâm"


def test_a_copys_reading_with_a_word_split_in_two_lines_up_with_the_name() -> None:
    """Development 942301 0098 (Nguyễn Bích Tuyết, a photographed copy): the model read
    NGU YỄN BÍCH TUYẾT, PP-OCR surely NGO YEN BICH TUYET and ? YEN BICH TUYET, the views
    debris; the vote named her, and the copy checks refused it twice: BÍCH and TUYẾT were
    read once at their place (the PP-OCR view has one word more), and every PP-OCR view
    had more words than the name. Joined where a word was split in two, the PP-OCR view
    is a second reading of every word, and it lost no word. A view with one word more
    that no split explains (a word the vote lost: NGUYEN THI BICH TUYET) still refuses."""
    def stored(letters: list[str]) -> str | None:
        zones = [{"key": "id_number", "value": FEMALE_ID},
                 {"key": "full_name", "value": "NGUYỄN BÍCH TUYẾT"},
                 {"key": "name_band", "value": "NU+L YÊN BẬC.: TUYẾT\nNGU YỄN BÍCH TUYẾT"},
                 {"key": "name_letters", "value": "\n".join(letters)},
                 {"key": "card_copy", "value": "1"}]
        return _name_stored(zones)

    assert stored(["NGO YEN BICH TUYET", "? YEN BICH TUYET"]) == "Nguyễn Bích Tuyết"
    assert stored(["NGUYEN THI BICH TUYET", "? YEN BICH TUYET"]) is None
    assert stored(["? YEN BICH TUYET", "? YEN BICH TUYET"]) is None


def test_a_copys_word_read_as_digits_at_either_end_holds_its_place() -> None:
    """Development 943001 0050 (Trần Gia Phong, a photographed copy): a view read TRÀS GIÁ
    0906, the model TRẦN GIA PHONG, PP-OCR surely TRAN and PHONG; the vote named him and
    the copy check refused GIA as read once: the view's digits word, dropped, left it two
    words long, lined up with nothing. Held in place, its GIÁ is a second reading of GIA.
    943101 0027 (Lê Quỳnh Hồng) was read { 0 QUÝNHH HÔNH, its first word as digits. A
    digits word inside the reading places nothing (the vote refuses such a reading), nor
    do digits that still leave it short."""
    def stored(view: str) -> str | None:
        zones = [{"key": "id_number", "value": MALE_ID},
                 {"key": "full_name", "value": "TRẦN GIA PHONG"},
                 {"key": "name_band", "value": f"TRÀ (ÁA 2x6.\n{view}\nTRẦN GIA PHONG"},
                 {"key": "name_letters", "value": "TRAN ? ?\nTRAN ? PHONG"},
                 {"key": "card_copy", "value": "1"}]
        return _name_stored(zones)

    assert stored("TRÀS GIÁ 0906") == "Trần Gia Phong"
    assert stored("0 GIÁ PHONG") == "Trần Gia Phong"
    assert stored("TRÀS GIÁ") is None
    assert stored("TRÀS 0906 GIÁ") is None
    assert stored("GIÁ 0906") is None
    assert stored("TRÀS GIÁ 09 06") is None  # a word too many


def test_views_too_far_off_to_line_up_still_dispute_a_words_form() -> None:
    """Development 943001 'Bản photo CCCD 0030' (Nguyễn Trọng Bảo Nhân, a photographed
    copy): three views read NHÂN, but their first word (NHÀIYÊN) was too far off NGUYỄN to
    line up, so the vote heard only the model's NHÀN there and gave Nguyễn Trọng Bảo Nhàn.
    Views it did not hear that read another listed form twice, more often than the heard
    readings read the chosen one, refuse the name; one such view, or a chosen form heard
    as often, does not."""
    unheard = ["NHÀIYÊN THUNH NÀI NHÂN", "NHA FÊN THỤNG NÀ() NHÂN", "NHÀIYÊN THỤNH NÀU NHÂN"]
    letters = ("NGUYEN TRONG BAO NHAN", "NGUYEN TRONG BAO NHAN")
    model = ("NGUYỄN TRUNG BẢO NHÀN",)
    assert vote_name(unheard, letters, "Nam", lexical=model) is None
    assert vote_name(unheard[:1], letters, "Nam", lexical=model) == ("NGUYỄN TRỌNG BẢO NHÀN", 1)
    heard = ["NGUYỄN TRỌNG BẢO NHÀN", *unheard]
    assert vote_name(heard, letters, "Nam", lexical=model) == ("NGUYỄN TRỌNG BẢO NHÀN", 0)


def test_views_too_far_off_to_line_up_dispute_the_mark_the_mrzs_name_takes() -> None:
    """The same copy with its back (943001 'Bản photo CCCD 0030'): with no name voted, the
    MRZ's NGUYEN<TRONG<BAO<NHAN takes each word's marks from the band's readings that
    spell another of its words, here the model's NHÀN alone; the views' NHÂN, read twice
    with as many words, now leave the form open, and the name goes to review."""
    band = ["NHÀIYÊN THUNH NÀI NHÂN", "NHÀIYÊN THỤNH NÀU NHÂN", "NGUYỄN TRUNG BẢO NHÀN"]

    def stored(views: list[str]) -> str | None:
        number = "075066296164"
        zones = [{"key": "id_number", "value": number},
                 {"key": "name_band", "value": "\n".join(views)},
                 {"key": "name_letters",
                  "value": "NGUYEN TRONG BAO NHAN\nNGUYEN TRONG BAO NHAN"},
                 {"key": "mrz", "value": "\n".join(mrz_lines(
                     number, "Nguyễn Trọng Bảo Nhân", date(1966, 7, 28), "Nam",
                     date(2026, 7, 28)))},
                 {"key": "card_copy", "value": "1"}]
        return _name_stored(zones)

    assert stored(band) is None
    assert stored(band[1:]) == "Nguyễn Trọng Bảo Nhàn"  # one view: no dispute


def test_a_bracket_between_two_letters_is_a_broken_letter() -> None:
    """Development 942501 'Bản photo CCCD 0058' (Phan Đình Thắng, a
    photographed copy): the views read P(LAN ĐÌNH THẲNG, the H broken into a stroke read
    as a bracket; split there, the views had one word too many and ĐÌNH, THẲNG counted for
    nothing, and the right name the vote gave from the model's PHAN ĐÌNH THẮNG was refused
    as read once. A bracket between two letters joins the word's pieces as a comma does
    (PLAN, one letter from PHAN and no name); one before a word is still punctuation."""
    from intake.extract.card_names import read_as_voted

    assert read_as_voted("P(LAN ĐÌNH THẲNG", "Nam") == ["PLAN", "DINH", "THANG"]
    assert read_as_voted("NGUYỄN (VĂN) AN", "Nam") == ["NGUYEN", "VAN", "AN"]
    zones = [{"key": "id_number", "value": MALE_ID},
             {"key": "full_name", "value": "PHAN ĐÌNH THẮNG"},
             {"key": "name_band", "value": "P(LAN ĐÌNH THẲNG\nP(LAN ĐÌNH THẲNG\n"
                                           "P(TAN ĐỪNH THẰNG\nPHAN ĐÌNH THẮNG"},
             {"key": "name_letters", "value": "PHAN ?\nPHAN ?"},
             {"key": "card_copy", "value": "1"}]
    assert _name_stored(zones) == "Phan Đình Thắng"


def test_pp_ocr_siding_with_the_name_against_the_mrz_keeps_it() -> None:
    """Fresh 554401 'Bản photo CCCD 0050' (Nguyễn Quang Đạt, a card with its back): every
    view read ĐẠT, both PP-OCR views decoded DAT surely, and the MRZ's names line read DAI,
    also a listed name. PP-OCR read against the MRZ, and the name was refused for not
    matching it; but PP-OCR's word is the name's own: the MRZ is the misread."""
    zones = [{"key": "id_number", "value": MALE_ID},
             {"key": "full_name", "value": "NGUYỄN QUANG ĐẠT"},
             {"key": "name_band", "value": "\n".join(["NGUYÊN QUANG ĐẠT"] * 4)},
             {"key": "name_letters", "value": "NGUYEN QUANG DAT\nNGUYEN QUANG DAT"},
             {"key": "mrz", "value": "\n".join(mrz_lines(
                 MALE_ID, "Nguyễn Quang Đài", date(1999, 3, 4), "Nam", date(2039, 3, 4)))}]
    result = extract_document("id_card", [page()], zone_readings=zones)
    assert result.fields["full_name"].value == "Nguyễn Quang Đạt"
    zones[1] = {"key": "full_name", "value": "NGUYỄN QUANG ĐÀI"}  # the vote's own misread
    result = extract_document("id_card", [page()], zone_readings=zones)
    assert "full_name" not in result.fields


def test_a_copys_name_from_the_page_line_is_held_to_a_photos_mark_checks() -> None:
    """Fresh 554401 'Bản photo CCCD 0030' (Nguyễn Bích Thùy Hà, a photographed copy): the
    number came from the MRZ and no name from the zone vote, so no field was the zones';
    the page OCR's line NGUYỄN BÍCH THỦY HÀ, which the MRZ's THUY agreed with, gave Thủy,
    unchecked for a hook that is as likely a blurred grave (a woman's middle name). A
    card on a copy is a photo: the name is refused."""
    mrz = "\n".join(mrz_lines(FEMALE_ID, "Nguyễn Bích Thùy Hà", date(1999, 3, 4), "Nữ",
                              date(2039, 3, 4)))
    name_line = ("NGUYỄN BÍCH THỦY HÀ", 300)

    def stored(copy: bool) -> str | None:
        zones = [{"key": "mrz", "value": mrz}]
        if copy:
            zones.append({"key": "card_copy", "value": "1"})
        p = page(line(("Họ và tên / Full name:", 100)), line(name_line))
        got = extract_document("id_card", [p], zone_readings=zones).fields.get("full_name")
        return got.value if got else None

    assert stored(False) == "Nguyễn Bích Thủy Hà"  # a scan's page line: as before
    assert stored(True) is None


def test_a_word_read_as_digits_leaves_a_hole_not_a_shorter_name() -> None:
    """Fresh 555901 0025 (Trương Thanh Huệ, a photographed copy): every view lost the middle
    word to digits or debris ("TRƯƠNG, 10469 LỆ", "TRƯƠNG Y0 LỆ", "THƯƠNG, 1©“ SẺ"), and
    dropping the digits gave Trương Lệ. A reading with a token of digits alone between its
    words has a word missing: the name is refused. Digits before or after the name are
    debris as before."""
    views = ["TRƯƠNG ïHv*x4t ý", "TRƯƠNG, 10469 LỆ", "TRƯƠNG Y0 LỆ", "THƯƠNG, 1©“ SẺ"]
    pp = ("TRUONG TRANN ME", "TROONG THASN MCC")
    assert vote_name(views, pp, "Nữ") is None
    assert vote_name(["TRƯƠNG LỆ 104", "1 TRƯƠNG LỆ", "TRƯƠNG LỆ"], (), "Nữ") == (
        "TRƯƠNG LỆ", 0)


def test_a_name_shorter_than_every_pp_ocr_view_is_refused() -> None:
    """Fresh 556401 0005 (Lê Thành Trí, a photographed copy): one Tesseract view read "LỄ
    THÁNH £1" and the vote gave Lê Thanh; PP-OCR's two views read three words, "LE ? TRI"
    and "LE THANH TRI". A name with fewer words than every PP-OCR view read lost one: it
    is refused. One view reading a word more (debris after the name) refuses nothing (a
    woman's given Thanh: a man's is mostly Thành, `name_usage.UNUSUAL_SHARE`)."""
    def stored(name: str, letters: list[str], number: str = MALE_ID) -> str | None:
        zones = [{"key": "id_number", "value": number}, {"key": "full_name", "value": name},
                 {"key": "name_band", "value": "LỄ THÁNH £1\nLÊ THANH"},
                 {"key": "name_letters", "value": "\n".join(letters)}]
        return _name_stored(zones)

    assert stored("LÊ THANH", ["LE ? TRI", "LE THANH TRI"]) is None
    assert stored("LÊ THANH", ["LE ? TRI", "LE THANH"], FEMALE_ID) == "Lê Thanh"
    assert stored("LÊ THANH TRÍ", ["LE ? TRI", "LE THANH TRI"]) == "Lê Thanh Trí"


def test_one_sure_pp_ocr_view_against_the_mrz_keeps_it_from_naming() -> None:
    """Fresh 556501 0095 (Nguyễn Kim Anh, a card with its back): no name was voted on the
    front, the MRZ read NGUYEN<<KIM<AN (the H lost; the line has no check digit), and one
    PP-OCR view of the front decoded NGUYEN KIM ANH surely. The MRZ named her Nguyễn Kim
    An. A surely decoded word against the name the MRZ alone would make now leaves the
    name to review; a view that agrees, or reads the word unsurely, leaves it to the MRZ."""
    mrz = "\n".join(mrz_lines(FEMALE_ID, "Nguyễn Kim An", date(1999, 3, 4), "Nữ",
                              date(2039, 3, 4)))

    def stored(letters: list[str]) -> str | None:
        zones = [{"key": "id_number", "value": FEMALE_ID}, {"key": "mrz", "value": mrz},
                 {"key": "name_letters", "value": "\n".join(letters)}]
        return _name_stored(zones)

    assert stored(["? KIM ?", "NGUYEN KIM ANH"]) is None
    assert stored(["? KIM ?", "NGUYEN KIM AN"]) == "Nguyễn Kim An"
    assert stored(["? KIM ?", "NGUYEN KIM ?"]) == "Nguyễn Kim An"


def test_a_photographed_cards_name_from_the_page_line_is_held_to_a_photos_mark_checks(
) -> None:
    """Fresh 556601 0073 (Bùi Thùy Quỳnh Giang, a card with its back): the zone vote named
    no one, the number came from the MRZ, and the page OCR's line BÙI THỦY QUỲNH GIANG,
    which the MRZ's THUY agreed with, gave Thủy, unchecked for a hook that is as likely a
    blurred grave (a woman's middle name): no field was the zones'. PP-OCR's sure words of
    the name band say the card was photographed: the name is refused."""
    mrz = "\n".join(mrz_lines(FEMALE_ID, "Bùi Thùy Quỳnh Giang", date(1999, 3, 4), "Nữ",
                              date(2039, 3, 4)))

    def stored(letters: str | None) -> str | None:
        zones = [{"key": "mrz", "value": mrz}]
        if letters is not None:
            zones.append({"key": "name_letters", "value": letters})
        p = page(line(("Họ và tên / Full name:", 100)), line(("BÙI THỦY QUỲNH GIANG", 300)))
        got = extract_document("id_card", [p], zone_readings=zones).fields.get("full_name")
        return got.value if got else None

    assert stored(None) == "Bùi Thủy Quỳnh Giang"  # a scan's page line: as before
    assert stored("BUI THUY QUYNH GIANG\nBUI THUY QUYNH GIANG") is None


def test_a_mark_from_one_view_that_swapped_another_words_mark_is_refused() -> None:
    """Fresh 557101 'Bản photo CCCD 0007' (Huỳnh Thùy Nhi, a photographed copy), its band
    read sharpened: one view read HIUÝNH THÚY NHI (an acute for Huỳnh's grave), no other
    view a mark on THUY, and Huỳnh Thúy Nhi was given. A word's mark from that view alone,
    where another listed form differs from it in the mark alone, is refused; the same
    view with Huỳnh's grave read right still names her."""
    others = ["HUYNH TY NHÍ", "[IrÝNH 1000 Y NHI", "HUYNH T0 VY NHÍ"]
    pp = ("DUYNI THOY NII", "DUYNU THOY NIM")
    assert vote_name(["HIUÝNH THÚY NHI", *others], pp, "Nữ") is None
    assert vote_name(["HUỲNH THÚY NHI", *others], pp, "Nữ") == ("HUỲNH THÚY NHI", 0)


def test_two_views_spelling_the_name_outweigh_pp_ocr_splitting_a_word() -> None:
    """Development 556601 0018 (Huỳnh Minh Liên, a photographed copy): three views read
    HUỲNH MINH LIÊN, and both of PP-OCR's split HUỲNH in two ("? ANH MINH LIEN"): the name
    was refused as a word short. Two readings that spell the name word for word outweigh
    PP-OCR's; with one, a word is taken as lost, as before."""
    def stored(band: list[str]) -> str | None:
        zones = [{"key": "id_number", "value": FEMALE_ID},
                 {"key": "full_name", "value": "HUỲNH MINH LIÊN"},
                 {"key": "name_band", "value": "\n".join(band)},
                 {"key": "name_letters", "value": "? ANH MINH LIEN\n? ANH MINH LIEN"},
                 {"key": "card_copy", "value": "1"}]
        return _name_stored(zones)

    assert stored(["HUỲNH MINH LIÊN", "HUỲNH MINH lLIÊN", "HUỲNH MINHI.ÉN",
                   "HUỲNH MINH LIÊN"]) == "Huỳnh Minh Liên"
    assert stored(["HUỲNH MINH LIÊN", "HUỲNH MINH lLIÊN", "HUỲNH MINHI.ÉN",
                   "HUỲNH MINH"]) is None


def test_a_view_siding_with_the_mrz_leaves_pp_ocrs_word_disputed() -> None:
    """Fresh 557101 'Bản photo CCCD 0034' (Nguyễn Tuấn Thắng, a photographed copy): the
    MRZ's whole names line read THANG, both PP-OCR views TRANG surely, and the band's views
    THÁM, TRANG, THRÁNG and TRANG: Nguyễn Tuấn Trang was given, PP-OCR siding with it
    against the MRZ. A view reading the MRZ's TH there disputes it: the name is refused.
    With no view reading it, the name stands as before."""
    def stored(band: list[str]) -> str | None:
        zones = [{"key": "id_number", "value": MALE_ID},
                 {"key": "full_name", "value": "NGUYỄN TUẤN TRANG"},
                 {"key": "name_band", "value": "\n".join(band)},
                 {"key": "name_letters", "value": "NGUYEN TUAN TRANG\nNGUYEN TUAN TRANG"},
                 {"key": "mrz", "value": "\n".join(mrz_lines(
                     MALE_ID, "Nguyễn Tuấn Thắng", date(1999, 3, 4), "Nam",
                     date(2039, 3, 4)))}]
        return _name_stored(zones)

    band = ["_MLUYÊN TUÂN THÁM:", "NG.IYÊN TUÂN TRANG", "Mi t/YÊN TUÂN THRÁNG",
            "NGUYÊN TUẦN TRANG"]
    assert stored(band) is None
    assert stored(["NGUYÊN TUÂN TRANG", *band[1:]]) == "Nguyễn Tuấn Trang"


def test_a_view_the_vote_could_not_take_still_disputes_a_mark() -> None:
    """Development 556601 0049 (Nguyễn Thùy Kim Yến, a photographed copy): three views read
    NGUYÊN THỦY with KIM in lower case ("kKIM", "ktM"), which the vote cannot take, and the
    one view it took read TIIÚY: Nguyễn Thúy Kim Yến was given. Those views' THỦY puts the
    mark in doubt: the name is refused. With their THÚY, it stands."""
    pp = ("NGUYEN THUY KIM YEN", "NGUYEN THUY KIM YEN")
    ink = {4: [True, True, False, True]}
    views = ["NGUYÊN TIIÚY KEM YẾN", "NGUYÊN THỦY kKIM YẾN", "wGUƯYÊN THỦY ktM YÊN",
             "NGUYÊN THỦY ktM YẾN"]
    assert vote_name(views, pp, "Nữ", ink.get) is None
    agreeing = [v.replace("THỦY", "THÚY") for v in views]
    assert vote_name(agreeing, pp, "Nữ", ink.get) == ("NGUYỄN THÚY KIM YẾN", 0)


def _voted(number: str, name: str, band: list[str], letters: list[str], *,
           copy: bool = False, mrz_name: str | None = None) -> str | None:
    """The full name extracted from zone readings: the vote's ``name``, the band's views,
    PP-OCR's sure words; on a photographed copy (``copy``); with the MRZ of ``mrz_name``."""
    zones = [{"key": "id_number", "value": number}, {"key": "full_name", "value": name},
             {"key": "name_band", "value": "\n".join(band)},
             {"key": "name_letters", "value": "\n".join(letters)}]
    if copy:
        zones.append({"key": "card_copy", "value": "1"})
    if mrz_name is not None:
        sex = "Nam" if number == MALE_ID else "Nữ"
        zones.append({"key": "mrz", "value": "\n".join(mrz_lines(
            number, mrz_name, date(1999, 3, 4), sex, date(2039, 3, 4)))})
    return _name_stored(zones)


def test_on_a_copy_one_sure_pp_ocr_view_against_a_word_refuses_the_name() -> None:
    """Fresh 557301 0035 (Vũ Văn Tiến Nghĩa, a photographed copy): the views read VỀ, VÔ,
    VÕ and VÔ, one PP-OCR view decoded VU surely and the other left the word unsure, and
    Võ Văn Tiến Nghĩa was given. On a copy one sure view against a word refuses the name;
    on a card photographed alone two are needed, as before."""
    band = ["VỀ VĂN TIỀN NGHĨA", "VÔ VĂN TIÊN NGHĨA", "VÕ VÂN TIỀN NGHĨA", "VÔ VÂN TIÊN NGHĨA"]
    letters = ["VU VAN TIEN NGHIA", "? VAN TIEN NGHIA"]
    assert _voted(MALE_ID, "VÕ VĂN TIẾN NGHĨA", band, letters, copy=True) is None
    assert _voted(MALE_ID, "VÕ VĂN TIẾN NGHĨA", band, letters) == "Võ Văn Tiến Nghĩa"


def test_the_mrz_reading_the_names_word_outweighs_pp_ocr() -> None:
    """Fresh 557401 'Bản photo CCCD 0078' (Vũ Văn Nam, a card with its back): every view
    read VŨ, the MRZ's names line VU, and both PP-OCR views decoded VO surely: the name was
    refused. The MRZ and two views reading the name's own word there outweigh PP-OCR;
    with no MRZ the name is refused as before."""
    band, letters = ["VŨ VĂN NAM"] * 4, ["VO VAN NAM", "VO VAN NAM"]
    assert _voted(MALE_ID, "VŨ VĂN NAM", band, letters, mrz_name="Vũ Văn Nam") == (
        "Vũ Văn Nam")
    assert _voted(MALE_ID, "VŨ VĂN NAM", band, letters) is None


def test_on_a_copy_a_word_no_list_has_refuses_the_name() -> None:
    """Fresh 557401 0005 (Trần Mỹ Hải Loan, a photographed copy): three views read BÀI, no
    listed word, and PP-OCR decoded nothing there surely: Trần Mỹ Bài Loan was given. On a
    copy such a word refuses the name; on a card photographed alone it stands (a name the
    lists lack)."""
    band = ["'TRÁN MỸ BA! LOAN", "TRẦN MỸ BÀI LOAN", "TRÂN MỸ BÀI LOAN", "TRÂN MỸ BÀI LOAN"]
    letters = ["TRAN MY ? LOAN", "TRAN MY ? LOAN"]
    assert _voted(FEMALE_ID, "TRẦN MỸ BÀI LOAN", band, letters, copy=True) is None
    assert _voted(FEMALE_ID, "TRẦN MỸ BÀI LOAN", band, letters) == "Trần Mỹ Bài Loan"


def test_a_pp_ocr_view_that_split_the_surname_keeps_no_mrz_from_naming() -> None:
    """Fresh 557701 0069 (Nguyễn Phương Lụa, a photographed copy with its back): the front
    named no one, the MRZ's whole names line read NGUYEN<<PHUONG<LUA, and one PP-OCR view
    split NGUYỄN in two ("? YEN ?"): its YEN, at PHUONG's place, kept the MRZ from naming
    her. A view must read the MRZ's surname surely at its place to count against it."""
    mrz = "\n".join(mrz_lines(FEMALE_ID, "Nguyễn Phương Lụa", date(1999, 3, 4), "Nữ",
                              date(2039, 3, 4)))

    def stored(letters: list[str]) -> str | None:
        zones = [{"key": "mrz", "value": mrz}, {"key": "card_copy", "value": "1"},
                 {"key": "name_letters", "value": "\n".join(letters)}]
        return _name_stored(zones)

    assert stored(["? YEN ? LUA", "? YEN ?"]) == "Nguyễn Phương Lụa"
    assert stored(["? YEN ? LUA", "NGUYEN YEN ?"]) is None


def test_a_mark_on_the_chosen_words_own_vowels_is_not_mended_into_another_word() -> None:
    """Fresh 557801 0069 (Phan Duy Hưng, a photographed copy): two views read HƯNG, two
    HỮNG, a tilde no listed form of HƯNG has, and the vote mended it into Hùng, the one
    marked form of HUNG: Phan Duy Hùng. A tilde on HƯNG's own vowels is noise there, and
    HƯNG stands; so does a grave (HỪNG). Fresh 558301 0063 (Nguyễn Duy Văn Nhân, a card
    photographed alone): NHẦN once and NHÂN once on the views that lined up gave Nhàn.
    A mark read with no vowel mark the chosen word has still points to its form (TIỀN
    and TIÊN: Tiến)."""
    pp = ("PHAN DUY HUNG", "PHAN DUY HUNG")
    views = ["PHAN ĐUY HƯNG", "PHAN DUY HỮNG", "PHAN DUY HƯNG", "PHAN ĐUY HỮNG"]
    assert vote_name(views, pp, "Nam") == ("PHAN DUY HƯNG", 0)
    graves = [v.replace("HỮNG", "HỪNG") for v in views]
    assert vote_name(graves, pp, "Nam")[0] == "PHAN DUY HƯNG"
    nhan = ["NGUYÊN DUY VĂN NHẦN", "NGUYÊN DỤ Y VĂN NHÂN", "NGUYÊN DU Y VĂN NHÂN",
            "NGUYÊN DUY VĂN NHÂN"]
    ink = {4: [True, False, True, True]}
    letters = ("NGUYÊN DUY VAN NHAN", "NGUYÊN DUY VAN NHAN")
    assert vote_name(nhan, letters, "Nam", ink.get)[0] == "NGUYỄN DUY VĂN NHÂN"
    assert vote_name(["LÊ MINH TIỀN", "LÊ MINH TIÊN"], ("LE MINH TIEN",) * 2, "Nam")[0] == (
        "LÊ MINH TIẾN")


def test_a_photographed_cards_page_line_name_is_disputed_by_its_band_views() -> None:
    """Fresh 557901 0095 (Trần Công Thành Trí, a card with its back, its number from the
    MRZ): one view of the band read THÀNH, three THANH, the vote named no one, and the
    page OCR's line gave Trần Công Thanh Trí, unchecked against the band since no field
    came from the card's zones. PP-OCR's sure words say the card was photographed: the
    views dispute the marks, and the name is refused."""
    mrz = "\n".join(mrz_lines(MALE_ID, "Trần Công Thành Trí", date(1999, 3, 4), "Nam",
                              date(2039, 3, 4)))
    band = "TRẤN CÔNG THÀNH TRÍ\nTRẤN CÔNG THANH T1\nTRẤN CÔNG THANH TRÍ\nTRẤN CÔNG THANH THÍ"

    def stored(letters: str | None) -> str | None:
        zones = [{"key": "mrz", "value": mrz}, {"key": "name_band", "value": band}]
        if letters is not None:
            zones.append({"key": "name_letters", "value": letters})
        p = page(line(("Họ và tên / Full name:", 100)), line(("TRẦN CÔNG THANH TRÍ", 300)))
        got = extract_document("id_card", [p], zone_readings=zones).fields.get("full_name")
        return got.value if got else None

    assert stored(None) == "Trần Công Thanh Trí"  # not known to be a photo: as before
    assert stored("TRAN CONG THANH TRI\nTRAN CONG THANH TRI") is None


def test_a_word_only_the_name_line_model_read_needs_another_reading() -> None:
    """The name-line model (``lexical``) writes a listed middle word no other reading has:
    the list is no second source for it (it learnt the lists). With one Tesseract view
    reading the word too, the name stands."""
    texts = ["NGUYÊN PHƠSG TUYẾT", "NGUYÊN PINCPNG TUYẾT", "", ""]
    assert vote_name(texts, (), "Nữ", None, ("NGUYỄN TRƯƠNG TUYẾT",)) is None
    assert vote_name(texts, (), "Nữ", None, ("NGUYỄN PHƯƠNG TUYẾT",)) is None
    seen = ["NGUYÊN PHƯƠNG TUYẾT", *texts[1:]]
    assert vote_name(seen, (), "Nữ", None, ("NGUYỄN PHƯƠNG TUYẾT",)) == (
        "NGUYỄN PHƯƠNG TUYẾT", 0)


def test_the_models_reading_names_a_copy_another_recogniser_read_about_alike() -> None:
    """Development 941001 'Bản photo CCCD 0019' (Phan Văn Tùng, a photographed copy):
    Tesseract's views are debris, PP-OCR read PAAN VAN TUNG and PRAN VAN TENG, the
    name-line model PHAN VĂN TÙNG. The vote takes no word only the model read, so it
    names no one; each of the model's words is a listed form that PP-OCR read one letter
    off at most, and that is the name."""
    texts = ["ĐH XÂX 1%", "hen s Ấn ?»%C,", "89MtA © Ân 0%", "hen sẤn YƯYC"]
    letters = ("PAAN VAN TUNG", "PRAN VAN TENG")
    model = ("PHAN VĂN TÙNG",)
    assert vote_name(texts, letters, "Nam", None, model) is None
    assert model_named(texts, letters, model) == "PHAN VĂN TÙNG"
    # a word no other reading came near (TRƯƠNG where PP-OCR read PHUONG): no name
    assert model_named(texts, ("PHAN PHUONG TUNG",), ("PHAN TRƯƠNG TÙNG",)) is None
    # a short word needs its letters exactly (VY, not VI)
    assert model_named([], ("NGUYEN THI VI",), ("NGUYỄN THỊ VY",)) is None
    assert model_named([], ("NGUYEN THI VY",), ("NGUYỄN THỊ VY",)) == "NGUYỄN THỊ VY"
    # a form no list has (THẢ for Thảo cut short), or a name of one word: no name
    assert model_named([], ("LE TUYET DIEU THA",), ("LÊ TUYẾT DIỆU THẢ",)) is None
    assert model_named([], ("PHAN",), ("PHAN",)) is None


def test_views_reading_another_mark_keep_the_models_reading_out() -> None:
    """Development 941101 0034 (Phan Quỳnh Thủy, a card alone): every Tesseract view read
    PHAN QUỲNH THỦY, the model THÚY. The views read the letters with another listed
    form's marks: the model's reading is not the name."""
    texts = ["PHAN QUỲNH THỦY"] * 4
    assert model_named(texts, ("PHAN QUYNH THUY",) * 2, ("PHAN QUỲNH THÚY",)) is None
    assert model_named(["PHAN QUYNH THUY"], (), ("PHAN QUỲNH THÚY",)) == "PHAN QUỲNH THÚY"


def test_a_word_the_vote_lost_where_the_model_read_one_refuses_the_name() -> None:
    """Development 941301 'Bản photo CCCD 0035' (Bùi Thị Cúc, a photographed copy): the
    views read THỊ as 111, T1I or 1T, debris the vote drops, and named Bùi Cúc. The
    name-line model read BÙI THI CÚC: the same first and last words, one more between.
    The vote lost a word, and names no one."""
    views = ["BÙI CÚC", "BÙI CÚC"]
    assert vote_name(views, (), "Nữ", None, ()) == ("BÙI CÚC", 0)
    assert vote_name(views, (), "Nữ", None, ("BÙI THI CÚC",)) is None
    # a model reading of other words (another line, debris) says nothing of the count
    assert vote_name(views, (), "Nữ", None, ("NGÀY SINH CÚC",)) == ("BÙI CÚC", 0)


def test_a_mark_one_view_and_the_model_read_is_not_mended_away_by_the_ink() -> None:
    """Development 941301 'Bản photo CCCD 0029' (Dương Thành Phúc, a photographed copy):
    one view read THÀNH, one THANH, one THÁNH, and the model THÀNH; the band's ink,
    measured clear above the word (the copy thinned the grave), mended the vote's Thành
    into a wrong Thanh. Two readings of THÀNH that the ink contradicts are no evidence
    either way: no name."""
    views = ["DƯƠNG THANH PHÚC", "DƯƠNG THÀNH PHÚC", "ĐƯỜNG THÁNH PHÚC", "DƯƠNG 1 ANH PHÚC"]
    letters = ("DUONG THANH PHUC", "DUONG THANH PHUC")

    def clear_above_thanh(words: int) -> list[bool | None] | None:
        return [True, False, True] if words == 3 else None

    assert vote_name(views, letters, "Nam", clear_above_thanh, ()) == ("DƯƠNG THANH PHÚC", 0)
    assert vote_name(views, letters, "Nam", clear_above_thanh, ("DƯƠNG THÀNH PHÚC",)) is None
    assert vote_name(views, letters, "Nam", None, ("DƯƠNG THÀNH PHÚC",)) == (
        "DƯƠNG THÀNH PHÚC", 0)


def test_a_line_the_mrz_agrees_with_is_disputed_by_a_view_one_word_off() -> None:
    """Development 941301 'Bản photo CCCD 0065' (Nguyễn Kim Thị Thủy, a card with its
    back): the name-line model read NGUYỄN KIM THỊ THÚY, which the MRZ's letters agree
    with, and one view NGUYÊN NIM THỊ THỦY, its K misread. That view's THỦY still leaves
    the mark in doubt, and no line agreeing with the MRZ settles the name."""
    from intake.extract.card_name_check import _agreeing_line

    names = MrzName(("NGUYEN", "KIM", "THI", "THUY"))
    model = "NGUYỄN KIM THỊ THÚY"
    assert _agreeing_line(["NGUYÊN RKÌM 111 TIIÒY", model], names) == model
    assert _agreeing_line(["NGUYÊN NIM THỊ THỦY", "NGUYÊN RKÌM 111 TIIÒY", model], names) is None
    # two words off is another line, not a reading of this name
    assert _agreeing_line(["NGUYÊN NIM THỊ THỦY".replace("THỊ", "THƠ"), model], names) == model
