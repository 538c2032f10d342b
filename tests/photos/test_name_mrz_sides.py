"""A zone-voted name the verified MRZ spells otherwise, both being listed names: the MRZ's word
is taken where a view of the name band read it too, else the name is refused
(intake.extract.card_name_check._outvoted)."""

from __future__ import annotations

from datetime import date

from intake.extract import extract_document
from intake.extract.card_zones import NAME_BAND
from samples.generator.idnumbers import mrz_lines
from tests.extract.pages import page
from tests.photos.test_names import FEMALE_ID, MALE_ID


def _card(voted: str | None, views: list[str], truth: str, number: str = MALE_ID,
          back: bool = True) -> dict[str, str | None]:
    """Extraction of a card photo whose name band's ``views`` voted ``voted`` and, with
    ``back``, whose MRZ (of the holder ``truth``) checks."""
    sex = "Nữ" if int(number[3]) % 2 else "Nam"
    zones = [{"key": "id_number", "value": number}, {"key": NAME_BAND, "value": "\n".join(views)}]
    if voted is not None:
        zones.append({"key": "full_name", "value": voted})
    if back:
        zones.append({"key": "mrz", "value": "\n".join(
            mrz_lines(number, truth, date(1999, 3, 4), sex, date(2039, 3, 4)))})
    result = extract_document("id_card", [page()], zone_readings=zones)
    got = result.fields.get("full_name")
    return {"value": got.value if got else None, "note": got.note if got else None,
            "reasons": " ".join(result.review_reasons)}


def test_the_mrz_and_one_view_outweigh_the_views_majority() -> None:
    """Given three views reading LÝ THANH HÙNG and one LÊ THANSI HÙNG (development photo
    546001 0085), and an MRZ spelling LE<<THANH<HUNG, the name is Lê Thanh Hùng, and its
    note says the views mostly read otherwise; ĐÔNG voted over a view's DŨNG against the
    MRZ's DUNG gives Dũng, the marks that view read."""
    views = ["LÝ THANH HÙNG", "LÝ THANH HÙNG", "LÊ THANSI HÙNG", "LÝ THANH HÙNG"]
    got = _card("LÝ THANH HÙNG", views, "Lê Thanh Hùng")
    assert got["value"] == "Lê Thanh Hùng"
    assert "mostly read" in str(got["note"])
    views = ["NGUYÊN XUÂN ĐÔNG", "NGUYÊN XUÂN ĐÔNG", "NGUYÊN XUÂN DŨNG", "NGUYÊN XUÂN ĐỜNG"]
    got = _card("NGUYỄN XUÂN ĐÔNG", views, "Nguyễn Xuân Dũng")
    assert got["value"] == "Nguyễn Xuân Dũng"


def test_with_no_view_reading_the_mrz_word_the_name_is_refused() -> None:
    """Given every view reading LÝ, the MRZ's LE is one source against four: the name is
    refused for review, not given either way; without a back, the vote stands."""
    views = ["LÝ THANH HÙNG"] * 4
    got = _card("LÝ THANH HÙNG", views, "Lê Thanh Hùng")
    assert got["value"] is None and "LE<<THANH<HUNG" in str(got["reasons"])
    assert _card("LÝ THANH HÙNG", views, "Lê Thanh Hùng", back=False)["value"] == (
        "Lý Thanh Hùng")


def test_the_mrz_word_takes_a_mark_only_from_a_view_or_usage() -> None:
    """Given the MRZ's THUY (Thùy, Thúy or Thủy) where the vote read THU, and a view reading
    THUY with no tone mark (no form of THUY is usual enough for a woman), the form stays
    open and the name is refused; a view reading THÙY gives Thùy."""
    views = ["LÊ THU", "LÊ THU", "LÊ THUY"]
    assert _card("LÊ THU", views, "Lê Thùy", FEMALE_ID)["value"] is None
    views = ["LÊ THU", "LÊ THU", "LÊ THÙY"]
    assert _card("LÊ THU", views, "Lê Thùy", FEMALE_ID)["value"] == "Lê Thùy"


def test_a_view_the_mrz_mends_names_the_card() -> None:
    """Given three views reading VỀ THỊ DUYÊN (blur's circumflex and grave for Vũ's tilde)
    and a vote that took VÕ from the fourth, the MRZ's VU<<THI<DUYEN mends the views' VỀ
    (no listed surname, one letter off) into Vũ; given no voted name and views reading
    CAO TRỌNG MÙNG for CAO<<TRONG<HUNG, MÙNG takes the one listed form of HUNG with the
    grave read, Hùng. Views mended into two different names give none."""
    views = ["VỀ THỊ DUYÊN", "VỀ THỊ DUYÊN", "VỀ rMỊ DUYÊN", "VÔ THỊ DUYÊN"]
    got = _card("VÕ THỊ DUYÊN", views, "Vũ Thị Duyên", FEMALE_ID)
    assert got["value"] == "Vũ Thị Duyên" and "VỀ THỊ DUYÊN" in str(got["note"])
    views = ["CAO TRỌNG MÙNG", "CAO TRỌNG MÙNG", "CAO TRỌNG MỮỨNG"]
    assert _card(None, views, "Cao Trọng Hùng")["value"] == "Cao Trọng Hùng"
    # HÚNG is no listed form and Hùng and Hưng carry no acute: no form has the mark read
    views = ["CAO TRỌNG MÙNG", "CAO TRỌNG MÚNG"]
    assert _card(None, views, "Cao Trọng Hùng")["value"] == "Cao Trọng Hùng"
    views = ["LÊ THÙV", "LÊ THỦV"]  # THUV mended into Thùy by one view, Thủy by the other
    assert _card(None, views, "Lê Thùy", FEMALE_ID)["value"] is None
    assert _card(None, views[:1], "Lê Thùy", FEMALE_ID)["value"] == "Lê Thùy"


def test_a_short_names_line_that_lost_a_letter_agrees() -> None:
    """Given the front's Đỗ Hoài An and a names line read 18 characters long, O0<<HOA<AN
    (fresh 550201 0071), the MRZ's HOA is HOAI with a letter lost, not evidence against
    the front: the name stands. Read whole (30 characters), HOA disagrees and the name is
    refused."""
    from intake.extract.mrz_names import MrzName, agrees

    assert agrees("Đỗ Hoài An", MrzName(("OO", "HOA", "AN"), whole=False))
    assert not agrees("Đỗ Hoài An", MrzName(("OO", "HOA", "AN"), whole=True))
    # one word lost a letter, another reads another name (ANH): two words disagree
    assert not agrees("Đỗ Hoài An", MrzName(("OO", "HOA", "ANH"), whole=False))


def test_a_view_word_with_a_letter_added_is_not_the_mrz_word_less_one() -> None:
    """Given a view reading HÀ TUYẾTI CÚC (a speck beside TUYẾT read as an I, fresh 551401
    0044) and a names line read short, HA<<TUYET<CUC: TUYẾTI is no listed name, so the MRZ's
    TUYET is not its word with a letter lost, and the view does not agree; the name is the
    MRZ's with its listed forms' marks, Hà Tuyết Cúc, not "Hà Tuyếti Cúc"."""
    from intake.extract.mrz_names import MrzName, agrees

    assert not agrees("HÀ TUYẾTI CÚC", MrzName(("HA", "TUYET", "CUC"), whole=False))
    views = ["HÀ TUYẾTI CÚC", "HÀ TUYẾ [ CÚC", "HÀ TUYẾ.F CÚC", "HÀ TUYẾ ï CÚC"]
    number = "038158403676"
    zones = [{"key": "id_number", "value": number},
             {"key": NAME_BAND, "value": "\n".join(views)},
             {"key": "mrz", "value": "IDVNM1584036760038158403676<<<\n"
                                     "5805233F991231SVNM<<<<<<<<<<<9\nHA<<TUYET<CUC<<<<<<"}]
    got = extract_document("id_card", [page()], zone_readings=zones).fields.get("full_name")
    assert got is not None and got.value == "Hà Tuyết Cúc"


def test_a_view_the_mrz_agrees_with_is_no_settlement_when_views_dispute_its_marks() -> None:
    """Given four views of a woman's name, three reading LỄ TUYẾT THƯ THỦY and one LỄ TUYẾT
    THU THÚY (fresh 551501 0030, Lê Tuyết Thu Thủy; the vote refused the disputed marks),
    the MRZ's LE<<TUYET<THU<THUY agrees with both letterings, so neither is taken: the name
    is refused, not given as Thư. With the views agreeing, the agreeing line is the name."""
    views = ["LỄ TUYẾT THU THÚY", "LỄ TUYẾT THƯ THỦY", "LỄ TUYẾT THƯ THỦY", "LỄ TUYẾT THƯ THỦY"]
    assert _card(None, views, "Lê Tuyết Thu Thủy", FEMALE_ID)["value"] is None
    assert _card(None, views[1:], "Lê Tuyết Thư Thủy", FEMALE_ID)["value"] == (
        "Lê Tuyết Thư Thủy")
