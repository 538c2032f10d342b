"""Scale-out: the same job runner inside a Celery task, Redis as the broker.

Tasks carry only the job id (JSON, never pickle); the job row is the source of truth, so a
task delivered twice, or after a worker died (acks_late + reject_on_worker_lost), finds the
job done or leased and does nothing. Transient failures are retried by the job queue's own
back-off (the job row goes back to ``queued`` with ``lease_until``), and a re-sent task is
scheduled for that time.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from celery import Celery

from intake.config import Settings

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def make_celery(settings: Settings) -> Celery:
    app = Celery("intake", broker=settings.redis_url)
    app.conf.update(
        task_serializer="json",
        accept_content=["json"],
        result_backend=None,
        task_ignore_result=True,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=settings.celery_queue,
        task_time_limit=max(60, int(settings.job_lease_seconds)),
        broker_connection_retry_on_startup=True,
    )
    return app


app = make_celery(Settings())
_runner = None


def _get_runner():  # type: ignore[no-untyped-def]
    global _runner
    if _runner is None:
        from intake.jobs.runner import JobRunner
        from intake.pipeline.pages import PageReader
        from intake.warehouse.repository import Warehouse

        settings = Settings()
        _runner = JobRunner(settings, Warehouse.open(settings, migrate=False), PageReader(settings))
    return _runner


@app.task(name="intake.process_job")
def process_job(job_id: int) -> str:
    outcome = _get_runner().claim_and_run(job_id)
    if outcome is None:
        return "not-claimable"
    if outcome.state == "retry":
        send_job(job_id, retry=True)
    return outcome.state


def send_job(job_id: int, retry: bool = False) -> None:
    """Hand a committed job to the Celery workers (after a back-off when retrying)."""
    eta = None
    if retry:
        from intake.warehouse.models import Job

        runner = _get_runner()
        with runner.warehouse.sessions() as session:
            job = session.get(Job, job_id)
            eta = job.lease_until if job is not None else None
        if eta is not None and eta.tzinfo is None:
            eta = eta.replace(tzinfo=UTC)
        if eta is not None and eta < datetime.now(UTC):
            eta = None
    process_job.apply_async(args=[job_id], eta=eta)


def resend_queued(settings: Settings, batch: str | None = None) -> int:
    """Re-send every queued job (after a broker restart lost messages, or on resume)."""
    from sqlalchemy import select

    from intake.warehouse.models import Job
    from intake.warehouse.repository import Warehouse

    warehouse = Warehouse.open(settings, migrate=False)
    try:
        with warehouse.sessions() as session:
            stmt = select(Job.id).where(Job.state == "queued")
            if batch is not None:
                stmt = stmt.where(Job.batch == batch)
            ids = list(session.scalars(stmt))
    finally:
        warehouse.close()
    for job_id in ids:
        process_job.apply_async(args=[job_id])
    return len(ids)
