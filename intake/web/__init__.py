"""Review UI and REST API (FastAPI).

Imported lazily so that ``intake`` commands that do not serve HTTP do not load FastAPI.
"""

from __future__ import annotations

from typing import Any

__all__ = ["add_user", "create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from intake.web.app import create_app

        return create_app
    if name == "serve":
        from intake.web.server import serve

        return serve
    if name == "add_user":
        from intake.web.users import add_user

        return add_user
    raise AttributeError(name)
