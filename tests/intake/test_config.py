"""Configuration precedence: keyword > INTAKE_* environment > TOML file > defaults."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from intake.config import Settings


def test_env_overrides_toml_and_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The TOML file sets values; an INTAKE_* variable wins over it; unset keys keep defaults."""
    toml = tmp_path / "intake.toml"
    toml.write_text('render_dpi = 200\nocr_language = "vie+eng"\nworkers = 3\n')
    monkeypatch.setenv("INTAKE_CONFIG", str(toml))
    monkeypatch.setenv("INTAKE_WORKERS", "5")
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "d"))
    settings = Settings()
    assert settings.render_dpi == 200
    assert settings.ocr_language == "vie+eng"
    assert settings.workers == 5
    assert settings.ocr_engine == "tesseract"
    assert settings.effective_database_url == f"sqlite:///{tmp_path / 'd' / 'intake.db'}"


def test_invalid_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A DPI of 20 or an unknown engine is a configuration error, not a silent default."""
    monkeypatch.setenv("INTAKE_RENDER_DPI", "20")
    with pytest.raises(ValidationError):
        Settings()
    monkeypatch.delenv("INTAKE_RENDER_DPI")
    monkeypatch.setenv("INTAKE_OCR_ENGINE", "abbyy")
    with pytest.raises(ValidationError):
        Settings()
