"""Rendering the Vietnamese pages: the template environment and what every page receives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from intake.web import labels
from intake.web.context import get_ctx

TEMPLATES = Path(__file__).with_name("templates")

#: Fixed notices picked by a code in ``?ok=``, so no request text is echoed into a page.
NOTICES = {
    "saved": "Đã lưu thay đổi.",
    "confirmed": "Đã xác nhận tài liệu.",
    "type": "Đã đổi loại giấy tờ.",
    "dup": "Đã đánh dấu bản trùng.",
    "undup": "Đã bỏ đánh dấu trùng.",
    "uploaded": "Đã nhận tệp, đang xử lý.",
    "user": "Đã lưu người dùng.",
    "revoked": "Đã thu hồi mã API.",
    "nochange": "Không có thay đổi nào.",
}


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES))
    env = templates.env
    env.globals.update(
        STATUS=labels.STATUS,
        ROLE=labels.ROLE,
        ACTION=labels.ACTION,
        UPLOAD_STATE=labels.UPLOAD_STATE,
        DUPLICATE_KIND=labels.DUPLICATE_KIND,
    )
    env.filters["local"] = labels.local
    env.filters["pct"] = lambda v: "—" if v is None else f"{v * 100:.0f}%"
    return templates


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    ctx = get_ctx(request)
    me = getattr(request.state, "principal", None)
    return ctx.templates.TemplateResponse(
        request,
        name,
        {
            "me": me,
            "csrf": me.csrf_token if me else None,
            "notice": NOTICES.get(request.query_params.get("ok", "")),
            "schemas": ctx.schemas,
            **context,
        },
        status_code=status_code,
    )
