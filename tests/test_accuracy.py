"""End-to-end accuracy: `summit evaluate` with floors on the development corpus (the committed
outputs, kept fresh by test_outputs) and on the held-out set (extracted here).

The floors are regression guards set just under the scores reached, not targets; the real
numbers are in `summit evaluate` output and the README.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.runner import run_extract
from tests.conftest import CORPUS_GOLD, CORPUS_RAW, ROOT

HELDOUT = ROOT / "corpus" / "heldout"

CORPUS_FLOORS = {
    "leaders+country": 0.99,
    "leaders.mentions+name": 0.99,
    "quotes+speaker": 0.99,
    "bodies": 0.99,
    "bodies+proposers": 0.98,
    "figures+value_unit": 0.99,
}
HELDOUT_FLOORS = {
    "leaders+country": 0.97,
    "leaders.mentions+name": 0.95,
    "quotes+speaker": 0.90,
    "bodies": 0.85,
    "bodies+proposers": 0.75,
    "figures+value_unit": 0.93,
}


def _evaluate(gold: Path, raw: Path, pred: Path, floors: dict[str, float], tmp: Path) -> dict:
    args = ["evaluate", "--gold", str(gold), "--raw", str(raw), "--pred", str(pred)]
    args += ["--json", str(tmp / "scores.json"), "--no-errors"]
    for name, floor in floors.items():
        args += ["--min-f1", f"{name}={floor}"]
    result = CliRunner().invoke(app, args)
    scores = json.loads((tmp / "scores.json").read_text(encoding="utf-8"))
    assert result.exit_code == 0, {n: scores["scores"][n]["f1"] for n in floors}
    return scores


def test_corpus_meets_its_floors(tmp_path: Path) -> None:
    _evaluate(CORPUS_GOLD, CORPUS_RAW, ROOT / "outputs", CORPUS_FLOORS, tmp_path)


@pytest.mark.slow
def test_heldout_set_meets_its_floors(nlp: Language, tmp_path: Path) -> None:
    out = tmp_path / "pred"
    summary = run_extract([str(HELDOUT / "raw")], out, nlp_factory=lambda: nlp, model="test")
    assert summary.errors == []
    scores = _evaluate(HELDOUT / "gold", HELDOUT / "raw", out, HELDOUT_FLOORS, tmp_path)
    assert scores["scores"]["quotes"]["f1"] > 0.9


def test_a_floor_above_the_score_fails(tmp_path: Path) -> None:
    """The floors can fail: outputs that lack the held-out documents score 0 on them."""
    args = ["evaluate", "--gold", str(HELDOUT / "gold"), "--raw", str(HELDOUT / "raw")]
    args += ["--pred", str(ROOT / "outputs"), "--no-errors", "--min-f1", "quotes=0.5"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
