"""Rebuild stored text fingerprints and record keys from what the warehouse kept.

Fingerprints are derived data: when their scheme changes (``fingerprint.SCHEME``) or the
``identity`` of a document type does, stored rows would never match new ones. Everything they
are made of is stored (page text, extracted fields), so they are rebuilt without OCR:
migrations 0006 and 0007 each run this once, and ``python -m intake.dedup.refingerprint`` runs
it again on demand (after an edit of ``identity``). Only explicit columns are read, so an
older database at this migration step is served by today's models.
"""

from __future__ import annotations

import argparse
import logging
from collections import defaultdict

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from intake.dedup.fingerprint import fingerprint_text
from intake.dedup.records import record_keys
from intake.warehouse.models import Document, Field, Fingerprint, Page, RecordKey, TextBucket
from schemas import load_schemas

log = logging.getLogger(__name__)
BATCH = 500


def refingerprint(session: Session) -> int:
    """Recompute the text MinHash, LSH buckets and record keys of every fingerprinted
    document; returns how many were rebuilt. Page hashes are kept (images are not re-read)."""
    schemas = load_schemas()
    ids = list(session.scalars(select(Fingerprint.document_id).order_by(Fingerprint.document_id)))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        texts: dict[int, list[str]] = defaultdict(list)
        for doc_id, text in session.execute(
            select(Page.document_id, Page.text)
            .where(Page.document_id.in_(chunk))
            .order_by(Page.document_id, Page.number)
        ):
            texts[doc_id].append(text or "")
        fields: dict[int, dict[str, str | None]] = defaultdict(dict)
        for doc_id, key, value in session.execute(
            select(Field.document_id, Field.key, Field.value).where(Field.document_id.in_(chunk))
        ):
            fields[doc_id][key] = value
        types: dict[int, str | None] = {
            doc_id: doc_type
            for doc_id, doc_type in session.execute(
                select(Document.id, Document.doc_type).where(Document.id.in_(chunk))
            )
        }
        session.execute(delete(TextBucket).where(TextBucket.document_id.in_(chunk)))
        session.execute(delete(RecordKey).where(RecordKey.document_id.in_(chunk)))
        buckets, keys = [], []
        for doc_id in chunk:
            text = fingerprint_text("\n".join(texts[doc_id]))
            session.execute(
                update(Fingerprint)
                .where(Fingerprint.document_id == doc_id)
                .values(
                    minhash=list(text.signature) if text else [],
                    shingles=text.shingles if text else 0,
                )
            )
            if text is not None:
                buckets += [
                    {"document_id": doc_id, "band": b, "key": k} for b, k in text.band_keys()
                ]
            schema = schemas.get(types.get(doc_id) or "")
            if schema is not None:
                keys += [
                    {"document_id": doc_id, "key": k} for k in record_keys(schema, fields[doc_id])
                ]
        if buckets:
            session.execute(insert(TextBucket), buckets)
        if keys:
            session.execute(insert(RecordKey), keys)
        log.info("re-fingerprinted %d of %d documents", start + len(chunk), len(ids))
    return len(ids)


def main() -> None:
    from intake.config import Settings
    from intake.warehouse.repository import Warehouse

    argparse.ArgumentParser(description=__doc__).parse_args()
    warehouse = Warehouse.open(Settings())
    with warehouse.sessions() as session:
        count = refingerprint(session)
        session.commit()
    warehouse.close()
    print(f"re-fingerprinted {count} documents")


if __name__ == "__main__":
    main()
