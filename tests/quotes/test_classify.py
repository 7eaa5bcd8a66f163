"""summit_quotes, classification: quotations vs quoted names vs scare quotes."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quotes.helpers import names_of, texts_of

CLASSIFY_CASES = [
    # (text, quotations, quoted names with label)
    (
        "He stressed the production of “green” hydrogen.",
        [],
        [("green", "SCARE")],
    ),
    (
        "Leaders met within the “Central Asia Plus” format.",
        [],
        [("Central Asia Plus", "NAME")],
    ),
    (
        "The leader of Uzbekistan initiated a UN General Assembly resolution “Central Asia facing "
        "global climate challenges: consolidation for a common future.”",
        [],
        [
            (
                "Central Asia facing global climate challenges: consolidation for a common future.",
                "NAME",
            )
        ],
    ),
    (
        "They welcomed a Concept of Regional Cooperation “Central Asia – 2040”, setting out goals.",
        [],
        [("Central Asia – 2040", "NAME")],
    ),
    (
        "He proposed a multilateral platform “Central Asian Dialogue” at the level of ministers.",
        [],
        [("Central Asian Dialogue", "NAME")],
    ),
    (
        'Xi called on the region to carry forward the "Silk Road spirit" and announced aid.',
        [],
        [("Silk Road spirit", "NAME")],
    ),
    (
        "Trade grew, and the so-called “Middle Corridor”, a route across the sea, expanded.",
        [],
        [("Middle Corridor", "NAME")],
    ),
    (
        'Japarov called the long-delayed railway "a project of the century." Work goes on.',
        ["a project of the century."],
        [],
    ),
    (
        "The host welcomed what he called a “new era” in relations.",
        ["new era"],
        [],
    ),
    (
        "Addressing the forum “We must act before the water runs out,” Tokayev said.",
        ["We must act before the water runs out,"],
        [],
    ),
    (
        "Mirziyoyev described the talks as “frank and productive”.",
        ["frank and productive"],
        [],
    ),
    (
        'The leaders adopted the “Samarkand Declaration” and the roadmap "Central Asia 2030".',
        [],
        [("Samarkand Declaration", "NAME"), ("Central Asia 2030", "NAME")],
    ),
    (
        "“We do not come to extract. We come to invest,” the commissioner told the leaders.",
        ["We do not come to extract. We come to invest,"],
        [],
    ),
    # a quoted title keeps its article inside the marks: a name, not a quotation
    (
        'State television called the prince "the Guardian of the Nation" all week.',
        [],
        [("the Guardian of the Nation", "NAME")],
    ),
    (
        "Local papers dubbed her «the Iron Lady of the Steppe» after the vote.",
        [],
        [("the Iron Lady of the Steppe", "NAME")],
    ),
    # ... while an evaluative description after "called" is quoted speech
    (
        'Japarov called the new bridge "a gift to the next generation." Traffic resumed.',
        ["a gift to the next generation."],
        [],
    ),
    (
        "He welcomed what he called “the dawn of a new partnership” with the region.",
        ["the dawn of a new partnership"],
        [],
    ),
]


@pytest.mark.parametrize(("text", "quotes", "names"), CLASSIFY_CASES)
def test_quotations_vs_quotednames_of(
    quotes_nlp: Language, text: str, quotes: list[str], names: list[tuple[str, str]]
) -> None:
    doc = quotes_nlp(text)
    assert texts_of(doc) == quotes
    assert names_of(doc) == names


def test_marks_inside_a_quotation_are_part_of_it(quotes_nlp: Language) -> None:
    text = "“We reject the 'zero-sum game' of the past,” Tokayev said."
    doc = quotes_nlp(text)
    assert texts_of(doc) == ["We reject the 'zero-sum game' of the past,"]
    assert [name for name, _ in names_of(doc)] == ["zero-sum game"]
