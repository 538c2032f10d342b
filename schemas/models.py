"""The shape of a document-type definition, validated when the files are loaded."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

ValueKind = Literal["id_number", "date", "name", "sex", "text", "number", "phone"]


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


class FieldSpec(BaseModel):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: ValueKind
    label: str = Field(description="The label most forms print (Vietnamese).")
    labels: list[str] = Field(default_factory=list, description="Other printed label variants.")
    required: bool = False
    role: str | None = Field(None, description="Person role an id_number/name belongs to.")
    section: str | None = Field(
        None,
        description="Key of a DocTypeSchema.sections entry: the label counts for this field only "
        "under that section heading or table column (the same label serves several people).",
    )
    pick: Literal["first", "last"] = Field(
        "first", description="Which occurrence to use when the label is printed more than once."
    )
    address: bool = Field(False, description="An address: also normalised against a gazetteer.")
    vocabulary: list[str] = Field(
        default_factory=list, description="Closed set of printed values, for OCR correction."
    )
    pattern: str | None = Field(
        None,
        description="Regular expression the whole value must match (after OCR digit repair); "
        'an occurrence whose value does not is not this field ("Số" before an address).',
    )

    @field_validator("label")
    @classmethod
    def _label_nfc(cls, value: str) -> str:
        return _nfc(value)

    @field_validator("labels", "vocabulary")
    @classmethod
    def _labels_nfc(cls, values: list[str]) -> list[str]:
        return [_nfc(v) for v in values]

    @property
    def all_labels(self) -> list[str]:
        return [self.label, *self.labels]


class Edition(BaseModel):
    """A printed edition of the form (e.g. Circular 04/2024/TT-BTP) and when it took effect."""

    name: str
    effective_from: date | None = None


class DocTypeSchema(BaseModel):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    titles: list[str] = Field(default_factory=list, description="Other printed titles.")
    procedure_code: str | None = None
    procedure_name: str | None = None
    phrases: list[str] = Field(default_factory=list, description="Phrases that identify it.")
    editions: list[Edition] = Field(default_factory=list)
    fields: list[FieldSpec]
    identity: list[list[str]] = Field(
        default_factory=list,
        description="Field-key sets that identify one record of this type (same-record "
        "duplicates): any one complete set matching is the same record.",
    )
    sections: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Section key -> headings or column headers that open it; fields name the "
        "section their labels belong to.",
    )
    other_labels: list[str] = Field(
        default_factory=list,
        description="Printed labels that are not extracted; they end the value before them.",
    )

    @field_validator("title", "procedure_name")
    @classmethod
    def _title_nfc(cls, value: str | None) -> str | None:
        return _nfc(value) if value is not None else None

    @field_validator("titles", "phrases", "other_labels")
    @classmethod
    def _list_nfc(cls, values: list[str]) -> list[str]:
        return [_nfc(v) for v in values]

    @field_validator("sections")
    @classmethod
    def _sections_nfc(cls, values: dict[str, list[str]]) -> dict[str, list[str]]:
        return {k: [_nfc(v) for v in vs] for k, vs in values.items()}

    @model_validator(mode="after")
    def _identity_keys_exist(self) -> DocTypeSchema:
        known = {f.key for f in self.fields}
        unknown = sorted({k for key_set in self.identity for k in key_set} - known)
        if unknown:
            raise ValueError(f"identity of {self.key} names unknown fields: {unknown}")
        return self

    @model_validator(mode="after")
    def _unique_keys(self) -> DocTypeSchema:
        keys = [f.key for f in self.fields]
        duplicates = {k for k in keys if keys.count(k) > 1}
        if duplicates:
            raise ValueError(f"duplicate field keys in {self.key}: {sorted(duplicates)}")
        unknown = {f.section for f in self.fields if f.section and f.section not in self.sections}
        if unknown:
            raise ValueError(f"fields of {self.key} name undeclared sections: {sorted(unknown)}")
        return self

    def field(self, key: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.key == key), None)
