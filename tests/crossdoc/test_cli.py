"""The cross-document commands through the CLI: link, load, schema, diff, show --initiatives."""

from __future__ import annotations

import html.parser
import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from tests.crossdoc.synthetic import body, document, write_folder

runner = CliRunner()


def _out(path: Path) -> Path:
    return write_folder(
        path,
        [
            document("d1", "2024-07-04", "SCO summit"),
            body("d1", 10, "SCO Development Bank", "bank", "proposed", ["Xi Jinping"]),
            document("d2", "2025-09-01", "SCO summit"),
            body("d2", 10, "SCO Development Bank", "bank", "established"),
            body("d2", 60, "SCO Forum <Green> & Clean", "forum"),
        ],
    )


def test_link_then_diff_sees_a_changed_initiative(tmp_path: Path) -> None:
    a = _out(tmp_path / "a")
    assert runner.invoke(app, ["link", str(a)]).exit_code == 0
    assert (a / "initiatives.jsonl").exists() and (a / "people.jsonl").exists()
    b = tmp_path / "b"
    shutil.copytree(a, b)
    assert runner.invoke(app, ["diff", str(a), str(b)]).exit_code == 0
    lines = (b / "initiatives.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["name"] = "Renamed"
    lines[0] = json.dumps(first, ensure_ascii=False)
    (b / "initiatives.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["diff", str(a), str(b)])
    assert result.exit_code == 1 and "initiatives" in result.output


def test_link_refuses_a_folder_without_documents(tmp_path: Path) -> None:
    assert runner.invoke(app, ["link", str(tmp_path)]).exit_code == 2


def test_schema_lists_initiatives_and_people() -> None:
    result = runner.invoke(app, ["schema"])
    schemas = json.loads(result.output)
    assert {"initiatives", "people"} <= set(schemas)
    one = json.loads(runner.invoke(app, ["schema", "initiatives"]).output)
    assert "timeline" in one["properties"]


def test_load_command_twice(tmp_path: Path) -> None:
    out = _out(tmp_path / "out")
    db = tmp_path / "x.sqlite"
    first = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert "2 unchanged" in second.output


class _Balance(html.parser.HTMLParser):
    VOID = frozenset({"meta", "br", "img", "link", "hr", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors += 1


def test_show_initiatives_is_a_deterministic_self_contained_page(tmp_path: Path) -> None:
    out = _out(tmp_path / "out")
    runner.invoke(app, ["link", str(out)])
    pages = []
    for name in ("a.html", "b.html"):
        result = runner.invoke(
            app, ["show", "--initiatives", "--pred", str(out), "--out", str(tmp_path / name)]
        )
        assert result.exit_code == 0, result.output
        pages.append((tmp_path / name).read_text(encoding="utf-8"))
    page = pages[0]
    assert pages[0] == pages[1]
    assert "<script" not in page and "http" not in page  # no external asset, readable offline
    assert "Shanghai Cooperation Organisation" in page  # the series section
    assert "SCO Forum &lt;Green&gt; &amp; Clean" in page  # names are escaped
    assert "established" in page and "Xi Jinping" in page
    checker = _Balance()
    checker.feed(page)
    assert checker.errors == 0 and checker.stack == []


def test_show_initiatives_without_link_output_fails(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", "--initiatives", "--pred", str(tmp_path)])
    assert result.exit_code == 2


def test_evaluate_prints_and_writes_the_initiatives_section(tmp_path: Path) -> None:
    from tests.conftest import ROOT

    report = tmp_path / "scores.json"
    result = runner.invoke(
        app,
        [
            "evaluate",
            "--gold",
            str(ROOT / "corpus" / "gold"),
            "--pred",
            str(ROOT / "outputs"),
            "--raw",
            str(ROOT / "corpus" / "raw"),
            "--initiatives",
            str(ROOT / "corpus" / "initiatives.json"),
            "--no-errors",
            "--json",
            str(report),
            "--min-f1",
            "initiatives=0.95",
            "--min-f1",
            "initiatives.bcubed=0.95",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Initiatives across documents" in result.output
    scores = json.loads(report.read_text(encoding="utf-8"))["initiatives"]
    assert scores["pairwise_f1"] >= 0.95 and scores["elements"] == 214
    bad = runner.invoke(
        app, ["evaluate", "--pred", str(ROOT / "outputs"), "--min-f1", "initiatives.x=0.5"]
    )
    assert bad.exit_code == 2
