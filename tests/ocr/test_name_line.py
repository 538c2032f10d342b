"""The name-line recogniser for ID-card name bands (issue #13: `intake.ocr.name_line`)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from intake.extract.text import fold
from intake.ocr.name_line import (
    CHARSET,
    HEIGHT,
    WIDTH,
    NameLineRecognizer,
    encode,
    greedy,
    to_input,
)
from intake.ocr.name_line_synth import random_name, render_band


def test_a_band_is_scaled_to_the_models_height_and_padded_with_paper() -> None:
    band = np.full((54, 300), 200, np.uint8)
    band[20:35, 10:200] = 30
    x = to_input(band)
    assert x.shape == (HEIGHT, WIDTH)
    assert x.min() == 0.0 and x.max() == 1.0
    width = round(300 * HEIGHT / 54)
    assert (x[:, width:] == 1.0).all()  # paper after the band


def test_a_long_band_is_squeezed_into_the_input() -> None:
    x = to_input(np.tile(np.linspace(0, 255, 2000, dtype=np.float32), (54, 1)).astype(np.uint8))
    assert x.shape == (HEIGHT, WIDTH)
    assert x[:, -1].mean() > 0.9  # the band's bright end reaches the last column


def test_greedy_decoding_merges_repeats_and_drops_blanks() -> None:
    text = "NGUYỄN THỊ HIỀN"
    labels = encode(text)
    frames: list[int] = []
    for label in labels:  # each letter twice, a blank between (so NN stays two N)
        frames += [label, label, 0]
    logits = np.full((len(frames), len(CHARSET) + 1), -5.0)
    logits[np.arange(len(frames)), frames] = 5.0
    assert greedy(logits) == text


def test_every_capital_and_mark_of_a_name_has_a_class() -> None:
    name = "ĐẶNG THỊ HUỲNH NGỌC QUỲNH ỨNG TRƯƠNG Ỷ ẪM"
    assert len(encode(name)) == len(name)


@pytest.mark.skipif(not NameLineRecognizer().available, reason="needs ONNX Runtime")
def test_the_shipped_model_reads_held_out_synthetic_bands() -> None:
    """Bands drawn with a seed the training never used (it trains on seed 1234), a third
    of them blurred and shrunk as far as a photographed copy's: the shipped model reads
    25 of 40 exactly, marks and all, and 34 letter for letter. A
    broken export or a preprocessing that differs from training's reads next to nothing."""
    reader = NameLineRecognizer()
    rng = random.Random(20261125)
    texts = [random_name(rng) for _ in range(40)]
    reads = [reader.read(render_band(rng, text)) for text in texts]
    pairs = list(zip(texts, reads, strict=True))
    assert sum(r == t for t, r in pairs) >= 20, pairs
    assert sum(fold(r) == fold(t) for t, r in pairs) >= 30, pairs


def test_training_can_go_on_from_the_shipped_export() -> None:
    """`name_line_train.load_onnx` puts an export's weights back into the network (the
    folded batch normalisations, the LSTM's gates in PyTorch's order), so a retraining can
    start from the shipped model: the network then scores a band as the shipped model
    does. Needs the ``train`` extra (PyTorch, onnx)."""
    torch = pytest.importorskip("torch")
    pytest.importorskip("onnx")
    from intake.ocr.name_line import MODEL
    from intake.ocr.name_line_train import NameLineNet, load_onnx

    recognizer = NameLineRecognizer()
    if not recognizer.available:
        pytest.skip("ONNX Runtime is not installed")
    net = load_onnx(NameLineNet(), MODEL).eval()
    rng = random.Random(20261126)
    for _ in range(3):
        band = render_band(rng, random_name(rng))
        ours = net(torch.from_numpy(to_input(band)[None, None])).detach().numpy()[0]
        shipped = recognizer.scores(band)
        assert shipped is not None
        assert np.abs(ours - shipped).max() < 1e-3
        assert greedy(ours) == greedy(shipped)


def test_training_threads_are_held_to_an_openmp_thread_limit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`intake.ocr.tesseract` sets OMP_THREAD_LIMIT=1 on import; PyTorch asked for two
    threads under that limit skipped work, and the load test above failed whenever a
    Tesseract test was collected first. Needs PyTorch."""
    pytest.importorskip("torch")
    from intake.ocr.name_line_train import threads

    monkeypatch.setenv("OMP_THREAD_LIMIT", "1")
    assert threads(2) == 1
    monkeypatch.delenv("OMP_THREAD_LIMIT")
    assert threads(2) == 2
    monkeypatch.setenv("OMP_THREAD_LIMIT", "4")
    assert threads(2) == 2
