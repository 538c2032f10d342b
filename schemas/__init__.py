"""Document types as data: one YAML file per type in ``schemas/types/``.

Adding a document type is adding a file (plus samples), not code. Files are validated by
:class:`schemas.models.DocTypeSchema` when loaded; a broken file stops start-up with the file
name and the reason, rather than failing later on a document.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from schemas.models import DocTypeSchema, Edition, FieldSpec, ValueKind

__all__ = ["DocTypeSchema", "Edition", "FieldSpec", "SchemaError", "ValueKind", "load_schemas"]

TYPES_DIR = Path(__file__).with_name("types")


class SchemaError(ValueError):
    """A document-type file is invalid; the message names the file."""


@cache
def load_schemas(folder: Path = TYPES_DIR) -> dict[str, DocTypeSchema]:
    schemas: dict[str, DocTypeSchema] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            schema = DocTypeSchema.model_validate(data)
        except (yaml.YAMLError, ValidationError) as exc:
            raise SchemaError(
                f"Tệp loại giấy tờ không hợp lệ / invalid schema {path}: {exc}"
            ) from exc
        if schema.key != path.stem:
            raise SchemaError(f"{path}: key '{schema.key}' must match the file name")
        schemas[schema.key] = schema
    return schemas
