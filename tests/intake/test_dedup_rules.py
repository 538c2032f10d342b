"""Duplicate rules on small hand-made documents: record keys that survive one misread digit,
word layouts that tell a rescan from a retyped copy, the near-duplicate probe by record key,
and the migration that rebuilds stored fingerprints."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from intake.config import Settings
from intake.dedup.fingerprint import fingerprint_text
from intake.dedup.index import find_near, save_fingerprint, save_record_keys
from intake.dedup.layout import PageWords, agreement, paged_agreement, word_layout
from intake.dedup.records import record_keys
from intake.dedup.refingerprint import refingerprint
from intake.warehouse.models import Document, Field, Fingerprint, Page, RecordKey, TextBucket
from intake.warehouse.repository import Warehouse
from schemas import load_schemas

CARD = {
    "id_number": "019075686747",
    "full_name": "Phạm Anh Văn Dũng",
    "date_of_birth": "1975-07-23",
}
LABELS = ["Số", "Họ", "tên", "Ngày", "sinh", "Giới", "tính", "Quốc", "tịch", "Quê", "quán"]


def _keys(**fields: str) -> set[str]:
    return set(record_keys(load_schemas()["id_card"], {**CARD, **fields}))


def test_one_misread_digit_keeps_the_record_when_other_fields_agree() -> None:
    exact = _keys()
    misread = _keys(id_number="019075686741", full_name="Phạm Anh Văn Dung")  # name misread too
    assert exact & misread, "one digit off with the same date of birth must share a key"
    assert not exact & _keys(id_number="019075686741", date_of_birth="1975-07-24", full_name="X")
    assert not exact & _keys(id_number="019075689941", full_name="X"), "two digits off"


def test_keys_never_cross_document_types() -> None:
    card = set(record_keys(load_schemas()["id_card"], CARD))
    form = set(record_keys(load_schemas()["residence_form"], {**CARD, "request_date": "x"}))
    assert card and form and not card & form


def _page(
    words: list[tuple[str, float, float]], width: int = 1000, height: int = 1400
) -> PageWords:
    rows = [[w, x, y, x + 40, y + 20, 0.9, 0] for w, x, y in words]
    return PageWords(1, width, height, rows)


WORDS = [(w, 100 + 60 * (i % 4), 100 + 90 * i) for i, w in enumerate(LABELS)]


def test_rescan_shifted_sheet_agrees_and_another_layout_does_not() -> None:
    first = word_layout([_page(WORDS)])
    shifted = word_layout([_page([(w, x + 25, y - 30) for w, x, y in WORDS])])
    assert agreement(first, shifted) == 1.0
    reordered = word_layout(
        [_page([(w, x, y) for (w, _, _), (_, x, y) in zip(WORDS, WORDS[::-1], strict=True)])]
    )
    placed = agreement(first, reordered)
    assert placed is not None and placed < 0.5
    assert agreement(first, word_layout([_page(WORDS[:3])])) is None  # too few shared words


MARRIAGE = {
    "wife_name": "Nguyễn Thị Hạnh",
    "wife_date_of_birth": "1974-10-21",
    "husband_name": "Nguyễn Xuân Công Việt",
    "husband_date_of_birth": "1969-04-13",
    "request_date": "2020-06-26",
}


def _marriage(**fields: str | None) -> set[str]:
    return set(record_keys(load_schemas()["marriage_registration_form"], {**MARRIAGE, **fields}))


def test_four_field_set_survives_one_unread_field_and_three_field_set_does_not() -> None:
    full = _marriage()
    assert full & _marriage(wife_name="Nữ Nguyễnthịihạnh"), "three of four fields still agree"
    assert full & _marriage(husband_date_of_birth=None)
    assert not full & _marriage(wife_name="Lê Thị Hoa", husband_name="Trần Văn Bình")
    # residence form: [full_name, date_of_birth, request_date]; without the request date only
    # the person is left, and one person files many residence forms
    residence = load_schemas()["residence_form"]
    person = {"full_name": "Lê Văn An", "date_of_birth": "1990-01-05", "request_date": "2024-03-01"}
    later = {**person, "request_date": "2025-06-30"}
    assert not set(record_keys(residence, person)) & set(record_keys(residence, later))


def test_one_misread_date_digit_keeps_a_three_field_record_but_not_a_two_field_one() -> None:
    residence = load_schemas()["residence_form"]
    person = {"full_name": "Lê Văn An", "date_of_birth": "1983-03-04", "request_date": "2024-03-01"}
    misread = {**person, "date_of_birth": "1963-03-04"}
    assert set(record_keys(residence, person)) & set(record_keys(residence, misread))
    card = load_schemas()["id_card"]
    alone = {"full_name": "Lê Văn An", "date_of_birth": "1990-01-05"}
    other = {"full_name": "Lê Văn An", "date_of_birth": "1990-01-06"}
    assert not set(record_keys(card, alone)) & set(record_keys(card, other)), "two people"


def _two_pages(words: list[tuple[str, float, float]], split: int) -> list[PageWords]:
    """The same words drawn larger over two pages (page 2 starts again at the top margin)."""
    first = [(w, 50 + 1.15 * x, 80 + 1.2 * y) for w, x, y in words[:split]]
    second = [(w, 50 + 1.15 * x, 80 + 1.2 * (y - words[split][2])) for w, x, y in words[split:]]
    rows = [[[w, x, y, x + 46, y + 24, 0.9, 0] for w, x, y in part] for part in (first, second)]
    return [PageWords(n, 1000, 1400, r) for n, r in enumerate(rows, start=1)]


def test_rescan_onto_two_pages_agrees_page_by_page_and_another_layout_does_not() -> None:
    words = [(f"{w}{i}", 100 + 60 * (i % 4), 60 + 55 * i) for i, w in enumerate(LABELS * 2)]
    one_page = word_layout([_page(words)])
    split = word_layout(_two_pages(words, 12))
    assert (agreement(one_page, split) or 0.0) < 0.9, "one shift cannot place both pages"
    assert paged_agreement(one_page, split) == 1.0
    assert paged_agreement(split, one_page) == 1.0
    moved = [(w, x, y) for (w, _, _), (_, x, y) in zip(words, words[::-1], strict=True)]
    placed = paged_agreement(word_layout([_page(moved)]), split)
    assert placed is not None and placed < 0.5


def test_character_shingles_forgive_a_misread_letter() -> None:
    text = " ".join(f"{k} {v}" for k, v in CARD.items()) + " Quê quán Thái Nguyên Nơi thường trú"
    a, b = fingerprint_text(text), fingerprint_text(text.replace("Nguyên", "Nguyễn"))
    other = fingerprint_text(text.replace("Phạm Anh Văn Dũng", "Lê Thị Hoa"))
    assert a is not None and b is not None and other is not None
    assert a.jaccard(b.signature) > 0.8 > a.jaccard(other.signature)
    assert fingerprint_text("Số 12") is None


def _store(
    session: object,
    text: str,
    words: list[tuple[str, float, float]],
    keys: list[str],
    phash: str = "0000000000000000",
) -> int:
    doc = Document(
        sha256=text[:8],
        source_path="x",
        source_name="x",
        status="stored",
        doc_type="id_card",
        page_count=1,
    )
    doc.pages = [
        Page(
            number=1,
            source_page=1,
            text=text,
            width=1000,
            height=1400,
            words=[[w, x, y, x + 40, y + 20, 0.9, 0] for w, x, y in words],
            phash=phash,
        )
    ]
    session.add(doc)  # type: ignore[attr-defined]
    session.flush()  # type: ignore[attr-defined]
    save_fingerprint(session, doc.id, fingerprint_text(text), [phash])  # type: ignore[arg-type]
    save_record_keys(session, doc.id, keys)  # type: ignore[arg-type]
    for k, v in CARD.items():
        session.add(Field(document_id=doc.id, key=k, value=v))  # type: ignore[attr-defined]
    return doc.id


def test_badly_read_rescan_is_found_by_record_key_and_retyped_copy_is_not(tmp_path: Path) -> None:
    warehouse = Warehouse.open(Settings(data_dir=tmp_path))
    text = "CĂN CƯỚC CÔNG DÂN " + " ".join(LABELS) + " 019075686747 Phạm Anh Văn Dũng 23/07/1975"
    keys = record_keys(load_schemas()["id_card"], CARD)
    with warehouse.sessions() as session:
        first = _store(session, text, WORDS, keys)
        garbled = "CAN CƯỢC " + " ".join(w[:-1] for w in LABELS) + " 019075686747 PHAM ANH"
        layout = word_layout([_page([(w, x + 5, y + 7) for w, x, y in WORDS])])
        probe = fingerprint_text(garbled)
        assert (
            probe is not None and probe.jaccard(session.get(Fingerprint, first).minhash) < 0.65
        ), "text alone would miss this rescan"
        found = find_near(session, probe, ["0000000000000003"], "id_card", keys=keys, layout=layout)
        assert [m.document_id for m in found] == [first]
        retyped = word_layout(
            [_page([(w, x, y) for (w, _, _), (_, x, y) in zip(WORDS, WORDS[::-1], strict=True)])]
        )
        assert (
            find_near(session, probe, ["0000000000000003"], "id_card", keys=keys, layout=retyped)
            == []
        )
        far = find_near(session, probe, ["ffffffffffffffff"], "id_card", keys=keys, layout=layout)
        assert far == []
    warehouse.close()


def test_record_key_vouches_for_low_text_only_when_every_word_sits_in_place(
    tmp_path: Path,
) -> None:
    """Two photocopies of one card at the same place on A4, one with the card's back too
    (fresh seed 6907): close images, one key, text far apart, one front word of 11 out of
    place (0.91-0.93). The same record, not the same paper; the badly read rescan (all in place)
    still is."""
    warehouse = Warehouse.open(Settings(data_dir=tmp_path))
    text = "CĂN CƯỚC CÔNG DÂN " + " ".join(LABELS) + " 019075686747 Phạm Anh Văn Dũng 23/07/1975"
    keys = record_keys(load_schemas()["id_card"], CARD)
    extra = ["Citizen", "Identity", "Republic", "Nationality", "Residence", "Expiry"]
    words = WORDS + [(w, 400, 100 + 90 * i) for i, w in enumerate(extra)]
    with warehouse.sessions() as session:
        first = _store(session, text, words, keys)
        other = "CAN CƯỢC " + " ".join(w[:-1] for w in LABELS) + " 019075686747 PHAM ANH"
        probe = fingerprint_text(other)
        assert probe is not None and probe.jaccard(session.get(Fingerprint, first).minhash) < 0.7
        one_off = [(w, x + 5, y + 7 + (300 if i == 3 else 0)) for i, (w, x, y) in enumerate(words)]
        layout = word_layout([_page(one_off)])
        assert 0.9 <= (agreement(layout, word_layout([_page(words)])) or 0.0) < 0.97
        hashes = ["0000000000000003"]
        assert find_near(session, probe, hashes, "id_card", keys=keys, layout=layout) == []
        in_place = word_layout([_page([(w, x + 5, y + 7) for w, x, y in words])])
        found = find_near(session, probe, hashes, "id_card", keys=keys, layout=in_place)
        assert [m.document_id for m in found] == [first]
    warehouse.close()


def test_far_page_image_is_a_rescan_only_when_words_and_text_agree(tmp_path: Path) -> None:
    warehouse = Warehouse.open(Settings(data_dir=tmp_path))
    text = "CĂN CƯỚC CÔNG DÂN " + " ".join(LABELS) + " 019075686747 Phạm Anh Văn Dũng 23/07/1975"
    with warehouse.sessions() as session:
        first = _store(session, text, WORDS, [])
        probe = fingerprint_text(text.replace("Dũng", "Dung"))
        assert probe is not None
        layout = word_layout([_page([(w, x + 5, y + 7) for w, x, y in WORDS])])
        far = ["ffffffffffffffff"]  # another crop or grey level: pHash distance 64
        found = find_near(session, probe, far, "id_card", layout=layout)
        assert [m.document_id for m in found] == [first]
        moved = word_layout(
            [_page([(w, x, y) for (w, _, _), (_, x, y) in zip(WORDS, WORDS[::-1], strict=True)])]
        )
        assert find_near(session, probe, far, "id_card", layout=moved) == []
        assert find_near(session, probe, far, "id_card") == [], "no word boxes: image decides"
    warehouse.close()


LAND = (
    "ĐƠN ĐĂNG KÝ ĐẤT ĐAI Người sử dụng đất Trần Văn Bình sinh ngày 12/03/1971 địa chỉ thôn"
    " Đông xã Hòa Bình huyện Thanh Trì thửa đất số 215 tờ bản đồ số 14 diện tích 312,5 m2"
    " mục đích sử dụng đất ở"
)


def test_across_page_counts_words_in_place_need_text_agreeing_too(tmp_path: Path) -> None:
    """Two editions of one form can share their line structure: a copy retyped onto the
    other edition then fits page by page as well as a rescan does; only its text differs."""
    warehouse = Warehouse.open(Settings(data_dir=tmp_path))
    words = [(f"{w}{i}", 100 + 60 * (i % 4), 60 + 55 * i) for i, w in enumerate(LABELS * 2)]
    split = word_layout(_two_pages(words, 12))
    far = ["ffffffffffffffff", "ffffffffffffffff"]
    with warehouse.sessions() as session:
        first = _store(session, LAND, words, [])
        stored = session.get(Fingerprint, first).minhash
        rescan = fingerprint_text(LAND.replace("Thanh", "Thamh"))  # one misread letter
        retyped = fingerprint_text(LAND.replace("huyện Thanh Trì", "huyện Gia Lâm"))
        assert rescan is not None and 0.83 <= rescan.jaccard(stored) < 0.9
        assert retyped is not None and 0.7 <= retyped.jaccard(stored) < 0.83
        found = find_near(session, rescan, far, "id_card", layout=split)
        assert [m.document_id for m in found] == [first]
        assert found[0].details["paged_layout_agreement"] == 1.0
        assert find_near(session, retyped, far, "id_card", layout=split) == []
    warehouse.close()


def test_refingerprint_rebuilds_buckets_and_keys_from_stored_text(tmp_path: Path) -> None:
    warehouse = Warehouse.open(Settings(data_dir=tmp_path))
    text = "CĂN CƯỚC CÔNG DÂN " + " ".join(LABELS) + " 019075686747 Phạm Anh Văn Dũng 23/07/1975"
    with warehouse.sessions() as session:
        doc_id = _store(session, text, WORDS, ["stale"])
        session.get(Fingerprint, doc_id).minhash = [1, 2, 3]
        session.commit()
        assert refingerprint(session) == 1
        session.commit()
        stored = session.get(Fingerprint, doc_id)
        expected = fingerprint_text(text)
        assert expected is not None and list(stored.minhash) == list(expected.signature)
        keys = set(session.scalars(select(RecordKey.key).where(RecordKey.document_id == doc_id)))
        assert keys == set(record_keys(load_schemas()["id_card"], CARD))
        buckets = session.execute(select(TextBucket.band, TextBucket.key)).all()
        assert sorted(buckets) == sorted(expected.band_keys())
    warehouse.close()
