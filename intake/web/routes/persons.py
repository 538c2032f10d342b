"""Reuse lookup by personal ID number, as API and as a page. Every lookup is audited: it is
a view of a citizen's personal data."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from intake.web import audit
from intake.web.api_models import PersonView
from intake.web.auth import Ctx, Officer
from intake.web.rendering import render
from intake.web.reuse import lookup
from intake.web.routes.common import API_ERRORS
from intake.web.text import nfc

router = APIRouter(tags=["persons"])
ID_NUMBER = r"^(\d{9}|\d{12})$"


def _lookup(ctx: Ctx, principal: Officer, id_number: str) -> PersonView:
    with ctx.warehouse.unit_of_work() as session:
        audit.record(session, principal, "view_person", target=id_number)
        return lookup(session, principal, ctx.schemas, id_number)


@router.get(
    "/api/persons/{id_number}",
    response_model=PersonView,
    responses=API_ERRORS,
    summary="What is on file for a personal ID number",
)
def person(
    id_number: Annotated[str, Path(pattern=ID_NUMBER)], principal: Officer, ctx: Ctx
) -> PersonView:
    return _lookup(ctx, principal, id_number)


@router.get("/persons", response_class=HTMLResponse, include_in_schema=False)
def person_page(
    request: Request,
    principal: Officer,
    ctx: Ctx,
    id_number: Annotated[str | None, Query(max_length=32)] = None,
) -> HTMLResponse:
    wanted = "".join(ch for ch in nfc(id_number or "") if not ch.isspace())
    result = error = None
    if wanted:
        if re.fullmatch(ID_NUMBER, wanted):
            result = _lookup(ctx, principal, wanted)
        else:
            error = "Số định danh cá nhân gồm 12 chữ số (CMND cũ: 9 chữ số)."
    return render(request, "person.html", id_number=wanted, result=result, error=error)
