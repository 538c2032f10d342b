"""Several persons' cards on one photo become one document per person, never one mixed
record (intake/pipeline/card_persons.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from intake.config import Settings
from intake.pipeline.card_persons import several_persons_reason, split_by_person
from intake.pipeline.pages import PageResult
from intake.warehouse.models import DuplicateLink
from intake.warehouse.repository import Warehouse
from samples import generate
from samples.generator.photo_pairs import two_persons_photos
from tests.intake.run import run_pipeline

# Two persons' numbers (valid province codes and century digits) and an MRZ for the first.
A, B = "079188384730", "001067453044"
MRZ_A = ["IDVNM1883847306079188384730<<5", "8805153F2805151VNM<<<<<<<<<<<0",
         "LE<<KIM<PHUONG<<<<<<<<<<<<<<<"]
TOP, BOTTOM, BELOW = (40, 40, 1340, 860), (40, 900, 1340, 1720), (40, 1760, 1340, 2580)


def _words(box: tuple[int, int, int, int], lines: list[str], first_line: int) -> list[list[object]]:
    left, top = box[0] + 50, box[1] + 50
    return [[text, left + 200 * j, top + 40 * i, left + 200 * j + 180, top + 40 * i + 30, 0.9,
             first_line + i] for i, line in enumerate(lines) for j, text in enumerate(line.split())]


def _page(cards: list[tuple[tuple[int, int, int, int], list[str]]],
          zones: list[dict[str, str]]) -> PageResult:
    words: list[list[object]] = []
    for box, lines in cards:
        words += _words(box, lines, len({w[6] for w in words}))
    regions = [{"kind": "card", "box": list(box), "quad": [], "sheet_to_photo": []}
               for box, _ in cards]
    return PageResult(index=0, text="", words=words,
                      photo={"kind": "cards", "regions": regions, "zones": zones})


def test_two_persons_fronts_make_two_pages_each_with_its_own_words_and_zones() -> None:
    zones = [{"key": "id_number", "value": A}, {"key": "full_name", "value": "LÊ KIM PHƯƠNG"},
             {"key": "id_number", "value": B}, {"key": "full_name", "value": "NGUYỄN ĐỨC TRUNG"}]
    page = _page([(TOP, [f"Số/No: {A}", "LÊ KIM PHƯƠNG"]),
                  (BOTTOM, [f"Số/No: {B}", "NGUYỄN ĐỨC TRUNG"])], zones)
    persons = split_by_person(page)
    assert persons is not None and [p.id_number for p in persons] == [A, B]
    first, second = (p.result for p in persons)
    assert "NGUYỄN" not in first.text and "PHƯƠNG" in first.text
    assert [z["value"] for z in first.photo["zones"]] == [A, "LÊ KIM PHƯƠNG"]  # type: ignore[index]
    assert [z["value"] for z in second.photo["zones"]] == [B, "NGUYỄN ĐỨC TRUNG"]  # type: ignore[index]
    assert [r["box"] for r in second.photo["regions"]] == [list(BOTTOM)]  # type: ignore[index]


def test_one_persons_front_and_back_stay_one_page_even_with_a_misread_digit() -> None:
    """The back's MRZ gives the same person (its number checks); a front whose settled
    number differs from it in one digit is that person read once wrongly, not a second one."""
    misread = A[:-1] + "1"
    page = _page([(TOP, [f"Số/No: {misread}"]), (BOTTOM, MRZ_A)],
                 [{"key": "id_number", "value": misread}])
    assert split_by_person(page) is None


def test_card_with_no_validated_number_is_kept_apart_when_several_persons_are_on_the_photo(
) -> None:
    """A bare OCR number (no zone reading, no MRZ) does not place a card: it gets its own
    page, with no person, for an officer."""
    page = _page([(TOP, [f"Số/No: {A}"]), (BOTTOM, [f"Số/No: {B}"]),
                  (BELOW, ["Số/No: 012345678901"])],
                 [{"key": "id_number", "value": A}, {"key": "id_number", "value": B}])
    persons = split_by_person(page)
    assert persons is not None
    assert [p.id_number for p in persons] == [A, B, None]
    assert "012345678901" in persons[2].result.text


def test_unsplit_page_with_two_persons_numbers_goes_to_review() -> None:
    qr = f"{B}|123456789|Nguyễn Đức Trung|14011967|Nam|Hà Nội|01012021"
    scan = PageResult(index=0, text="\n".join(MRZ_A), qr=[qr])
    reason = several_persons_reason([scan])
    assert reason is not None and A in reason and B in reason
    alone = PageResult(index=0, text="\n".join(MRZ_A))
    assert several_persons_reason([alone]) is None


def _two_persons_photo(tmp: Path) -> tuple[Path, list[dict[str, Any]]]:
    """Two generated single-card photos' cards side by side on one desk."""
    data = tmp / "cards"
    generate(data, 16, 4343, "photo", types=["id_card"], dup_fraction=0.0, workers=1)
    pairs = two_persons_photos(data, tmp / "pairs", limit=1)
    assert pairs, "the seed gives two single-card photos"
    return tmp / "pairs" / pairs[0]["file"], pairs[0]["persons"]


@pytest.mark.slow
def test_photo_of_two_persons_cards_makes_two_documents(tmp_path: Path) -> None:
    photo, truths = _two_persons_photo(tmp_path)
    settings = Settings(data_dir=tmp_path / "data", workers=1)
    records = run_pipeline(settings, [photo], workers=1)
    cards = [r for r in records if r.doc_type == "id_card"]
    assert len(cards) == 2
    got = {r.fields["id_number"].value: r.fields for r in cards}
    assert set(got) == {t["id_number"] for t in truths}
    for truth in truths:  # each document holds its own person's values only
        fields = got[truth["id_number"]]
        assert fields["date_of_birth"].value == truth["date_of_birth"]
        if "full_name" in fields:
            assert fields["full_name"].value == truth["full_name"]
    warehouse = Warehouse.open(settings)
    try:
        with warehouse.unit_of_work() as session:
            assert session.scalars(select(DuplicateLink)).all() == []  # not each other's rescan
    finally:
        warehouse.close()
