"""The folder watcher: watchdog events (or polling for network shares) feed a stability
tracker; complete files are received into the warehouse and only then removed from the inbox.

Events are only hints: a sweep at start-up picks up files dropped while the service was down,
and a periodic full rescan catches events that were missed (network shares, overflow).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from intake.config import Settings
from intake.errors import IntakeError
from intake.pipeline.ingest import receive
from intake.sources import is_temporary
from intake.warehouse.repository import Warehouse
from watch_folders.config import WatchFolder
from watch_folders.stability import StabilityTracker

log = logging.getLogger(__name__)


class _Handler(FileSystemEventHandler):
    def __init__(self, sink: queue.SimpleQueue[Path]) -> None:
        self.sink = sink

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if raw:
                self.sink.put(Path(raw if isinstance(raw, str) else raw.decode()))


class FolderWatcher:
    def __init__(
        self,
        settings: Settings,
        warehouse: Warehouse,
        folders: list[WatchFolder],
        on_enqueued: Callable[[int], None] | None = None,
    ) -> None:
        self.settings = settings
        self.warehouse = warehouse
        self.folders = folders
        self.on_enqueued = on_enqueued
        self.tracker = StabilityTracker(settings.watch_settle_seconds)
        self.events: queue.SimpleQueue[Path] = queue.SimpleQueue()
        self.observers: list[Observer] = []
        self.received = 0
        self._last_rescan = 0.0
        self._stop = threading.Event()

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> None:
        for folder in self.folders:
            folder.path.mkdir(parents=True, exist_ok=True)
            observer = PollingObserver(timeout=1.0) if folder.polling else Observer()
            observer.schedule(_Handler(self.events), str(folder.path), recursive=folder.recursive)
            observer.start()
            self.observers.append(observer)
        self.rescan()  # files dropped while we were down

    def stop(self) -> None:
        self._stop.set()
        for observer in self.observers:
            observer.stop()
        for observer in self.observers:
            observer.join(5)

    def run_forever(self, tick: float = 0.25, on_tick: Callable[[], None] | None = None) -> None:
        while not self._stop.is_set():
            self.poll()
            if on_tick is not None:
                on_tick()
            self._stop.wait(tick)

    # -- one round ---------------------------------------------------------------------------
    def poll(self) -> int:
        """Drain events, rescan when due, and receive every complete file. Returns how many
        files were received."""
        while True:
            try:
                path = self.events.get_nowait()
            except queue.Empty:
                break
            if self._wanted(path):
                self.tracker.touch(path)
        if time.monotonic() - self._last_rescan >= self.settings.watch_rescan_seconds:
            self.rescan()
        taken = 0
        for path in self.tracker.ready():
            if self._take(path):
                taken += 1
        return taken

    def rescan(self) -> None:
        self._last_rescan = time.monotonic()
        for folder in self.folders:
            pattern = "**/*" if folder.recursive else "*"
            for path in folder.path.glob(pattern):
                if path.is_file() and self._wanted(path):
                    self.tracker.touch(path)

    def _folder_of(self, path: Path) -> WatchFolder | None:
        for folder in self.folders:
            try:
                relative = path.relative_to(folder.path)
            except ValueError:
                continue
            if folder.recursive or len(relative.parts) == 1:
                return folder
        return None

    def _wanted(self, path: Path) -> bool:
        folder = self._folder_of(path)
        if folder is None or is_temporary(path):
            return False
        try:
            path.relative_to(folder.quarantine_dir)
            return False
        except ValueError:
            return True

    def _take(self, path: Path) -> bool:
        folder = self._folder_of(path)
        if folder is None:
            self.tracker.forget(path)
            return False
        try:
            ticket = receive(self.warehouse, path, folder.origin())
        except FileNotFoundError:
            self.tracker.forget(path)  # taken away by someone else
            return False
        except (IntakeError, OSError) as exc:
            log.error("cannot receive %s, will retry: %s", path, exc)  # file stays in the inbox
            return False
        try:
            path.unlink()  # only now: the original and its job are committed
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.error("received %s but cannot remove it from the inbox: %s", path, exc)
        self.tracker.forget(path)
        self.received += 1
        log.info("received %s as job %s", path.name, ticket.job_id)
        if self.on_enqueued is not None:
            self.on_enqueued(ticket.job_id)
        return True
