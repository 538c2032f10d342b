"""Documents API: upload, job status, search, one document, page images, archive PDF.

Page images are served by document id and page number only; the blob id comes from the
database and the blob store refuses anything that is not a SHA-256, so no request value ever
becomes a file-system path. Views of a document or page image are personal-data views and are
written to the audit log.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Query, Response, UploadFile
from fastapi.responses import FileResponse
from sqlalchemy import select

from intake.archive import (
    ArchiveError,
    NotArchivableError,
    archive_document,
    owner_id_number,
    pdf_name,
)
from intake.records import Status
from intake.warehouse.models import Page
from intake.warehouse.models_auth import Upload
from intake.web import audit
from intake.web.access import load_document
from intake.web.api_models import DocumentDetail, DocumentPage, JobView
from intake.web.auth import Clerk, Ctx, Officer, Principal
from intake.web.bounds import Day, PageNumber, RowId
from intake.web.context import AppContext
from intake.web.document_view import build_detail
from intake.web.photo_view import upright_jpeg
from intake.web.problems import NotFound, Unavailable
from intake.web.queries import Filters, search, summaries
from intake.web.routes.common import API_ERRORS, errors
from intake.web.text import nfc_or_none

router = APIRouter(prefix="/api", tags=["documents"], responses=API_ERRORS)

ID_NUMBER = r"^(\d{9}|\d{12})$"


def job_view(upload: Upload) -> JobView:
    ids = upload.document_ids or []
    return JobView(
        id=upload.id,
        state=upload.state,  # type: ignore[arg-type]
        filename=upload.filename,
        size=upload.size,
        uploaded_by=upload.user_name,
        created_at=upload.created_at,
        finished_at=upload.finished_at,
        error=upload.error,
        document_ids=ids,
        documents_url=[f"/api/documents/{i}" for i in ids],
    )


def accept_upload(ctx: AppContext, principal: Principal, file: UploadFile) -> JobView:
    """Save, audit and queue one uploaded file (shared by the API and the upload page)."""
    upload_id = ctx.uploads.save(file.file, file.filename, principal.user_id, principal.name)
    with ctx.warehouse.unit_of_work() as session:
        upload = session.get(Upload, upload_id)
        assert upload is not None
        audit.record(
            session,
            principal,
            "upload",
            target=f"upload:{upload_id}",
            new=upload.filename,
            detail={"size": upload.size},
        )
        view = job_view(upload)
    ctx.uploads.submit(upload_id)
    return view


@router.post(
    "/documents",
    status_code=202,
    response_model=JobView,
    responses=errors(413),
    summary="Upload a scan or PDF; returns a job to poll",
)
def upload_document(
    principal: Clerk, ctx: Ctx, file: Annotated[UploadFile, File(description="Scan or PDF")]
) -> JobView:
    return accept_upload(ctx, principal, file)


@router.get("/jobs/{job_id}", response_model=JobView, summary="State of an upload")
def get_job(job_id: RowId, principal: Clerk, ctx: Ctx) -> JobView:
    with ctx.warehouse.sessions() as session:
        upload = session.get(Upload, job_id)
        if upload is None or (
            not principal.sees_all_documents and upload.user_id != principal.user_id
        ):
            raise NotFound(f"Không tìm thấy công việc #{job_id} / job not found")
        return job_view(upload)


@router.get("/documents", response_model=DocumentPage, summary="Search documents")
def list_documents(
    principal: Clerk,
    ctx: Ctx,
    doc_type: Annotated[str | None, Query(max_length=64)] = None,
    status: Status | None = None,
    received_from: Day = None,
    received_to: Day = None,
    id_number: Annotated[str | None, Query(pattern=ID_NUMBER)] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text in the pages")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> DocumentPage:
    filters = Filters(
        doc_type=nfc_or_none(doc_type),
        status=status,
        received_from=received_from,
        received_to=received_to,
        id_number=id_number,
        q=nfc_or_none(q),
    )
    with ctx.warehouse.sessions() as session:
        rows, total = search(session, principal, filters, limit, offset)
        return DocumentPage(
            documents=summaries(session, ctx.schemas, rows),
            total=total,
            limit=limit,
            offset=offset,
        )


@router.get(
    "/documents/{document_id}", response_model=DocumentDetail, summary="One document for review"
)
def get_document(document_id: RowId, principal: Clerk, ctx: Ctx) -> DocumentDetail:
    with ctx.warehouse.unit_of_work() as session:
        document = load_document(session, principal, document_id)
        audit.record(session, principal, "view_document", document_id=document.id)
        return build_detail(session, ctx.schemas, document)


@router.get(
    "/documents/{document_id}/pages/{number}/image",
    response_class=Response,
    responses={200: {"content": {"image/jpeg": {}}, "description": "JPEG page image"}},
    summary="Page image (JPEG), upright and deskewed as OCR saw it",
)
def page_image(document_id: RowId, number: PageNumber, principal: Clerk, ctx: Ctx) -> Response:
    with ctx.warehouse.unit_of_work() as session:
        document = load_document(session, principal, document_id)
        sha = session.scalar(
            select(Page.image_sha256).where(Page.document_id == document.id, Page.number == number)
        )
        if not sha or not ctx.warehouse.blobs.exists(sha):
            raise NotFound(f"Không có ảnh trang {number} / page image not found")
        audit.record(
            session, principal, "view_page_image", document_id=document.id, target=f"page:{number}"
        )
    return _jpeg_response(ctx.warehouse.blobs.read_bytes(sha))


@router.get(
    "/documents/{document_id}/pages/{number}/photo",
    response_class=Response,
    responses={200: {"content": {"image/jpeg": {}}, "description": "JPEG photo, upright"}},
    summary="The original phone photo of a flattened page, turned upright by its EXIF tag",
)
def page_photo(document_id: RowId, number: PageNumber, principal: Clerk, ctx: Ctx) -> Response:
    """Only pages read as phone photos (``pages.photo`` set) have one: their field boxes map
    onto it through the stored homographies (docs/photos.md)."""
    with ctx.warehouse.unit_of_work() as session:
        document = load_document(session, principal, document_id)
        photo = session.scalar(
            select(Page.photo).where(Page.document_id == document.id, Page.number == number)
        )
        if not photo or not ctx.warehouse.blobs.exists(document.sha256):
            raise NotFound(f"Trang {number} không phải ảnh chụp / page {number} is not a photo")
        sha = document.sha256
        audit.record(
            session, principal, "view_page_image", document_id=document.id,
            target=f"photo:{number}",
        )
    try:
        body = upright_jpeg(ctx.warehouse.blobs.read_bytes(sha))
    except (OSError, ValueError) as exc:
        raise NotFound(f"Không đọc được ảnh gốc / original photo unreadable: {exc}") from exc
    return _jpeg_response(body)


def _jpeg_response(body: bytes) -> Response:
    """An image of personal data: cached by the browser only, never sniffed as another type."""
    return Response(
        body,
        media_type="image/jpeg",
        headers={"Cache-Control": "private, max-age=300", "X-Content-Type-Options": "nosniff"},
    )


@router.get(
    "/documents/{document_id}/pdf",
    response_class=FileResponse,
    responses={
        200: {"content": {"application/pdf": {}}, "description": "PDF/A-2b"},
        503: {"description": "The PDF could not be built (reason in detail)"},
    },
    summary="Searchable PDF/A-2b of the document (page images with the OCR text layer)",
)
def document_pdf(document_id: RowId, principal: Officer, ctx: Ctx) -> FileResponse:
    """Officers and admins: the archival copy carries every field and the owner's ID number
    in its metadata and is what gets handed to other systems; clerks see page images of their
    own uploads only. Built on first request (about 0.1 s a page, in FastAPI's thread pool),
    then served from the blob store (docs/archive.md). A view of personal data: audit-logged
    like a page image."""
    with ctx.warehouse.sessions() as session:
        document = load_document(session, principal, document_id)
        fields = {f.key: f.value for f in document.fields if f.value}
        name = pdf_name(
            document.doc_type,
            owner_id_number(document.doc_type, fields, ctx.schemas),
            document.id,
        )
    try:
        sha = archive_document(ctx.warehouse, document_id, ctx.schemas)
    except NotArchivableError as exc:
        raise NotFound(exc.message) from exc
    except ArchiveError as exc:
        raise Unavailable(exc.message) from exc
    with ctx.warehouse.unit_of_work() as session:
        audit.record(session, principal, "view_document_pdf", document_id=document_id, target=sha)
    return FileResponse(
        ctx.warehouse.blobs.path_for(sha),
        media_type="application/pdf",
        filename=name,
        content_disposition_type="inline",
        headers={"Cache-Control": "private, max-age=300", "X-Content-Type-Options": "nosniff"},
    )
