"""bench.photo_conditions: the phone-photo results broken down by how each photo was taken."""

from __future__ import annotations

import json
from pathlib import Path

from bench.photo_conditions import breakdown, rows_of


def _truth(folder: Path, name: str, scene: str, motion: int, page_width: float) -> None:
    photo = {"scene": scene, "card_sides": ["front", "back"] if scene == "card_both"
             else ["front"], "blur": 0.5, "motion_blur": motion,
             "quads": [[[0, 0], [page_width, 0], [page_width, 900], [0, 900]]]}
    truth = {"file": name, "pages": [{"extra": {"photo": photo}}],
             "documents": [{"doc_type": "id_card",
                            "fields": {"id_number": "001099012345", "full_name": "Lê Văn An"}}]}
    (folder / "truth" / f"{name}.json").write_text(json.dumps(truth), encoding="utf-8")


def test_misses_are_counted_by_condition(tmp_path: Path) -> None:
    (tmp_path / "truth").mkdir()
    _truth(tmp_path, "a.jpg", "photocopy", 0, 1100)  # card 448 px wide
    _truth(tmp_path, "b.jpg", "photocopy", 5, 900)   # card 367 px wide
    _truth(tmp_path, "c.jpg", "card_both", 5, 1000)
    result = {"mismatches": [
        {"file": "b.jpg", "got": {"id_number": "001099012345", "full_name": None},
         "mrz_ok": False},
        {"file": "c.jpg", "got": {"id_number": "001099012345", "full_name": "Lê Văn An"},
         "mrz_ok": False}]}
    out = breakdown(rows_of(tmp_path, result))
    copies = out["photocopy"]
    assert copies["all"]["name_exact"] == {"n": 2, "hits": 1, "rate": 0.5}
    assert copies["all"]["id_exact_fronts"]["hits"] == 2
    assert copies["motion_blur_px"]["5"]["name_exact"]["hits"] == 0
    assert copies["card_width_px"]["0-380"]["name_exact"] == {"n": 1, "hits": 0, "rate": 0.0}
    assert copies["card_width_px"]["430-480"]["name_exact"]["hits"] == 1
    both = out["card_both"]
    assert both["all"]["mrz_valid_backs"] == {"n": 1, "hits": 0, "rate": 0.0}
    assert both["all"]["name_exact"]["hits"] == 1
    assert "card_width_px" not in both
