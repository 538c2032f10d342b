"""Threshold curve of the near-duplicate rule: rescans against everything they must not match.

    python -m bench.duplicate_curve --data DIR --keep WAREHOUSE [--data DIR2 --keep W2] [--out FILE]

The pipeline runs over a generated folder (or a warehouse kept by
``python -m bench.duplicates --keep`` is reused), then every pair of documents that matters is
scored with what ``intake.dedup.index.find_near`` looks at: estimated Jaccard of the stored
MinHash signatures, the smallest pHash Hamming distance between their page images, whether
they share a record key, and how many of their shared words sit in the same place
(``intake.dedup.layout.agreement``). The grids are for the text and image thresholds; the
``rule_in_force`` row is the whole rule as ``find_near`` applies it.
Pairs, by their truth:

- ``rescan``: the same paper scanned again (a ``near`` file and its original, or two rescans of
  one original) — the positives;
- ``retyped``: the same record on another layout (``same_record``) — must not be ``near``;
- ``same_type``: different papers of one document type (shared template, other values);
- ``reuse``: one person on documents of different types — must never be a duplicate.

Every pair of a type is compared (O(n²): a benchmark's luxury; the product probes LSH buckets).
Precision and recall are reported at a grid of thresholds for the text rule alone, the image
rule alone and both together (the rule in force), with the range of thresholds that separates
the classes perfectly and the margin of the chosen point to its ends.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from intake.dedup.fingerprint import TextFingerprint, hash_distance
from intake.dedup.index import (
    NEAR_FAR_JACCARD,
    NEAR_KEYED_LAYOUT_AGREEMENT,
    NEAR_LAYOUT_AGREEMENT,
    NEAR_PAGE_DISTANCE,
    NEAR_PAGED_AGREEMENT,
    NEAR_PAGED_JACCARD,
    NEAR_RESPLIT_JACCARD,
    NEAR_TEXT_JACCARD,
    stored_layout,
)
from intake.dedup.layout import WordLayout, agreement, paged_agreement
from intake.warehouse.models import Document, Fingerprint, RecordKey

POSITIVE = "rescan"
#: Two retyped copies of one record that drew the same layout: same words, same page image,
#: only the typography differs. Either verdict is defensible; counted apart, in neither P nor R.
SAME_LAYOUT = "retyped_same_layout"
CLASSES = (POSITIVE, "retyped", "same_type", "reuse", SAME_LAYOUT)
JACCARD_GRID = tuple(round(0.3 + 0.05 * i, 2) for i in range(14))
DISTANCE_GRID = tuple(range(0, 34, 2))
GRID_DISTANCES = (4, 6, 8, 10, 12, 14, 16)


@dataclass(frozen=True, slots=True)
class DocPrint:
    """One stored document with what its truth says it is."""

    file: str
    doc_type: str
    paper: tuple[str, int]  # original file and document index: rescans share it
    record: tuple[str, int]  # same, across retyped copies
    persons: frozenset[str]
    signature: tuple[int, ...]
    page_hashes: tuple[str, ...]
    layout: str = ""
    words: WordLayout | None = None
    keys: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class PairScore:
    kind: str
    jaccard: float
    distance: int
    lsh_candidate: bool
    files: tuple[str, str]
    doc_type: str = ""
    placed: float | None = None  # layout agreement; None without word boxes
    same_key: bool = False
    paged: float | None = None  # paged_agreement, for pairs with different page counts


def in_force(s: PairScore) -> bool:
    """``find_near``'s rule on a scored pair (candidates: LSH band or record key)."""
    if not (s.lsh_candidate or s.same_key):
        return False
    if s.distance <= NEAR_PAGE_DISTANCE:
        if s.placed is None:
            return s.jaccard >= NEAR_TEXT_JACCARD
        keyed = s.same_key and s.placed >= NEAR_KEYED_LAYOUT_AGREEMENT
        if s.placed >= NEAR_LAYOUT_AGREEMENT and (keyed or s.jaccard >= NEAR_TEXT_JACCARD):
            return True
    elif (s.placed or 0.0) >= NEAR_LAYOUT_AGREEMENT and s.jaccard >= NEAR_FAR_JACCARD:
        return True  # image far, words in place, text close
    # another number of pages: text, and words fitted page by page
    if s.paged is None or s.jaccard < NEAR_TEXT_JACCARD:
        return False
    placed_paged = s.paged >= NEAR_PAGED_AGREEMENT and s.jaccard >= NEAR_PAGED_JACCARD
    return placed_paged or s.jaccard >= NEAR_RESPLIT_JACCARD


def pair_kind(a: DocPrint, b: DocPrint) -> str | None:
    """The class of a pair, or None for a pair no rule could confuse (other type and person)."""
    if a.file == b.file:
        return None  # parts of one split dossier
    if a.paper == b.paper:
        return POSITIVE
    if a.record == b.record:
        return SAME_LAYOUT if a.layout and a.layout == b.layout else "retyped"
    if a.doc_type == b.doc_type:
        return "same_type"
    if a.persons & b.persons:
        return "reuse"
    return None


def page_distance(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """As ``find_near``: the closest pair of page images; 64 when either has none."""
    return min((hash_distance(x, y) for x in a for y in b), default=64)


def score_pairs(docs: list[DocPrint]) -> list[PairScore]:
    scores = []
    for a, b in itertools.combinations(docs, 2):
        kind = pair_kind(a, b)
        if kind is None:
            continue
        fa = TextFingerprint(a.signature, 0)
        scores.append(
            PairScore(
                kind,
                round(fa.jaccard(b.signature), 4),
                page_distance(a.page_hashes, b.page_hashes),
                bool(set(fa.band_keys()) & set(TextFingerprint(b.signature, 0).band_keys())),
                (a.file, b.file),
                a.doc_type,
                agreement(a.words, b.words) if a.words and b.words else None,
                bool(a.keys & b.keys),
                (paged_agreement(a.words, b.words) or 0.0)
                if a.words and b.words and len(a.page_hashes) != len(b.page_hashes)
                else None,
            )
        )
    return scores


def _percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    if not ordered:
        return {}

    def at(q: float) -> float:
        return ordered[round(q * (len(ordered) - 1))]

    return {
        "min": ordered[0],
        "p1": at(0.01),
        "p5": at(0.05),
        "p50": at(0.5),
        "p95": at(0.95),
        "p99": at(0.99),
        "max": ordered[-1],
    }


def _row(scores: list[PairScore], accept: Any, threshold: float) -> dict[str, Any]:
    taken = [s for s in scores if accept(s)]
    positives = sum(s.kind == POSITIVE for s in scores)
    true_pos = sum(s.kind == POSITIVE for s in taken)
    false_by_class = {k: sum(s.kind == k for s in taken) for k in CLASSES[1:-1]}
    return {
        "threshold": threshold,
        "precision": round(true_pos / len(taken), 4) if taken else None,
        "recall": round(true_pos / positives, 4) if positives else None,
        "true_pos": true_pos,
        "false_pos": len(taken) - true_pos,
        "missed": positives - true_pos,
        "false_by_class": {k: v for k, v in false_by_class.items() if v},
        "precision_recall": [
            round(true_pos / len(taken), 3) if taken else None,
            round(true_pos / positives, 3) if positives else None,
        ],
    }


def _by_type(scores: list[PairScore]) -> dict[str, list[PairScore]]:
    out: dict[str, list[PairScore]] = {}
    for s in scores:
        out.setdefault(s.doc_type, []).append(s)
    return out


def _perfect_range(
    positives: list[float], negatives: list[float], higher_is_match: bool
) -> dict[str, Any]:
    """Thresholds that keep every positive and reject every negative, if any exist."""
    if not positives:
        return {"exists": False}
    if higher_is_match:  # accept when value >= t: t in (max negative, min positive]
        low, high = max(negatives, default=None), min(positives)
        exists = low is None or low < high
        return {"exists": exists, "above": low, "up_to": high}
    # accept when value <= t: t in [max positive, min negative)
    low, high = max(positives), min(negatives, default=None)
    exists = high is None or low < high
    return {"exists": exists, "from": low, "below": high}


def curve(
    scores: list[PairScore],
    jaccard: float = NEAR_TEXT_JACCARD,
    distance: int = NEAR_PAGE_DISTANCE,
) -> dict[str, Any]:
    """Distributions per class, precision/recall grids and the chosen point's margins."""
    by_kind = {k: [s for s in scores if s.kind == k] for k in CLASSES}
    scores = [s for s in scores if s.kind != SAME_LAYOUT]
    pos = by_kind[POSITIVE]
    neg = [s for s in scores if s.kind != POSITIVE]
    image_ok = [s for s in neg if s.distance <= distance]
    text_ok = [s for s in neg if s.jaccard >= jaccard]
    chosen = _row(scores, lambda s: s.jaccard >= jaccard and s.distance <= distance, jaccard)
    # What the product sees: a pair is verified only when the LSH probe brings it up.
    chosen_lsh = _row(
        scores, lambda s: s.lsh_candidate and s.jaccard >= jaccard and s.distance <= distance, 0
    )
    text_range = _perfect_range(
        [s.jaccard for s in pos if s.distance <= distance], [s.jaccard for s in image_ok], True
    )
    image_range = _perfect_range(
        [s.distance for s in pos if s.jaccard >= jaccard], [s.distance for s in text_ok], False
    )
    return {
        "pairs": {k: len(v) for k, v in by_kind.items()},
        "rule_in_force": {
            "layout_agreement": NEAR_LAYOUT_AGREEMENT,
            **_row(scores, in_force, jaccard),
            "pairs_sharing_a_record_key": {
                k: sum(s.same_key for s in v) for k, v in by_kind.items() if v
            },
            "layout_agreement_by_class": {
                k: _percentiles([s.placed for s in v if s.placed is not None])
                for k, v in by_kind.items()
                if v
            },
            "paged_agreement": NEAR_PAGED_AGREEMENT,
            "paged_text_jaccard": NEAR_PAGED_JACCARD,
            "paged_agreement_by_class_when_page_counts_differ": {
                k: _percentiles([s.paged for s in v if s.paged is not None])
                for k, v in by_kind.items()
                if any(s.paged is not None for s in v)
            },
            "missed_pairs": _worst([s for s in pos if not in_force(s)], lambda s: s.jaccard, 10),
            "false_pairs": _worst([s for s in neg if in_force(s)], lambda s: -s.jaccard, 10),
        },
        "jaccard": {k: _percentiles([s.jaccard for s in v]) for k, v in by_kind.items() if v},
        "page_distance": {
            k: _percentiles([float(s.distance) for s in v]) for k, v in by_kind.items() if v
        },
        "rescans_sharing_an_lsh_band": sum(s.lsh_candidate for s in pos),
        "jaccard_alone": [_row(scores, lambda s, t=t: s.jaccard >= t, t) for t in JACCARD_GRID],
        "page_distance_alone": [
            _row(scores, lambda s, d=d: s.distance <= d, d) for d in DISTANCE_GRID
        ],
        f"and_rule_jaccard_at_distance_{distance}": [
            _row(scores, lambda s, t=t: s.jaccard >= t and s.distance <= distance, t)
            for t in JACCARD_GRID
        ],
        f"and_rule_distance_at_jaccard_{jaccard}": [
            _row(scores, lambda s, d=d: s.jaccard >= jaccard and s.distance <= d, d)
            for d in DISTANCE_GRID
        ],
        "and_rule_grid": {
            f"distance<={d}": {
                str(t): _row(scores, lambda s, t=t, d=d: s.jaccard >= t and s.distance <= d, t)[
                    "precision_recall"
                ]
                for t in JACCARD_GRID
            }
            for d in GRID_DISTANCES
        },
        "rescans_by_type": {
            t: {
                "pairs": len(v),
                "jaccard_min": min(s.jaccard for s in v),
                "distance_max": max(s.distance for s in v),
            }
            for t, v in sorted(_by_type(pos).items())
        },
        "chosen": {
            "jaccard": jaccard,
            "page_distance": distance,
            **chosen,
            "with_lsh_probe": {k: chosen_lsh[k] for k in ("precision", "recall", "missed")},
            "jaccard_range_separating_at_this_distance": text_range,
            "distance_range_separating_at_this_jaccard": image_range,
            "margin_jaccard": _margin(jaccard, text_range.get("above"), text_range.get("up_to")),
            "margin_distance": _margin(distance, image_range.get("from"), image_range.get("below")),
        },
        "worst": {
            "lowest_jaccard_rescans": _worst(pos, lambda s: s.jaccard),
            "farthest_image_rescans": _worst(pos, lambda s: -s.distance),
            "highest_jaccard_negatives": _worst(neg, lambda s: -s.jaccard),
            "closest_image_negatives_passing_text": _worst(text_ok, lambda s: s.distance),
        },
    }


def _margin(value: float, low: float | None, high: float | None) -> dict[str, float | None]:
    """Distance of the chosen threshold to each end of the separating range."""
    return {
        "to_lower_end": None if low is None else round(value - low, 4),
        "to_upper_end": None if high is None else round(high - value, 4),
    }


def _worst(scores: list[PairScore], key: Any, n: int = 5) -> list[dict[str, Any]]:
    return [
        {
            "kind": s.kind,
            "jaccard": s.jaccard,
            "distance": s.distance,
            "layout_agreement": s.placed,
            "record_key": s.same_key,
            "files": list(s.files),
        }
        for s in sorted(scores, key=key)[:n]
    ]


def _truth_doc(docs: list[dict[str, Any]], first: int | None, last: int | None) -> int | None:
    """Index of the truth document a stored page range covers most."""
    if len(docs) == 1:
        return 0
    if first is None or last is None:
        return None
    overlaps = [
        min(last, d["source_pages"][1]) - max(first, d["source_pages"][0]) + 1 for d in docs
    ]
    best = max(range(len(docs)), key=lambda i: overlaps[i])
    return best if overlaps[best] > 0 else None


def load_prints(
    truth: dict[str, dict[str, Any]], warehouse: Any, prefix: str = ""
) -> list[DocPrint]:
    """Stored fingerprints joined to truth; exact copies are left out (decided by SHA-256).

    ``prefix`` keeps file names of several sets apart (documents of one type from two sets
    are negatives of each other too)."""
    prints = []
    with warehouse.sessions() as session:
        rows = session.execute(
            select(
                Document.id,
                Document.source_name,
                Document.source_page_first,
                Document.source_page_last,
                Fingerprint.minhash,
                Fingerprint.page_hashes,
            ).join(Fingerprint, Fingerprint.document_id == Document.id)
        ).all()
        keys: dict[int, set[str]] = {}
        for doc_id, key in session.execute(select(RecordKey.document_id, RecordKey.key)):
            keys.setdefault(doc_id, set()).add(key)
        for doc_id, name, first, last, minhash, page_hashes in rows:
            t = truth.get(name)
            if t is None or not minhash:
                continue
            docs = t["documents"]
            kind, of = docs[0]["duplicate_kind"], docs[0]["duplicate_of"]
            index = _truth_doc(docs, first, last)
            if kind == "exact" or index is None:
                continue
            doc = docs[index]
            paper = (prefix + (of if kind == "near" else name), index)
            prints.append(
                DocPrint(
                    prefix + name,
                    doc["doc_type"],
                    paper,
                    (prefix + of, index) if kind == "same_record" else paper,
                    frozenset(p["id_number"] for p in doc.get("persons", [])),
                    tuple(minhash),
                    tuple(page_hashes),
                    doc.get("layout") or "",
                    stored_layout(session, doc_id),
                    frozenset(keys.get(doc_id, ())),
                )
            )
    return prints


def main() -> None:
    from bench.duplicates import load_truth, processed
    from bench.output import emit

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, action="append", required=True, help="repeatable")
    parser.add_argument(
        "--keep", type=Path, action="append", help="warehouse folder per --data (reused)"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    keeps = args.keep or [None] * len(args.data)
    if len(keeps) != len(args.data):
        parser.error("give one --keep per --data, or none")
    prints, files = [], 0
    for data, keep in zip(args.data, keeps, strict=True):
        truth = load_truth(data)
        files += len(truth)
        with tempfile.TemporaryDirectory() as tmp:
            warehouse = processed(data, args.workers, keep or Path(tmp))
            prints += load_prints(truth, warehouse, f"{data.name}/" if len(args.data) > 1 else "")
            warehouse.close()
    result = {
        "command": "python -m bench.duplicate_curve " + " ".join(sys.argv[1:]),
        "files": files,
        "documents_with_fingerprints": len(prints),
        **curve(score_pairs(prints)),
    }
    emit(result, args.out)


if __name__ == "__main__":
    main()
