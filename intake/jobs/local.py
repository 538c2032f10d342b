"""Local worker processes: the default back-end, no broker needed.

Each process claims one job at a time from the database queue and processes it end to end
with one OCR thread, so N processes use N cores. The supervisor restarts a process that dies
(its job is taken up again when the lease runs out); a clean stop lets each finish its current
job.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time
from multiprocessing.synchronize import Event

from intake.config import Settings
from intake.errors import ErrorCode, IntakeError

log = logging.getLogger(__name__)

IDLE_POLL_SECONDS = 0.5
CRASH_WINDOW_SECONDS = 60.0
CRASH_LIMIT = 3  # restarts per worker within the window before giving up


class WorkersCrashingError(IntakeError):
    code = ErrorCode.INTERNAL


def worker_main(settings_json: str, stop: Event) -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    from intake.jobs.runner import JobRunner
    from intake.pipeline.pages import PageReader
    from intake.warehouse.repository import Warehouse

    settings = Settings.model_validate_json(settings_json)
    warehouse = Warehouse.open(settings, migrate=False)
    runner = JobRunner(settings, warehouse, PageReader(settings))
    try:
        while not stop.is_set():
            if runner.claim_and_run() is None:
                stop.wait(IDLE_POLL_SECONDS)
    finally:
        warehouse.close()


class LocalWorkers:
    def __init__(self, settings: Settings, count: int | None = None) -> None:
        self.settings = settings
        self.count = count or settings.effective_workers
        self.context = multiprocessing.get_context("forkserver")
        self.stop_event = self.context.Event()
        self.processes: list[multiprocessing.process.BaseProcess] = []
        self.restarts: list[float] = []

    def start(self) -> None:
        from intake.warehouse.repository import Warehouse

        Warehouse.open(self.settings).close()  # migrate once, before workers race to do it
        for _ in range(self.count):
            self.processes.append(self._spawn())

    def _spawn(self) -> multiprocessing.process.BaseProcess:
        process = self.context.Process(
            target=worker_main,
            args=(self.settings.model_dump_json(), self.stop_event),
            name="intake-worker",
            daemon=False,
        )
        process.start()
        return process

    def supervise(self) -> None:
        """Replace workers that died (killed, out of memory) while not stopping."""
        if self.stop_event.is_set():
            return
        for index, process in enumerate(self.processes):
            if not process.is_alive():
                log.warning("worker pid %s exited (%s): restarting", process.pid, process.exitcode)
                now = time.monotonic()
                self.restarts = [t for t in self.restarts if now - t < CRASH_WINDOW_SECONDS]
                if len(self.restarts) >= CRASH_LIMIT * self.count:
                    self.stop(timeout=5)
                    raise WorkersCrashingError(
                        "Các tiến trình xử lý liên tục bị dừng bất thường; xem nhật ký. "
                        "/ Worker processes keep crashing; see the log above."
                    )
                self.restarts.append(now)
                self.processes[index] = self._spawn()

    def stop(self, timeout: float | None = None) -> None:
        """Ask every worker to stop after its current job; terminate those still busy after
        ``timeout`` seconds (their jobs go back to the queue on the next start)."""
        self.stop_event.set()
        for process in self.processes:
            process.join(timeout)
        for process in self.processes:
            if process.is_alive():
                process.terminate()
                process.join(5)

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self.processes if p.pid is not None]
