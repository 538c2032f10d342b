"""Duplicate detection backends (Mayan's design): exact bytes, near (rescans), same record.

A match links and flags; nothing is ever deleted. Every lookup is an index probe (hash
columns, LSH band keys, record keys), never a scan of all documents.
"""

from __future__ import annotations

from intake.dedup.fingerprint import TextFingerprint, fingerprint_text, page_hash
from intake.dedup.records import record_keys

__all__ = ["TextFingerprint", "fingerprint_text", "page_hash", "record_keys"]
