"""`summit evaluate` and the scoring in pipeline/evaluate.py, on small synthetic gold/pred folders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from models.gold import GoldDocument
from models.records import (
    BodyMention,
    BodyRecord,
    DocumentRecord,
    FigureRecord,
    LeaderMention,
    LeaderRecord,
    QuoteRecord,
    RecordCounts,
)
from pipeline.cli import app
from pipeline.evaluate import (
    SCORE_NAMES,
    EvaluationError,
    Item,
    canonical_score_name,
    format_number,
    match_overlap,
    parse_floor,
    sentence_window,
)
from pipeline.export import record_id

DOC_ID = "t01"
TEXT = (
    "President Sadyr Japarov opened the summit in Bishkek. "
    '"We must act together," Japarov said. '
    "Kassym-Jomart Tokayev proposed to establish a Council of Elders. "
    "Trade grew by 20 percent to USD 10.5 billion.\n\n"
    'Tokayev added: "Trade is the key to our future." The leaders met again.\n'
)


def at(sub: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``sub`` in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(sub, start + 1)
    return start, start + len(sub)


def span(sub: str, nth: int = 0) -> dict[str, Any]:
    s, e = at(sub, nth)
    return {"start": s, "end": e, "text": TEXT[s:e]}


Q1 = "We must act together,"
Q2 = "Trade is the key to our future."


def gold_doc() -> dict[str, Any]:
    """A gold annotation of TEXT: two leaders, two quotes, one body, two figures."""
    return {
        "doc_id": DOC_ID,
        "genre": "news",
        "date": "2024-08-09",
        "leaders": [
            {
                "name": "Sadyr Japarov",
                "country": "Kyrgyzstan",
                "office": "President of Kyrgyzstan",
                "mentions": [
                    {**span("Sadyr Japarov"), "kind": "name"},
                    {**span("Japarov", 1), "kind": "surname"},
                ],
            },
            {
                "name": "Kassym-Jomart Tokayev",
                "country": "Kazakhstan",
                "mentions": [
                    {**span("Kassym-Jomart Tokayev"), "kind": "name"},
                    {**span("Tokayev", 1), "kind": "surname"},
                ],
            },
        ],
        "quotes": [
            {**span(Q1), "speaker": "Sadyr Japarov"},
            {**span(Q2), "speaker": "Kassym-Jomart Tokayev"},
        ],
        "bodies": [
            {
                **span("Council of Elders"),
                "status": "proposed",
                "proposers": ["Kassym-Jomart Tokayev"],
            }
        ],
        "figures": [
            {**span("20 percent"), "value": 20, "unit": "percent"},
            {**span("USD 10.5 billion"), "value": 10.5e9, "unit": "USD"},
        ],
    }


def pred_records(gold: dict[str, Any]) -> dict[str, list[Any]]:
    """Records a perfect extractor would write for ``gold``, as pydantic models."""
    leaders = []
    for i, leader in enumerate(gold["leaders"]):
        mentions = [LeaderMention(**m) for m in leader["mentions"]]
        first = mentions[0]
        leaders.append(
            LeaderRecord(
                doc_id=DOC_ID,
                id=f"{DOC_ID}:leader:Q{i}",
                kb_id=f"Q{i}",
                name=leader["name"],
                country=leader["country"],
                office=leader.get("office"),
                organisation=None,
                in_kb=True,
                start=first.start,
                end=first.end,
                text=first.text,
                mentions=mentions,
            )
        )
    quotes = [
        QuoteRecord(
            doc_id=DOC_ID,
            id=record_id(DOC_ID, "quote", q["start"], q["end"]),
            text=q["text"],
            start=q["start"],
            end=q["end"],
            speaker=q["speaker"],
            speaker_id=None,
            speaker_text=None,
            speaker_start=None,
            speaker_end=None,
            cue=None,
            cue_start=None,
            cue_end=None,
            attribution="cue_subject",
        )
        for q in gold["quotes"]
    ]
    bodies = [
        BodyRecord(
            doc_id=DOC_ID,
            id=record_id(DOC_ID, "body", b["start"], b["end"]),
            name=b["text"],
            text=b["text"],
            kind="council",
            start=b["start"],
            end=b["end"],
            status=b["status"],
            proposers=b["proposers"],
            cue=None,
            cue_start=None,
            cue_end=None,
            mentions=[BodyMention(start=b["start"], end=b["end"], text=b["text"])],
        )
        for b in gold["bodies"]
    ]
    figures = [
        FigureRecord(
            doc_id=DOC_ID,
            id=record_id(DOC_ID, "figure", f["start"], f["end"]),
            text=f["text"],
            start=f["start"],
            end=f["end"],
            value=f["value"],
            value_max=f.get("value_max"),
            unit=f["unit"],
            qualifier=None,
            kind="count",
            metric=None,
            period=None,
            subject=None,
        )
        for f in gold["figures"]
    ]
    return {"leaders": leaders, "quotes": quotes, "bodies": bodies, "figures": figures}


def write_corpus(root: Path, gold: dict[str, Any], records: dict[str, list[Any]]) -> None:
    """Write root/gold, root/raw and root/pred (a `summit extract`-style output folder)."""
    for sub in ("gold", "raw", "pred"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    GoldDocument.model_validate(gold)  # the fixture itself must be valid gold
    assert GoldDocument.model_validate(gold).check_against(TEXT) == []
    (root / "gold" / f"{DOC_ID}.json").write_text(json.dumps(gold), encoding="utf-8")
    (root / "raw" / f"{DOC_ID}.txt").write_text(TEXT, encoding="utf-8", newline="")
    document = DocumentRecord(
        doc_id=DOC_ID,
        path=str(root / "raw" / f"{DOC_ID}.txt"),
        sha256="0" * 64,
        encoding="utf-8",
        chars=len(TEXT),
        date=None,
        counts=RecordCounts(**{k: len(v) for k, v in records.items()}),
        pipeline_version="test",
        model="none",
    )
    lines = {"documents": [document], **records, "errors": []}
    for name, items in lines.items():
        text = "".join(item.model_dump_json() + "\n" for item in items)
        (root / "pred" / f"{name}.jsonl").write_text(text, encoding="utf-8")


runner = CliRunner()


def run_evaluate(root: Path, *extra: str) -> tuple[int, str, dict[str, Any]]:
    """Run `summit evaluate` on root/{gold,pred,raw}; return exit code, output and the JSON."""
    out = root / "scores.json"
    args = ["evaluate", "--gold", str(root / "gold"), "--pred", str(root / "pred")]
    args += ["--raw", str(root / "raw"), "--json", str(out), *extra]
    result = runner.invoke(app, args)
    data = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    return result.exit_code, result.output, data


def flat(text: str) -> str:
    """``text`` without whitespace: error messages are wrapped to the terminal width."""
    return "".join(text.split())


def f1(data: dict[str, Any], name: str) -> float | None:
    value: float | None = data["scores"][name]["f1"]
    return value


# --------------------------------------------------------------------------- CLI


def test_perfect_predictions_score_one(tmp_path: Path) -> None:
    gold = gold_doc()
    write_corpus(tmp_path, gold, pred_records(gold))
    code, output, data = run_evaluate(tmp_path, "--min-f1", "quotes+speaker=1.0")
    assert code == 0, output
    for name in SCORE_NAMES:
        assert f1(data, name) == pytest.approx(1.0), name
    assert all(a["accuracy"] == 1.0 for a in data["attributes"].values())
    assert data["findings"] == []
    assert "quotes+speaker" in output and "F1 per document" in output
    assert data["per_document"][DOC_ID]["scores"]["figures+value_unit"]["f1"] == pytest.approx(1.0)


def test_missing_quote_is_a_false_negative_with_its_sentence(tmp_path: Path) -> None:
    gold = gold_doc()
    records = pred_records(gold)
    records["quotes"] = records["quotes"][:1]
    write_corpus(tmp_path, gold, records)
    code, output, data = run_evaluate(tmp_path)
    assert code == 0
    assert data["scores"]["quotes"]["r"] == pytest.approx(0.5)
    assert data["scores"]["quotes"]["p"] == pytest.approx(1.0)
    [finding] = data["findings"]
    assert finding["kind"] == "FN" and finding["type"] == "quotes"
    assert finding["text"] == Q2
    # The sentence window holds the cue and the quote, and stops at the sentence end.
    assert "Tokayev added:" in finding["sentence"] and Q2 in finding["sentence"]
    assert "The leaders met again" not in finding["sentence"]
    assert "FN" in output and "Tokayev added:" in output


def test_wrong_speaker_lowers_attribute_accuracy_not_span_f1(tmp_path: Path) -> None:
    gold = gold_doc()
    records = pred_records(gold)
    records["quotes"][1] = records["quotes"][1].model_copy(update={"speaker": "Sadyr Japarov"})
    write_corpus(tmp_path, gold, records)
    code, output, data = run_evaluate(tmp_path)
    assert code == 0
    assert f1(data, "quotes") == pytest.approx(1.0)
    assert data["attributes"]["quotes.speaker"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert f1(data, "quotes+speaker") == pytest.approx(0.5)
    [finding] = data["findings"]
    assert finding["kind"] == "ATTR"
    assert "Kassym-Jomart Tokayev" in finding["detail"] and "Sadyr Japarov" in finding["detail"]
    assert "ATTR" in output


def test_failing_floor_exits_one_and_passing_floor_exits_zero(tmp_path: Path) -> None:
    gold = gold_doc()
    records = pred_records(gold)
    records["figures"] = []
    write_corpus(tmp_path, gold, records)
    code, output, data = run_evaluate(tmp_path, "--min-f1", "figures=0.5", "--min-f1", "quotes=1")
    assert code == 1
    assert "FAIL" in output
    assert [f["passed"] for f in data["floors"]] == [False, True]
    code, _, _ = run_evaluate(tmp_path, "--min-f1", "quotes=1", "--min-f1", "leaders=0.9")
    assert code == 0


@pytest.mark.parametrize("floor", ["quotes", "quotes=abc", "quotes=1.5", "speakers=0.5"])
def test_bad_floor_is_a_usage_error(tmp_path: Path, floor: str) -> None:
    gold = gold_doc()
    write_corpus(tmp_path, gold, pred_records(gold))
    code, output, _ = run_evaluate(tmp_path, "--min-f1", floor)
    assert code == 2
    assert "--min-f1" in flat(output)


def test_missing_gold_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", "--gold", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert flat("gold folder") in flat(result.output) and "doesnotexist" in flat(result.output)


def test_no_errors_hides_the_findings(tmp_path: Path) -> None:
    gold = gold_doc()
    records = pred_records(gold)
    records["quotes"] = []
    write_corpus(tmp_path, gold, records)
    _, with_list, _ = run_evaluate(tmp_path)
    _, without, data = run_evaluate(tmp_path, "--no-errors")
    assert "Tokayev added:" in with_list
    assert "Tokayev added:" not in without
    assert len(data["findings"]) == 2  # the JSON always has them


def test_strict_and_lenient_differ_on_boundaries(tmp_path: Path) -> None:
    gold = gold_doc()
    records = pred_records(gold)
    q = records["quotes"][0]
    records["quotes"][0] = q.model_copy(update={"end": q.end - 1, "text": q.text[:-1]})
    f = records["figures"][1]  # "USD 10.5 billion" predicted as "10.5 billion"
    records["figures"][1] = f.model_copy(update={"start": f.start + 4, "text": f.text[4:]})
    write_corpus(tmp_path, gold, records)
    _, _, data = run_evaluate(tmp_path)
    assert f1(data, "quotes") == pytest.approx(1.0)
    assert f1(data, "quotes.strict") == pytest.approx(0.5)
    assert f1(data, "figures") == pytest.approx(1.0)
    assert f1(data, "figures.strict") == pytest.approx(0.5)
    assert f1(data, "figures+value_unit") == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("update", "value_ok", "unit_ok"),
    [
        ({"value": 10.5e9 * (1 + 1e-9)}, True, True),  # within the relative tolerance
        ({"value": 10.5e6}, False, True),  # wrong scale
        ({"value_max": 11e9}, False, True),  # a range where gold has one value
        ({"unit": "EUR"}, True, False),
        ({"unit": "unspecified", "value": 1.0}, False, False),
    ],
)
def test_figure_value_and_unit(
    tmp_path: Path, update: dict[str, Any], value_ok: bool, unit_ok: bool
) -> None:
    gold = gold_doc()
    records = pred_records(gold)
    records["figures"][1] = records["figures"][1].model_copy(update=update)
    write_corpus(tmp_path, gold, records)
    _, _, data = run_evaluate(tmp_path)
    assert data["attributes"]["figures.value"]["correct"] == 1 + value_ok
    assert data["attributes"]["figures.unit"]["correct"] == 1 + unit_ok
    expected = 1.0 if value_ok and unit_ok else 0.5
    assert f1(data, "figures+value_unit") == pytest.approx(expected)


@pytest.mark.parametrize(
    ("proposers", "status", "proposers_ok", "status_ok"),
    [
        (["Kassym-Jomart Tokayev"], "proposed", True, True),
        ([], "proposed", False, True),
        (["Kassym-Jomart Tokayev", "Kazakhstan"], "proposed", False, True),
        (["Kassym-Jomart Tokayev"], "established", True, False),
    ],
)
def test_body_proposers_are_compared_as_sets(
    tmp_path: Path, proposers: list[str], status: str, proposers_ok: bool, status_ok: bool
) -> None:
    gold = gold_doc()
    records = pred_records(gold)
    records["bodies"][0] = records["bodies"][0].model_copy(
        update={"proposers": proposers, "status": status}
    )
    write_corpus(tmp_path, gold, records)
    _, _, data = run_evaluate(tmp_path)
    assert data["attributes"]["bodies.proposers"]["correct"] == int(proposers_ok)
    assert data["attributes"]["bodies.status"]["correct"] == int(status_ok)
    assert f1(data, "bodies") == pytest.approx(1.0)
    assert f1(data, "bodies+proposers") == pytest.approx(1.0 if proposers_ok else 0.0)


def test_leaders_match_by_name_and_mentions_by_span(tmp_path: Path) -> None:
    gold = gold_doc()
    records = pred_records(gold)
    japarov = records["leaders"][0]
    # The right person, found only at the surname, with the wrong country.
    only_surname = [japarov.mentions[1]]
    records["leaders"][0] = japarov.model_copy(update={"mentions": only_surname, "country": None})
    write_corpus(tmp_path, gold, records)
    _, output, data = run_evaluate(tmp_path)
    assert f1(data, "leaders") == pytest.approx(1.0)
    assert f1(data, "leaders+country") == pytest.approx(0.5)
    assert data["scores"]["leaders.mentions"]["fn"] == 1
    assert data["scores"]["leaders.mentions"]["tp"] == 3
    kinds = sorted((f["type"], f["kind"]) for f in data["findings"])
    assert kinds == [("leaders", "ATTR"), ("leaders.mentions", "FN")]
    assert "country 'Kyrgyzstan' → None" in output


def test_pronoun_mentions_are_not_scored_against_gold(tmp_path: Path) -> None:
    gold = gold_doc()
    records = pred_records(gold)
    japarov = records["leaders"][0]
    s, e = at("We")  # stands in for a pronoun the quotes component resolved to Japarov
    pronoun = LeaderMention(start=s, end=e, text=TEXT[s:e], kind="pronoun")
    surname = LeaderMention(**{**span("Bishkek"), "kind": "surname"})  # a wrong non-pronoun
    records["leaders"][0] = japarov.model_copy(update={"mentions": [*japarov.mentions, pronoun]})
    write_corpus(tmp_path, gold, records)
    _, _, data = run_evaluate(tmp_path)
    assert data["scores"]["leaders.mentions"]["fp"] == 0
    records["leaders"][0] = japarov.model_copy(update={"mentions": [*japarov.mentions, surname]})
    write_corpus(tmp_path, gold, records)
    _, _, data = run_evaluate(tmp_path)
    assert data["scores"]["leaders.mentions"]["fp"] == 1


def test_unknown_leader_is_a_false_positive(tmp_path: Path) -> None:
    gold = gold_doc()
    records = pred_records(gold)
    extra = records["leaders"][0].model_copy(update={"name": "Vladimir Putin", "id": "x"})
    records["leaders"].append(extra)
    write_corpus(tmp_path, gold, records)
    _, _, data = run_evaluate(tmp_path)
    assert data["scores"]["leaders"] == {
        "tp": 2,
        "fp": 1,
        "fn": 0,
        "p": pytest.approx(2 / 3),
        "r": pytest.approx(1.0),
        "f1": pytest.approx(0.8),
    }


def test_two_records_for_one_person_count_one_false_positive(tmp_path: Path) -> None:
    gold = gold_doc()
    records = pred_records(gold)
    records["leaders"].append(records["leaders"][1].model_copy(update={"id": "dup", "kb_id": "Q9"}))
    write_corpus(tmp_path, gold, records)
    _, _, data = run_evaluate(tmp_path)
    assert (data["scores"]["leaders"]["tp"], data["scores"]["leaders"]["fp"]) == (2, 1)
    people = [(f["kind"], f["detail"]) for f in data["findings"] if f["type"] == "leaders"]
    assert people == [("FP", "Kassym-Jomart Tokayev (again)")]


def test_gold_document_without_predictions_is_all_false_negatives(tmp_path: Path) -> None:
    gold = gold_doc()
    write_corpus(tmp_path, gold, pred_records(gold))
    other = {**gold, "doc_id": "t02"}
    (tmp_path / "gold" / "t02.json").write_text(json.dumps(other), encoding="utf-8")
    (tmp_path / "raw" / "t02.txt").write_text(TEXT, encoding="utf-8", newline="")
    _, output, data = run_evaluate(tmp_path)
    assert data["missing_predictions"] == ["t02"]
    assert data["scores"]["quotes"]["fn"] == 2
    assert data["scores"]["quotes"]["r"] == pytest.approx(0.5)
    assert data["per_document"]["t02"]["scores"]["quotes"]["f1"] == 0.0
    assert "t02 *" in output and "not in the predictions" in output


def test_predicted_document_without_gold_is_ignored(tmp_path: Path) -> None:
    gold = gold_doc()
    records = pred_records(gold)
    stray = records["quotes"][0].model_copy(update={"doc_id": "zz", "id": "zz:quote:1-2"})
    records["quotes"].append(stray)
    write_corpus(tmp_path, gold, records)
    _, _, data = run_evaluate(tmp_path)
    assert data["ignored_predictions"] == ["zz"]
    assert f1(data, "quotes") == pytest.approx(1.0)


def test_document_with_nothing_to_score_has_undefined_f1(tmp_path: Path) -> None:
    gold = {**gold_doc(), "quotes": []}
    records = pred_records(gold)
    write_corpus(tmp_path, gold, records)
    code, _, data = run_evaluate(tmp_path, "--min-f1", "quotes=0.9")
    assert data["scores"]["quotes"] == {"tp": 0, "fp": 0, "fn": 0, "p": None, "r": None, "f1": None}
    assert code == 0  # no gold and no predictions: the floor has nothing to fail on


def test_invalid_prediction_record_is_reported_with_its_file(tmp_path: Path) -> None:
    gold = gold_doc()
    write_corpus(tmp_path, gold, pred_records(gold))
    (tmp_path / "pred" / "quotes.jsonl").write_text('{"doc_id": "t01"}\n', encoding="utf-8")
    code, output, _ = run_evaluate(tmp_path)
    assert code == 2
    assert "quotes.jsonl" in flat(output) and "QuoteRecord" in flat(output)


# --------------------------------------------------------------------------- units


def test_match_overlap_is_one_to_one_and_prefers_exact() -> None:
    gold = [Item(10, 20, "g")]
    pred = [Item(12, 30, "wide"), Item(10, 20, "exact"), Item(40, 50, "far")]
    assert match_overlap(gold, pred) == [(0, 1)]
    assert match_overlap(gold, [Item(20, 30, "touching")]) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("quotes", "quotes"),
        ("quotes.lenient", "quotes"),
        ("Quotes+Speaker", "quotes+speaker"),
        ("figures+value_unit", "figures+value_unit"),
        ("leaders.mentions.strict", "leaders.mentions.strict"),
    ],
)
def test_score_names(name: str, expected: str) -> None:
    assert canonical_score_name(name) == expected


@pytest.mark.parametrize("bad", ["quote", "quotes+proposers", "figures.value"])
def test_unknown_score_names_are_rejected(bad: str) -> None:
    with pytest.raises(EvaluationError, match="choose from"):
        canonical_score_name(bad)


def test_parse_floor() -> None:
    assert parse_floor("bodies+proposers=0.25") == ("bodies+proposers", 0.25)


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("One thing. The target is here. Another.", "target", "The target is here."),
        ("First line\n\nThe target line\n\nLast", "target", "The target line"),
        ('He said: "the target." Then left.', "the target.", 'He said: "the target."'),
        (
            "Up 5.5 percent on the target year. Next.",
            "target",
            "Up 5.5 percent on the target year.",
        ),
    ],
)
def test_sentence_window(text: str, target: str, expected: str) -> None:
    start = text.index(target)
    before, middle, after = sentence_window(text, start, start + len(target))
    assert middle == target
    assert before + middle + after == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(20.0, "20"), (10.5e9, "10,500,000,000"), (1.5, "1.5"), (0.0, "0"), (-2.25, "-2.25")],
)
def test_format_number(value: float, expected: str) -> None:
    assert format_number(value) == expected
