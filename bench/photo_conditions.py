"""What the phone-photo misses have in common: `bench.photos` results broken down by how the
photo was taken (issue #13).

    python -m bench.photo_conditions --run DATA RESULT [--run DATA RESULT ...] [--out F]

Each ``--run`` is a photo-profile folder and the `bench.photos` result read on it (run with
``--examples`` at least the number of photos, so every miss is listed). From the truth the
generator kept of each photo (its scene, the Gaussian blur and the motion blur the camera
added, and the card's width in the photo's pixels: on a photographed A4 copy, 85.6 mm of the
page's 210), it counts per scene and condition how often the ID number, the full name (over
photos with a front) and a valid MRZ (over photos with a back) came out exact. Nothing is
read again: a photo the result does not list as a miss was right on all three.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.output import emit

#: An ID-1 card's width and A4's, in millimetres: a card on a photographed copy is this
#: share of the page's width.
CARD_ON_PAGE = 85.6 / 210

BLUR = ((0.0, 0.6), (0.6, 0.9), (0.9, 9.9))
CARD_PX = ((0, 380), (380, 430), (430, 480), (480, 99_999))


def _card_px(photo: dict[str, Any]) -> float:
    """The card's width in the photo's pixels (the first card's, or the copy's share)."""
    quad = photo["quads"][0]
    width = (math.dist(quad[0], quad[1]) + math.dist(quad[3], quad[2])) / 2
    return width * CARD_ON_PAGE if photo["scene"] == "photocopy" else width


def rows_of(data: Path, result: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per ID-card photo of ``data``: its conditions and whether each value was
    right in ``result``."""
    missed = {m["file"]: m for m in result["mismatches"]}
    rows = []
    for path in sorted((data / "truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        doc = truth["documents"][0]
        if doc["doc_type"] != "id_card":
            continue
        photo = truth["pages"][0]["extra"]["photo"]
        miss = missed.get(truth["file"])
        fields = doc["fields"]
        got = miss["got"] if miss else {}
        rows.append({
            "scene": photo["scene"],
            "front": "front" in photo["card_sides"],
            "back": "back" in photo["card_sides"],
            "blur": photo["blur"],
            "motion": photo["motion_blur"],
            "card_px": _card_px(photo),
            "id_ok": miss is None or got.get("id_number") == fields.get("id_number"),
            "name_ok": miss is None or got.get("full_name") == fields.get("full_name"),
            "mrz_ok": miss is None or bool(miss["mrz_ok"]),
        })
    return rows


def _rates(rows: list[dict[str, Any]]) -> dict[str, Any]:
    fronts = [r for r in rows if r["front"]]
    backs = [r for r in rows if r["back"]]

    def rate(subset: list[dict[str, Any]], key: str) -> dict[str, Any]:
        hits = sum(r[key] for r in subset)
        return {"n": len(subset), "hits": hits,
                "rate": round(hits / len(subset), 3) if subset else None}
    return {"id_exact_fronts": rate(fronts, "id_ok"), "name_exact": rate(fronts, "name_ok"),
            "mrz_valid_backs": rate(backs, "mrz_ok")}


def breakdown(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Rates per scene, and within each scene by motion blur and Gaussian blur, and for a
    photographed copy by the card's width in the photo."""
    scenes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        scenes[row["scene"]].append(row)
    out: dict[str, Any] = {}
    for scene, subset in sorted(scenes.items()):
        out[scene] = {
            "all": _rates(subset),
            "motion_blur_px": {str(m): _rates([r for r in subset if r["motion"] == m])
                               for m in sorted({r["motion"] for r in subset})},
            "blur_sigma": _binned(subset, "blur", BLUR),
        }
        if scene == "photocopy":  # a card photographed alone fills the photo: 480 px up
            out[scene]["card_width_px"] = _binned(subset, "card_px", CARD_PX)
    return out


def _binned(rows: list[dict[str, Any]], key: str,
            bins: tuple[tuple[float, float], ...]) -> dict[str, Any]:
    """`_rates` of the rows whose ``key`` falls in each ``[lo, hi)`` bin."""
    return {f"{lo}-{hi}": _rates([r for r in rows if lo <= r[key] < hi]) for lo, hi in bins}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--run", nargs=2, action="append", metavar=("DATA", "RESULT"),
                        required=True, help="a photo folder and its bench.photos result")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []
    for data, result_path in args.run:
        result = json.loads(Path(result_path).read_text(encoding="utf-8"))
        listed = re.search(r"--examples[ =](\d+)", result["command"])
        if listed is None or int(listed.group(1)) < result["images"]:
            sys.exit(f"{result_path}: run bench.photos with --examples >= its photos, so "
                     "every miss is listed")
        found = rows_of(Path(data), result)
        if len(found) != result["images"]:
            sys.exit(f"{data}: {len(found)} ID-card photos with truth, the result read "
                     f"{result['images']}: not the folder it was run on")
        rows.extend(found)
    emit({"command": "python -m " + " ".join(["bench.photo_conditions", *sys.argv[1:]]),
          "photos": len(rows), "by_scene": breakdown(rows)}, args.out)


if __name__ == "__main__":
    main()
