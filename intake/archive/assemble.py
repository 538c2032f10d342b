"""Pages of the archive PDF: each stored page image with the invisible OCR text grafted on,
or, for a page that came with a real text layer, the original PDF page itself.

Page images go in through img2pdf, which embeds the JPEG bytes as they are (no second lossy
generation) at the resolution the pipeline recorded, so the page keeps the intake resolution
and size. A page with its own text layer must not get an OCR layer on top of it (every word
would be found twice): by default its original page is copied; when that page cannot be
made PDF/A, the caller asks for ``embed_text_layer_pages=False`` and the page is rebuilt from
its rendered image plus its own words, drawn once as invisible text.
"""

from __future__ import annotations

import io
from contextlib import ExitStack
from dataclasses import dataclass, field

import img2pdf
import pikepdf

from intake.archive.errors import ArchiveError
from intake.archive.ocr_tree import has_text, page_tree
from intake.archive.source import ArchiveSource, PageSource
from intake.archive.text_layer import render_text_pages
from intake.warehouse.blobs import BlobStore

#: The digitization rules (Circular 01/2023/TT-VPCP) ask for at least this resolution.
MIN_ARCHIVE_DPI = 200


@dataclass
class Assembly:
    pdf: pikepdf.Pdf
    embedded_pages: list[int] = field(default_factory=list)  # original text-layer pages kept
    low_dpi_pages: list[int] = field(default_factory=list)


def _image_page(blobs: BlobStore, page: PageSource) -> pikepdf.Pdf:
    if not page.image_sha256 or not blobs.exists(page.image_sha256):
        raise ArchiveError(f"Thiếu ảnh trang {page.number} / page image missing")
    jpeg = blobs.read_bytes(page.image_sha256)
    layout = img2pdf.get_fixed_dpi_layout_fun((page.dpi, page.dpi))
    try:
        data = img2pdf.convert(jpeg, layout_fun=layout, rotation=img2pdf.Rotation.ifvalid)
    except (img2pdf.ImageOpenError, ValueError) as exc:
        raise ArchiveError(f"Ảnh trang {page.number} hỏng / bad page image: {exc}") from exc
    return pikepdf.open(io.BytesIO(data))


def assemble(
    source: ArchiveSource, blobs: BlobStore, embed_text_layer_pages: bool = True
) -> Assembly:
    """All pages in order; the returned PDF owns copies of everything it needs."""
    embedded = {
        p.number for p in source.pages if embed_text_layer_pages and p.text_source == "text-layer"
    }
    drawn = [p for p in source.pages if p.number not in embedded]
    trees = {p.number: (page_tree(p.words, p.width, p.height, p.dpi), float(p.dpi)) for p in drawn}
    with ExitStack() as stack:
        text = render_text_pages(list(trees.values())) if drawn else None
        if text is not None:
            stack.enter_context(text)
        text_index = {number: i for i, number in enumerate(trees)}
        original = None
        if embedded:
            original = stack.enter_context(pikepdf.open(blobs.path_for(source.source_sha256)))
        out = Assembly(pikepdf.new())
        for page in source.pages:
            if page.number in embedded:
                assert original is not None
                out.pdf.pages.append(original.pages[page.source_page - 1])
                out.embedded_pages.append(page.number)
                continue
            image = stack.enter_context(_image_page(blobs, page))
            out.pdf.pages.append(image.pages[0])
            if page.dpi < MIN_ARCHIVE_DPI:
                out.low_dpi_pages.append(page.number)
            tree, _dpi = trees[page.number]
            if text is not None and has_text(tree):
                target = out.pdf.pages[-1]
                # The text page is the image page's size: overlay it on the whole page.
                whole = pikepdf.Rectangle(target.mediabox)
                target.add_overlay(text.pages[text_index[page.number]], whole)
        # Write once while the source PDFs are still open: qpdf copies foreign stream data
        # lazily, so the result must not outlive them unwritten.
        buffer = io.BytesIO()
        out.pdf.save(buffer)
        out.pdf.close()
    out.pdf = pikepdf.open(buffer)
    return out
