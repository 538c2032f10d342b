"""Read one page: load it, turn it upright, level it, OCR it, keep its image.

This runs inside worker processes, so its input and output are small picklable values and
it never touches the database. Page images go to the blob store (atomic, content-addressed),
which is safe from many processes at once.
"""

from __future__ import annotations

import io
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import cv2
from PIL import Image, ImageDraw

from intake.config import Settings
from intake.dedup.fingerprint import page_hash
from intake.errors import ErrorCode, IntakeError
from intake.extract.card_zones import ZoneReader, describe
from intake.extract.qr import decode_qr
from intake.loading import load_page
from intake.ocr import OcrEngine, PageText, make_engine
from intake.ocr.base import LineReader, map_boxes
from intake.ocr.rereads import reread_digits
from intake.ocr.tesseract import TesseractEngine
from intake.pipeline.card_digits import correct_cards, read_missing_expiry
from intake.preprocess.cards import CardRegion, find_cards, read_card
from intake.preprocess.deskew import deskew, estimate_skew
from intake.preprocess.lines import remove_leaders_and_rules
from intake.preprocess.photo import Flattened, flatten, turned_over
from intake.preprocess.photo_ocr import photo_card_qr, read_card_sheet, reread_cards
from intake.warehouse.blobs import BlobStore

#: Below this mean word confidence (or with too few words) a page may be sideways or upside
#: down: only then is orientation detection run, so upright pages do not pay for it.
ORIENTATION_CHECK_CONFIDENCE = 0.70
ORIENTATION_CHECK_MIN_WORDS = 15
#: A photographed page's reading turned 180 degrees replaces the upright one, when OSD could
#: not tell, only with this much more mean confidence (and at least half as many words).
TURNED_PAGE_MARGIN = 0.1
#: Scans below Settings.ocr_min_dpi are enlarged to this resolution for OCR.
OCR_TARGET_DPI = 300

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PageTask:
    blob_path: str
    fmt: str
    index: int  # 0-based page index in the source file


@dataclass(slots=True)
class PageResult:
    index: int
    text: str = ""
    words: list[list[object]] = field(default_factory=list)  # [text, l, t, r, b, conf, line]
    confidence: float | None = None
    text_source: str = "ocr"
    image_sha256: str | None = None
    width: int = 0
    height: int = 0
    dpi: int = 0
    rotation: int = 0
    skew: float = 0.0
    engine: str = ""
    seconds: dict[str, float] = field(default_factory=dict)
    qr: list[str] = field(default_factory=list)  # QR payloads decoded on the page's cards
    phash: str | None = None  # perceptual hash of the stored page image (near duplicates)
    photo: dict[str, object] | None = None  # a flattened phone photo: regions, transforms
    error_code: str | None = None
    error_message: str | None = None
    transient: bool = False


def serialise_words(page: PageText) -> list[list[object]]:
    return [
        [w.text, *w.box, round(w.confidence, 3), line_no]
        for line_no, line in enumerate(page.lines)
        for w in line.words
    ]


#: Zone readings merged for cards on scans (see `PageReader._card_digits`).
_SCAN_ZONES = frozenset({"id_number", "mrz"})


class PageReader:
    def __init__(self, settings: Settings, engine: OcrEngine | None = None) -> None:
        cv2.setNumThreads(1)  # one thread per worker process: the pool owns parallelism
        self.settings = settings
        self.engine = engine or make_engine(settings)
        self.blobs = BlobStore(settings.blob_dir)
        self._zones: ZoneReader | None = None
        self._digits: TesseractEngine | None = None
        # Time spent inside OCR calls on line removal / card finding and on digit re-reads,
        # booked under their own stages by _book_side_steps.
        self._cleanup_seconds = self._reread_seconds = 0.0

    def read(self, task: PageTask) -> PageResult:
        result = PageResult(index=task.index)
        self._cleanup_seconds = self._reread_seconds = 0.0
        try:
            self._read(task, result)
        except IntakeError as exc:
            result.error_code, result.error_message = str(exc.code), exc.message
            result.transient = exc.transient
        except MemoryError:
            result.error_code = "out_of_memory"
            result.error_message = "Hết bộ nhớ khi đọc trang / out of memory reading the page"
            result.transient = True
        except Exception as exc:  # the page boundary: a fault in one step fails this page only
            log.exception("reading page %d of %s failed", task.index + 1, task.blob_path)
            result.error_code = str(ErrorCode.INTERNAL)
            result.error_message = (
                f"Lỗi nội bộ khi đọc trang {task.index + 1}, cần báo cho quản trị / internal "
                f"error reading page {task.index + 1}, report it: {type(exc).__name__}: {exc}"
            )
        return result

    def _read(self, task: PageTask, result: PageResult) -> None:
        clock = _Clock(result.seconds)
        s = self.settings
        loaded = load_page(
            Path(task.blob_path), task.fmt, task.index, s.render_dpi, s.max_image_pixels
        )
        clock.lap("load")
        image, result.dpi = loaded.image, loaded.dpi
        if loaded.text_layer is not None:
            page = loaded.text_layer
            result.text_source = "text-layer"
        else:
            flat = self._flatten(task, image, result)  # a phone photo: its document(s) flat
            clock.lap("photo")
            if flat is not None:
                image, result.dpi = flat.image, flat.dpi
            original = image
            image = self._level(image, result) if flat is None else image
            clock.lap("preprocess")
            if flat is not None and flat.kind == "cards":
                page, cards = self._read_card_sheet(flat, result)
            else:
                page, cards = self._recognize(image, result.dpi)
                page = self._reread_photo_cards(flat, image, page, cards, result)
            clock.lap("ocr")
            self._book_side_steps(clock, "ocr")
            photo_page = flat is not None and flat.kind == "page"
            if s.detect_orientation and (flat is None or photo_page) and _maybe_rotated(page):
                rotation = self.engine.detect_orientation(original)
                if rotation and flat is None:
                    result.rotation = rotation
                    image = self._level(original.rotate(rotation, expand=True), result)
                    page, cards = self._recognize(image, result.dpi)
                elif flat is not None and rotation in (None, 180):  # lying upside down?
                    image, page, cards = self._upright_photo_page(flat, image, page, cards,
                                                                  result, rotation == 180)
                clock.lap("orientation")
                self._book_side_steps(clock, "orientation")
            # QR codes live on the cards (ID cards carry one); decoding the crops is cheap.
            result.qr = (photo_card_qr(flat) if flat is not None and flat.kind == "cards"
                         else [text for card in cards for text in decode_qr(image.crop(card.box))])
            clock.lap("qr")
            if s.reread_digits and cards:
                page = self._card_digits(flat, image, page, cards, result.qr)
                clock.lap("reread")
        result.engine = page.engine
        result.text = page.text
        result.words = serialise_words(page)
        result.confidence = round(page.confidence, 4) if page.words else None
        result.width, result.height = image.size
        result.phash = page_hash(image)
        result.image_sha256 = self.blobs.put_bytes(_jpeg(image, s.page_image_quality))
        clock.lap("save")

    def _upright_photo_page(
        self, flat: Flattened, image: Image.Image, page: PageText, cards: list[CardRegion],
        result: PageResult, osd_says_turned: bool,
    ) -> tuple[Image.Image, PageText, list[CardRegion]]:
        """A photographed page that read badly, read again turned 180 degrees: kept turned
        when OSD said so, or, when OSD could not tell (it gives up on blurred photos), when
        the turned reading is clearly more confident and not much shorter (upside-down print
        reads as many short, unsure fragments: more words, not fewer)."""
        turned = image.rotate(180)
        again, again_cards = self._recognize(turned, result.dpi)
        better = 2 * len(again.words) >= len(page.words) and (
            again.confidence >= page.confidence + TURNED_PAGE_MARGIN
        )
        if not (osd_says_turned or better):
            return image, page, cards
        image = _turn_photo_page(flat, result)
        return image, self._reread_photo_cards(flat, image, again, again_cards, result), again_cards

    def _book_side_steps(self, clock: _Clock, stage: str) -> None:
        """Line removal, card finding and digit re-reads run inside an OCR call; their time is
        booked under their own stages so the breakdown shows what each costs."""
        clock.move(stage, "preprocess", self._cleanup_seconds)
        clock.move(stage, "reread", self._reread_seconds)
        self._cleanup_seconds = self._reread_seconds = 0.0

    def _recognize(self, image: Image.Image, dpi: int) -> tuple[PageText, list[CardRegion]]:
        """OCR at the resolution the engine reads best; boxes stay in ``image`` pixels.

        Scans below ``Settings.ocr_min_dpi`` are enlarged for OCR only (Tesseract's accuracy
        drops with x-height), so stored page images keep their intake resolution."""
        if dpi >= self.settings.ocr_min_dpi:
            return self._recognize_at(image, dpi)
        factor = OCR_TARGET_DPI / dpi
        size = (round(image.width * factor), round(image.height * factor))
        page, cards = self._recognize_at(
            image.resize(size, Image.Resampling.BICUBIC), OCR_TARGET_DPI
        )
        cards = [CardRegion(tuple(int(v / factor) for v in c.box)) for c in cards]  # type: ignore[arg-type]
        return scale_page(page, 1 / factor, image.width, image.height), cards

    def _recognize_at(self, image: Image.Image, dpi: int) -> tuple[PageText, list[CardRegion]]:
        """OCR the page; ID cards on it are masked out of the page pass and read on their own
        (enlarged, binarised by local contrast), their lines placed where the card sits."""
        started = time.perf_counter()
        prepared = self._for_ocr(image, dpi)
        cards = find_cards(image) if self.settings.read_cards else []
        self._cleanup_seconds += time.perf_counter() - started
        if not cards:
            return self._reread_digits(prepared, self.engine.recognize(prepared, dpi), dpi), []
        masked = prepared.copy()
        draw = ImageDraw.Draw(masked)
        for card in cards:
            draw.rectangle(card.box, fill=255 if masked.mode == "L" else (255, 255, 255))
        page = self.engine.recognize(masked, dpi)
        lines = list(page.lines)
        for card in cards:
            card_lines = read_card(self.engine, prepared, card, dpi)
            at = next((i for i, line in enumerate(lines) if line.box[1] > card.box[1]), len(lines))
            lines[at:at] = card_lines
        page = PageText(tuple(lines), image.width, image.height, engine=page.engine)
        return self._reread_digits(prepared, page, dpi), cards

    def _reread_digits(self, prepared: Image.Image, page: PageText, dpi: int) -> PageText:
        reader = self._line_reader()
        if not self.settings.reread_digits or reader is None:
            return page
        page, stats = reread_digits(reader, prepared, page, dpi)
        self._reread_seconds += stats.seconds
        return page

    def _flatten(self, task: PageTask, image: Image.Image, result: PageResult) -> Flattened | None:
        """Photos (not scans, not PDF pages) are found on the desk and warped flat; the
        transforms back to the photo are kept with the page (docs/photos.md)."""
        if task.fmt == "pdf" or not self.settings.read_photos:  # jpeg, png, tiff (or "image")
            return None
        flat = flatten(image)
        if flat is not None:
            result.photo = flat.meta()
        return flat

    def _line_reader(self) -> LineReader | None:
        """What reads digit words again: the page engine, or a Tesseract model of its own
        (``Settings.reread_language``), made once per worker."""
        if not isinstance(self.engine, TesseractEngine):
            return self.engine if isinstance(self.engine, LineReader) else None
        if self.settings.reread_language == self.engine.language:
            return self.engine
        if self._digits is None:
            self._digits = TesseractEngine(self.settings.reread_language,
                                           self.engine.tessdata_dir, self.engine.backend)
        return self._digits

    def _zone_reader(self) -> ZoneReader:
        if self._zones is None:
            self._zones = ZoneReader(self.engine)
        return self._zones

    def _read_card_sheet(
        self, flat: Flattened, result: PageResult
    ) -> tuple[PageText, list[CardRegion]]:
        page, cards, readings = read_card_sheet(self.engine, self._zone_reader(), flat)
        if result.photo is not None:  # again: a card found upside down was turned over
            result.photo = {**flat.meta(), "zones": describe(readings)}
        return page, cards

    def _reread_photo_cards(
        self,
        flat: Flattened | None,
        image: Image.Image,
        page: PageText,
        cards: list[CardRegion],
        result: PageResult,
    ) -> PageText:
        """Cards on a photographed page (a photocopy): read by zone too."""
        if flat is None:
            return page
        page, readings = reread_cards(self._zone_reader(), image, page, cards, flat)
        if result.photo is not None:
            result.photo["zones"] = describe(readings)
        return page

    def _card_digits(self, flat: Flattened | None, image: Image.Image, page: PageText,
                     cards: list[CardRegion], qr: list[str]) -> PageText:
        """ID numbers and dates on the page's cards: cards on a scan read by zone for their
        number and MRZ (the page pass misses or misreads a digit of the number on about one
        card copy in ten; names it reads as well as the zones do) and for a CCCD front's
        expiry date when the page pass missed it; then every card digit group one digit off
        a value the card's MRZ or QR verifies set to that value."""
        boxes = [c.box for c in cards]
        if flat is None:
            page, _ = reread_cards(self._zone_reader(), image, page, cards, None, _SCAN_ZONES)
            page = read_missing_expiry(self._zone_reader().engines()[0], image, page, boxes)
        page, _ = correct_cards(page, boxes, qr)
        return page

    def _for_ocr(self, image: Image.Image, dpi: int) -> Image.Image:
        """What the engine reads: the page without leaders and rules. The stored page image
        stays the scan as it was (levelled), with the same pixel grid, so boxes match it."""
        if not self.settings.remove_lines:
            return image
        cleaned, _stats = remove_leaders_and_rules(image, dpi)
        return cleaned

    def _level(self, image: Image.Image, result: PageResult) -> Image.Image:
        if not self.settings.deskew:
            return image
        result.skew = estimate_skew(image)
        return deskew(image, result.skew)


def scale_page(page: PageText, factor: float, width: int, height: int) -> PageText:
    def box(b: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        return (
            int(b[0] * factor),
            int(b[1] * factor),
            min(width, max(int(b[0] * factor) + 1, round(b[2] * factor))),
            min(height, max(int(b[1] * factor) + 1, round(b[3] * factor))),
        )

    lines = tuple(map_boxes(page.lines, box))
    return PageText(lines, width, height, engine=page.engine, source=page.source)


def _turn_photo_page(flat: Flattened, result: PageResult) -> Image.Image:
    """A photographed page that lay upside down, turned upright in place: the stored sheet
    and the region's sheet -> photo homography both turn, so boxes still map back to the
    photo (and cards on it are warped from the photo the right way up). Only 180 degrees:
    a page lying at 90 degrees is a landscape quad, which the photo finder handles."""
    flat.image = flat.image.rotate(180)
    flat.regions = [turned_over(region) for region in flat.regions]
    result.rotation = 180
    result.photo = flat.meta()
    return flat.image


def _maybe_rotated(page: PageText) -> bool:
    words = page.words
    return (
        len(words) < ORIENTATION_CHECK_MIN_WORDS or page.confidence < ORIENTATION_CHECK_CONFIDENCE
    )


def _jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality, optimize=False)
    return buffer.getvalue()


class _Clock:
    def __init__(self, sink: dict[str, float]) -> None:
        self.sink = sink
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.sink[stage] = self.sink.get(stage, 0.0) + (now - self.last)
        self.last = now

    def move(self, source: str, target: str, seconds: float) -> None:
        """Book ``seconds`` already counted in ``source`` under ``target`` instead."""
        if seconds:
            self.sink[source] = self.sink.get(source, 0.0) - seconds
            self.sink[target] = self.sink.get(target, 0.0) + seconds
