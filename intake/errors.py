"""One error hierarchy with stable codes.

The code is what gets stored in the database, written into quarantine reports and shown in
the UI, so it must never change once released. Messages are written for the person who has
to act on them (a clerk or an operator), Vietnamese first, English after.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    EMPTY_FILE = "empty_file"
    UNSUPPORTED_TYPE = "unsupported_type"
    CORRUPT_FILE = "corrupt_file"
    ENCRYPTED_PDF = "encrypted_pdf"
    IMAGE_TOO_LARGE = "image_too_large"
    EMPTY_IMAGE = "empty_image"
    TOO_MANY_PAGES = "too_many_pages"
    OCR_FAILED = "ocr_failed"
    OCR_ENGINE_MISSING = "ocr_engine_missing"
    CONFIG_INVALID = "config_invalid"
    STORAGE_FAILED = "storage_failed"
    ARCHIVE_FAILED = "archive_failed"
    NOT_ARCHIVABLE = "not_archivable"
    INTERNAL = "internal_error"


class IntakeError(Exception):
    """Base class: every error the service expects carries a stable code and a readable message."""

    code: ErrorCode = ErrorCode.INTERNAL
    #: True when retrying the same input later may succeed (engine crash, database busy).
    transient: bool = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class BadInputError(IntakeError):
    """The file itself cannot be read: it goes to quarantine; retrying will not help."""


class EmptyFileError(BadInputError):
    code = ErrorCode.EMPTY_FILE


class UnsupportedTypeError(BadInputError):
    code = ErrorCode.UNSUPPORTED_TYPE


class CorruptFileError(BadInputError):
    code = ErrorCode.CORRUPT_FILE


class EncryptedPdfError(BadInputError):
    code = ErrorCode.ENCRYPTED_PDF


class ImageTooLargeError(BadInputError):
    code = ErrorCode.IMAGE_TOO_LARGE


class EmptyImageError(BadInputError):
    code = ErrorCode.EMPTY_IMAGE


class TooManyPagesError(BadInputError):
    code = ErrorCode.TOO_MANY_PAGES


class OcrError(IntakeError):
    """The OCR engine failed on a page; may succeed on retry (crash, out of memory)."""

    code = ErrorCode.OCR_FAILED
    transient = True


class OcrEngineMissingError(IntakeError):
    """The configured engine or its models/language data are not installed."""

    code = ErrorCode.OCR_ENGINE_MISSING


class ConfigError(IntakeError):
    code = ErrorCode.CONFIG_INVALID


class StorageError(IntakeError):
    code = ErrorCode.STORAGE_FAILED
    transient = True
