"""Pieces shared by the API routers: documented error responses and the JSON error shape."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class Problem(BaseModel):
    """Every error body: a readable ``detail`` (Vietnamese first), or FastAPI's field list."""

    detail: str | list[dict[str, Any]]


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    described = {
        401: "Chưa đăng nhập / missing or invalid token",
        403: "Không có quyền / role not allowed",
        404: "Không tìm thấy / not found (or not yours)",
        409: "Phiên bản cũ / stale version: reload and retry",
        413: "Tệp quá lớn / file too large",
        422: "Dữ liệu không hợp lệ / invalid input",
    }
    return {code: {"model": Problem, "description": described[code]} for code in codes}


API_ERRORS = errors(401, 403, 404, 422)
