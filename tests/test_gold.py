"""The gold corpus is valid: every file parses as GoldDocument, matches its raw text, and is
exactly what the annotation tool builds from its source. Fast: no spaCy model is loaded."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from pydantic import ValidationError

from models.gold import GoldDocument
from pipeline.resources import load_jsonl
from pipeline.resources.schemas import CountryEntry, LexiconLine

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "corpus" / "raw"
GOLD = ROOT / "corpus" / "gold"
SRC = ROOT / "corpus" / "tools" / "src"
GOLD_FILES = sorted(GOLD.glob("*.json"))
RAW_IDS = sorted(p.stem for p in RAW.glob("*.txt"))
HELDOUT = ROOT / "corpus" / "heldout"
# Development texts in the styles of real coverage (issue 11); scored, not floored.
REALSTYLE = ROOT / "corpus" / "realstyle"
HELDOUT_FILES = sorted((HELDOUT / "gold").glob("*.json"))
ALL_GOLD = GOLD_FILES + HELDOUT_FILES
# Country proposers must be names the pipeline can produce: the lexicon's canonical names.
COUNTRY_NAMES = {
    line.root.name
    for line in load_jsonl("leader_roles.jsonl", LexiconLine)
    if isinstance(line.root, CountryEntry)
}


def _annotate() -> ModuleType:
    """Import corpus/tools/annotate.py (a script, not a package module)."""
    spec = importlib.util.spec_from_file_location("annotate", ROOT / "corpus/tools/annotate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("annotate", module)
    spec.loader.exec_module(module)
    return module


def _load(path: Path) -> GoldDocument:
    return GoldDocument.model_validate_json(path.read_text(encoding="utf-8"))


def _raw(doc_id: str) -> str:
    path = RAW / f"{doc_id}.txt"
    if not path.exists():
        path = HELDOUT / "raw" / f"{doc_id}.txt"
    return path.read_text(encoding="utf-8")


def test_corpus_size_and_genres() -> None:
    docs = [_load(p) for p in GOLD_FILES]
    assert len(docs) >= 9, f"only {len(docs)} gold documents"
    assert len({d.genre for d in docs}) >= 4, "fewer than four genres"


def test_every_raw_file_has_gold_and_vice_versa() -> None:
    assert [p.stem for p in GOLD_FILES] == RAW_IDS
    heldout_raw = sorted(p.stem for p in (HELDOUT / "raw").glob("*.txt"))
    assert [p.stem for p in HELDOUT_FILES] == heldout_raw
    assert not set(heldout_raw) & set(RAW_IDS), "a held-out text is also in the corpus"


@pytest.mark.parametrize("path", ALL_GOLD, ids=lambda p: p.stem)
def test_gold_file_validates_and_matches_text(path: Path) -> None:
    doc = _load(path)
    assert doc.doc_id == path.stem
    assert doc.check_against(_raw(doc.doc_id)) == []


@pytest.mark.parametrize("path", ALL_GOLD, ids=lambda p: p.stem)
def test_gold_attributes_are_consistent(path: Path) -> None:
    """Speakers, proposers and supporters name leaders of the document, countries or
    (for speakers) a non-leader as written in the text; ranges are ordered."""
    doc = _load(path)
    text = _raw(doc.doc_id)
    leaders = {leader.name for leader in doc.leaders}
    assert len(leaders) == len(doc.leaders), "a leader is listed twice"
    for leader in doc.leaders:
        assert leader.mentions, f"{leader.name} has no mention"
    for quote in doc.quotes:
        assert quote.speaker is None or quote.speaker in leaders or quote.speaker in text
    for body in doc.bodies:
        for who in body.proposers + body.supporters:
            assert who in leaders or who in COUNTRY_NAMES, f"{body.text}: unknown party {who}"
    for fig in doc.figures:
        assert fig.value_max is None or fig.value_max > fig.value, fig.text


@pytest.mark.parametrize(
    ("which", "path"),
    [("corpus", p) for p in sorted(SRC.glob("*.json"))]
    + [("heldout", p) for p in sorted((HELDOUT / "src").glob("*.json"))]
    + [("realstyle", p) for p in sorted((REALSTYLE / "src").glob("*.json"))],
    ids=lambda x: x.stem if isinstance(x, Path) else x,
)
def test_gold_is_what_the_tool_builds(which: str, path: Path) -> None:
    folder = {"corpus": GOLD, "heldout": HELDOUT / "gold", "realstyle": REALSTYLE / "gold"}[which]
    gold = folder / f"{path.stem}.json"
    assert _annotate().build_file(path.stem, which) == gold.read_text("utf-8")


def _broken(mutate: str) -> dict[str, Any]:
    """The seed gold with one deliberate defect."""
    data: dict[str, Any] = json.loads(GOLD_FILES[0].read_text(encoding="utf-8"))
    if mutate == "shifted_offsets":
        data["figures"][0]["start"] += 1
        data["figures"][0]["end"] += 1
    elif mutate == "bad_status":
        data["bodies"][0]["status"] = "rumoured"
    elif mutate == "extra_field":
        data["quotes"][0]["speeker"] = "nobody"
    elif mutate == "out_of_range":
        data["figures"][0]["end"] = 10**9
    return data


@pytest.mark.parametrize("mutate", ["bad_status", "extra_field"])
def test_broken_gold_fails_validation(mutate: str, tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text(json.dumps(_broken(mutate)), encoding="utf-8")
    with pytest.raises(ValidationError):
        _load(bad)


@pytest.mark.parametrize("mutate", ["shifted_offsets", "out_of_range"])
def test_broken_offsets_fail_the_text_check(mutate: str) -> None:
    doc = GoldDocument.model_validate(_broken(mutate))
    assert doc.check_against(_raw(doc.doc_id)) != []


TOOL_TEXT = "Tokayev met Japarov. Tokayev said the trade doubled; it doubled again."
SECOND_DOUBLED = TOOL_TEXT.rindex("doubled")  # offsets computed, never counted by hand


@pytest.mark.parametrize(
    ("locator", "expected"),
    [
        ("Japarov", (12, 19)),
        ("doubled#2", (SECOND_DOUBLED, SECOND_DOUBLED + 7)),
        ("[[Tokayev]] said", (21, 28)),
        ({"from": "[[Tokayev]] met", "to": "Japarov"}, (0, 19)),
    ],
)
def test_locator_finds_span(locator: str | dict[str, str], expected: tuple[int, int]) -> None:
    assert _annotate().locate(TOOL_TEXT, locator, "test") == expected


@pytest.mark.parametrize("locator", ["Tokayev", "doubled", "doubled#3", "Putin", "[[Tok]]ayev"])
def test_locator_refuses_ambiguous_or_missing(locator: str) -> None:
    tool = _annotate()
    with pytest.raises(tool.AnnotationError):
        tool.locate(TOOL_TEXT, locator, "test")


def test_tool_refuses_unannotated_name_occurrence() -> None:
    tool = _annotate()
    source = {
        "doc_id": "x",
        "genre": "news",
        "leaders": [
            {"name": "Kassym-Jomart Tokayev", "country": "Kazakhstan",
             "mentions": {"surname": ["Tokayev#1"]}},
        ],
    }  # fmt: skip
    with pytest.raises(tool.AnnotationError, match="not annotated"):
        tool.build(source, TOOL_TEXT)


def test_tool_refuses_quote_not_between_marks() -> None:
    tool = _annotate()
    source = {"doc_id": "x", "genre": "news", "quotes": [{"at": "Japarov", "speaker": None}]}
    with pytest.raises(tool.AnnotationError, match="opening mark"):
        tool.build(source, TOOL_TEXT)
