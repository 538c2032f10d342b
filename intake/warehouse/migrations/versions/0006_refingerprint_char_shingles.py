"""text fingerprints: character 5-shingles (scheme 2) and digit-tolerant record keys

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 01:45:00

A data migration: the tables do not change, their rows do. Stored MinHash signatures and LSH
buckets of word 3-shingles never match the character 5-shingles new documents get, and record
keys gain masked-digit keys, so both are rebuilt from the stored page text and fields
(``intake.dedup.refingerprint``; no OCR). Downgrade leaves the rows: scheme-2 rows under the
old code only cost near-duplicate recall until they are rebuilt the other way.
"""

from __future__ import annotations

from alembic import op
from sqlalchemy.orm import Session

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from intake.dedup.refingerprint import refingerprint

    session = Session(bind=op.get_bind())
    refingerprint(session)
    session.flush()


def downgrade() -> None:
    pass
