"""What every request handler needs, built once by the app factory and kept on ``app.state``."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from fastapi.templating import Jinja2Templates

from intake.config import Settings
from intake.warehouse.repository import Warehouse
from intake.web.uploads import UploadRunner
from schemas import DocTypeSchema


@dataclass
class AppContext:
    settings: Settings
    warehouse: Warehouse
    schemas: dict[str, DocTypeSchema]
    uploads: UploadRunner
    templates: Jinja2Templates

    def field_kind(self, doc_type: str | None, key: str) -> str | None:
        schema = self.schemas.get(doc_type or "")
        spec = schema.field(key) if schema else None
        return spec.kind if spec else None


def get_ctx(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx
