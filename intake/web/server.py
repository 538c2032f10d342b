"""Running the app with uvicorn (``intake serve``)."""

from __future__ import annotations

import sys

import uvicorn

from intake.config import Settings
from intake.web.app import FIRST_RUN_HINT, create_app
from intake.web.users import has_users


def serve(host: str = "127.0.0.1", port: int = 8000, settings: Settings | None = None) -> None:
    """Serve the UI and API until interrupted. One process: uploads run in a background
    thread of this process, so do not start several workers against one data dir yet."""
    settings = settings or Settings()
    if not has_users(settings):
        print(FIRST_RUN_HINT, file=sys.stderr)
    app = create_app(settings)
    print(
        f"Giao diện / UI: http://{host}:{port}/   API: http://{host}:{port}/openapi.json",
        file=sys.stderr,
    )
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=True)
