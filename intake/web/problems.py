"""Errors the web layer raises on purpose, and how each reaches the caller.

API paths (``/api/...``) get JSON ``{"detail": ...}`` with the right status; browser pages get
a Vietnamese page, or a redirect to the login page when nobody is signed in.
"""

from __future__ import annotations


class WebProblem(Exception):
    status_code = 400

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotAuthenticated(WebProblem):
    status_code = 401


class Forbidden(WebProblem):
    status_code = 403


class NotFound(WebProblem):
    status_code = 404


class Conflict(WebProblem):
    """The document changed since the caller read it (optimistic concurrency)."""

    status_code = 409


class Invalid(WebProblem):
    status_code = 422


class TooLarge(WebProblem):
    status_code = 413


class Unavailable(WebProblem):
    """A derived file (the archival PDF) could not be built now; the request may be retried."""

    status_code = 503
