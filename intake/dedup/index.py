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
from intake.dedup.layout import PageWords, WordLayout, agreement, paged_agreement, word_layout
from intake.warehouse.models import Document, Fingerprint, Page, RecordKey, TextBucket

#: Estimated Jaccard similarity of character 5-shingles above which two texts laid out alike
#: are the same paper when no record key joins them. Measured over both development sets at
#: once (seeds 6101 + 6102, 14,851 pairs of different papers of one type): different papers
#: that pass the image and layout tests reach 0.64, so 0.63 took 3 of them and 0.65 none; 0.7
#: keeps a margin for a larger warehouse (more pairs, longer tail) at the cost of one more of
#: the 140 rescans. Missed at 0.7: two ID cards inside dossiers whose number was misread or
#: not read (no record key; text 0.65-0.66), and three pairs where a two-page form was
#: rescanned onto one page (words elsewhere, pHash 22-28). Rescans of badly read cards whose
#: fields were read alike are found by record key, whatever their text similarity.
NEAR_TEXT_JACCARD = 0.7
#: Page images must also be this close (Hamming distance of 64-bit pHash).
NEAR_PAGE_DISTANCE = 12
#: ... and the words shared by both must sit in the same places (``layout.agreement``): a
#: retyped copy of a form with the same values is a same-record, not a rescan, even when its
#: page image is close. Rescans: >= 0.98; retyped copies that look alike: <= 0.58.
NEAR_LAYOUT_AGREEMENT = 0.9
#: ... and when the text does not agree (below ``NEAR_TEXT_JACCARD``: a badly read card) the
#: record key and the layout alone vouch, so the words must sit in place as tightly as rescans
#: do (>= 0.98 on the development sets; low-text rescans of seeds 6904-6907 0.984-1.0). Two
#: photocopies of one card at the same place on A4, one with the back and one without (fresh
#: seed 6907: text 0.42, pHash 12, front words in place 0.915), are one record, not one paper.
NEAR_KEYED_LAYOUT_AGREEMENT = 0.97
#: A rescan whose page image is far (pHash > ``NEAR_PAGE_DISTANCE``: another crop or grey
#: level; 16 for a marriage form of development seed 6602) is still the same paper when its
#: words sit in place and its text agrees this much. Development seeds 6601 + 6602, pairs beyond
#: the image threshold with layout agreement >= 0.9: different papers of one type reach 0.59
#: (611 pairs, no record key), retyped ID cards 0.50 (key shared), the one rescan 0.98.
NEAR_FAR_JACCARD = 0.8
#: A rescan onto another number of pages (a form drawn tighter to fit one image, scanned again
#: into a two-page PDF) has no close page image; its words are fitted page by page onto the
#: other copy (``layout.paged_agreement``) and its text must agree too. Development set 6601:
#: such rescans 0.96-0.97, retyped copies whose page counts differ at most 0.76 (11 pairs).
NEAR_PAGED_AGREEMENT = 0.9
#: ... with text agreeing at least this much: two editions of one form can share their line
#: structure, so a copy retyped onto the other edition places its words too (a land form of
#: seed 6902: paged 0.93, text 0.75). Pairs whose page counts differ, text >= 0.6, seeds
#: 6601 + 6602 + 6901 + 6902: rescans 0.875-0.984 (7), retyped copies at most 0.79 (17);
#: the threshold sits between them.
NEAR_PAGED_JACCARD = 0.83
#: ... or, when the narrower sheet also rewrapped lines (no scale-and-shift places the words:
#: land forms of seed 6901 at 0.77), the text alone at this level. Pairs whose page counts
#: differ, seeds 6601 + 6602 + 6901: rescans 0.875-0.945 (5), retyped copies at most 0.79
#: (18), different papers of one type 0.58 (1,094). A thin margin, taken only across page
#: counts, where the image cannot be compared.
NEAR_RESPLIT_JACCARD = 0.9
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
    keys: list[str] | None = None,
    layout: WordLayout | None = None,
) -> list[Match]:
    """Rescans of this paper among stored documents of its type.

    Candidates come from two index probes: the LSH bands of the text, and the record keys
    (``keys``): a short, badly read card shares few shingles with its first scan but the same
    ID number. A candidate is the same paper when its pages look alike (pHash), its words sit
    where this document's do (``layout``), and either a record key or the text agrees. Without
    word positions on either side the text alone must agree, as before layouts were compared."""
    candidates = _lsh_candidates(session, text) if text is not None else set()
    keyed = set(find_same_record(session, keys or [], exclude))
    candidates |= keyed
    candidates.discard(exclude or -1)
    matches = []
    for doc_id in sorted(candidates):
        document = session.get(Document, doc_id)
        if document is None or document.status not in LINKABLE:
            continue
        if doc_type and document.doc_type and document.doc_type != doc_type:
            continue
        stored = session.get(Fingerprint, doc_id)
        if stored is None:
            continue
        distance = _page_distance(page_hashes, stored.page_hashes)
        similarity = text.jaccard(stored.minhash) if text is not None and stored.minhash else 0.0
        resplit = len(page_hashes) != len(stored.page_hashes)
        close = distance <= NEAR_PAGE_DISTANCE
        if not close and (layout is None or similarity < NEAR_TEXT_JACCARD):
            continue  # the two ways past a far image need word boxes and agreeing text
        other = stored_layout(session, doc_id) if layout is not None else None
        placed = agreement(layout, other) if layout is not None and other else None
        if close and placed is None:
            same = similarity >= NEAR_TEXT_JACCARD
        elif close:
            keyed_tight = doc_id in keyed and placed >= NEAR_KEYED_LAYOUT_AGREEMENT  # type: ignore[operator]
            same = placed >= NEAR_LAYOUT_AGREEMENT and (  # type: ignore[operator]
                keyed_tight or similarity >= NEAR_TEXT_JACCARD
            )
        else:
            same = (placed or 0.0) >= NEAR_LAYOUT_AGREEMENT and similarity >= NEAR_FAR_JACCARD
        paged = None
        if not same and resplit and similarity >= NEAR_TEXT_JACCARD and other is not None:
            paged = paged_agreement(layout, other)  # type: ignore[arg-type]
            placed_paged = (paged or 0.0) >= NEAR_PAGED_AGREEMENT
            same = (placed_paged and similarity >= NEAR_PAGED_JACCARD) or (
                similarity >= NEAR_RESPLIT_JACCARD
            )
        if same:
            details: dict[str, object] = {
                "text_jaccard": round(similarity, 3),
                "page_hash_distance": distance,
                "layout_agreement": None if placed is None else round(placed, 3),
                "record_key": doc_id in keyed,
                "paged_layout_agreement": None if paged is None else round(paged, 3),
            }
            score = 1.0 if doc_id in keyed else similarity
            matches.append(Match(doc_id, "near", round(score, 3), details))
    return sorted(matches, key=lambda m: -m.score)


def _lsh_candidates(session: Session, text: TextFingerprint) -> set[int]:
    probes = text.band_keys()
    return set(
        session.scalars(
            select(TextBucket.document_id)
            .where(or_(*(and_(TextBucket.band == b, TextBucket.key == k) for b, k in probes)))
            .distinct()
        )
    )


def stored_layout(session: Session, document_id: int) -> WordLayout:
    rows = session.execute(
        select(Page.number, Page.width, Page.height, Page.words).where(
            Page.document_id == document_id
        )
    ).all()
    return word_layout(PageWords(*row) for row in rows)


def find_same_record(session: Session, keys: list[str], exclude: int | None = None) -> list[int]:
    if not keys:
        return []
    # Two index probes, not a join: joined to ``documents`` and filtered by status this took
    # a p50 of 17 ms on PostgreSQL with 100,000 documents (``bench.duplicates --latency``);
    # the key index alone leaves a handful of ids to check.
    found = set(session.scalars(select(RecordKey.document_id).where(RecordKey.key.in_(keys))))
    found.discard(exclude or -1)
    if not found:
        return []
    ids = session.scalars(
        select(Document.id).where(Document.id.in_(found), Document.status.in_(LINKABLE))
    )
    return sorted(ids)


def _page_distance(a: list[str], b: list[str]) -> int:
    if not a or not b:
        return 64
    return min(hash_distance(x, y) for x in a for y in b)
