"""Same-record identity keys: a document is keyed by its type and identifying fields.

Circular 01/2023 keys a digitised paper by (type, owner ID, number, issue date, issuing body).
Which fields identify a record of each type is data (``identity`` in ``schemas/types/*.yaml``):
any one complete key set matching makes the same record.
"""

from __future__ import annotations

import hashlib

from intake.dedup.fingerprint import fold
from schemas import DocTypeSchema


def record_keys(schema: DocTypeSchema, fields: dict[str, str]) -> list[str]:
    keys = []
    for key_set in schema.identity:
        values = [fields.get(name) for name in key_set]
        if all(values):
            material = (
                schema.key
                + "|"
                + "|".join(
                    f"{name}={' '.join(fold(value or '').split())}"
                    for name, value in zip(key_set, values, strict=True)
                )
            )
            keys.append(hashlib.sha256(material.encode()).hexdigest())
    return keys
