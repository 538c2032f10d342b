"""Key-field extraction: OCR layout (words with boxes) + QR + MRZ to canonical field values.

Public API (what the pipeline wires in)::

    pages = [PageWords(number=1, width=w, height=h, words=[[text, l, t, r, b, conf, line]])]
    qr = decode_qr(pil_image)                       # in the OCR worker, per page image
    result = extract_document(doc_type, pages, qr_payloads=qr)
"""

from __future__ import annotations

from intake.extract.extractor import extract_document
from intake.extract.model import ExtractedField, Extraction, PageWords
from intake.extract.qr import decode_qr

__all__ = ["ExtractedField", "Extraction", "PageWords", "decode_qr", "extract_document"]
