"""Where page reading runs: inline (one process) or a pool of worker processes.

Each worker builds its OCR engine once and keeps it (the Tesseract model load costs more than
a page), and runs one OCR thread (OMP_THREAD_LIMIT=1), so N workers use N cores. Workers are
started with ``forkserver``: forking a process that holds an open SQLite connection is unsafe.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Protocol

from intake.config import Settings
from intake.pipeline.pages import PageReader, PageResult, PageTask

_reader: PageReader | None = None


class PagePool(Protocol):
    def submit(self, task: PageTask) -> Future[PageResult]: ...

    def close(self) -> None: ...


class InlinePool:
    """Reads pages in the calling process: one core, no start-up cost, easy to debug."""

    def __init__(self, settings: Settings) -> None:
        self.reader = PageReader(settings)

    def submit(self, task: PageTask) -> Future[PageResult]:
        future: Future[PageResult] = Future()
        future.set_result(self.reader.read(task))
        return future

    def close(self) -> None:
        close = getattr(self.reader.engine, "close", None)
        if close is not None:
            close()


def _init_worker(settings_json: str) -> None:
    global _reader
    os.environ["OMP_THREAD_LIMIT"] = "1"
    _reader = PageReader(Settings.model_validate_json(settings_json))


def _read_in_worker(task: PageTask) -> PageResult:
    assert _reader is not None, "worker not initialised"
    return _reader.read(task)


class ProcessPool:
    def __init__(self, settings: Settings, workers: int) -> None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["intake.pipeline.pages"])
        self.executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(settings.model_dump_json(),),
        )

    def submit(self, task: PageTask) -> Future[PageResult]:
        return self.executor.submit(_read_in_worker, task)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def make_pool(settings: Settings, workers: int | None = None) -> PagePool:
    count = workers if workers is not None else settings.effective_workers
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    return InlinePool(settings) if count <= 1 else ProcessPool(settings, count)
