"""Durable jobs: the queue in the database, the runner, local worker processes, Celery."""

from __future__ import annotations
