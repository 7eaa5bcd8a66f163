"""Multiplier and fraction words."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.figures.helpers import assert_one_figure, figures


@pytest.mark.parametrize(
    ("text", "span", "value", "qualifier"),
    [
        ("Grain exports now cover roughly a third of domestic demand.", "a third", 33.33, "about"),
        ("Freight costs could fall by half once the line opens.", "half", 50.0, None),
        (
            "More than half of the new investment goes to energy.",
            "More than half",
            50.0,
            "more_than",
        ),
        ("Travel times were cut in half.", "half", 50.0, None),
        (
            "Nearly two-thirds of the water is lost in old canals.",
            "Nearly two-thirds",
            66.67,
            "almost",
        ),
        ("Tariffs fell by a quarter.", "a quarter", 25.0, None),
    ],
)
def test_fractions_are_percentages(
    nlp: Language, text: str, span: str, value: float, qualifier: str | None
) -> None:
    assert_one_figure(nlp, text, span, value, None, "percent", qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "Trade grew in the first half of 2024.",
        "The dispute lasted half a century.",
        "The talks took a year and a half.",
        "They will hold a third summit next spring.",
        "A quarter of a century has passed since the treaty.",
        "In the second half of the year the corridor opened.",
        "The delegation spent half an hour at the exhibition.",
    ],
)
def test_fraction_words_that_are_not_shares(nlp: Language, text: str) -> None:
    assert [f["text"] for f in figures(nlp, text)] == []
