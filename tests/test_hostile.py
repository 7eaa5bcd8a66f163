"""Hostile input (issue 13): the minimal fuzz repros in tests/data/fuzz keep the JSONL contract.

Every top-level repro runs through the batch (the CLI's code path) and the output is checked with
``pipeline.contract.check_output``: strict JSON, unique ids, value <= value_max, true offsets,
ISO-or-null dates. The perf/ files are not timed here (speed is a benchmark: benchmarks/fuzz.py).
"""

from __future__ import annotations

import json
import pickle
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from models.records import FigureRecord
from pipeline import runner
from pipeline.cli import app
from pipeline.contract import check_output
from pipeline.export import _figure_values, _unique
from pipeline.io import dump_line, split_pieces
from pipeline.nlp import RunGuardTokenizer, guard_tokenizer
from pipeline.runner import run_extract
from pipeline.show import _paragraphs
from tests.conftest import ROOT

FUZZ = ROOT / "tests" / "data" / "fuzz"
REPROS = sorted(p for p in FUZZ.iterdir() if p.is_file() and p.name != "README.md")


def _records(out: Path, name: str) -> list[dict[str, Any]]:
    path = out / f"{name}.jsonl"
    # split("\n"), not splitlines(): a record may hold a raw U+2028/U+2029 inside a string
    return [json.loads(x) for x in path.read_text(encoding="utf-8").split("\n") if x]


@pytest.fixture(scope="module")
def fuzz_out(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every top-level repro extracted in one batch."""
    out = tmp_path_factory.mktemp("fuzz")
    summary = run_extract(
        [str(p) for p in REPROS], out, nlp_factory=lambda: nlp, model="test", date=None
    )
    assert summary.errors == []
    assert summary.processed == len(REPROS)
    return out


def test_repros_are_all_there() -> None:
    assert len(REPROS) == 13
    assert len(list((FUZZ / "perf").iterdir())) == 14


def test_every_repro_keeps_the_contract(fuzz_out: Path) -> None:
    assert check_output(fuzz_out) == []


def test_no_non_finite_number_reaches_the_jsonl(fuzz_out: Path) -> None:
    raw = (fuzz_out / "figures.jsonl").read_text(encoding="utf-8")
    assert "Infinity" not in raw and "NaN" not in raw
    assert [f for f in _records(fuzz_out, "figures") if f["doc_id"] == "figure_infinity"] == []


@pytest.mark.parametrize(
    "doc_id",
    [
        "figure_value_gt_max_between",
        "figure_value_gt_max_from_to",
        "figure_value_gt_max_invisible",
    ],
)
def test_downward_ranges_are_stored_low_high(fuzz_out: Path, doc_id: str) -> None:
    ranges = [
        f
        for f in _records(fuzz_out, "figures")
        if f["doc_id"] == doc_id and f["value_max"] is not None
    ]
    assert ranges, "the range is still found"
    assert all(f["value"] <= f["value_max"] for f in ranges)


def test_a_bare_hyphen_between_a_larger_and_a_smaller_amount_is_no_range(fuzz_out: Path) -> None:
    """'5 billion-6 million dollars' (no from/between) reads like a slip, not a range going down:
    no figure is made of it, as for '3-2' (README, figures contract)."""
    scales = [
        f for f in _records(fuzz_out, "figures") if f["doc_id"] == "figure_value_gt_max_scales"
    ]
    assert scales == []


def test_invisible_character_does_not_split_a_number(fuzz_out: Path) -> None:
    figures = [f for f in _records(fuzz_out, "figures") if f["doc_id"].endswith("invisible")]
    assert any("5 billion" in f["text"] for f in figures), figures


@pytest.mark.parametrize("doc_id", ["body_duplicate_id", "body_duplicate_id_min_caps"])
def test_one_record_per_body_id(fuzz_out: Path, doc_id: str) -> None:
    bodies = [b for b in _records(fuzz_out, "bodies") if b["doc_id"] == doc_id]
    assert len(bodies) == 1
    assert len({b["id"] for b in bodies}) == len(bodies)


@pytest.mark.parametrize(
    ("doc_id", "raw"),
    [("document_date_not_iso_word", "yesterday"), ("document_date_not_iso_bad", "2024-13-40")],
)
def test_bad_front_matter_date_is_null_with_the_raw_value(
    fuzz_out: Path, doc_id: str, raw: str
) -> None:
    doc = next(d for d in _records(fuzz_out, "documents") if d["doc_id"] == doc_id)
    assert doc["date"] is None
    assert doc["date_raw"] == raw
    assert doc["date_source"] == "none"  # not "front_matter": the bad value was not used


def test_bad_front_matter_date_is_a_warning_in_the_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["extract", str(FUZZ / "document_date_not_iso_bad.md"), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "1 warning" in result.output and "2024-13-40" in result.output


def test_bad_date_option_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["extract", str(FUZZ / "body_duplicate_id.txt"), "--date", "2024-13-40"]
    )
    assert result.exit_code == 2


def test_bad_front_matter_date_does_not_reach_role_resolution(
    nlp: Language, tmp_path: Path
) -> None:
    """A role with a bad front-matter date resolves as with no date at all (then --date)."""
    text = "The President of Kazakhstan opened the forum.\n"
    (tmp_path / "bad.md").write_text(f"---\ndate: 2024-13-40\n---\n{text}", encoding="utf-8")
    (tmp_path / "none.md").write_text(f"---\ntitle: x\n---\n{text}", encoding="utf-8")
    out = tmp_path / "out"
    run_extract([str(tmp_path)], out, nlp_factory=lambda: nlp, model="test", date="2018-03-15")
    docs = {d["doc_id"]: d for d in _records(out, "documents")}
    assert docs["bad"]["date"] == docs["none"]["date"] == "2018-03-15"
    assert docs["bad"]["date_source"] == "option"
    leaders = {}
    for rec in _records(out, "leaders"):
        leaders.setdefault(rec["doc_id"], []).append(rec["kb_id"])
    assert leaders.get("bad") == leaders.get("none")


RUNON = ["quote_runon_u2029_mixed", "quote_runon_u2029_only", "quote_runon_cr_only"]


def _quote_texts(out: Path, doc_id: str) -> list[str]:
    return [q["text"] for q in _records(out, "quotes") if q["doc_id"] == doc_id]


def test_runon_baseline_has_three_segments(fuzz_out: Path) -> None:
    assert len(_quote_texts(fuzz_out, "quote_runon_newlines_baseline")) == 3


@pytest.mark.parametrize("doc_id", RUNON)
def test_runon_quote_segments_with_every_separator(fuzz_out: Path, doc_id: str) -> None:
    baseline = _quote_texts(fuzz_out, "quote_runon_newlines_baseline")
    got = _quote_texts(fuzz_out, doc_id)
    assert len(got) == len(baseline)
    assert not any("“" in t for t in got), "a segment holds its own re-opening mark"


# --------------------------------------------------------------------------- the export edge


def test_figure_values_are_finite_and_low_high() -> None:
    assert _figure_values({"value": float("inf")}) is None
    assert _figure_values({"value": 1.0, "value_max": float("nan")}) is None
    assert _figure_values({"value": "1e400"}) is None
    assert _figure_values({"value": 1e10, "value_max": 5e9}) == (5e9, 1e10)
    assert _figure_values({"value": 2.0, "value_max": None}) == (2.0, None)


def _figure(value: float, value_max: float | None = None, **kw: Any) -> FigureRecord:
    fields: dict[str, Any] = {
        "doc_id": "d",
        "id": "d:figure:0-1",
        "text": "5",
        "start": 0,
        "end": 1,
        "unit": "count",
        "qualifier": None,
        "kind": "count",
        "metric": None,
        "period": None,
        "subject": None,
    }
    fields.update(kw)
    return FigureRecord(value=value, value_max=value_max, **fields)


def test_figure_record_refuses_what_json_cannot_hold() -> None:
    with pytest.raises(ValueError):
        _figure(float("inf"))
    with pytest.raises(ValueError):
        _figure(10.0, 5.0)
    with pytest.raises(ValueError):  # the writer refuses NaN even if a model let one through
        dump_line(_figure(1.0).model_copy(update={"value": float("nan")}))


def test_unique_ids_keep_one_record_deterministically() -> None:
    a, b = _figure(5.0), _figure(5.0, metric="trade")
    warnings: list[tuple[str, str]] = []
    assert _unique([a, a], "figures", warnings) == [a] and warnings == []
    first = _unique([b, a], "figures", warnings)
    again = _unique([a, b], "figures", [])
    assert first == again and len(first) == 1
    assert [w[0] for w in warnings] == ["duplicate_id"]


def test_contract_checker_finds_each_break(tmp_path: Path) -> None:
    src = tmp_path / "d.txt"
    src.write_text("Trade reached 5 and 9.", encoding="utf-8")
    doc = {"doc_id": "d", "path": str(src), "date": "2024-13-40"}
    fig = {"doc_id": "d", "id": "d:figure:14-15", "text": "5", "start": 14, "end": 15}
    lines = {
        "documents": [json.dumps(doc)],
        "figures": [
            json.dumps({**fig, "value": float("inf"), "value_max": None}),
            json.dumps({**fig, "value": 9, "value_max": 5}),
            json.dumps({**fig, "id": "d:figure:0-1", "start": 0, "end": 1, "value": 1}),
        ],
    }
    for name, rows in lines.items():
        (tmp_path / f"{name}.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    problems = check_output(tmp_path)
    assert any("not strict JSON" in p for p in problems)
    assert any("appears twice" not in p and "value_max" in p for p in problems)
    assert any("not ISO" in p for p in problems)
    assert any("doc_text[0:1]" in p for p in problems)
    assert len(problems) == 4


# --------------------------------------------------------------------------- the tokenizer guard

AFFIX_RUNS = [
    "perf_curly_open_run.txt",
    "perf_straight_quote_run.txt",
    "perf_open_parens_run.txt",
    "perf_emoji_run.txt",
    "perf_lowopen_then_guillemet.txt",
]


def _offsets_true(doc: Doc, text: str) -> None:
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    assert "".join(t.text_with_ws for t in doc) == text


@pytest.mark.parametrize("name", AFFIX_RUNS)
def test_affix_runs_keep_offsets_and_tokens(blank: Language, name: str) -> None:
    """A run cut into pieces tokenizes as it would whole (each affix is a token anyway)."""
    whole = (FUZZ / "perf" / name).read_text(encoding="utf-8")
    head, tail = whole[:300], whole[-300:]
    text = f"Leaders met. {head} and {tail}\n\nTrade grew."
    guard = RunGuardTokenizer(blank.tokenizer, max_run=64)
    assert guard.cuts(text), "the runs are long enough to be cut"
    doc = guard(text)
    _offsets_true(doc, text)
    assert [t.text for t in doc] == [t.text for t in blank.tokenizer(text)]


def test_guard_leaves_normal_text_alone(nlp: Language, seed_text: str) -> None:
    assert isinstance(nlp.tokenizer, RunGuardTokenizer)
    assert nlp.tokenizer.cuts(seed_text) == []
    base = nlp.tokenizer.tokenizer(seed_text)
    assert [(t.text, t.idx, t.whitespace_) for t in nlp.make_doc(seed_text)] == [
        (t.text, t.idx, t.whitespace_) for t in base
    ]


def test_guard_cuts_a_long_word_with_true_offsets(blank: Language) -> None:
    text = "See https://example.org/" + "abc" * 100 + " now, and " + "x" * 50 + "."
    guard = RunGuardTokenizer(blank.tokenizer, max_run=64)
    assert len(guard.cuts(text)) == (len(text.split()[1]) - 1) // 64
    _offsets_true(guard(text), text)


def test_guard_survives_workers_pickling_and_to_disk(tmp_path: Path) -> None:
    nlp = guard_tokenizer(spacy.blank("en"), max_run=32)
    texts = ["“" * 200 + " said.", "Plain text here.", "🙂" * 100]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [d.text for d in docs] == texts
    copy = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert copy(texts[0]).text == texts[0] and copy.max_run == 32
    nlp.to_disk(tmp_path / "nlp")
    assert spacy.load(tmp_path / "nlp")(texts[1]).text == texts[1]


# --------------------------------------------------------------------------- bounded pieces


def test_paragraphless_text_is_cut_at_sentences_then_spaces() -> None:
    text = "Trade grew fast. " * 30 + "x" * 500 + " " + "word " * 100
    pieces = split_pieces(text, 0, 200)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a < b and b - a <= 200 for a, b in pieces)
    assert all(p[1] == q[0] for p, q in pairwise(pieces))  # contiguous: nothing lost
    # sentence-like cuts first: each of the first pieces starts a sentence
    assert all(text[a:b].startswith("Trade") for a, b in pieces[1:2])
    assert any(text[a - 1] == " " and text[a] == "w" for a, _ in pieces)  # whitespace cuts
    assert any(text[a - 1] == "x" for a, _ in pieces)  # a hard cut in the 500-character run


def test_paragraph_separators_are_piece_boundaries() -> None:
    for sep in ("\n\n", "\u2029", "\r\r"):
        text = sep.join(["Aaa bbb. Ccc ddd"] * 20)
        pieces = split_pieces(text, 0, 60)
        assert all(text[a:b].startswith("Aaa") for a, b in pieces), sep


def test_single_line_document_in_pieces_keeps_offsets(
    nlp: Language, seed_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = " ".join(seed_text.split())
    (tmp_path / "line.txt").write_text(line, encoding="utf-8")
    monkeypatch.setattr(runner, "PIECE_CHARS", 3000)
    assert len(split_pieces(line, 0, 3000)) > 5
    out = tmp_path / "out"
    summary = run_extract([str(tmp_path)], out, nlp_factory=lambda: nlp, model="test")
    assert summary.processed == 1 and summary.errors == []
    assert check_output(out) == []
    assert _records(out, "figures") and _records(out, "quotes")


@pytest.mark.parametrize("sep", ["\n\n", "\u2029", "\r", "\u2028", "\n"])
def test_show_draws_paragraphs_with_every_separator(sep: str) -> None:
    text = sep.join(["First part.", "Second part.", "Third part."])
    assert [text[a:b] for a, b in _paragraphs(text)] == [
        "First part.",
        "Second part.",
        "Third part.",
    ]


# --------------------------------------------------------------------------- errors and workers


@Language.component("test_hostile_boom")
def _boom(doc: Doc) -> Doc:
    """Fails on a marked document: a stand-in for a rule bug."""
    if "BOOM" in doc.text:
        raise KeyError("rule bug")
    return doc


def test_component_failure_message_does_not_depend_on_workers(
    nlp: Language, tmp_path: Path
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"d{i}.txt").write_text(f"President Tokayev spoke {i}.", encoding="utf-8")
    (src / "d1.txt").write_text("BOOM. President Tokayev spoke.", encoding="utf-8")
    nlp.add_pipe("test_hostile_boom", after="summit_quotes")
    try:
        messages = {}
        for workers in (1, 2):
            out = tmp_path / f"w{workers}"
            run_extract([str(src)], out, nlp_factory=lambda: nlp, model="test", workers=workers)
            messages[workers] = [(e["path"], e["message"]) for e in _records(out, "errors")]
    finally:
        nlp.remove_pipe("test_hostile_boom")
    assert messages[1] == messages[2]
    assert messages[1] == [(str(src / "d1.txt"), "test_hostile_boom: KeyError: 'rule bug'")]
