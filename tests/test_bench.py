"""`summit bench` runs and reports both speeds and their ratio (no timing is asserted)."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app


def test_bench_reports_bare_full_and_ratio(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "President Tokayev said: “Trade grew by 20 percent.” He proposed a Regional Council.",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["bench", str(tmp_path), "--rounds", "1", "--whole-rounds", "0"]
    )
    assert result.exit_code == 0, result.output
    bare = re.search(r"bare model .*: ([\d,]+) words/s", result.output)
    full = re.search(r"full pipeline: ([\d,]+) words/s", result.output)
    ratio = re.search(r"ratio full/bare: (\d+\.\d+)", result.output)
    assert bare and full and ratio
    expected = int(full.group(1).replace(",", "")) / int(bare.group(1).replace(",", ""))
    assert abs(float(ratio.group(1)) - expected) < 0.01


def test_bench_without_texts_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench", str(tmp_path)])
    assert result.exit_code == 2
    assert "no readable texts" in result.output


def test_bench_reports_whole_process_numbers_with_workers(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(
            f"President Mirziyoyev said trade grew by {i + 2} percent.", encoding="utf-8"
        )
    result = CliRunner().invoke(
        app, ["bench", str(tmp_path), "--rounds", "1", "--workers", "2", "--whole-rounds", "1"]
    )
    assert result.exit_code == 0, result.output
    whole = re.search(
        r"whole process, 2 worker\(s\), median of 1: bare ([\d,]+) words/s, "
        r"extract ([\d,]+) words/s, ratio (\d+\.\d+)",
        result.output,
    )
    assert whole, result.output
    bare, full = (int(whole.group(k).replace(",", "")) for k in (1, 2))
    assert abs(float(whole.group(3)) - full / bare) < 0.01
