"""File names of exported archive PDFs: ``<doc_type>_<owner id>_<document id>.pdf``.

Receiving systems file documents by type and owner, so both lead the name; the document id
keeps names unique. Only ASCII letters, digits, ``-`` and (in the type key) ``_`` survive,
so a name is safe on every file system and in a ZIP, whatever a field contains.
"""

from __future__ import annotations

import re
import unicodedata

UNKNOWN_TYPE = "unknown"
NO_OWNER = "none"
MAX_PART = 64
_TYPE_UNSAFE = re.compile(r"[^a-z0-9_]+")  # type keys are snake_case (schemas/types/*.yaml)
_OWNER_UNSAFE = re.compile(r"[^A-Za-z0-9]+")  # "_" separates the parts of the name


def _part(value: str | None, unsafe: re.Pattern[str], placeholder: str) -> str:
    if not value:
        return placeholder
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    cleaned = unsafe.sub("-", ascii_text).strip("-_")[:MAX_PART]
    return cleaned or placeholder


def pdf_name(doc_type: str | None, owner_id: str | None, document_id: int) -> str:
    """``birth_registration_form_079203001234_42.pdf``; ``unknown``/``none`` when absent."""
    kind = _part(doc_type.lower() if doc_type else None, _TYPE_UNSAFE, UNKNOWN_TYPE)
    owner = _part(owner_id, _OWNER_UNSAFE, NO_OWNER)
    return f"{kind}_{owner}_{int(document_id)}.pdf"
