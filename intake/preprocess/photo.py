"""Phone photos: find the cards or the page on the desk, warp them flat, keep the transform.

A photo (online submission, a clerk's phone at the counter) shows the document lying on a
desk, in perspective, turned, with uneven light and glare. Scans fill the frame with paper;
photos show desk around the document. So a photo is recognised by what surrounds the
document: a frame whose border is mostly not paper-white. Then:

1. Quadrilaterals are found at a small working size: light, unsaturated regions (cards and
   paper; the minimum of R, G, B is high only there) and closed edges, each contour's sides
   fitted as straight lines (rounded card corners do not pull the corners in) and intersected.
2. Each quadrilateral is classed by its aspect ratio, and where that leaves a doubt (the
   ratios overlap under perspective; either may lie at 90 degrees) by the direction of its
   text lines: an ID-1 card (85.6 x 54 mm, lines along its long side) or a page (A4, lines
   across it). A page wins: cards on a photographed photocopy are found later on the flat
   page, as on a scan.
3. Pages are warped to A4 at 300 DPI. Cards are warped to a fixed size (``CARD_SIZE``, the
   card at ~386 DPI, where its 6-9 pt print reaches the x-height Tesseract reads best) and
   stacked on one white sheet, in reading order.
4. The transform is kept: per region, the homography from sheet pixels to the (EXIF-upright)
   photo, the quad in the photo and the box on the sheet. The stored page image is the sheet,
   so OCR word boxes match it, and the review UI can map any box back to the photo.

`normalise_contrast` divides out the local background (glare, shadow, light fall-off) and
stretches the local ink contrast, before OCR only; the stored image keeps the warped pixels.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
from PIL import Image

ID1_RATIO = 85.6 / 54.0
A4_RATIO = 297 / 210
#: Warped card size: 1300 px over 85.6 mm is ~386 DPI.
CARD_SIZE = (1300, 820)
CARD_DPI = round(CARD_SIZE[0] / (85.6 / 25.4))
PAGE_SIZE = (2480, 3508)  # A4 at 300 DPI
PAGE_DPI = 300
SHEET_GAP = 40
_WORK = 800  # long side of the detection image


@dataclass(frozen=True, slots=True)
class Region:
    """One flattened thing: where it is in the photo and where it went on the sheet."""

    kind: str  # "card" | "page"
    quad: tuple[tuple[float, float], ...]  # TL, TR, BR, BL in (upright) photo pixels
    box: tuple[int, int, int, int]  # on the sheet
    homography: tuple[tuple[float, ...], ...]  # sheet pixels -> photo pixels (3x3)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "quad": [[round(x, 1), round(y, 1)] for x, y in self.quad],
            "box": list(self.box),
            "sheet_to_photo": [[round(v, 8) for v in row] for row in self.homography],
        }


@dataclass(slots=True)
class Flattened:
    """The sheet OCR reads and the page image stored, with the transforms back to the photo."""

    image: Image.Image
    dpi: int
    kind: str  # "cards" | "page"
    regions: list[Region] = field(default_factory=list)
    photo_size: tuple[int, int] = (0, 0)
    #: The upright photo (cards on a photographed photocopy are warped again from these
    #: pixels, not from the page's already resampled ones; a card's QR corner is too).
    #: Never serialised.
    source: Image.Image | None = field(default=None, repr=False)

    def meta(self) -> dict[str, Any]:
        """JSON-ready description kept with the page (docs/photos.md)."""
        return {
            "kind": self.kind,
            "photo_size": list(self.photo_size),
            "regions": [r.as_dict() for r in self.regions],
        }


# --- detection -------------------------------------------------------------------------------


def _order(quad: np.ndarray) -> np.ndarray:
    """Corners as TL, TR, BR, BL (clockwise from the top-left in image coordinates)."""
    centre = quad.mean(axis=0)
    angles = np.arctan2(quad[:, 1] - centre[1], quad[:, 0] - centre[0])
    quad = quad[np.argsort(angles)]  # clockwise in image coordinates (y down), from -pi
    start = int(np.argmin(quad.sum(axis=1)))
    return np.roll(quad, -start, axis=0)


def _sides(quad: np.ndarray) -> tuple[float, float]:
    """Mean width (top, bottom edges) and height (left, right edges) of an ordered quad."""
    w = (np.linalg.norm(quad[1] - quad[0]) + np.linalg.norm(quad[2] - quad[3])) / 2
    h = (np.linalg.norm(quad[3] - quad[0]) + np.linalg.norm(quad[2] - quad[1])) / 2
    return float(w), float(h)


def _refine(contour: np.ndarray, quad: np.ndarray, max_move: float = 0.1,
            near_side: float = 0.03) -> np.ndarray:
    """Fit each side to the contour points near it (within ``near_side`` of its length) and
    intersect neighbouring sides (kept when no corner moved more than ``max_move`` of the
    longer side)."""
    pts = contour.reshape(-1, 2).astype(np.float32)
    lines = []
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        ab = b - a
        length = float(np.linalg.norm(ab))
        if length < 1:
            return quad
        t = ((pts - a) @ ab) / (length**2)
        rel = pts - a
        dist = np.abs(ab[0] * rel[:, 1] - ab[1] * rel[:, 0]) / length
        near = pts[(t > 0.15) & (t < 0.85) & (dist < max(3.0, near_side * length))]
        if len(near) < 5:
            return quad
        vx, vy, x0, y0 = cv2.fitLine(near, cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()
        lines.append((np.array([x0, y0]), np.array([vx, vy])))
    out = []
    for i in range(4):
        (p1, d1), (p2, d2) = lines[i - 1], lines[i]
        m = np.array([d1, -d2]).T
        if abs(np.linalg.det(m)) < 1e-6:
            return quad
        s = np.linalg.solve(m, p2 - p1)
        out.append(p1 + s[0] * d1)
    refined = np.array(out, np.float32)
    if np.abs(refined - quad).max() > max_move * max(_sides(quad)):
        return quad
    return refined


def _quad_of(contour: np.ndarray) -> np.ndarray | None:
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    for eps in (0.01, 0.02, 0.03, 0.05):
        approx = cv2.approxPolyDP(hull, eps * perimeter, True)
        if len(approx) == 4:
            return _order(approx.reshape(4, 2).astype(np.float32))
    if len(cv2.approxPolyDP(hull, 0.05 * perimeter, True)) < 4:
        return None
    return _order(cv2.boxPoints(cv2.minAreaRect(hull)).astype(np.float32))


def _masks(small: np.ndarray) -> list[np.ndarray]:
    """Light-and-unsaturated regions (Otsu on min(R, G, B)) and closed edge outlines."""
    white = cv2.GaussianBlur(small.min(axis=2), (5, 5), 0)
    _, light = cv2.threshold(white, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    light = cv2.morphologyEx(light, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    light = cv2.morphologyEx(light, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    grey = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY), (5, 5), 0)
    edges = cv2.dilate(cv2.Canny(grey, 30, 90), np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    outlined = np.zeros_like(grey)
    cv2.drawContours(outlined, contours, -1, 255, thickness=cv2.FILLED)
    outlined = cv2.morphologyEx(outlined, cv2.MORPH_OPEN, np.ones((7, 7), np.uint8))
    return [light, outlined]


def looks_like_photo(small: np.ndarray) -> bool:
    """True when the frame's border is mostly not paper: a desk around the document.

    Scans (flatbed, ADF, even rotated ones) are bordered by paper white."""
    return _paper_border(small) < 0.5


def _paper_border(small: np.ndarray) -> float:
    """Share of the frame's 4-pixel border ring that is paper white."""
    ring = np.concatenate([small[:4].reshape(-1, 3), small[-4:].reshape(-1, 3),
                           small[:, :4].reshape(-1, 3), small[:, -4:].reshape(-1, 3)])
    paper = (ring.min(axis=1) > 200) & (ring.max(axis=1).astype(int) - ring.min(axis=1) < 30)
    return float(paper.mean())


#: A frame whose quick border check finds this much paper is a scan, with no closer look:
#: well above the 0.5 of `looks_like_photo`, so only frames the exact check also calls
#: scans skip it.
_CLEARLY_SCANNED = 0.7


def _clearly_scanned(image: Image.Image) -> bool:
    """Most images are scans: this decides it on a box-reduced copy (PIL's C ``reduce``
    of the image in its own mode), instead of converting and resizing the whole page,
    which cost every scanned image ~0.04 s in the photo stage (throughput benchmark)."""
    factor = max(1, max(image.size) // _WORK)
    small = np.asarray(image.reduce(factor).convert("RGB"))
    return _paper_border(small) >= _CLEARLY_SCANNED


def _fitted_quads(mask: np.ndarray, areas: tuple[float, float], min_fill: float,
                  ) -> Iterator[tuple[np.ndarray, float, float]]:
    """(quad, fit, quad area) of each outer contour of ``mask`` within ``areas`` that fills
    its quad well enough to be a flat rectangle seen in perspective.

    The fit is the overlap (intersection over union) of the contour's shape and the refined
    quad, the quad the document is warped by: it falls both for a quad cutting a corner off
    and for one bulging past the shape (`_better`)."""
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    for contour in contours:
        c_area = cv2.contourArea(contour)
        if not areas[0] <= c_area <= areas[1]:
            continue
        quad = _quad_of(contour)
        if quad is None:
            continue
        q_area = cv2.contourArea(quad)
        if q_area <= 0 or c_area / q_area < min_fill:
            continue
        refined = _refine(contour, quad)
        yield refined, _overlap(mask.shape, contour, refined), q_area


def _overlap(shape: tuple[int, ...], contour: np.ndarray, quad: np.ndarray) -> float:
    """Intersection over union of a contour's filled shape and a quad (working pixels)."""
    inside = np.zeros(shape[:2], np.uint8)
    cv2.drawContours(inside, [contour], -1, 1, thickness=cv2.FILLED)
    outlined = np.zeros(shape[:2], np.uint8)
    cv2.fillConvexPoly(outlined, np.round(quad).astype(np.int32), 1)
    union = int((inside | outlined).sum())
    return int((inside & outlined).sum()) / union if union else 0.0


def find_documents(image: Image.Image) -> tuple[str, list[np.ndarray]] | None:
    """("page", [quad]) or ("cards", [quads...]) in image pixels; None when the image is not a
    photo of a document on a desk (a scan, or nothing found)."""
    if _clearly_scanned(image):
        return None
    rgb = np.asarray(image.convert("RGB"))
    height, width = rgb.shape[:2]
    scale = min(1.0, _WORK / max(height, width))
    small = cv2.resize(rgb, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    if not looks_like_photo(small):
        return None
    area = small.shape[0] * small.shape[1]
    pages: list[tuple[float, np.ndarray, float]] = []  # (area, quad, fit: `_fitted_quads`)
    cards: list[tuple[float, np.ndarray, float]] = []
    masks = _masks(small)
    for mask in masks:
        for quad, fit, q_area in _fitted_quads(mask, (0.025 * area, 0.97 * area), 0.88):
            kind = _kind(small, quad, q_area > 0.15 * area)
            if kind is None:
                continue
            target = cards if kind == "card" else pages
            twins = [x for x in pages + cards if _iou(quad / scale, x[1]) > 0.5]
            if any(not _better(quad / scale, fit, twin[1], twin[2]) for twin in twins):
                continue  # the same thing, outlined better by the other mask
            for twin in twins:
                (pages if twin in pages else cards).remove(twin)
            target.append((q_area, quad / scale, fit))
    pages = [p for p in pages if not _desk_blob(p, cards)]
    if pages:
        page = max(pages, key=lambda p: p[0])
        touching = _touching_cards(masks, page[1] * scale)
        if not touching:
            return "page", [_upright(page[1], portrait=True)]
        cards = [(0.0, quad / scale, 1.0) for quad in touching]
    if cards:
        # reading order: top to bottom, then left to right (rows of cards)
        quads = [_upright(q, portrait=False) for _, q, _ in cards]
        quads.sort(key=lambda q: (round(q[:, 1].mean() / (height / 3)), q[:, 0].mean()))
        return "cards", quads
    return None


#: A page's outline fits its own quad at least this well (`_fitted_quads`): photographed
#: photocopies' pages fitted 0.994 or better (110 page quads on consumed 550701-550901).
PAGE_FIT = 0.9
#: A card outline this clean is a card, whatever shape the other mask made around it.
CARD_FIT = 0.95


def _desk_blob(page: tuple[float, np.ndarray, float], cards: list[tuple[float, np.ndarray,
                                                                         float]]) -> bool:
    """Whether a "page" (area, quad, fit) is a light desk's blotches run together with the
    cards lying on it by the light mask (a grey marble desk, consumed 550901 0022: front and
    back photographed on it were taken for one page, and neither side was read by zone): its
    outline fits its quad badly, and a card the other mask outlined cleanly lies inside."""
    _, quad, fit = page
    if fit >= PAGE_FIT:
        return False
    outline = quad.astype(np.float32)
    return any(c_fit >= CARD_FIT and cv2.pointPolygonTest(
        outline, tuple(float(v) for v in card.mean(axis=0)), False) >= 0
        for _, card, c_fit in cards)


def _touching_cards(masks: list[np.ndarray], page: np.ndarray) -> list[np.ndarray]:
    """The cards that a "page" outline is made of, when it is two or more cards touching
    (front and back stacked on a photo, one card's corner on the other: the masks join
    them and the pair is page-shaped), else []. (Working-image pixels.)

    A page is one convex blob; touching cards are blobs joined by a neck much narrower
    than a card. So each mask's distance to the background is cut at 0.4 of its largest
    value: a page leaves one core, touching cards one core each. Each core grown back by
    the distance it was cut at is its card without the neck, corners rounded off: its quad
    has the card's sides, though not its corners, so the sides are then fitted to the
    blob's own outline (`_refine`, which fits each side's middle) and intersected. The
    split is kept only when every part is card-shaped and together they cover most of the
    page."""
    page_area = cv2.contourArea(page)
    inside = np.zeros(masks[0].shape, np.uint8)
    cv2.fillConvexPoly(inside, page.astype(np.int32), 255)
    for mask in masks:
        # the mask's blob under the page (not clipped to the page's quad: that cuts off the
        # corners of cards turned against each other)
        _, blobs = cv2.connectedComponents(mask)
        under = blobs[(inside > 0) & (mask > 0)]
        if under.size == 0:
            continue
        blob = np.where(blobs == np.bincount(under).argmax(), 255, 0).astype(np.uint8)
        dist = cv2.distanceTransform(blob, cv2.DIST_L2, 5)
        reach = 0.4 * float(dist.max())
        count, cores = cv2.connectedComponents((dist > reach).astype(np.uint8))
        if count < 3:  # background and one core: one blob
            continue
        outline = np.concatenate(cv2.findContours(blob, cv2.RETR_EXTERNAL,
                                                  cv2.CHAIN_APPROX_NONE)[0])
        quads = []
        for label in range(1, count):
            # grown by a distance transform: a dilation by a disk that large is slow
            grown = cv2.distanceTransform((cores != label).astype(np.uint8), cv2.DIST_L2, 5)
            part = np.where((grown <= reach + 1) & (blob > 0), 255, 0).astype(np.uint8)
            contour = max(cv2.findContours(part, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)[0],
                          key=cv2.contourArea)
            quad = _quad_of(contour)
            if quad is None:
                break
            # the sides fitted to the part (loosely: its quad's corners sit on the rounding),
            # then to the blob's own outline; the corners move out of the rounding by up
            # to 0.41 of the reach (a fifth of a card's height)
            quad = _refine(outline, _refine(contour, quad, 0.25, 0.08), 0.25)
            if not _card_shaped(quad) or cv2.contourArea(quad) < 0.15 * page_area:
                break
            quads.append(quad)
        else:
            if len(quads) >= 2 and sum(cv2.contourArea(q) for q in quads) > 0.7 * page_area:
                return quads
    return []


def _card_shaped(quad: np.ndarray) -> bool:
    """In ID-1 proportions as a tilted camera sees them, either way round (a card may lie
    at 90 degrees on the desk): ID-1 is 1.585; a tilted camera stretches it along the far
    side, by up to ~1.4x on generated photos (a card's sides measured 1.19 on seed 536001)."""
    w, h = _sides(quad)
    return 1.08 <= max(w, h) / max(1.0, min(w, h)) <= 2.2


def _page_shaped(quad: np.ndarray) -> bool:
    """In A4 proportions (1.414) as a tilted camera sees them, either way round: squeezed
    down to ~1.05 (seed 536001) or stretched to 1.71 (538001) by the same tilt."""
    w, h = _sides(quad)
    return max(w, h) / max(1.0, min(w, h)) <= 2.0


def _kind(small: np.ndarray, quad: np.ndarray, large: bool) -> str | None:
    """"card", "page" or None for a quad of the working image (``large``: over 15 % of it).

    The side ratios of a card (ID-1, 1.585) and a page (A4, 1.414) overlap once a tilted
    camera stretches them, and either may lie at 90 degrees on the desk, so when a quad could
    be both, the direction of its text lines decides: a card's lines run along its long
    side, a page's across it (`_lines_along`; on the development photos, seeds 546301 and
    546302, turned 0 and 90 degrees: single cards measured >= +0.8, pages and photocopies
    <= -0.99, and two touching cards seen as one page-shaped blob -0.7).
    When the text says nothing (|cue| < 0.3: a blank or washed-out document) the older
    rule holds: landscape is a card, portrait a page. A portrait quad too small to be a page
    is a card only when its lines say so (a card lying at 90 degrees)."""
    w, h = _sides(quad)
    card, page = _card_shaped(quad), large and _page_shaped(quad)
    if card and (page or h > w):  # either, or a card lying at 90 degrees
        cue = _lines_along(small, quad)
        if cue > _CUE_MARGIN:
            return "card"
        if cue < -_CUE_MARGIN and page:
            return "page"
        if not page:
            return None  # portrait, too small for a page, and no card's lines
        return "card" if w >= h else "page"
    if card:
        return "card"  # landscape and too small for a page
    return "page" if page and h > w else None


_CUE_MARGIN = 0.3


def _lines_along(small: np.ndarray, quad: np.ndarray) -> float:
    """How much more the text lines in ``quad`` run along its long side than across it:
    log of the ratio of the ink profiles' fine-scale variance (a profile taken across text
    lines alternates line / gap; one taken along them is flat). Positive for a card (its
    lines run along the long side, however it lies), negative for an upright page.
    Measured on the working image, the quad warped with its long side horizontal."""
    w, h = _sides(quad)
    if w < h:
        quad, (w, h) = np.roll(quad, -1, axis=0), (h, w)
    width, height = 400, max(40, round(400 * h / max(1.0, w)))
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    matrix = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    grey = cv2.warpPerspective(small, matrix, (width, height), flags=cv2.INTER_LINEAR).min(axis=2)
    m = round(0.06 * height)  # the edges and the desk beyond them
    grey = grey[m:-m, m:-m]
    ink = cv2.adaptiveThreshold(grey, 1, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                15, 8).astype(np.float32)

    def fine(profile: np.ndarray) -> float:
        smooth = cv2.GaussianBlur(profile.reshape(-1, 1), (1, 0), 6).ravel()
        return float(np.var(profile - smooth)) + 1e-6

    return float(np.log(fine(ink.mean(axis=1)) / fine(ink.mean(axis=0))))


def _upright(quad: np.ndarray, portrait: bool) -> np.ndarray:
    """The quad's corners starting where its first side is the long one (a card: warped
    landscape) or the short one (a page: warped portrait). A document lying at 90 degrees
    is then warped upright or upside down; `read_card_sheet` turns an upside-down card."""
    w, h = _sides(quad)
    return np.roll(quad, -1, axis=0) if (w < h) != portrait else quad


def _skew(quad: np.ndarray) -> float:
    """How far an ordered quad's opposite sides are from parallel (radians, both pairs)."""
    def angle(a: np.ndarray, b: np.ndarray) -> float:
        return float(np.arctan2(b[1] - a[1], b[0] - a[0]))

    def apart(x: float, y: float) -> float:
        return abs((x - y + np.pi) % (2 * np.pi) - np.pi)

    return (apart(angle(quad[0], quad[1]), angle(quad[3], quad[2]))
            + apart(angle(quad[0], quad[3]), angle(quad[1], quad[2])))


def _better(quad: np.ndarray, fit: float, twin: np.ndarray, twin_fit: float) -> bool:
    """Whether ``quad`` outlines the same document better than ``twin`` (the other mask's).

    One mask can lose a corner (the red flag disk at a card's top left is not light, so
    the light mask's outline cuts it off and its quad's top side runs downhill): both
    outlines see the same perspective, so the one whose opposite sides are clearly nearer
    parallel (by 0.05 rad) wins; otherwise the one that fits its own shape better
    (`_fitted_quads`). The fit used to be the contour's area over the rough quad's, which
    rewards a quad cutting a corner off (the shape then outgrows it): on consumed 550901
    'Bản photo CCCD 0039' the light mask's quad, its top left corner 190 photo pixels off,
    won over the edge mask's right one. Against the generator's true corners on the cards
    of eight consumed seeds (981 cards, `docs/photos.md` "Twelfth round"), the overlap
    left 2 cards with a corner more than 40 pixels off (was 3) and 10 more than 15 (was 11)."""
    skew, twin_skew = _skew(quad), _skew(twin)
    if abs(skew - twin_skew) > 0.05:
        return skew < twin_skew
    return fit > twin_fit


def _iou(a: np.ndarray, b: np.ndarray) -> float:
    inter, _ = cv2.intersectConvexConvex(a.astype(np.float32), b.astype(np.float32))
    union = cv2.contourArea(a) + cv2.contourArea(b) - inter
    return float(inter / union) if union > 0 else 0.0


# --- warping -----------------------------------------------------------------------------------


def _warp(rgb: np.ndarray, quad: np.ndarray, size: tuple[int, int]) -> tuple[np.ndarray,
                                                                                np.ndarray]:
    w, h = size
    flat = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    to_flat = cv2.getPerspectiveTransform(quad.astype(np.float32), flat)
    out = cv2.warpPerspective(rgb, to_flat, size, flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_REPLICATE)
    return out, np.linalg.inv(to_flat)


def flatten(image: Image.Image) -> Flattened | None:
    """The photo's document(s) warped flat and upright on one sheet; None for a scan."""
    found = find_documents(image)
    if found is None:
        return None
    kind, quads = found
    rgb = np.asarray(image.convert("RGB"))
    if kind == "page":
        warped, back = _warp(rgb, quads[0], PAGE_SIZE)
        region = Region("page", _tuple(quads[0]), (0, 0, *PAGE_SIZE), _tuple(back))
        return Flattened(Image.fromarray(warped), PAGE_DPI, "page", [region],
                         (image.width, image.height), image)
    cw, ch = CARD_SIZE
    sheet = np.full((SHEET_GAP + len(quads) * (ch + SHEET_GAP), cw + 2 * SHEET_GAP, 3), 255,
                    np.uint8)
    regions = []
    for i, quad in enumerate(quads):
        warped, back = _warp(rgb, quad, CARD_SIZE)
        top = SHEET_GAP + i * (ch + SHEET_GAP)
        sheet[top : top + ch, SHEET_GAP : SHEET_GAP + cw] = warped
        shift = np.array([[1, 0, -SHEET_GAP], [0, 1, -top], [0, 0, 1]], np.float64)
        regions.append(Region("card", _tuple(quad), (SHEET_GAP, top, SHEET_GAP + cw, top + ch),
                              _tuple(back @ shift)))
    return Flattened(Image.fromarray(sheet), CARD_DPI, "cards", regions,
                     (image.width, image.height), image)


def find_cards_on_page(page: Image.Image, flat: Flattened | None = None) -> list[np.ndarray]:
    """Quads (TL, TR, BR, BL, page pixels) of ID cards on a flattened photocopy.

    The scan-side card finder looks for a tint darker than the paper around it; on a
    photographed copy the paper itself is tinted by the light, so here a card is what
    differs from the page's own paper colour (its tint, print and outline), closed into a
    solid shape, with the same quad fit and ID-1 proportions as on a desk.

    With the photo kept (``flat``), the working image is warped straight from the photo at
    the working size: shrinking the 8.7-megapixel A4 page instead cost ~0.15 s a photo."""
    height, width = page.height, page.width
    scale = min(1.0, _WORK / max(height, width))
    small = _small_page(flat, scale)
    if small is None:
        small = cv2.resize(np.asarray(page.convert("RGB")), None, fx=scale, fy=scale,
                           interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (5, 5), 0)
    paper = cv2.dilate(small, np.ones((41, 41), np.uint8)).astype(np.int16)  # local paper
    diff = (paper - small).max(axis=2)
    chroma = small.max(axis=2).astype(np.int16) - small.min(axis=2)
    paper_chroma = paper.max(axis=2) - paper.min(axis=2)
    mask = ((diff > 12) | (chroma - paper_chroma > 10)).astype(np.uint8) * 255
    margin = max(4, round(0.015 * max(small.shape[:2])))  # the page's own edge and desk
    mask[:margin], mask[-margin:], mask[:, :margin], mask[:, -margin:] = 0, 0, 0, 0
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    mask = cv2.drawContours(np.zeros_like(mask), contours, -1, 255, cv2.FILLED)  # holes
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    area = small.shape[0] * small.shape[1]
    quads: list[np.ndarray] = []
    # Then the mask opened wide: a glare's rim on the paper beside a card differs from the
    # paper too and joins the card as a thin tail, which spoils its quad (development photo
    # 546102 0010: fill 0.82, sides 1.96). A card is far thicker than such a tail.
    for shape in (mask, cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((31, 31), np.uint8))):
        for quad, _, _ in _fitted_quads(shape, (0.02 * area, 0.6 * area), 0.85):
            w, h = _sides(quad)
            if (w >= h and 1.4 <= w / max(1.0, h) <= 1.8  # flat page: near the true 1.585
                    and not any(_iou(quad / scale, q) > 0.5 for q in quads)):
                quads.append(quad / scale)
    quads.sort(key=lambda q: (q[:, 1].mean(), q[:, 0].mean()))
    return quads


def _small_page(flat: Flattened | None, scale: float) -> np.ndarray | None:
    """The flat page at ``scale`` of its sheet size, warped from the photo (None without
    one)."""
    if flat is None or flat.source is None or flat.kind != "page" or not flat.regions:
        return None
    region = flat.regions[0]
    width, height = region.box[2] - region.box[0], region.box[3] - region.box[1]
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    small_to_photo = np.array(region.homography, np.float64) @ np.diag([1 / scale,
                                                                         1 / scale, 1.0])
    rgb = np.asarray(flat.source.convert("RGB"))
    return cv2.warpPerspective(rgb, small_to_photo, size,
                               flags=cv2.INTER_AREA | cv2.WARP_INVERSE_MAP,
                               borderMode=cv2.BORDER_REPLICATE)


def warp_card_from_photo(flat: Flattened, quad: np.ndarray) -> Image.Image | None:
    """The card whose corners on the flattened page are ``quad``, warped to ``CARD_SIZE``
    straight from the photo's pixels (one resampling, bicubic, instead of the page warp's
    and then an enlargement's). None when the page has no photo kept."""
    if flat.source is None or not flat.regions:
        return None
    to_photo_h = np.array(flat.regions[0].homography, np.float64)
    corners = cv2.perspectiveTransform(quad.reshape(-1, 1, 2).astype(np.float64), to_photo_h)
    w, h = CARD_SIZE
    target = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    to_card = cv2.getPerspectiveTransform(corners.reshape(4, 2).astype(np.float32), target)
    rgb = np.asarray(flat.source.convert("RGB"))
    card = cv2.warpPerspective(rgb, to_card, CARD_SIZE, flags=cv2.INTER_CUBIC,
                               borderMode=cv2.BORDER_REPLICATE)
    return Image.fromarray(card)


def turned_over(region: Region) -> Region:
    """The region after its card is turned 180 degrees within its sheet box (a card lying
    upside down on the desk): the sheet -> photo homography first undoes the turn, and the
    quad starts from the card's real top-left corner."""
    left, top, right, bottom = region.box
    turn = np.array([[-1, 0, left + right], [0, -1, top + bottom], [0, 0, 1]], np.float64)
    quad = region.quad[2:] + region.quad[:2]
    return Region(region.kind, quad, region.box,
                  _tuple(np.array(region.homography, np.float64) @ turn))


def _tuple(a: np.ndarray) -> tuple[tuple[float, ...], ...]:
    return tuple(tuple(float(v) for v in row) for row in np.asarray(a))


def to_photo(region: Region | dict[str, Any], box: tuple[int, int, int, int]) -> list[list[float]]:
    """The four corners of a sheet box in photo pixels (for the review UI)."""
    h = np.array(region["sheet_to_photo"] if isinstance(region, dict) else region.homography)
    x0, y0, x1, y1 = box
    pts = np.array([[[x0, y0]], [[x1, y0]], [[x1, y1]], [[x0, y1]]], np.float64)
    return cv2.perspectiveTransform(pts, h).reshape(4, 2).round(1).tolist()


# --- contrast ----------------------------------------------------------------------------------


def normalise_contrast(gray: np.ndarray, text_px: int = 30) -> np.ndarray:
    """Local contrast normalisation: divide by the local background (a closing removes the
    ink), then stretch each neighbourhood so its darkest ink reaches black.

    Glare adds light to ink and background alike (ink at 0.8 of the background instead of
    0.1); uneven light scales both. Dividing removes the scale, the local stretch the glare's
    lift. ``text_px`` is the print's height in pixels: the windows are a few times that."""
    k = max(3, text_px | 1)
    ratio = _ratio_to_background(gray, k)
    darkest = cv2.GaussianBlur(cv2.erode(ratio, cv2.getStructuringElement(
        cv2.MORPH_RECT, (2 * k + 1, 2 * k + 1))), (0, 0), k)
    depth = np.maximum(1 - darkest, 0.25)
    out = 1 - np.clip((1 - ratio) / depth, 0, 1)
    return (out * 255).astype(np.uint8)


def _ratio_to_background(gray: np.ndarray, k: int) -> np.ndarray:
    """Each pixel over its local background (a grey closing removes print up to ``k`` px)."""
    g = gray.astype(np.float32) + 1
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    background = cv2.GaussianBlur(cv2.morphologyEx(g, cv2.MORPH_CLOSE, kernel), (0, 0), k / 2)
    return np.clip(g / background, 0, 1)


def divide_background(gray: np.ndarray, text_px: int = 30) -> np.ndarray:
    """Uneven light and the scale part of glare divided out, with no local stretch: the
    background comes out flat white and keeps its noise small, so a global threshold
    (Otsu) on a band of it separates print from card well."""
    return (_ratio_to_background(gray, max(3, text_px | 1)) * 255).astype(np.uint8)
