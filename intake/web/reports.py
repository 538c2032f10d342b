"""Numbers for the dashboard and ``GET /api/reports``.

Definitions (over documents received in the range, quarantined files excluded from rates):
- review rate: share an officer confirmed;
- straight-through rate: share stored with no human change (no field correction, no type
  change, no duplicate decision) — the machine got it right, confirmed or not;
- correction rate per field: share of extracted fields of that key an officer changed.
Days are Vietnam days (UTC+7), counted in Python so SQLite and PostgreSQL agree.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, timedelta

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from intake.warehouse.models import Document, Field, FieldRevision
from intake.warehouse.models_auth import AuditEntry, DocumentReview
from intake.web.api_models import Count, FieldRate, Report
from intake.web.labels import STATUS, VIETNAM, type_title
from intake.web.queries import day_start
from schemas import DocTypeSchema

CHANGE_ACTIONS = ("field_corrected", "type_changed", "duplicate_marked", "duplicate_cleared")
MAX_DAYS = 366


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def build_report(
    session: Session, schemas: dict[str, DocTypeSchema], first: date, last: date
) -> Report:
    start, end = day_start(first), day_start(last + timedelta(days=1))
    in_range = select(Document.id).where(Document.received_at >= start, Document.received_at < end)
    rows = session.execute(
        select(Document.id, Document.received_at, Document.doc_type, Document.status).where(
            Document.id.in_(in_range)
        )
    ).all()
    per_day: Counter[date] = Counter()
    for row in rows:
        moment = row.received_at
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite: naive UTC
        per_day[moment.astimezone(VIETNAM).date()] += 1
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    per_type = Counter(row.doc_type or "" for row in rows)
    per_status = Counter(row.status for row in rows)
    usable = len(rows) - per_status.get("quarantined", 0)
    reviewed = (
        session.scalar(select(func.count()).where(DocumentReview.document_id.in_(in_range))) or 0
    )
    touched = set(
        session.scalars(
            select(AuditEntry.document_id)
            .where(AuditEntry.action.in_(CHANGE_ACTIONS), AuditEntry.document_id.in_(in_range))
            .distinct()
        )
    )
    straight = sum(1 for row in rows if row.status == "stored" and row.id not in touched)
    return Report(
        date_from=start,
        date_to=end,
        total=len(rows),
        per_day=[
            Count(key=d.isoformat(), label=d.strftime("%d/%m"), count=per_day[d]) for d in days
        ],
        per_type=[
            Count(key=k, label=type_title(schemas, k) or "Chưa phân loại", count=n)
            for k, n in per_type.most_common()
        ],
        per_status=[
            Count(key=k, label=STATUS.get(k, k), count=n) for k, n in per_status.most_common()
        ],
        review_rate=_rate(reviewed, usable),
        straight_through_rate=_rate(straight, usable),
        correction_rate_per_field=_field_rates(session, in_range),
    )


def _field_rates(session: Session, in_range: object) -> list[FieldRate]:
    stmt = (
        select(
            Field.key, func.count(distinct(Field.id)), func.count(distinct(FieldRevision.field_id))
        )
        .outerjoin(FieldRevision, FieldRevision.field_id == Field.id)
        .where(Field.document_id.in_(in_range))  # type: ignore[arg-type]
        .group_by(Field.key)
    )
    rates = [
        FieldRate(key=key, fields=total, corrected=corrected, rate=_rate(corrected, total))
        for key, total, corrected in session.execute(stmt)
    ]
    return sorted(rates, key=lambda r: (-r.rate, r.key))
