"""Limits on numbers and dates taken from requests, so out-of-range input is a 422 and never
reaches the database (SQLite and PostgreSQL integers are 64/32-bit; Python dates end at
year 9999)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Form, Path, Query
from pydantic import Field

MAX_ID = 2_147_483_647
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2100, 12, 31)

RowId = Annotated[int, Path(ge=1, le=MAX_ID)]
PageNumber = Annotated[int, Path(ge=1, le=100_000)]
Version = Annotated[int, Field(ge=0, le=MAX_ID)]
VersionQuery = Annotated[int, Query(ge=0, le=MAX_ID)]
VersionForm = Annotated[int, Form(ge=0, le=MAX_ID)]
IdForm = Annotated[int, Form(ge=1, le=MAX_ID)]
Day = Annotated[date | None, Query(ge=FIRST_DAY, le=LAST_DAY)]
