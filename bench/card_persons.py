"""Photos of two persons' cards: one document per person, and no mixed record (issue #13).

    python -m bench.card_persons --data DIR [--pairs 20] [--out bench/results/x.json]

``DIR`` is a photo-profile set of ID cards (`intake samples generate --profile photo --types
id_card ...`). Its single-card photos are paired into two-person photos
(`samples.generator.photo_pairs`), each read by the real page reader (one process, one core)
and analysed as the pipeline does (`intake.pipeline.analyse.analyse`: classification, the
split by person, extraction). Scored against both persons' truth:

- ``split``: photos that gave exactly two ID-card documents;
- ``persons_found``: persons with a document carrying their exact ID number;
- ``mixed``: documents holding a value (ID number, name or birth date) of the *other* person
  on the photo — a wrong record that reuse would pass on; ``mixed_before`` counts the same
  for the whole photo extracted as one document (how such photos were stored before);
- ``name_exact`` / ``birth_exact``: over persons found, their document's name / birth date.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.output import emit
from intake.config import Settings
from intake.extract import PageWords, extract_document
from intake.extract.card_zones import zone_readings_of
from intake.loading.sniff import sniff
from intake.pipeline.analyse import analyse
from intake.pipeline.pages import PageReader, PageResult, PageTask
from samples.generator.photo_pairs import two_persons_photos

_KEYS = ("id_number", "full_name", "date_of_birth")


def measure(data: Path, pairs: int) -> dict[str, Any]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp) / "data", workers=1)
        reader = PageReader(settings)
        photos = two_persons_photos(data, Path(tmp) / "pairs", limit=pairs)
        for photo in photos:
            path = Path(tmp) / "pairs" / photo["file"]
            result = reader.read(PageTask(str(path), sniff(path).format, 0))
            docs = [
                {k: f.value for k, f in plan.fields.items() if k in _KEYS}
                for plan in analyse(settings, [result], {})
                if plan.doc_type == "id_card"
            ]
            rows.append(_score(photo["persons"], docs, _as_one(result), photo["file"]))
    return _report(data, rows)


def _as_one(result: PageResult) -> dict[str, str]:
    """The photo extracted as one ID-card document, as before the split by person."""
    words = PageWords(1, result.width, result.height, result.words, result.text_source)
    extraction = extract_document("id_card", [words], qr_payloads=result.qr,
                                  zone_readings=zone_readings_of([result.photo]))
    return {k: f.value for k, f in extraction.fields.items() if k in _KEYS}


def _mixed(doc: dict[str, str], persons: list[dict[str, Any]]) -> bool:
    """A document whose values come from both persons."""
    owners = {i for i, p in enumerate(persons) for k in _KEYS
              if doc.get(k) is not None and doc.get(k) == p.get(k)}
    return len(owners) > 1


def _score(persons: list[dict[str, Any]], docs: list[dict[str, str]],
           before: dict[str, str], name: str) -> dict[str, Any]:
    found = []
    for person in persons:
        doc = next((d for d in docs if d.get("id_number") == person["id_number"]), None)
        if doc is not None:
            found.append({"name": doc.get("full_name") == person["full_name"],
                          "birth": doc.get("date_of_birth") == person["date_of_birth"]})
    return {"file": name, "documents": len(docs), "found": found,
            "mixed": sum(_mixed(d, persons) for d in docs),
            "mixed_before": int(_mixed(before, persons)),
            "docs": docs, "truth": [{k: p.get(k) for k in _KEYS} for p in persons]}


def _report(data: Path, rows: list[dict[str, Any]]) -> dict[str, Any]:
    found = [f for r in rows for f in r["found"]]
    persons = 2 * len(rows)

    def rate(hits: int, n: int) -> dict[str, Any]:
        return {"n": n, "hits": hits, "rate": round(hits / n, 4) if n else None}

    return {
        "command": "python -m " + " ".join(["bench.card_persons", *sys.argv[1:]]),
        "data": str(data),
        "photos": len(rows),
        "split": rate(sum(r["documents"] == 2 for r in rows), len(rows)),
        "persons_found": rate(len(found), persons),
        "name_exact": rate(sum(f["name"] for f in found), len(found)),
        "birth_exact": rate(sum(f["birth"] for f in found), len(found)),
        "mixed": sum(r["mixed"] for r in rows),
        "mixed_before": sum(r["mixed_before"] for r in rows),
        "misses": [r for r in rows if r["documents"] != 2 or len(r["found"]) < 2 or r["mixed"]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, required=True, help="a photo-profile ID-card set")
    parser.add_argument("--pairs", type=int, default=20, help="two-person photos to make")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    emit(measure(args.data, args.pairs), args.out)


if __name__ == "__main__":
    main()
