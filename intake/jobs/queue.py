"""The durable job queue in the warehouse database.

States: ``queued`` -> ``running`` -> ``done`` | ``failed`` (and back to ``queued`` for a
retry). ``lease_until`` is the time until which nobody else may take the job: for a running
job it is the worker's lease (a worker that dies simply lets it run out); for a queued job
it is the retry back-off. One claim statement works on both databases: on PostgreSQL the
candidate row is locked with ``FOR UPDATE SKIP LOCKED``; on SQLite the single UPDATE runs
under the database write lock. The claimable condition is repeated in the outer WHERE so a
row changed by a concurrent claim is never taken twice.
"""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, func, or_, select, update
from sqlalchemy.orm import aliased

from intake.pipeline.ingest import Ticket
from intake.warehouse.models import Job
from intake.warehouse.repository import Warehouse


def _claimable(now: datetime) -> Any:
    return or_(
        and_(Job.state == "queued", or_(Job.lease_until.is_(None), Job.lease_until <= now)),
        and_(Job.state == "running", Job.lease_until < now),
    )


def _not_twin_running(now: datetime) -> Any:
    """Two files with the same bytes are never processed at once: the second waits and then
    becomes an exact duplicate of the first instead of a second original."""
    twin = aliased(Job)
    return ~exists().where(
        twin.sha256 == Job.sha256,
        twin.id != Job.id,
        twin.state == "running",
        twin.lease_until >= now,
    )


def claim(
    warehouse: Warehouse, owner: str, lease: timedelta, job_id: int | None = None
) -> Ticket | None:
    """Take the oldest claimable job (or exactly ``job_id``) for ``owner``, or None."""
    now = datetime.now(UTC)
    candidate = select(Job.id).where(_claimable(now), _not_twin_running(now))
    if job_id is not None:
        candidate = candidate.where(Job.id == job_id)
    candidate = candidate.order_by(Job.id).limit(1).with_for_update(skip_locked=True)
    stmt = (
        update(Job)
        .where(Job.id == candidate.scalar_subquery(), _claimable(now))
        .values(
            state="running",
            worker=owner,
            lease_until=now + lease,
            attempts=Job.attempts + 1,
            updated_at=now,
        )
        .returning(Job.id, Job.sha256, Job.source_path, Job.options, Job.attempts)
        .execution_options(synchronize_session=False)
    )
    with warehouse.unit_of_work() as session:
        row = session.execute(stmt).first()
    if row is None:
        return None
    return Ticket(row.id, row.sha256, row.source_path, dict(row.options or {}), row.attempts)


def extend_lease(warehouse: Warehouse, job_id: int, owner: str, lease: timedelta) -> bool:
    """Heartbeat for long documents; False when the job is no longer ours."""
    now = datetime.now(UTC)
    with warehouse.unit_of_work() as session:
        result = session.execute(
            update(Job)
            .where(Job.id == job_id, Job.worker == owner, Job.state == "running")
            .values(lease_until=now + lease, updated_at=now)
            .execution_options(synchronize_session=False)
        )
    return result.rowcount == 1  # type: ignore[attr-defined]


def retry_later(
    warehouse: Warehouse, job_id: int, owner: str, error: str, max_attempts: int, backoff: float
) -> str:
    """A transient failure: back to ``queued`` with exponential back-off, or ``failed`` once
    the attempts are used up. Returns the new state."""
    now = datetime.now(UTC)
    with warehouse.unit_of_work() as session:
        job = session.get(Job, job_id)
        if job is None or job.worker != owner or job.state != "running":
            return job.state if job else "missing"
        if job.attempts >= max_attempts:
            job.state, job.lease_until = "failed", None
        else:
            job.state = "queued"
            job.lease_until = now + timedelta(seconds=backoff * 2 ** (job.attempts - 1))
        job.last_error = error
        job.updated_at = now
        return job.state


def release(warehouse: Warehouse, job_id: int, owner: str) -> None:
    """Give an unfinished job back at once (clean stop): the next worker takes it without
    waiting for the lease, and the attempt is not counted."""
    with warehouse.unit_of_work() as session:
        session.execute(
            update(Job)
            .where(Job.id == job_id, Job.worker == owner, Job.state == "running")
            .values(state="queued", lease_until=None, attempts=Job.attempts - 1)
            .execution_options(synchronize_session=False)
        )


def release_dead_local_workers(warehouse: Warehouse) -> int:
    """Requeue jobs leased by worker processes of this host that no longer exist (a killed
    batch run), so a resumed run does not wait for their leases to expire."""
    host = socket.gethostname()
    released = 0
    with warehouse.unit_of_work() as session:
        rows = session.execute(
            select(Job.id, Job.worker).where(Job.state == "running", Job.worker.like(f"{host}:%"))
        ).all()
        for job_id, owner in rows:
            pid = int(owner.rsplit(":", 1)[1]) if owner.rsplit(":", 1)[1].isdigit() else -1
            if pid > 0 and not _alive(pid):
                session.execute(
                    update(Job)
                    .where(Job.id == job_id, Job.worker == owner, Job.state == "running")
                    .values(state="queued", lease_until=None)
                    .execution_options(synchronize_session=False)
                )
                released += 1
    return released


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def counts(warehouse: Warehouse, batch: str | None = None) -> dict[str, int]:
    stmt = select(Job.state, func.count()).group_by(Job.state)
    if batch is not None:
        stmt = stmt.where(Job.batch == batch)
    with warehouse.sessions() as session:
        return {state: n for state, n in session.execute(stmt).all()}
