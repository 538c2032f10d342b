"""The holder's ID number when its label was not read.

On card copies OCR often garbles the small bilingual label ("Số / No.:" read as "sẽ/No:")
while the 12 digits beside it come out right. The number is self-checking enough (province
code, century/sex digit, birth year) that a single valid 12-digit number on the page, agreeing
with the sex and date of birth read on it, can be taken — with a lower confidence and a note,
so the officer sees where it came from.
"""

from __future__ import annotations

import re

from intake.extract.idnumber import consistency_problems, structure_problems
from intake.extract.layout import Document
from intake.extract.model import ExtractedField, Extraction
from schemas import DocTypeSchema

_TWELVE = re.compile(r"(?<!\d)\d{12}(?!\d)")
CONFIDENCE = 0.6
NOTE = "đọc được số nhưng không đọc được nhãn / number found without its label"


def fill_unlabelled_id(schema: DocTypeSchema, doc: Document, result: Extraction) -> None:
    main = next((f for f in schema.fields if f.kind == "id_number" and f.required), None)
    if main is None or main.key in result.fields:
        return
    sex, birth = result.value("sex"), result.value("date_of_birth")
    found: dict[str, tuple[int, tuple[int, int, int, int]]] = {}
    taken = {f.value for f in result.fields.values()}
    for line in doc.lines:
        for word in line.words:
            for number in _TWELVE.findall(word.text):
                if number in taken or structure_problems(number):
                    continue
                if consistency_problems(number, sex, birth):
                    continue
                found.setdefault(number, (line.page, word.box))
    if len(found) != 1:
        return
    ((number, (page, box)),) = found.items()
    result.fields[main.key] = ExtractedField(
        value=number,
        raw=number,
        confidence=CONFIDENCE,
        page=page,
        bbox=box,
        source="ocr",
        note=NOTE,
    )
