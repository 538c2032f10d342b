"""Service configuration: environment variables ``INTAKE_*`` over an optional TOML file.

Precedence (highest first): explicit keyword arguments, ``INTAKE_*`` environment variables,
the TOML file named by ``INTAKE_CONFIG`` (or ``./intake.toml`` when present), defaults.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


def _config_file() -> Path | None:
    named = os.environ.get("INTAKE_CONFIG")
    if named:
        return Path(named)
    local = Path("intake.toml")
    return local if local.is_file() else None


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INTAKE_", extra="ignore")

    data_dir: Path = Field(Path("intake-data"), description="Blob store, database and logs.")
    database_url: str | None = Field(
        None, description="SQLAlchemy URL; default: SQLite file intake.db in the data dir."
    )
    ocr_engine: Literal["tesseract", "paddle"] = "tesseract"
    ocr_language: str = Field("vie", description="Tesseract language(s), e.g. 'vie' or 'vie+eng'.")
    tessdata_dir: Path | None = Field(None, description="Tesseract traineddata folder override.")
    paddle_models_dir: Path | None = Field(
        None, description="Folder with det/ and rec/ ONNX models (see `make paddle-models`)."
    )
    render_dpi: int = Field(300, ge=72, le=600, description="DPI for rendering PDF pages.")
    workers: int = Field(0, ge=0, description="Worker processes; 0 means one per core.")
    max_image_pixels: int = Field(
        200_000_000, ge=1, description="Pillow decompression-bomb limit per page image."
    )
    max_pages: int = Field(2000, ge=1, description="Pages per file before it is refused.")
    deskew: bool = True
    ocr_min_dpi: int = Field(
        0,
        ge=0,
        le=600,
        description="Scans below this DPI are enlarged to 300 DPI for OCR (0: never). Off by "
        "default: measured no recall gain for 2.8x the OCR time on 150 DPI pages.",
    )
    read_cards: bool = Field(
        True, description="Find ID cards on a page and OCR them enlarged, on their own."
    )
    reread_digits: bool = Field(
        True,
        description="Re-read uncertain dates and ID numbers as single lines limited to digits.",
    )
    reread_language: str = Field(
        "eng",
        description="Tesseract model of the digit re-reads: 'eng' reads digits in italic and "
        "bold print that 'vie' misreads (docs/ocr.md, 'Models and options compared').",
    )
    read_photos: bool = Field(
        True,
        description="Find the cards or page on a phone photo, warp them flat and read cards "
        "by zone (docs/photos.md).",
    )
    remove_lines: bool = Field(
        True, description="Erase dotted leaders and table rules before OCR (not in page images)."
    )
    detect_orientation: bool = True
    page_image_quality: int = Field(80, ge=10, le=100, description="JPEG quality of page images.")
    classify_threshold: float = Field(
        0.8, ge=0, le=1, description="Below this calibrated confidence a document goes to review."
    )
    split_dossiers: bool = Field(True, description="Split multi-document scans into documents.")
    job_lease_seconds: float = Field(
        600, gt=0, description="A running job not finished by then is taken up by another worker."
    )
    job_max_attempts: int = Field(5, ge=1, description="Tries before a job is marked failed.")
    job_backoff_seconds: float = Field(30, ge=0, description="First retry delay; doubles each try.")
    redis_url: str = Field("redis://127.0.0.1:6379/0", description="Celery broker (scale-out).")
    celery_queue: str = Field("intake", description="Celery queue name.")
    watch_settle_seconds: float = Field(
        2.0,
        ge=0,
        description="A scanner file is taken once its size and mtime are stable this long.",
    )
    watch_rescan_seconds: float = Field(
        60.0, gt=0, description="Full rescan period of watch folders."
    )

    @field_validator("data_dir", "tessdata_dir", "paddle_models_dir", mode="after")
    @classmethod
    def _expand(cls, value: Path | None) -> Path | None:
        return value.expanduser().resolve() if value is not None else None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        path = _config_file()
        if path is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)

    @cached_property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'intake.db').resolve()}"

    @property
    def effective_workers(self) -> int:
        return self.workers or max(1, os.cpu_count() or 1)

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    def public_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
