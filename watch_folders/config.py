"""Which folders are watched and what each means (TOML).

[[folder]]
path = "/srv/scan/quay-1"
office = "UBND phường Bến Thành"
counter = "Quầy 1"
procedure_hint = "1.001193"
recursive = false
split_dossiers = true
quarantine = "/srv/scan/quay-1-loi"   # default: <path>/../<name>-quarantine
polling = false                       # true for SMB/NFS shares (inotify does not fire)
"""

from __future__ import annotations

import tomllib
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, field_validator


class WatchFolder(BaseModel):
    path: Path
    office: str | None = None
    counter: str | None = None
    procedure_hint: str | None = None
    recursive: bool = False
    split_dossiers: bool = True
    quarantine: Path | None = None
    polling: bool = False

    @field_validator("office", "counter")
    @classmethod
    def _nfc(cls, value: str | None) -> str | None:
        return unicodedata.normalize("NFC", value) if value else value

    @property
    def quarantine_dir(self) -> Path:
        if self.quarantine is not None:
            return self.quarantine
        return self.path.parent / f"{self.path.name}-quarantine"

    def origin(self) -> dict[str, Any]:
        """What a job remembers of where its file came from."""
        return {
            "watch_folder": str(self.path),
            "office": self.office,
            "counter": self.counter,
            "procedure_hint": self.procedure_hint,
            "split_dossiers": self.split_dossiers,
            "quarantine_dir": str(self.quarantine_dir),
        }


class WatchConfig(BaseModel):
    folders: list[WatchFolder] = Field(default_factory=list, alias="folder")

    model_config = {"populate_by_name": True}


def load_config(path: Path | None, extra_folders: list[Path] | None = None) -> WatchConfig:
    config = WatchConfig()
    if path is not None:
        config = WatchConfig.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    for folder in extra_folders or []:
        config.folders.append(WatchFolder(path=folder))
    return config
