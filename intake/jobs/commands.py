"""What `intake batch`, `intake worker` and `intake watch` do (the CLI only parses options)."""

from __future__ import annotations

import json
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from intake.config import Settings
from intake.jobs.batch import BatchRun, Snapshot
from intake.jobs.local import LocalWorkers
from intake.jobs.queue import release_dead_local_workers
from intake.warehouse.repository import Warehouse

console = Console()


def _celery_sender() -> Callable[[int], None]:
    from intake.jobs.celery_app import send_job

    return send_job


class _Eta(ProgressColumn):
    def render(self, task: Task) -> Text:
        snap: Snapshot | None = task.fields.get("snap")
        if snap is None or snap.finished == 0 or snap.elapsed <= 0:
            return Text("ETA --:--")
        rate = snap.finished / snap.elapsed
        remaining = max(0, snap.total_files - snap.finished) / rate if rate else 0
        hours, rest = divmod(int(remaining), 3600)
        return Text(f"ETA {hours:d}:{rest // 60:02d}:{rest % 60:02d}")


class _Interrupt:
    """First Ctrl-C: stop cleanly (finish current documents). Second: stop now."""

    def __init__(self) -> None:
        self.count = 0
        self.previous = signal.getsignal(signal.SIGINT)

    def __enter__(self) -> _Interrupt:
        signal.signal(signal.SIGINT, self._handle)
        signal.signal(signal.SIGTERM, self._handle)
        return self

    def _handle(self, _signum: int, _frame: Any) -> None:
        self.count += 1
        if self.count >= 2:
            raise KeyboardInterrupt

    def __exit__(self, *exc: object) -> None:
        signal.signal(signal.SIGINT, self.previous)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def run_batch(
    settings: Settings, folder: Path, workers: int | None, backend: str, report_path: Path | None
) -> dict[str, Any]:
    warehouse = Warehouse.open(settings)
    released = release_dead_local_workers(warehouse)
    sender = _celery_sender() if backend == "celery" else None
    run = BatchRun(settings, folder, warehouse, on_enqueued=sender)
    total = run.plan()
    if released:
        console.print(f"Nhận lại {released} việc dở dang / {released} interrupted jobs requeued")
    if sender is not None:
        from intake.jobs.celery_app import resend_queued

        resend_queued(settings, run.batch)
    pool = LocalWorkers(settings, workers) if backend == "local" else None
    enqueuer = threading.Thread(target=run.enqueue_all, name="enqueue", daemon=True)
    stopped = False
    with _Interrupt() as interrupt:
        if pool is not None:
            pool.start()
        enqueuer.start()
        columns = (
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[pages]} trang · {task.fields[ppm]:.1f} trang/phút"),
            TextColumn("[red]{task.fields[failed]} lỗi"),
            TimeElapsedColumn(),
            _Eta(),
        )
        with Progress(*columns, console=console, transient=False) as progress:
            task = progress.add_task("Số hóa / digitizing", total=total, pages=0, ppm=0.0, failed=0)
            try:
                while True:
                    snap = run.snapshot()
                    progress.update(
                        task,
                        completed=snap.finished,
                        pages=snap.pages,
                        ppm=snap.pages_per_minute,
                        failed=snap.failures,
                        snap=snap,
                    )
                    if run.is_complete(snap) or run.enqueue_error is not None:
                        break
                    if interrupt.count:
                        stopped = True
                        break
                    if pool is not None:
                        pool.supervise()
                    time.sleep(0.5)
            except KeyboardInterrupt:
                stopped = True
        run.stop_flag.set()
        if pool is not None:
            if stopped:
                console.print(
                    "Đang dừng: chờ các tài liệu đang xử lý xong (Ctrl-C lần nữa để dừng ngay)"
                )
            try:
                pool.stop(timeout=None if stopped and interrupt.count < 2 else 30)
            except KeyboardInterrupt:
                pool.stop(timeout=0)
        enqueuer.join(10)
    report = run.report()
    report["stopped_early"] = stopped
    if run.enqueue_error is not None:
        report["enqueue_error"] = str(run.enqueue_error)
    warehouse.close()
    _print_report(report)
    target = report_path or settings.data_dir / "reports" / f"{run.batch}-{int(time.time())}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    console.print(f"Báo cáo / report: {target}")
    if stopped:
        console.print("Chạy lại cùng lệnh để tiếp tục / run the same command again to resume.")
    return report


def _print_report(report: dict[str, Any]) -> None:
    table = Table(title=f"Báo cáo lô / batch report — {report['folder']}")
    for column in ("Loại / type", "Trạng thái / status", "Số tài liệu / documents"):
        table.add_column(column)
    for row in sorted(report["documents"], key=lambda r: (str(r["doc_type"]), r["status"])):
        table.add_row(row["doc_type"] or "—", row["status"], str(row["count"]))
    console.print(table)
    console.print(
        f"{report['files']} tệp / files; việc / jobs: {report['jobs']}; "
        f"{report['pages_this_run']} trang trong lần chạy này / pages this run in "
        f"{report['seconds_this_run']} s ({report['pages_per_minute']} trang/phút)"
    )
    for error in report["errors"][:20]:
        console.print(f"[red]✗[/red] {Path(error['source']).name}: {error['error']}")


def run_worker(settings: Settings, workers: int | None, backend: str) -> None:
    if backend == "celery":
        from intake.jobs.celery_app import app

        Warehouse.open(settings).close()
        app.worker_main(
            [
                "worker",
                "--queues",
                settings.celery_queue,
                "--concurrency",
                str(workers or settings.effective_workers),
                "--loglevel",
                "INFO",
                "--without-gossip",
                "--without-mingle",
            ]
        )
        return
    warehouse = Warehouse.open(settings)
    release_dead_local_workers(warehouse)
    warehouse.close()
    pool = LocalWorkers(settings, workers)
    pool.start()
    console.print(f"{pool.count} tiến trình xử lý / worker processes: {pool.pids} (Ctrl-C để dừng)")
    _supervise_until_interrupted(pool, lambda: None)


def _supervise_until_interrupted(pool: LocalWorkers, tick: Callable[[], None]) -> None:
    with _Interrupt() as interrupt:
        try:
            while not interrupt.count:
                tick()
                pool.supervise()
                time.sleep(0.25)
        except KeyboardInterrupt:
            pass
        console.print("Đang dừng / stopping…")
        try:
            pool.stop(timeout=None if interrupt.count < 2 else 5)
        except KeyboardInterrupt:
            pool.stop(timeout=0)


def run_watch(
    settings: Settings, folders: list[Path], config: Path | None, workers: int | None, backend: str
) -> None:
    from watch_folders import FolderWatcher, load_config

    watch = load_config(config, folders)
    if not watch.folders:
        console.print("[red]Chưa có thư mục nào để theo dõi / no folder to watch[/red]")
        raise SystemExit(2)
    warehouse = Warehouse.open(settings)
    release_dead_local_workers(warehouse)
    sender = _celery_sender() if backend == "celery" else None
    watcher = FolderWatcher(settings, warehouse, watch.folders, on_enqueued=sender)
    watcher.start()
    for folder in watch.folders:
        console.print(
            f"Theo dõi / watching {folder.path} → lỗi / quarantine: {folder.quarantine_dir}"
        )
    pool = LocalWorkers(settings, workers) if backend == "local" else None
    try:
        if pool is None:
            with _Interrupt() as interrupt:
                while not interrupt.count:
                    watcher.poll()
                    time.sleep(0.25)
        else:
            pool.start()
            _supervise_until_interrupted(pool, watcher.poll)
    finally:
        watcher.stop()
        warehouse.close()
