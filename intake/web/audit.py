"""The audit log: every change, and every view of personal data, with who, when and what.

Decree 13/2023/NĐ-CP asks that processing of personal data be traceable; officers' corrections
also feed classifier retraining. Entries are only ever appended, inside the same unit of work
as the change they describe, so a change without its entry cannot be committed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.warehouse.models_auth import AuditEntry
from intake.web.api_models import AuditView
from intake.web.auth import Principal


def record(
    session: Session,
    principal: Principal,
    action: str,
    *,
    document_id: int | None = None,
    target: str | None = None,
    old: str | None = None,
    new: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditEntry(
            user_id=principal.user_id,
            user_name=principal.name,
            action=action,
            document_id=document_id,
            target=target,
            old_value=old,
            new_value=new,
            detail=detail,
            remote_addr=principal.remote_addr,
        )
    )


def entries(session: Session, document_id: int, limit: int = 200) -> list[AuditView]:
    """A document's history, newest first."""
    rows = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.document_id == document_id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(limit)
    )
    return [
        AuditView(
            at=r.at,
            user=r.user_name,
            action=r.action,
            document_id=r.document_id,
            target=r.target,
            old_value=r.old_value,
            new_value=r.new_value,
        )
        for r in rows
    ]
