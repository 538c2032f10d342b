"""``python -m intake`` is the ``intake`` command."""

from __future__ import annotations

from intake.cli import main

main()
