"""`summit diff` and `summit show` through the CLI, on small synthetic output folders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.diff import FieldChange, describe_change
from tests.test_evaluate import DOC_ID, Q1, TEXT, flat, gold_doc, pred_records, write_corpus

runner = CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """tmp/{gold,raw,pred}: a perfect prediction of the synthetic document."""
    gold = gold_doc()
    write_corpus(tmp_path, gold, pred_records(gold))
    return tmp_path


def copy_pred(root: Path) -> Path:
    """A copy of root/pred to change, returned as root/new."""
    new = root / "new"
    shutil.copytree(root / "pred", new)
    return new


def edit_jsonl(path: Path, edit: Any) -> None:
    """Rewrite a JSONL file with ``edit(list_of_rows) -> list_of_rows``."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    rows = edit(rows)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


# --------------------------------------------------------------------------- diff


def test_diff_identical_folders_exit_zero(corpus: Path) -> None:
    new = copy_pred(corpus)
    result = runner.invoke(app, ["diff", str(corpus / "pred"), str(new)])
    assert result.exit_code == 0, result.output
    assert "identical" in result.output


def test_diff_changed_field_is_named_with_old_and_new_value(corpus: Path) -> None:
    new = copy_pred(corpus)

    def change_speaker(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rows[0]["speaker"] = "Kassym-Jomart Tokayev"
        return rows

    edit_jsonl(new / "quotes.jsonl", change_speaker)
    out = corpus / "diff.json"
    result = runner.invoke(app, ["diff", str(corpus / "pred"), str(new), "--json", str(out)])
    assert result.exit_code == 1
    assert DOC_ID in result.output
    assert 'speaker: "Sadyr Japarov" → "Kassym-Jomart Tokayev"' in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    [record] = data["records"]
    assert record["status"] == "changed" and record["type"] == "quotes"
    assert record["changes"] == [
        {"field": "speaker", "old": "Sadyr Japarov", "new": "Kassym-Jomart Tokayev"}
    ]
    assert data["counts"]["quotes"] == {"added": 0, "removed": 0, "changed": 1}


def test_diff_added_and_removed_records(corpus: Path) -> None:
    new = copy_pred(corpus)

    def move_quote(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        # A boundary change gives a new id: the old record is removed, a new one added.
        rows[0]["start"] += 1
        rows[0]["text"] = rows[0]["text"][1:]
        rows[0]["id"] = f"{DOC_ID}:quote:{rows[0]['start']}-{rows[0]['end']}"
        return rows

    edit_jsonl(new / "quotes.jsonl", move_quote)
    edit_jsonl(new / "figures.jsonl", lambda rows: rows[:1])
    out = corpus / "diff.json"
    result = runner.invoke(app, ["diff", str(corpus / "pred"), str(new), "--json", str(out)])
    assert result.exit_code == 1
    counts = json.loads(out.read_text(encoding="utf-8"))["counts"]
    assert counts["quotes"] == {"added": 1, "removed": 1, "changed": 0}
    assert counts["figures"] == {"added": 0, "removed": 1, "changed": 0}
    assert "+ quotes" in result.output and "- quotes" in result.output
    assert "- figures" in result.output and "USD 10.5 billion" in result.output


def test_diff_ignore_field(corpus: Path) -> None:
    new = copy_pred(corpus)

    def bump(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rows[0]["pipeline_version"] = "next"
        return rows

    edit_jsonl(new / "documents.jsonl", bump)
    changed = runner.invoke(app, ["diff", str(corpus / "pred"), str(new)])
    assert changed.exit_code == 1 and "pipeline_version" in changed.output
    ignored = runner.invoke(
        app, ["diff", str(corpus / "pred"), str(new), "--ignore", "pipeline_version"]
    )
    assert ignored.exit_code == 0


def test_diff_missing_folder_is_a_usage_error(corpus: Path) -> None:
    result = runner.invoke(app, ["diff", str(corpus / "pred"), str(corpus / "nope")])
    assert result.exit_code == 2
    assert flat(f"{corpus / 'nope'} is not a folder") in flat(result.output)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (FieldChange("status", "proposed", "adopted"), 'status: "proposed" → "adopted"'),
        (FieldChange("proposers", ["A"], ["A", "B"]), 'proposers: +"B"'),
        (FieldChange("value_max", None, 3.0), "value_max: null → 3.0"),
        (
            FieldChange("counts", {"leaders": 0, "quotes": 1}, {"leaders": 2, "quotes": 1}),
            "counts.leaders: 0 → 2",
        ),
        (
            FieldChange(
                "mentions",
                [{"start": 1, "end": 3, "text": "he"}],
                [{"start": 5, "end": 9, "text": "Xi J"}],
            ),
            "mentions: -'he'@1-3, +'Xi J'@5-9",
        ),
    ],
)
def test_describe_change(change: FieldChange, expected: str) -> None:
    assert describe_change(change) == expected


# --------------------------------------------------------------------------- show


def test_show_renders_spans_and_labels(corpus: Path) -> None:
    out = corpus / "page.html"
    args = ["show", DOC_ID, "--pred", str(corpus / "pred"), "--raw", str(corpus / "raw")]
    result = runner.invoke(app, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    for label in (
        "QUOTE: Sadyr Japarov",
        "QUOTE: Kassym-Jomart Tokayev",
        "LEADER: Sadyr Japarov",
        "BODY proposed: Kassym-Jomart Tokayev",
        "FIGURE: 20 percent",
        "FIGURE: 10,500,000,000 USD",
    ):
        assert label in page, label
    for word in ("Council", "Elders", "Bishkek", "together"):
        assert word in page
    # Each label is drawn once per span start: two quotes, four leader mentions.
    assert page.count("QUOTE: ") == 2
    assert page.count("LEADER: ") == 4


def test_show_writes_to_stdout_and_accepts_a_prefix(corpus: Path) -> None:
    args = ["show", DOC_ID[:2], "--pred", str(corpus / "pred"), "--raw", str(corpus / "raw")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "QUOTE: Sadyr Japarov" in result.output


def test_show_spans_not_on_token_boundaries(corpus: Path) -> None:
    # A quote that starts inside a token (mid-word) is widened to whole tokens, not dropped.
    def shift(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        start = TEXT.index(Q1) + 1
        rows[0].update(start=start, text=TEXT[start : rows[0]["end"]])
        rows[0]["id"] = f"{DOC_ID}:quote:{start}-{rows[0]['end']}"
        return rows

    edit_jsonl(corpus / "pred" / "quotes.jsonl", shift)
    args = ["show", DOC_ID, "--pred", str(corpus / "pred"), "--raw", str(corpus / "raw")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.output.count("QUOTE: ") == 2


def test_show_unknown_document_exits_two(corpus: Path) -> None:
    args = ["show", "no_such_doc", "--pred", str(corpus / "pred"), "--raw", str(corpus / "raw")]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert flat("unknown document 'no_such_doc'") in flat(result.output)


def test_show_missing_text_exits_two(corpus: Path) -> None:
    (corpus / "raw" / f"{DOC_ID}.txt").unlink()
    args = ["show", DOC_ID, "--pred", str(corpus / "pred"), "--raw", str(corpus / "raw")]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert flat(f"no text for {DOC_ID}") in flat(result.output)
