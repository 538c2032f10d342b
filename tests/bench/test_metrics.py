"""The accuracy metrics themselves: a benchmark is only as honest as its arithmetic."""

from __future__ import annotations

import pytest

from bench.metrics import ZERO, score


def test_perfect_read_scores_perfectly() -> None:
    """Identical text (leaders aside) gives CER 0 and full recall."""
    truth = "Dân tộc: Kinh\nSố định danh cá nhân: 079203001234"
    s = score("Dân tộc: ....Kinh.....\nSố định danh cá nhân: 079203001234", truth)
    assert s.cer == 0.0 and s.word_recall == 1.0 and s.wer == 0.0 and s.digit_accuracy == 1.0


def test_errors_are_counted() -> None:
    """A flipped diacritic is one character error and one missing word; a changed digit in a
    date loses that digit group."""
    truth = "Ngày sinh: 13/08/2026 Ngà"
    s = score("Ngày sinh: 13/08/2020 NGA", truth)
    assert s.char_errors == 3  # 2026->2020, g->G, à->A
    assert s.words == 4 and s.words_found == 2
    assert s.digit_groups == 1 and s.digit_groups_found == 0
    assert s.cer == pytest.approx(3 / len("Ngày sinh: 13/08/2026 Ngà"))


def test_scores_add_up() -> None:
    """Corpus totals are sums of counts, not means of ratios."""
    a, b = score("a b", "a b"), score("x", "y z")
    total = ZERO + a + b
    assert total.words == 4 and total.words_found == 2
