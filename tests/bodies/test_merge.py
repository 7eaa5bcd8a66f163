"""Merge stage: later mentions join the body they name, others stay apart."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.components.bodies import (
    _subsequence,
)
from tests.bodies.helpers import bodies


@pytest.mark.parametrize(
    ("small", "big", "expected"),
    [
        (("samarkand", "forum"), ("samarkand", "international", "forum"), True),
        (("central", "asian", "dialogue"), ("energy", "dialogue", "central", "asian"), False),
        (("regional", "center"), ("regional", "center", "technologies"), True),
        (("fund", "regional"), ("regional", "fund"), False),
    ],
)
def test_mentions_merge_only_in_word_order(
    small: tuple[str, ...], big: tuple[str, ...], expected: bool
) -> None:
    assert _subsequence(small, big) is expected


def test_repeat_mentions_are_merged(nlp: Language) -> None:
    text = (
        "The leader of Uzbekistan announced the holding of the first Samarkand international "
        "forum in 2025. The Samarkand Forum can become a platform for dialogue."
    )
    (body,) = bodies(nlp(text))
    assert body["name"] == "Samarkand international forum"
    assert len(body["mentions"]) == 2
    assert [text[s:e] for s, e in body["mentions"]][1] == "Samarkand Forum"
    assert body["kind"] == "forum"
    assert text[body["cue_start"] : body["cue_end"]] == body["cue"] == "announced"


def test_different_bodies_with_shared_words_stay_apart(nlp: Language) -> None:
    text = (
        "Berdimuhamedov proposed creating an Energy Dialogue of Central Asian Countries. "
        "Mirziyoyev proposed establishing a multilateral platform “Central Asian Dialogue”."
    )
    names = [b["name"] for b in bodies(nlp(text))]
    assert names == ["Energy Dialogue of Central Asian Countries", "Central Asian Dialogue"]
