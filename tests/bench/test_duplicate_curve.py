"""The near-duplicate threshold curve: pair classes from truth and precision/recall arithmetic.

Real MinHash signatures of short Vietnamese form texts and hand-made 64-bit page hashes, so the
test exercises the same scoring ``find_near`` uses."""

from __future__ import annotations

from bench.duplicate_curve import DocPrint, curve, pair_kind, score_pairs
from intake.dedup.fingerprint import fingerprint_text

FORM = (
    "TỜ KHAI ĐĂNG KÝ KHAI SINH Kính gửi Ủy ban nhân dân phường {ward} "
    "Họ, chữ đệm, tên người yêu cầu {name} Số định danh cá nhân {id} "
    "Nơi cư trú {addr} Ngày, tháng, năm sinh {dob} Tôi cam đoan những nội dung khai trên đây "
    "là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình"
)
A = FORM.format(
    ward="Tân Định",
    name="Trần Văn Hưng",
    id="075079504238",
    addr="Số 50/36 Phan Chu Trinh thành phố Hóc Môn tỉnh Đồng Nai",
    dob="10.11.2024",
)
B = FORM.format(
    ward="Biên Hòa",
    name="Ngô Hải Vân",
    id="038191505218",
    addr="Số 141 đường Nguyễn Văn Cừ thành phố An Nhơn tỉnh Thanh Hóa",
    dob="11/04/2020",
)
CARD = (
    "CĂN CƯỚC CÔNG DÂN Số 075079504238 Họ và tên TRẦN VĂN HƯNG Ngày sinh 01/02/1979 "
    "Quê quán Đồng Nai Nơi thường trú Số 50/36 Phan Chu Trinh thành phố Hóc Môn"
)


def _doc(
    file: str, text: str, phash: str, paper: str, record: str | None = None, **kw: object
) -> DocPrint:
    fp = fingerprint_text(text)
    assert fp is not None
    return DocPrint(
        file=file,
        doc_type=str(kw.get("doc_type", "birth_registration_form")),
        paper=(paper, 0),
        record=(record or paper, 0),
        persons=frozenset(kw.get("persons", ())),  # type: ignore[arg-type]
        signature=fp.signature,
        page_hashes=(phash,),
    )


def _corpus() -> list[DocPrint]:
    original = _doc("a.pdf", A, "0000000000000000", "a.pdf", persons={"075079504238"})
    # The rescan read one diacritic differently: one word of many.
    rescan = _doc(
        "a2.png",
        A.replace("Hóc Môn", "Hoc Mon").replace("10.11", "1O.11"),
        "0000000000000003",
        "a.pdf",
        persons={"075079504238"},
    )
    # Same values typed on another layout: same words, page image far away.
    retyped = _doc("a3.pdf", A, "ffffffff00000000", "a3.pdf", "a.pdf", persons={"075079504238"})
    # Another family on the same template: page images close, text not.
    other = _doc("b.pdf", B, "00000000000000ff", "b.pdf", persons={"038191505218"})
    card = _doc(
        "c.jpg", CARD, "ffffffffffffffff", "c.jpg", doc_type="id_card", persons={"075079504238"}
    )
    return [original, rescan, retyped, other, card]


def test_pairs_are_classed_from_truth() -> None:
    """Rescan shares the paper, a retyped copy only the record, a card of the same person is
    the reuse case, and a card of another person is no pair at all."""
    original, rescan, retyped, other, card = _corpus()
    assert pair_kind(original, rescan) == "rescan"
    assert pair_kind(original, retyped) == "retyped"
    assert pair_kind(original, other) == "same_type"
    assert pair_kind(original, card) == "reuse"
    assert pair_kind(other, card) is None
    assert pair_kind(original, original) is None  # parts of one file


def test_curve_needs_both_text_and_image() -> None:
    """The AND rule separates perfectly; text alone takes the retyped copy and the image alone
    takes the other family's form on the shared template."""
    result = curve(score_pairs(_corpus()), jaccard=0.75, distance=12)
    assert result["pairs"] == {
        "rescan": 1,
        "retyped": 2,
        "same_type": 3,
        "reuse": 3,
        "retyped_same_layout": 0,
    }
    chosen = result["chosen"]
    assert (chosen["precision"], chosen["recall"], chosen["false_pos"]) == (1.0, 1.0, 0)
    assert chosen["jaccard_range_separating_at_this_distance"]["exists"]
    text_alone = {r["threshold"]: r for r in result["jaccard_alone"]}[0.75]
    assert text_alone["recall"] == 1.0 and text_alone["false_by_class"] == {"retyped": 2}
    image_alone = {r["threshold"]: r for r in result["page_distance_alone"]}[12]
    # The retyped copy's image is far from the other form's; the original and rescan are close.
    assert image_alone["false_by_class"] == {"same_type": 2}
    assert image_alone["precision"] == 0.3333


def test_no_separating_range_when_a_negative_outscores_a_positive() -> None:
    """A rescan whose text reads worse than a negative's leaves no perfect threshold, and the
    chosen point then misses it."""
    original = _corpus()[0]
    garbled = _doc(
        "a4.tif",
        " ".join(A.split()[:12]) + " x y z w v u t s r q p o n m",
        "0000000000000001",
        "a.pdf",
    )
    close_other = _doc(
        "b2.pdf", A.replace("075079504238", "038191505218"), "0000000000000007", "b2.pdf"
    )
    result = curve(score_pairs([original, garbled, close_other]), jaccard=0.75, distance=12)
    chosen = result["chosen"]
    assert chosen["recall"] == 0.0 and chosen["false_by_class"] == {"same_type": 1}
    assert not chosen["jaccard_range_separating_at_this_distance"]["exists"]


def test_rule_in_force_takes_a_record_key_only_where_the_words_sit_alike() -> None:
    """A badly read rescan (low text similarity) counts by its record key when its layout
    agrees; a retyped copy with the same key and a close image does not."""
    from bench.duplicate_curve import PairScore, in_force

    rescan = PairScore("rescan", 0.4, 4, False, ("a", "b"), placed=1.0, same_key=True)
    retyped = PairScore("retyped", 0.8, 6, True, ("a", "c"), placed=0.5, same_key=True)
    no_words = PairScore("rescan", 0.4, 4, True, ("a", "d"), placed=None, same_key=True)
    assert in_force(rescan) and not in_force(retyped) and not in_force(no_words)
    result = curve([rescan, retyped, no_words])["rule_in_force"]
    assert (result["precision"], result["recall"]) == (1.0, 0.5)
