"""Same-record identity keys: a document is keyed by its type and identifying fields.

Circular 01/2023 keys a digitised paper by (type, owner ID, number, issue date, issuing body).
Which fields identify a record of each type is data (``identity`` in ``schemas/types/*.yaml``):
any one complete key set matching makes the same record.

One misread or unread field must not lose the match (on the development sets it was the
commonest cause of a missed same record), so a key set also yields *tolerant* keys, each
with one part masked, only where what is left still names one record:

- an ID number in a set with other fields: one key per digit position with that digit
  masked (two numbers one digit apart share exactly one key, and only when the other fields
  agree). A lone ID number is never masked: nothing else would vouch for the other digits;
- a date in a set of three or more fields: the same, per digit of the date (``1963-03-04``
  read for ``1983-03-04``). Not in a set of two: a name and a date one digit off are two
  people often enough in a large warehouse;
- a set of four or more fields: one key per field left out (the copy whose wife's name was
  read as ``Nữ Nguyễnthịihạnh``, development seed 6601). Three fields of both spouses still
  name one marriage; a set of three left with two could be one person's name and birth date,
  which is a person, not a record (the reuse case).
"""

from __future__ import annotations

import hashlib

from intake.dedup.fingerprint import fold
from schemas import DocTypeSchema

MASK = "?"
#: Smallest key set whose dates get digit-masked keys.
MASK_DATE_MIN_FIELDS = 3
#: Smallest key set that also yields keys with one field left out.
DROP_ONE_MIN_FIELDS = 4


def record_keys(schema: DocTypeSchema, fields: dict[str, str | None]) -> list[str]:
    kinds = {f.key: f.kind for f in schema.fields}
    keys: list[str] = []
    for key_set in schema.identity:
        values = [" ".join(fold(fields.get(name) or "").split()) for name in key_set]
        if len(key_set) >= DROP_ONE_MIN_FIELDS:
            for i in range(len(key_set)):
                rest = values[:i] + values[i + 1 :]
                if all(rest):
                    keys.append(_key(schema.key, key_set, [*values[:i], MASK, *values[i + 1 :]]))
        if not all(values):
            continue
        keys.append(_key(schema.key, key_set, values))
        for i, name in enumerate(key_set):
            if _maskable(kinds.get(name), len(key_set)):
                keys += _digit_masked(schema.key, key_set, values, i)
    return list(dict.fromkeys(keys))


def _maskable(kind: str | None, set_size: int) -> bool:
    if kind == "id_number":
        return set_size >= 2
    return kind == "date" and set_size >= MASK_DATE_MIN_FIELDS


def _digit_masked(doc_type: str, names: list[str], values: list[str], i: int) -> list[str]:
    """One key per digit of ``values[i]`` with that digit masked."""
    keys = []
    for pos, char in enumerate(values[i]):
        if char.isdigit():
            masked = list(values)
            masked[i] = values[i][:pos] + MASK + values[i][pos + 1 :]
            keys.append(_key(doc_type, names, masked))
    return keys


def _key(doc_type: str, names: list[str], values: list[str]) -> str:
    material = doc_type + "|" + "|".join(f"{n}={v}" for n, v in zip(names, values, strict=True))
    return hashlib.sha256(material.encode()).hexdigest()
