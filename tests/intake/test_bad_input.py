"""Bad input never crashes a run: each file ends quarantined with a readable reason, its
original kept in the blob store, and the next file is still processed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from intake.config import Settings
from intake.warehouse.blobs import BlobStore, sha256_file
from intake.warehouse.models import Document
from intake.warehouse.repository import Warehouse
from tests.intake.run import run_pipeline
from tests.pages import PROCESSED, encrypted_pdf, render_page, zero_size_png


def _empty(tmp: Path) -> Path:
    path = tmp / "trống.pdf"
    path.write_bytes(b"")
    return path


def _truncated_pdf(tmp: Path) -> Path:
    full = tmp / "full.pdf"
    render_page(("Trang bị cắt cụt",)).save(full, resolution=300)
    data = full.read_bytes()
    path = tmp / "bị cắt.pdf"
    path.write_bytes(data[: len(data) // 3])
    full.unlink()
    return path


def _text_named_jpg(tmp: Path) -> Path:
    path = tmp / "ghi chú.jpg"
    path.write_text("Đây là một tệp văn bản, không phải ảnh.\n", encoding="utf-8")
    return path


def _huge_image(tmp: Path) -> Path:
    path = tmp / "quá lớn.png"
    Image.new("L", (3000, 2000), 255).save(path)  # 6 Mpx, over the 5 Mpx limit set below
    return path


CASES = {
    "empty file": (_empty, "empty_file", "rỗng"),
    "truncated pdf": (_truncated_pdf, "corrupt_file", "hỏng"),
    "password pdf": (lambda t: encrypted_pdf(t / "mật khẩu.pdf"), "encrypted_pdf", "mật khẩu"),
    "text named .jpg": (_text_named_jpg, "unsupported_type", "không phải"),
    "0x0 image": (lambda t: zero_size_png(t / "rỗng.png"), "empty_image", "0x0"),
    "image over pixel limit": (_huge_image, "image_too_large", "quá lớn"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_is_quarantined_and_run_goes_on(case: str, tmp_path: Path) -> None:
    """Given a bad file followed by a good page, when both are processed, then the bad one is
    quarantined with a Vietnamese+English reason and its bytes in the blob store, and the good
    page is stored."""
    make, code, phrase = CASES[case]
    settings = Settings(data_dir=tmp_path / "data", workers=1, max_image_pixels=5_000_000)
    bad = make(tmp_path)
    good = tmp_path / "tốt.png"
    render_page(("Giấy tờ hợp lệ", "Số 079203001234")).save(good, dpi=(300, 300))

    bad_record, good_record = run_pipeline(settings, [bad, good])

    assert bad_record.status == "quarantined"
    assert bad_record.error and phrase in bad_record.error.lower()
    assert " / " in bad_record.error, "reason must be bilingual (Vietnamese / English)"
    assert BlobStore(settings.blob_dir).exists(sha256_file(bad)), "original must be kept"
    assert bad_record.sha256 == sha256_file(bad)
    warehouse = Warehouse.open(settings)
    with warehouse.sessions() as session:
        assert session.get(Document, bad_record.document_id).error_code == code
    warehouse.close()
    assert good_record.status in PROCESSED
    assert good_record.pages == 1


def test_fault_in_a_page_step_quarantines_the_file_not_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in a preprocessing step (injected here: line removal raises) fails that file with
    a reason an operator can report, and the run goes on to the next file."""
    import intake.pipeline.pages as pages

    calls = {"n": 0}
    real = pages.remove_leaders_and_rules

    def fails_first_time(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 1:
            raise ValueError("Coordinate 'right' is less than 'left'")
        return real(*args, **kwargs)

    monkeypatch.setattr(pages, "remove_leaders_and_rules", fails_first_time)
    settings = Settings(data_dir=tmp_path / "data", workers=1)
    first, second = tmp_path / "một.png", tmp_path / "hai.png"
    render_page(("Giấy tờ thứ nhất",)).save(first, dpi=(300, 300))
    render_page(("Giấy tờ thứ hai",)).save(second, dpi=(300, 300))

    bad_record, good_record = run_pipeline(settings, [first, second])

    assert bad_record.status == "quarantined"
    assert bad_record.error and "lỗi nội bộ" in bad_record.error.lower()
    assert "ValueError" in bad_record.error
    assert good_record.status in PROCESSED
