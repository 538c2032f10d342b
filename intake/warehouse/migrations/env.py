"""Alembic environment: always run with a connection handed in by ``intake.warehouse.db``."""

from __future__ import annotations

from alembic import context

import intake.warehouse.models_auth  # noqa: F401
from intake.warehouse.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI directly
    raise SystemExit("Run migrations with `intake db upgrade`, which passes a connection.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
