"""Vietnamese words the UI shows for codes kept in the database (statuses, roles, actions)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from schemas import DocTypeSchema

STATUS = {
    "needs_review": "Cần duyệt",
    "stored": "Đã lưu",
    "duplicate": "Bản trùng",
    "quarantined": "Cách ly (lỗi tệp)",
}
ROLE = {"clerk": "Cán bộ tiếp nhận", "officer": "Cán bộ duyệt hồ sơ", "admin": "Quản trị"}
UPLOAD_STATE = {
    "saving": "Đang nhận tệp",
    "queued": "Đang chờ",
    "running": "Đang xử lý",
    "done": "Xong",
    "failed": "Lỗi",
}
ACTION = {
    "field_corrected": "Sửa trường",
    "type_changed": "Đổi loại giấy tờ",
    "confirmed": "Xác nhận",
    "duplicate_marked": "Đánh dấu bản trùng",
    "duplicate_cleared": "Bỏ đánh dấu trùng",
    "view_document": "Xem tài liệu",
    "view_page_image": "Xem ảnh trang",
    "view_person": "Tra cứu công dân",
    "upload": "Tải lên",
    "login": "Đăng nhập",
    "login_failed": "Đăng nhập sai",
    "logout": "Đăng xuất",
    "user_created": "Tạo người dùng",
    "user_changed": "Sửa người dùng",
    "token_issued": "Cấp mã API",
    "token_revoked": "Thu hồi mã API",
}
DUPLICATE_KIND = {"exact": "giống hệt", "near": "gần giống", "same_record": "cùng hồ sơ"}

#: Vietnam has kept UTC+7 without daylight saving since 1975.
VIETNAM = timezone(timedelta(hours=7), "ICT")


def local(moment: datetime | None, fmt: str = "%d/%m/%Y %H:%M") -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VIETNAM).strftime(fmt)


def type_title(schemas: dict[str, DocTypeSchema], doc_type: str | None) -> str | None:
    if doc_type is None:
        return None
    schema = schemas.get(doc_type)
    return schema.title if schema else doc_type


def field_label(schemas: dict[str, DocTypeSchema], doc_type: str | None, key: str) -> str:
    schema = schemas.get(doc_type or "")
    spec = schema.field(key) if schema else None
    if spec is not None:
        return spec.label
    for other in schemas.values():  # a key shared by several types keeps its label
        if (spec := other.field(key)) is not None:
            return spec.label
    return key
