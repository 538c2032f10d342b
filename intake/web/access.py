"""Which documents a caller may see: clerks their own uploads, officers and admins all.

Every query for documents goes through :func:`visible`, and every single-document route
through :func:`load_document`, so the rule lives in one place. A document the caller may not
see is reported as absent (404), which does not reveal that it exists.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from intake.warehouse.models import Document
from intake.warehouse.models_auth import Upload
from intake.web.auth import Principal
from intake.web.problems import NotFound


def visible(stmt: Select[Any], principal: Principal) -> Select[Any]:
    if principal.sees_all_documents:
        return stmt
    own_jobs = select(Upload.pipeline_job_id).where(
        Upload.user_id == principal.user_id, Upload.pipeline_job_id.is_not(None)
    )
    return stmt.where(Document.job_id.in_(own_jobs))


def load_document(session: Session, principal: Principal, document_id: int) -> Document:
    stmt = visible(select(Document).where(Document.id == document_id), principal)
    document = session.scalar(stmt)
    if document is None:
        raise NotFound(f"Không tìm thấy tài liệu #{document_id} / document not found")
    return document
