"""Field boxes drawn on the original phone photo, next to the flattened page OCR read.

A photographed card or page is stored as the flat sheet the OCR read (docs/photos.md); the
officer checking a value sometimes needs the photo as the citizen took it (was the card
genuine, was a corner cut off?). The page keeps, per flattened region, the homography from
sheet pixels back to the upright photo (``pages.photo``), so each field box maps to a
four-cornered polygon on the photo.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageOps

from intake.preprocess.photo import to_photo
from intake.web.api_models import FieldBox


@dataclass(frozen=True, slots=True)
class PhotoBox:
    key: str
    label: str
    points: str  # SVG polygon points in photo pixels: "x,y x,y x,y x,y"


@dataclass(frozen=True, slots=True)
class PhotoOverlay:
    url: str
    width: int
    height: int
    boxes: list[PhotoBox]


def photo_url(document_id: int, number: int) -> str:
    return f"/api/documents/{document_id}/pages/{number}/photo"


def _region_of(photo: dict[str, Any], box: list[int]) -> dict[str, Any] | None:
    """The flattened region whose sheet box holds the centre of ``box``."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    for region in photo.get("regions") or []:
        left, top, right, bottom = region.get("box", (0, 0, 0, 0))
        if left <= cx <= right and top <= cy <= bottom and region.get("sheet_to_photo"):
            return region
    return None


def photo_overlays(
    document_id: int, photos: dict[int, dict[str, Any] | None], rows: list[FieldBox]
) -> dict[int, PhotoOverlay]:
    """Per page number with a photo: the photo's URL, size and the field boxes on it."""
    out: dict[int, PhotoOverlay] = {}
    for number, photo in photos.items():
        size = (photo or {}).get("photo_size") or []
        if not photo or len(size) != 2:
            continue
        boxes = []
        for row in rows:
            if row.page != number or not row.bbox or len(row.bbox) != 4:
                continue
            region = _region_of(photo, row.bbox)
            if region is None:
                continue
            corners = to_photo(region, tuple(row.bbox))  # type: ignore[arg-type]
            points = " ".join(f"{x:.1f},{y:.1f}" for x, y in corners)
            boxes.append(PhotoBox(row.key, row.label, points))
        out[number] = PhotoOverlay(photo_url(document_id, number), int(size[0]), int(size[1]),
                                   boxes)
    return out


def upright_jpeg(original: bytes, quality: int = 85) -> bytes:
    """The original photo turned upright by its EXIF tag (the pixels every quad and
    homography refer to), as JPEG for the browser."""
    with Image.open(io.BytesIO(original)) as image:
        upright = ImageOps.exif_transpose(image).convert("RGB")
    buffer = io.BytesIO()
    upright.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()
