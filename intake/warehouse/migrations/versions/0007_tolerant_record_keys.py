"""record keys: tolerant keys for a misread date digit and for one unread field

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 04:00:00

A data migration: ``record_keys`` gains keys with a date digit masked (key sets of three or
more fields) and keys with one field left out (sets of four or more; see
``intake.dedup.records``). A new document whose copy was stored before would otherwise look
for a tolerant key the stored copy never got, so the keys of every stored document are rebuilt
from its stored fields (``intake.dedup.refingerprint``; no OCR). Downgrade leaves the rows:
extra keys under the old code only match what the new code would.
"""

from __future__ import annotations

from alembic import op
from sqlalchemy.orm import Session

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from intake.dedup.refingerprint import refingerprint

    session = Session(bind=op.get_bind())
    refingerprint(session)
    session.flush()


def downgrade() -> None:
    pass
