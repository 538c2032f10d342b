"""Where fingerprints are stored and looked up: LSH band keys and record keys, by index.

Thresholds were chosen by measuring generated rescans against different documents of the
same type, retyped copies and the reuse case (``python -m bench.duplicate_curve``; the curve
is in docs/duplicates.md and bench/results/duplicates_curve_*.json).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from intake.dedup.fingerprint import TextFingerprint, hash_distance
from intake.warehouse.models import Document, Fingerprint, RecordKey, TextBucket

#: Estimated Jaccard similarity of word 3-shingles above which two texts are the same paper.
#: Different papers of one type that pass the image test stay below 0.51 on the development
#: sets while rescans of forms reach down to 0.63: 0.6 sits in that gap (0.75 missed a third of
#: the rescans). The 32x4 LSH bands still bring up a pair at 0.6 with probability 0.988.
NEAR_TEXT_JACCARD = 0.6
#: With a text match, page images must also be this close (Hamming distance of 64-bit pHash):
#: a retyped copy of a form with the same values is a same-record, not a rescan.
NEAR_PAGE_DISTANCE = 12
#: Statuses of documents that can be the earlier copy in a duplicate link.
LINKABLE = ("stored", "needs_review")


@dataclass(frozen=True, slots=True)
class Match:
    document_id: int
    kind: str  # near | same_record
    score: float
    details: dict[str, object] = field(default_factory=dict)


def save_fingerprint(
    session: Session, document_id: int, text: TextFingerprint | None, page_hashes: list[str]
) -> None:
    if text is None and not page_hashes:
        return
    session.add(
        Fingerprint(
            document_id=document_id,
            minhash=list(text.signature) if text else [],
            page_hashes=page_hashes,
            shingles=text.shingles if text else 0,
        )
    )
    if text is not None:
        session.add_all(
            TextBucket(document_id=document_id, band=band, key=key)
            for band, key in text.band_keys()
        )


def save_record_keys(session: Session, document_id: int, keys: list[str]) -> None:
    session.add_all(RecordKey(document_id=document_id, key=key) for key in keys)


def find_near(
    session: Session,
    text: TextFingerprint | None,
    page_hashes: list[str],
    doc_type: str | None,
    exclude: int | None = None,
) -> list[Match]:
    if text is None:
        return []
    probes = text.band_keys()
    candidates = set(
        session.scalars(
            select(TextBucket.document_id)
            .where(or_(*(and_(TextBucket.band == b, TextBucket.key == k) for b, k in probes)))
            .distinct()
        )
    )
    candidates.discard(exclude or -1)
    matches = []
    for doc_id in sorted(candidates):
        document = session.get(Document, doc_id)
        if document is None or document.status not in LINKABLE:
            continue
        if doc_type and document.doc_type and document.doc_type != doc_type:
            continue
        stored = session.get(Fingerprint, doc_id)
        if stored is None or not stored.minhash:
            continue
        similarity = text.jaccard(stored.minhash)
        distance = _page_distance(page_hashes, stored.page_hashes)
        if similarity >= NEAR_TEXT_JACCARD and distance <= NEAR_PAGE_DISTANCE:
            details = {"text_jaccard": round(similarity, 3), "page_hash_distance": distance}
            matches.append(Match(doc_id, "near", round(similarity, 3), details))
    return sorted(matches, key=lambda m: -m.score)


def find_same_record(session: Session, keys: list[str], exclude: int | None = None) -> list[int]:
    if not keys:
        return []
    ids = session.scalars(
        select(RecordKey.document_id)
        .join(Document, Document.id == RecordKey.document_id)
        .where(RecordKey.key.in_(keys), Document.status.in_(LINKABLE))
        .distinct()
    )
    return sorted(i for i in ids if i != exclude)


def _page_distance(a: list[str], b: list[str]) -> int:
    if not a or not b:
        return 64
    return min(hash_distance(x, y) for x in a for y in b)
