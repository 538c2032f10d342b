"""A card's QR code on a phone photo is decoded from its corner warped straight from the
photo and sharpened, where decoding the card's sheet crop (what a scan gets) fails."""

from __future__ import annotations

import cv2
import numpy as np
import qrcode
from PIL import Image

from intake.extract.qr import decode_qr, parse_card_qr
from intake.preprocess.photo import flatten
from intake.preprocess.photo_ocr import photo_card_qr

PAYLOAD = ("079203001234||NGUYỄN VĂN AN|01021990|Nam|Số 12 Lê Lợi, phường Bến Nghé, quận 1,"
           " Thành phố Hồ Chí Minh|15082021")


def _card_photo(card_px: int, blur: float) -> Image.Image:
    """A card (1011 x 638 base pixels, print rows, the QR's 135 px at its top right as a
    CCCD 2021 front prints it) seen ``card_px`` photo pixels wide on a dark desk, slightly
    in perspective, blurred (Gaussian ``blur`` px) and noisy: a version-8 QR over ~83 photo
    pixels, 1.7 pixels a module, as on the generated card_both photos."""
    rng = np.random.default_rng(3)
    w, h = 1011, 638
    card = np.full((h, w, 3), (205, 225, 228), np.uint8)
    for y in range(200, 600, 45):
        for x in range(330, 950, 90):
            cv2.rectangle(card, (x, y), (x + 60, y + 14), (40, 40, 40), -1)
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=1,
                         box_size=10)
    code.add_data(PAYLOAD)
    qr = np.asarray(code.make_image().convert("RGB").resize((135, 135),
                                                            Image.Resampling.LANCZOS))
    card[20:155, 860:995] = np.minimum(card[20:155, 860:995], qr)
    s = card_px / w
    quad = np.array([[300, 300], [300 + card_px, 330], [290 + card_px, 330 + h * s],
                     [290, 300 + h * s]], np.float32)
    to_photo = cv2.getPerspectiveTransform(
        np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32), quad)
    desk = rng.integers(30, 70, (1200, 1600, 3)).astype(np.uint8)
    photo = cv2.warpPerspective(card, to_photo, (1600, 1200), dst=desk, flags=cv2.INTER_AREA,
                                borderMode=cv2.BORDER_TRANSPARENT)
    photo = cv2.GaussianBlur(photo, (0, 0), blur)
    return Image.fromarray(np.clip(photo + rng.normal(0, 3, photo.shape), 0, 255)
                           .astype(np.uint8))


def test_blurred_small_card_qr_decodes_from_the_photo_corner() -> None:
    """Given a card 620 photo pixels wide, blurred 0.7 px, when its QR is decoded: the
    sheet crop decoded whole (the path photos took before) reads nothing, the corner warped
    from the photo and sharpened reads the CCCD payload, exactly."""
    flat = flatten(_card_photo(620, 0.7))
    assert flat is not None and flat.kind == "cards" and len(flat.regions) == 1
    assert PAYLOAD not in decode_qr(flat.image.crop(flat.regions[0].box))
    found = photo_card_qr(flat)
    assert found == [PAYLOAD]
    card = parse_card_qr(found[0])
    assert card is not None and card.id_number == "079203001234"
    assert card.full_name == "Nguyễn Văn An"


def test_card_qr_is_read_after_the_card_is_turned_over() -> None:
    """The corners are the card's own top corners: with the region turned over (a card
    that lay upside down, as `read_card_sheet` leaves it) on a photo turned 180 degrees,
    the QR still decodes."""
    from intake.preprocess.photo import turned_over

    upright = _card_photo(700, 0.6)
    flat = flatten(upright.rotate(180))
    assert flat is not None and len(flat.regions) == 1
    assert photo_card_qr(flat) == []  # the QR is at the bottom left of the sheet's card
    flat.regions[0] = turned_over(flat.regions[0])
    assert photo_card_qr(flat) == [PAYLOAD]
