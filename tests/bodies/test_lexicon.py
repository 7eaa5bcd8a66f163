"""Lexicon: the data files load, validate, and reject malformed lines."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError
from spacy.language import Language

from pipeline.components.bodies import (
    BodyCueEntry,
    BodyHeadEntry,
)
from pipeline.components.bodies.lexicon import _MATCHED_CUES, BodyLexicon, UnitLine
from pipeline.resources import load_jsonl
from tests.bodies.helpers import bodies


def test_lexicons_load_and_cover_every_status() -> None:
    heads = load_jsonl("body_heads.jsonl", BodyHeadEntry)
    cues = load_jsonl("body_cues.jsonl", BodyCueEntry)
    assert all(h.body_kind for h in heads if h.kind == "head")
    assert {"council", "centre", "platform", "agreement", "forum"} <= {h.body_kind for h in heads}
    statuses = {c.kind for c in cues}
    assert {"proposed", "established", "adopted", "light", "commit", "support"} <= statuses
    assert len({(c.cue, c.kind) for c in cues}) == len(cues), "a cue is listed twice"
    matched = [c.cue for c in cues if c.kind in _MATCHED_CUES]
    assert len(set(matched)) == len(matched), "a matched cue has two kinds"


@pytest.mark.parametrize(
    "line",
    [
        {"cue": "propose", "kind": "maybe"},
        {"cue": "propose"},
        {"cue": "propose", "kind": "proposed", "colour": "red"},
        {"cue": "propose", "status": "proposed"},  # the field was renamed 'kind'
        {"cue": "firstly", "kind": "enumeration_adverb"},  # no rank
        {"cue": "propose", "kind": "proposed", "rank": 2},
    ],
)
def test_bad_cue_lines_are_rejected(line: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        BodyCueEntry.model_validate(line)


def test_capital_lines_name_their_country() -> None:
    with pytest.raises(ValidationError):
        BodyCueEntry.model_validate({"cue": "Tashkent", "kind": "capital"})
    with pytest.raises(ValidationError):
        BodyCueEntry.model_validate({"cue": "propose", "kind": "proposed", "country": "Iran"})
    cues = load_jsonl("body_cues.jsonl", BodyCueEntry)
    assert all(c.country for c in cues if c.kind == "capital")


@pytest.mark.parametrize("field", ["kind", "type"])
def test_units_lines_are_read_under_either_kind_name(field: str) -> None:
    """units.jsonl belongs to the figures component, which renames ``type`` to ``kind``."""
    line = {field: "scale", "norm": "billion", "value": 1e9, "forms": ["billion"], "x": 1}
    entry = UnitLine.model_validate(line)
    assert (entry.kind, entry.forms) == ("scale", ["billion"])


def test_amount_words_come_from_units_jsonl(blank: Language) -> None:
    lexicon = BodyLexicon(blank, "body_heads.jsonl", "body_cues.jsonl", "leader_roles.jsonl")
    assert {"USD", "KZT", "EUR"} <= lexicon.currency_codes
    assert {"million", "billion", "bn", "percent"} <= lexicon.scale_words
    assert lexicon.small_numbers["three"] == 3
    assert "one" not in lexicon.small_numbers  # "all one" counts nothing


def test_office_nouns_of_two_words_name_each_countrys_leader(nlp: Language) -> None:
    text = (
        "Prime Minister Modi of India and Prime Minister Sharif of Pakistan met. "
        "The prime ministers of India and Pakistan proposed a Joint Water Council."
    )
    (body,) = bodies(nlp(text))
    assert sorted(body["proposers"]) == ["Narendra Modi", "Shehbaz Sharif"]
