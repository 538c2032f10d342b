"""bench.ocr_steps: the configurations it runs and the table it writes."""

from __future__ import annotations

from bench.ocr_steps import NONE, configurations, table


def test_every_step_is_switched_off_alone_and_all_together() -> None:
    """One row with every step, one without each step, and a last row with none of them:
    the cost of the steps is read against that last row."""
    configs = configurations()
    assert configs[0] == ("all steps", {})
    singles = [settings for _name, settings in configs[1:-1]]
    assert all(len(s) == 1 and not any(s.values()) for s in singles)
    assert {k for s in singles for k in s} == set(NONE)
    assert configs[-1][1] == NONE


def test_table_shows_each_configuration_per_folder_with_its_cost() -> None:
    """The markdown table has a row per configuration and folder, cost as a signed percent."""
    cell = {
        "word_recall": 0.97,
        "cer": 0.05,
        "digit_accuracy": 1.0,
        "digit_groups": 9,
        "ocr_s_per_page": 0.65,
        "cost_vs_one_pass": 0.083,
    }
    results = {
        "ocrsteps": {
            "command": "python -m bench.ocr_steps --data /d/a",
            "folders": ["/d/a"],
            "rows": [
                {"config": "all steps", "a": cell},
                {"config": "none (one Tesseract pass)", "a": {**cell, "cost_vs_one_pass": 0}},
            ],
        },
        "ocr_clean": {"total": {}},
    }
    lines = table(results)
    rows = [line for line in lines if line.startswith("| all steps") or line.startswith("| none")]
    assert rows[0].endswith("| 0.65 | +8% |")
    assert rows[1].endswith("| +0% |")
    assert len(rows) == 2
