"""kill -9 of a worker in the middle of a document: after restart it is stored exactly once."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

from sqlalchemy import func, select

from intake.config import Settings
from intake.jobs.local import worker_main
from intake.pipeline.ingest import receive
from intake.warehouse.models import Document, Job
from intake.warehouse.repository import Warehouse
from tests.jobs.helpers import all_finished, wait_until
from tests.pages import PROCESSED, render_page


def test_killed_worker_job_is_redone_once(tmp_path: Path) -> None:
    """Given a 4-page document being read by a worker, when the worker is killed with SIGKILL
    mid-document and a new worker starts, then the document is stored once with all pages."""
    settings = Settings(
        data_dir=tmp_path / "data", workers=1, job_lease_seconds=2, split_dossiers=False
    )
    dossier = tmp_path / "hồ sơ 4 trang.pdf"
    pages = [render_page() for _ in range(4)]
    pages[0].save(dossier, save_all=True, append_images=pages[1:], resolution=300)
    warehouse = Warehouse.open(settings)
    ticket = receive(warehouse, dossier)
    context = multiprocessing.get_context("forkserver")

    def job_state() -> tuple[str, int]:
        with warehouse.sessions() as session:
            job = session.get(Job, ticket.job_id)
            return job.state, job.attempts

    never = context.Event()  # keep a reference: the child unpickles it after start()
    first = context.Process(target=worker_main, args=(settings.model_dump_json(), never))
    first.start()
    wait_until(lambda: job_state()[0] == "running", 60, "the first worker to start the job")
    time.sleep(1.0)  # inside the document: 4 pages take several seconds
    assert job_state()[0] == "running", "the document must still be in progress when killed"
    os.kill(first.pid, signal.SIGKILL)
    first.join(10)
    with warehouse.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 0

    stop = context.Event()
    second = context.Process(target=worker_main, args=(settings.model_dump_json(), stop))
    second.start()
    try:
        wait_until(lambda: all_finished(warehouse, 1), 120, "the restarted worker to finish")
    finally:
        stop.set()
        second.join(30)
    with warehouse.sessions() as session:
        documents = list(session.scalars(select(Document)))
    assert len(documents) == 1
    assert documents[0].status in PROCESSED and documents[0].page_count == 4
    assert job_state() == ("done", 2)
    warehouse.close()
