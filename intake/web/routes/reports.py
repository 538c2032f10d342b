"""Reports: counts per day, type and status, review and straight-through rates, correction
rate per field; as JSON for integrators and as the dashboard page with server-drawn SVG."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from intake.web import charts
from intake.web.api_models import Report
from intake.web.auth import Ctx, Officer
from intake.web.bounds import Day
from intake.web.labels import VIETNAM
from intake.web.problems import Invalid
from intake.web.rendering import render
from intake.web.reports import MAX_DAYS, build_report
from intake.web.routes.common import API_ERRORS

router = APIRouter(tags=["reports"])
DEFAULT_DAYS = 30


def _range(date_from: date | None, date_to: date | None) -> tuple[date, date]:
    last = date_to or datetime.now(VIETNAM).date()
    first = date_from or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise Invalid("Ngày bắt đầu sau ngày kết thúc / date_from is after date_to")
    if (last - first).days >= MAX_DAYS:
        raise Invalid(f"Khoảng thời gian tối đa {MAX_DAYS} ngày / range too long")
    return first, last


@router.get(
    "/api/reports",
    response_model=Report,
    responses=API_ERRORS,
    summary="Counts and rates over a date range (Vietnam days, default 30)",
)
def report(
    principal: Officer,
    ctx: Ctx,
    date_from: Day = None,
    date_to: Day = None,
) -> Report:
    first, last = _range(date_from, date_to)
    with ctx.warehouse.sessions() as session:
        return build_report(session, ctx.schemas, first, last)


@router.get("/dashboard", response_class=HTMLResponse, include_in_schema=False)
def dashboard(
    request: Request,
    principal: Officer,
    ctx: Ctx,
    date_from: Day = None,
    date_to: Day = None,
) -> HTMLResponse:
    first, last = _range(date_from, date_to)
    with ctx.warehouse.sessions() as session:
        data = build_report(session, ctx.schemas, first, last)
    svg = {
        "per_day": charts.columns([(c.label, c.count) for c in data.per_day], title="Theo ngày"),
        "per_type": charts.bars(
            [(c.label, c.count, str(c.count)) for c in data.per_type], title="Theo loại"
        ),
        "fields": charts.bars(
            [
                (r.key, r.rate, f"{r.rate * 100:.0f}% ({r.corrected}/{r.fields})")
                for r in data.correction_rate_per_field[:20]
            ],
            title="Tỷ lệ sửa theo trường",
        ),
    }
    return render(request, "dashboard.html", report=data, svg=svg, first=first, last=last)
