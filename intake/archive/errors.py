"""Errors of the archive step, in the service's one error hierarchy.

Codes ``archive_failed`` and ``not_archivable`` in ``intake.errors.ErrorCode``.
"""

from __future__ import annotations

from intake.errors import ErrorCode, IntakeError


class ArchiveError(IntakeError):
    """The searchable PDF/A could not be built (a page image missing, a library failure)."""

    code = ErrorCode.ARCHIVE_FAILED


class NotArchivableError(ArchiveError):
    """The document has no pages of its own (exact duplicate, quarantined file): there is
    nothing to archive, and the PDF of the original document is the one to use."""

    code = ErrorCode.NOT_ARCHIVABLE
