"""Issue 12, row "smaller": negatives, fractions and leading-dot decimals, vague plurals and
compound number words, scales written as digits or glued to counts.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.figures_issue12.helpers import PHASE2, Expect, check

CASES = [
    # already right today
    pytest.param(
        "A third of the funds went to the northern provinces.",
        [("A third", 33.333, None, "percent")],
        id="fraction-word",
    ),
    # negatives
    pytest.param(
        "Temperatures at the border post fell to minus 40 degrees Celsius.",
        [("40 degrees Celsius", -40, None, "degree_celsius")],
        id="minus-word",
    ),
    pytest.param(
        "The regional index closed at -2.4% on Friday.",
        [("-2.4%", -2.4, None, "percent")],
        id="minus-sign-percent",
    ),
    pytest.param(
        "The trade balance stood at -$5.2 billion in April.",
        [("$5.2 billion", -5.2e9, None, "USD")],
        id="minus-sign-money",
    ),
    # fractions and leading-dot decimals
    pytest.param(
        "Only 1/4 of the pledged funds has been spent.",
        [("1/4", 25, None, "percent")],
        id="slash-fraction",
    ),
    pytest.param(
        "The bank cut its deposit rate by .25 per cent.",
        [(".25 per cent", 0.25, None, "percent")],
        id="leading-dot",
    ),
    pytest.param(
        "One in three households in the region lacks heating.",
        [("One in three", 33.333, None, "percent")],
        id="one-in-three",
    ),
    pytest.param(
        "One out of five farms and 3/4 of the wells were damaged.",
        [("One out of five", 20, None, "percent"), ("3/4", 75, None, "percent")],
        id="one-out-of-five-and-three-quarters",
    ),
    pytest.param(
        "Goals came 3 in 10 minutes, and the 1/4 rule held.",
        [("in 10 minutes", None, None, None), ("1/4", None, None, None)],
        id="no-ratio-for-times-or-larger-numbers",
    ),
    # vague plurals of scale words
    pytest.param(
        "Tens of thousands of people marched in the capital.",
        [("Tens of thousands", 1e4, 1e5, "count")],
        id="tens-of-thousands",
    ),
    pytest.param(
        "Hundreds of delegates arrived on Monday.",
        [("Hundreds", 100, 1000, "count")],
        id="hundreds",
        marks=PHASE2,
    ),
    pytest.param(
        "The reform could cost tens of millions of dollars.",
        [("tens of millions of dollars", 1e7, 1e8, "USD")],
        id="tens-of-millions-money",
    ),
    pytest.param(
        "The new line will run for hundreds of miles through the steppe.",
        [("hundreds of miles", 100, 1000, "mile")],
        id="hundreds-of-miles",
    ),
    pytest.param(
        "Dozens of trucks waited at the border while millions of migrants sent money home.",
        [("Dozens of trucks", 12, 120, "count"), ("millions of migrants", None, None, None)],
        id="dozens-and-a-lone-millions",
    ),
    pytest.param(
        "The feud lasted tens of years, and thousands of delegates came to the forum.",
        [("tens of years", None, None, None), ("thousands of delegates", None, None, None)],
        id="vague-duration-and-attendance",
    ),
    pytest.param(
        "The gas is cooled to minus-160 degrees Celsius before loading.",
        [("160 degrees Celsius", -160, None, "degree_celsius")],
        id="minus-hyphen",
    ),
    # compound number words and digit-plus-word numbers
    pytest.param(
        "Thirty-one thousand two hundred five delegates registered for the forum.",
        [("Thirty-one thousand two hundred five", 31205, None, "count")],
        id="compound-number-words",
        marks=PHASE2,
    ),
    pytest.param(
        "Some 3 hundred observers monitored the polls.",
        [("3 hundred", 300, None, "count")],
        id="digit-then-hundred",
        marks=PHASE2,
    ),
    # a scale glued to a count
    pytest.param(
        "The government app already has 28m users.",
        [("28m", 28e6, None, "count")],
        id="glued-m-count",
    ),
    # negatives of the same rules: a bare glued "m" is metres, a dash is no sign without a unit
    pytest.param(
        "The wall along the river is 5m high.",
        [("5m", None, None, None)],
        id="glued-m-without-noun",
    ),
    pytest.param(
        "Sea ice shrank by minus 3% and the trade gap was -€2 billion.",
        [("3%", -3, None, "percent"), ("€2 billion", -2e9, None, "EUR")],
        id="minus-word-and-sign-before-euro",
    ),
    pytest.param(
        "Interest fell by .5 percent, to 4.75 percent.",
        [(".5 percent", 0.5, None, "percent"), ("4.75 percent", 4.75, None, "percent")],
        id="leading-dot-and-decimal",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_smaller(nlp: Language, text: str, expected: list[Expect]) -> None:
    """Signs, fractions, vague plurals and compound number words are read as numbers."""
    check(nlp, text, expected)
