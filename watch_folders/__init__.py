"""Scanner folders: detect complete files, hand them to ``intake.jobs``, keep the inbox clean.

The watcher only detects and queues (Paperless-ngx's consumer design): processing happens in
the workers. A file leaves the inbox only after its original is in the blob store and its
job row is committed.
"""

from __future__ import annotations

from watch_folders.config import WatchConfig, WatchFolder, load_config
from watch_folders.stability import StabilityTracker
from watch_folders.watcher import FolderWatcher

__all__ = ["FolderWatcher", "StabilityTracker", "WatchConfig", "WatchFolder", "load_config"]
