"""Training: reproducible from a seed, and officers' confirmations included."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from classifiers.store import load_model
from classifiers.train import confirmed_documents, train
from intake.config import Settings

#: Tiny training sets leave a class out of some cross-validation folds; that is expected here.
pytestmark = pytest.mark.filterwarnings("ignore:Number of classes in training fold")


PROBES = [
    "TỜ KHAI ĐĂNG KÝ KẾT HÔN Bên nữ Bên nam",
    "GIẤY ĐỀ NGHỊ ĐĂNG KÝ HỘ KINH DOANH vốn kinh doanh",
    "Thửa đất số 12 Tờ bản đồ số 3",
    "",
]


@pytest.mark.slow
def test_same_seed_same_model_and_predictions(tmp_path: Path) -> None:
    """Two trainings with one seed give the same data hash and identical probabilities;
    another seed gives other training data."""
    a = train(tmp_path / "a.joblib", seed=7, n=16)
    b = train(tmp_path / "b.joblib", seed=7, n=16)
    c = train(tmp_path / "c.joblib", seed=8, n=16)
    ma, meta_a = load_model(a.path)
    mb, meta_b = load_model(b.path)
    assert meta_a["training_data_sha256"] == meta_b["training_data_sha256"]
    assert c.metadata["training_data_sha256"] != meta_a["training_data_sha256"]
    np.testing.assert_array_equal(ma.predict_proba(PROBES), mb.predict_proba(PROBES))


@pytest.fixture
def warehouse_with_review(tmp_path: Path) -> Settings:
    """A SQLite warehouse with two documents, one of them confirmed by an officer."""
    from intake.warehouse.models import Document, Page
    from intake.warehouse.models_auth import DocumentReview
    from intake.warehouse.repository import Warehouse

    settings = Settings(data_dir=tmp_path / "data")
    warehouse = Warehouse.open(settings)
    with warehouse.unit_of_work() as session:
        for i, text in enumerate(["GIẤY KHAI SINH lạ", "chưa xác nhận"]):
            doc = Document(sha256=f"{i:064d}", source_path=f"/in/{i}.pdf", source_name=f"{i}.pdf",
                           status="stored", doc_type="marriage_certificate")
            doc.pages = [Page(number=1, source_page=1, text=text),
                         Page(number=2, source_page=2, text="trang hai")]
            session.add(doc)
        session.flush()
        session.add(DocumentReview(document_id=1, confirmed_by="officer",
                                   doc_type="birth_certificate"))
    warehouse.close()
    return settings


def test_confirmed_documents_read_from_warehouse(warehouse_with_review: Settings) -> None:
    """Only reviewed documents are returned, with their page texts and the confirmed type."""
    rows = confirmed_documents(warehouse_with_review)
    assert rows == [("confirmed:1", ["GIẤY KHAI SINH lạ", "trang hai"], "birth_certificate")]


@pytest.mark.slow
def test_training_includes_confirmations(tmp_path: Path,
                                         warehouse_with_review: Settings) -> None:
    """train(..., include_confirmed_from=settings) counts and hashes the confirmed document."""
    with_reviews = train(tmp_path / "r.joblib", seed=7, n=12,
                         include_confirmed_from=warehouse_with_review)
    without = train(tmp_path / "p.joblib", seed=7, n=12)
    assert with_reviews.confirmed_documents == 1
    assert with_reviews.metadata["training"]["confirmed_documents"] == 1
    assert with_reviews.examples == without.examples + 3  # the document and its two pages
    assert (with_reviews.metadata["training_data_sha256"]
            != without.metadata["training_data_sha256"])
