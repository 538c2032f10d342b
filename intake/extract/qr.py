"""QR codes on ID cards: decode them from page images and read the CCCD payload.

The payload is ``id|old id|FULL NAME|DDMMYYYY birth|Nam or Nữ|address|DDMMYYYY issue`` with up
to four trailing empty fields (DOMAIN.md). It is an exact second source for what the card
prints. The card's turquoise guilloche hurts binarisation; the blue channel keeps the black
modules dark and the pattern light, so it is tried when the full image gives nothing.

On a phone photo the card's QR is small (a version-8 code of ~49 modules over ~75-110 photo
pixels: 1.5-2.2 pixels a module) and blurred; `decode_qr_corner` reads the corner where it
sits, warped from the photo (`intake.preprocess.photo_ocr.photo_card_qr`), sharpened.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp
from PIL import Image

from intake.extract.values.names import parse_name

_QR = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


def decode_qr(image: Image.Image) -> list[str]:
    """Texts of the QR codes on a page image (empty list when none can be read)."""
    found: list[str] = []
    rgb = image.convert("RGB") if image.mode not in ("RGB", "L") else image
    attempts = [rgb]
    if rgb.mode == "RGB":
        attempts.append(rgb.getchannel("B"))
    for attempt in attempts:
        for result in zxingcpp.read_barcodes(attempt, formats=_QR):
            if result.valid and result.text and result.text not in found:
                found.append(result.text)
        if found:
            break
    return found


def decode_qr_corner(grey: np.ndarray, scale: float) -> tuple[list[str], bool]:
    """Texts of the QR codes in a card's corner (grey, enlarged ``scale`` times from the
    card's own resolution), read after an unsharp mask (amount 1, sigma one card pixel),
    and whether a QR code was seen there at all (found, even if it did not decode).

    Blur from the camera spreads each module into its neighbours, and zxing's detector then
    finds the code but its samples fail the error correction (ChecksumError). Sharpening
    restores the modules' contrast enough for some: on the development photos (seeds 546302,
    546301 and 546001) the sheet's whole card decoded 4 of the 16 card QR codes on card
    photos, the sharpened corner warped from the photo 6, and enlarged twice 7; raw, Otsu
    and adaptive thresholds, the global binarizer and stronger sharpening added none."""
    g = grey.astype(np.float32)
    sharp = np.clip(2 * g - cv2.GaussianBlur(g, (0, 0), scale), 0, 255).astype(np.uint8)
    found: list[str] = []
    results = zxingcpp.read_barcodes(sharp, formats=_QR, return_errors=True)
    for result in results:
        if result.valid and result.text and result.text not in found:
            found.append(result.text)
    return found, bool(results)


@dataclass(frozen=True, slots=True)
class CardQr:
    """Canonical values carried by an ID card QR code."""

    id_number: str
    full_name: str
    date_of_birth: str | None
    sex: str | None
    address: str | None
    raw: str


def parse_card_qr(payload: str) -> CardQr | None:
    """Parse a CCCD / Căn cước QR payload; None for other QR codes (dossier codes...)."""
    parts = payload.split("|")
    if len(parts) < 6 or not (len(parts[0]) == 12 and parts[0].isdigit()):
        return None
    name = parse_name(parts[2])
    born = parts[3]
    dob = f"{born[4:8]}-{born[2:4]}-{born[0:2]}" if len(born) == 8 and born.isdigit() else None
    sex = parts[4].strip() if parts[4].strip() in ("Nam", "Nữ") else None
    address = " ".join(parts[5].split()) or None
    return CardQr(parts[0], name.value if name else parts[2], dob, sex, address, payload)
