"""Same-record identity keys: a document is keyed by its type and identifying fields.

Circular 01/2023 keys a digitised paper by (type, owner ID, number, issue date, issuing body).
Which fields identify a record of each type is data (``identity`` in ``schemas/types/*.yaml``):
any one complete key set matching makes the same record.

One misread digit of an ID number must not lose the match (on the development sets it was
the commonest cause of a missed same record), so a key set that holds an ID number *and*
other fields also yields one key per digit position with that digit masked: two numbers one
digit apart share exactly one of them, and only when the other fields of the set agree. A
lone ID number is never masked: nothing else would vouch for the other eleven digits.
"""

from __future__ import annotations

import hashlib

from intake.dedup.fingerprint import fold
from schemas import DocTypeSchema

MASK = "?"


def record_keys(schema: DocTypeSchema, fields: dict[str, str | None]) -> list[str]:
    kinds = {f.key: f.kind for f in schema.fields}
    keys: list[str] = []
    for key_set in schema.identity:
        values = [" ".join(fold(fields.get(name) or "").split()) for name in key_set]
        if not all(values):
            continue
        keys.append(_key(schema.key, key_set, values))
        if len(key_set) < 2:
            continue
        for i, name in enumerate(key_set):
            if kinds.get(name) != "id_number":
                continue
            number = values[i]
            for pos, char in enumerate(number):
                if char.isdigit():
                    masked = list(values)
                    masked[i] = number[:pos] + MASK + number[pos + 1 :]
                    keys.append(_key(schema.key, key_set, masked))
    return list(dict.fromkeys(keys))


def _key(doc_type: str, names: list[str], values: list[str]) -> str:
    material = doc_type + "|" + "|".join(f"{n}={v}" for n, v in zip(names, values, strict=True))
    return hashlib.sha256(material.encode()).hexdigest()
