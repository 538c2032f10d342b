"""Tone marks of given names on photographed cards: a mark that is none of the listed forms of
the word's letters, when several are listed, refuses the name (intake.extract.card_names,
intake.extract.card_name_check); a middle Văn / Vân read with a stray mark follows the sex."""

from __future__ import annotations

from intake.extract import extract_document
from intake.extract.card_names import doubtful_mark, vote_name
from intake.extract.card_zones import NAME_BAND
from tests.extract.pages import line, page
from tests.photos.test_names import FEMALE_ID, MALE_ID, _card


def test_vote_refuses_marks_no_listed_form_has() -> None:
    """Given views reading HIẾN twice and HIỆN once (Hiền blurred: neither is a listed name,
    and the letters HIEN are Hiền or Hiển), the name is refused rather than given with a
    mark the list says is no name. A middle ĐÍNH (Đình or Định?) is the usual Đình
    (`invented_mark`: 86 counted to 2 whatever the sex), no longer refused. One listed form
    of the letters (GIÁ: only Gia) is still repaired, not refused."""
    assert vote_name(["NGUYÊN MINH HIẾN", "NGUYÊN MINH HIỆN", "NGUYÊN MINH HIẾN",
                      "NGUYÊN MÍNH IUỆN"]) is None
    assert vote_name(["TRẤN ĐÍÌNH TRUNG", "TRẦN DÍNH TRUNG", "TRẤN ĐÍNH TRUNG;",
                      "TRẤN ĐÍNH TRUNG"]) == ("TRẦN ĐÌNH TRUNG", 0)
    voted = vote_name(["PHẠM GIÁ HIẾU", "PHẠM GIÁ HIẾU", "PHAM GIÁ HIỂU", "PHAM GIÁ HIẾU"])
    assert voted is not None and voted[0] == "PHẠM GIÁ HIẾU"
    assert doubtful_mark("THỦ") and not doubtful_mark("THU") and not doubtful_mark("GIÁ")


def test_middle_van_with_a_stray_mark_follows_the_sex() -> None:
    """Given a middle word read VẤN (neither Văn nor Vân), the vote leaves it to the card's
    sex: a man's card gives Văn, a woman's Vân; with no sex known it is refused."""
    voted = vote_name(["LÊ VẤN TIẾN ĐÔNG"] * 3)
    assert voted is not None and voted[0] == "LÊ VẤN TIẾN ĐÔNG"
    assert _card("LÊ VẤN TIẾN ĐÔNG", "Lê Văn Tiến Đông", back=False)["value"] == (
        "Lê Văn Tiến Đông")
    assert _card("TRẦN VẤN ANH", "Trần Vân Anh", FEMALE_ID, back=False)["value"] == (
        "Trần Vân Anh")


def test_label_name_with_doubtful_marks_refused() -> None:
    """Given no zone name and a by-label name "Nguyễn Minh Hiến" (a mark no listed form of
    HIEN has), the name is refused with a review reason, on a photo (a card read by zone)
    and on a scan ("Lê Trọng Nhan": Nhàn or Nhân?) alike; a listed form is kept."""
    lines = ("Họ và tên / Full name:", "NGUYỄN MINH HIẾN")
    got = _card(None, "Nguyễn Minh Hiền", MALE_ID, back=False, page_lines=lines)
    assert got["value"] is None and "tone mark" in str(got["reasons"])
    for name, kept in (("LÊ TRỌNG NHAN", None), ("LÊ TRỌNG NHÂN", "Lê Trọng Nhân")):
        scan = extract_document("id_card", [page(line(("Họ và tên / Full name:", 300)),
                                                 line((name, 300)))])
        got_name = scan.fields.get("full_name")
        assert (got_name.value if got_name else None) == kept


def test_mrz_names_a_front_read_as_debris() -> None:
    """Given a front whose name band gave no name (a blurred photocopy) and a back whose MRZ
    checks, the MRZ's letters make the name when each word has one listed form (HO: Hồ,
    HUU: Hữu, KHOA: Khoa) and the middle VAN follows the card's sex; a word with several
    listed forms (THUY: Thùy, Thúy or Thủy) takes the marks read on a card line that holds
    another of the name's words, and with none read the name stays missing."""
    assert _card(None, "Hồ Văn Hữu Khoa",
                 page_lines=("NV ÂN HỮN: Ra",))["value"] == "Hồ Văn Hữu Khoa"
    assert _card(None, "Lê Khánh Thủy", FEMALE_ID,
                 page_lines=("tÊ KMASG TC",))["value"] is None
    assert _card(None, "Lê Khánh Thủy", FEMALE_ID,
                 page_lines=("tÊ KHÁNH TC THỦY 4",))["value"] == "Lê Khánh Thủy"
    # The marks must come from the name's own line: the card's title reads HÒA, which is
    # no evidence for the holder's HOA (Hoa or Hòa).
    assert _card(None, "Lê Thị Hoa", FEMALE_ID,
                 page_lines=("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",))["value"] is None
    # Without the back, nothing names it.
    assert _card(None, "Hồ Văn Hữu Khoa", back=False,
                 page_lines=("NV ÂN HỮN: Ra",))["value"] is None
    # A word read with no marks at all does not pick the unmarked form (fresh 549301 0023:
    # the name line's KHANH, its acute blurred away, made "Lê Khanh Tâm" of Lê Khánh Tâm).
    assert _card(None, "Lê Khánh Tâm", FEMALE_ID,
                 page_lines=("LỄ KHANH TẮM",))["value"] is None
    assert _card(None, "Lê Khánh Tâm", FEMALE_ID,
                 page_lines=("LỄ KHÁNH TẮM",))["value"] == "Lê Khánh Tâm"


def test_surname_with_a_letter_too_many() -> None:
    """Given a blurred copy whose views read the surname PHAAM and PHLAM (a speck or broken
    stroke read as a letter), the surname is Phạm; a first word one letter changed ("NGÀ",
    the start of NGUYỄN split in two) is not made a surname (NGÔ)."""
    voted = vote_name(["PH*M VĂN DŨNG", "PHLXM VĂN DỨNG,", "PHAAM VĂN ĐỨNG",
                       "PHLAM VÃX DŨNG"])
    assert voted is not None and voted[0] == "PHẠM VĂN DŨNG"
    assert vote_name(["NGÀ YÊN VĂN SƠN", "NGÀ VÊN VĂN KIÊN"]) is None


def test_a_mark_read_as_often_as_none_is_kept() -> None:
    """Given TIỀN (no listed name: a grave where Tiến has an acute) read in two views and
    TIÊN (listed) in two, the mark was read, only the wrong way: the word is the one listed
    marked form, Tiến, as a tie of a marked and an unmarked listed form is. Read in one
    view of four, a mark is enough only where usage backs it (`_mark_kept`): a middle TIÊN
    is Tiến (77 to 1 counted), but a woman's given TIÊN stays (Tiên 13, Tiến 0)."""
    voted = vote_name(["PHAN TIỀN TOÀN", "PHAN TIÊN TOÀN", "PHAN TIÊN TOÀN", "PHAN TIỀN TOÀN"])
    assert voted is not None and voted[0] == "PHAN TIẾN TOÀN"
    voted = vote_name(["PHAN TIỀN TOÀN", "PHAN TIÊN TOÀN", "PHAN TIÊN TOÀN", "PHAN TIÊN TOÀN"])
    assert voted is not None and voted[0] == "PHAN TIẾN TOÀN"
    her = ["LÊ THỊ TIỀN", "LÊ THỊ TIÊN", "LÊ THỊ TIÊN", "LÊ THỊ TIÊN"]
    assert vote_name(her, (), "Nữ") == ("LÊ THỊ TIÊN", 0)


def test_views_reading_two_tone_marks_of_listed_names_refuse_the_name() -> None:
    """Given the name band of a blurred card read THỦY on three views and THÚY on one (both
    listed names), the mark is in doubt and the name refused, not given by the majority;
    all views reading one mark still give it. THỦY three times and THÙY once (549101 0065
    is Lê Thùy Vy) gives the grave: blur makes a hook of a grave, not a grave of a hook."""
    reads = ["LÊ THỦY VY", "LÊ THÚY VY", "LÊ THỦ Y VY", "LÊ THỦY VY"]
    assert vote_name(reads, ("LE THUY VY", "LE THUY VY")) is None
    reads = ["LÊ THỦY VY", "LÊ THÙY VY", "LÊ THỦ Y VY", "LÊ THỦY VY"]
    voted = vote_name(reads, ("LE THUY VY", "LE THUY VY"))
    assert voted is not None and voted[0] == "LÊ THÙY VY"
    voted = vote_name(["LÊ THỦY VY"] * 4, ("LE THUY VY",))
    assert voted is not None and voted[0] == "LÊ THỦY VY"


def test_a_lone_view_reading_the_mark_the_others_lost_gives_it() -> None:
    """Given views reading YẾN once and YÊN three times (549101 'Bản photo CCCD 0069' is Lê
    Bích Yến: the binarised views lose the thin acute), the marked listed form is the word;
    a marked reading that changes the vowel too (HÙNG against HƯNG) leaves it in doubt."""
    reads = ["LÊ BÍCH YẾN", "LÊ BÍCH YÊN", "LÊ BÍCH YÊN", "LÊ BÍCH YÊN"]
    voted = vote_name(reads, ("LE BICH YEN",))
    assert voted is not None and voted[0] == "LÊ BÍCH YẾN"
    assert vote_name(["ĐỖ VĂN HƯNG"] * 3 + ["ĐỖ VĂN HÙNG"], ("DO VAN HUNG",)) is None
    voted = vote_name(["ĐỖ VĂN HƯNG"] * 4, ("DO VAN HUNG",))
    assert voted is not None and voted[0] == "ĐỖ VĂN HƯNG"


def test_label_name_the_band_read_two_ways_is_refused() -> None:
    """Fresh 549901 0005, a card photographed alone: the name band's views read THỦY three
    times and THÙY once, and the vote refused the name; the page OCR's label reading
    NGUYỄN THỦY TRINH is one of those views, not a settlement, so it is refused too.
    Read one way only, the label name is refused too, for another reason: a
    woman's middle THỦY is as likely Thùy blurred (`card_names.hook_for_grave`)."""
    label = ("Họ và tên / Full name:", "NGUYỄN THỦY TRINH")
    band = "NGUYỄN THỦY TRINH\nNGUYỄN THỦY TRINH\nNGUYÊN THÙY TRINH"

    def name(band_text: str) -> tuple[str | None, str]:
        zones = [{"key": "id_number", "value": FEMALE_ID},
                 {"key": NAME_BAND, "value": band_text}]
        p = page(*(line((text, 300)) for text in label))
        result = extract_document("id_card", [p], zone_readings=zones)
        got = result.fields.get("full_name")
        return (got.value if got else None), " ".join(result.review_reasons)

    got, reasons = name(band)
    assert got is None and "THÙY" in reasons
    got, reasons = name("NGUYỄN THỦY TRINH\nNGUYỄN THỦY TRINH")
    assert got is None and "blurred grave (Thùy)" in reasons


def test_a_tie_between_a_form_and_the_same_with_a_tone_mark_takes_the_mark() -> None:
    """Consumed 549901 0027, Nguyễn Mỹ Yến: YẾN twice and YÊN twice. YÊN is YẾN with its
    acute lost, which blur does far more often than it draws one, so the tie is YẾN; a tie
    whose vowels differ too (HÙNG, HƯNG) is still refused."""
    voted = vote_name(["NGUYÊN MỸ YẾN", "NGUYÊN MỸ YÊN", "NGUYÊN MỸ YÊN", "NGUYÊN MỸ YẾN"])
    assert voted is not None and voted[0] == "NGUYỄN MỸ YẾN"
    assert vote_name(["LÊ HÙNG AN", "LÊ HÙNG AN", "LÊ HƯNG AN", "LÊ HƯNG AN"]) is None


def test_readings_mended_into_two_surnames_refuse_the_name() -> None:
    """Consumed 550101 0048 (Phạm Tuyết Hoa, a photographed copy): two views read P.LAM
    (a letter too many: LÂM) and one PHLAM (PHẠM); no view read either surname as printed.
    Two mended surnames are two guesses, and the name is refused, where LÂM used to win
    two to one; a surname read as printed by some view still wins the vote."""
    reads = ["P.LAM TUYẾT HOA", "P.LAM TUYẾT HOA", "PHLAM TUYẾT HOA"]
    assert vote_name(reads, ("PIAM TUVET HOA", "PIAM TUYET HOA"), "Nữ") is None
    voted = vote_name([*reads, "PHẠM TUYẾT HOA", "PHẠM TUYẾT HOA"], (), "Nữ")
    assert voted is not None and voted[0] == "PHẠM TUYẾT HOA"


def test_thi_read_with_ones_and_words_run_together() -> None:
    """Given a woman's card whose views read her middle THỊ as T11 (fresh 550201 'Bản photo
    CCCD 0081'), the 1s are THỊ's strokes: Phạm Thị Thủy; on a card of unknown sex the 1s
    are dropped as before and TII is not mended into a U (TU), so no name is voted. Given
    PP-OCR reading NGUYEN THILINH twice (the gap lost to blur, fresh 550301 0017), THILINH
    is THI and LINH, the one way it splits into listed syllables."""
    views = ["PHM THỊ THỦY", "PHHẬM T11 THỦY", "PH—AM T1 THỦY", "PHẬM T11 THỦY"]
    voted = vote_name(views, ("PH  HY", "PHAM  HY"), "Nữ")
    assert voted is not None and voted[0] == "PHẠM THỊ THỦY"
    assert vote_name(views, ("PH  HY", "PHAM  HY"), None) is None
    views = ["NGUYỀN THỊ JLINH", "NGUYÊN THỊ J.FNH", "NGUYỀN THỊ J.ïNH", "NGUYÊN THỊ J.FNH"]
    voted = vote_name(views, ("NGUYEN THILINH", "NGUYEN THILINH"), "Nữ")
    assert voted is not None and voted[0] == "NGUYỄN THỊ LINH"


def test_the_grave_wins_over_the_hook_only_where_it_is_the_usual_form() -> None:
    """Fresh 554701 0086 (Trương Bích Thủy, a woman's given name): two views read THỦY,
    two THÙY, and the grave was given. A woman's given Thùy is not so much more usual
    than Thủy (9 to 6) that a grave read must be the print: refused. Her middle name,
    where Thùy is four times as usual, still takes the grave."""
    given = ["TRƯƠNG BÍCH THỦY", "TRƯƠNG SÍCH THỦY", "TRƯƠNG BÍCH THÙY", "TRƯƠNG BÁCH THÙY"]
    assert vote_name(given, ("TRUONG BICH THUY", "TRUONG BICH THUY"), "Nữ") is None
    middle = ["TRƯƠNG THỦY LINH", "TRƯƠNG THỦY LINH", "TRƯƠNG THÙY LINH", "TRƯƠNG THÙY LINH"]
    assert vote_name(middle, (), "Nữ") == ("TRƯƠNG THÙY LINH", 0)
