"""A photo whose card the zone reader validated is typed an ID card when the text model is
unsure (intake/pipeline/card_evidence.py)."""

from __future__ import annotations

from pathlib import Path

from intake.config import Settings
from intake.pipeline.analyse import analyse
from intake.pipeline.pages import PageResult

# Text of a glared, blurred card photo: too little for the type model to be sure of anything.
NOISY = "CÀO đợ mhàn Anng eoscxar\nSo châm C: Xxưn dưới san\n~:x. 044075188403\nPHAN GIÁ ĐỤC"
MRZ = ("IDVNM0751884036044075188403<<<\n7512157M3512159VNM<<<<<<<<<<<2\nPHAN<<GIA<DUY")


def _photo(zones: list[dict[str, str]]) -> PageResult:
    return PageResult(index=0, text=NOISY,
                      photo={"kind": "cards", "regions": [], "zones": zones})


def test_validated_card_reading_types_an_unsure_photo_as_an_id_card(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    unsure = analyse(settings, [_photo([])], {})
    assert [p.doc_type for p in unsure] == [None]  # the model alone leaves it open
    typed = analyse(settings, [_photo([{"key": "mrz", "value": MRZ}])], {})
    assert [p.doc_type for p in typed] == ["id_card"]
    assert typed[0].fields["id_number"].value == "044075188403"


def test_a_name_reading_alone_is_no_proof_of_a_card(tmp_path: Path) -> None:
    page = _photo([{"key": "full_name", "value": "PHAN GIA DUY"}])
    assert [p.doc_type for p in analyse(Settings(data_dir=tmp_path), [page], {})] == [None]
