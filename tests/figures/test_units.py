"""The unit decision: counted nouns (where a count ends), attendance counts that stay."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.figures.helpers import figures


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # population and things counted next to attendance stay figures
        (
            "The 14 member states are home to 600 million people.",
            ["600 million people"],
        ),
        ("About 300 delegates approved 45 joint projects.", ["45 joint projects"]),
        ("The region has more than 2 million students.", ["more than 2 million students"]),
        ("Farmers keep 500 head of cattle.", ["500 head"]),
        ("The region has 3 million Russian speakers.", ["3 million Russian speakers"]),
    ],
)
def test_attendance_rule_keeps_other_counts(nlp: Language, text: str, spans: list[str]) -> None:
    assert [f["text"] for f in figures(nlp, text)] == spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # two bare plural nouns joined by "and" are one counted thing (DECISIONS 503)
        ("They approved 14 rules and procedures.", ["14 rules and procedures"]),
        ("Engineers built 12 schools and 4 hospitals.", ["12 schools", "4 hospitals"]),
        ("They signed 300 agreements and Tokayev left.", ["300 agreements"]),
        # an adjective after the counted noun starts a new phrase
        (
            "The sides signed 31 contracts worth EUR 2 billion.",
            ["31 contracts", "EUR 2 billion"],
        ),
    ],
)
def test_counted_noun_edges(nlp: Language, text: str, spans: list[str]) -> None:
    assert [f["text"] for f in figures(nlp, text)] == spans
