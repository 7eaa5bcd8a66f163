"""Issue 12, row "labels": names, models, indexes, addresses, scores and ages in apposition are
not figures; a real figure in the same sentence still is.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.figures_issue12.helpers import Expect, check

CASES = [
    # already right today
    pytest.param(
        "Under Article 5 the allies pledged 2 percent of output.",
        [("Article 5", None, None, None), ("2 percent", 2, None, "percent")],
        id="article",
    ),
    # product and model names
    pytest.param(
        "The Pixel 9 Pro was shown to the delegates.",
        [("Pixel 9 Pro", None, None, None)],
        id="phone-model",
    ),
    pytest.param(
        "The new iPhone 14 Pro sells for $999 in the capital.",
        [("iPhone 14 Pro", None, None, None), ("$999", 999, None, "USD")],
        id="phone-model-and-price",
    ),
    pytest.param(
        "The A380 carrying the delegation landed at noon.",
        [("A380", None, None, None)],
        id="aircraft-model",
    ),
    pytest.param(
        "The Boeing 787 Dreamliner carried the delegation home.",
        [("787 Dreamliner", None, None, None)],
        id="aircraft-name",
    ),
    # indexes
    pytest.param(
        "The S&P 500 fell 1.2% on Tuesday.",
        [("S&P 500", None, None, None), ("1.2%", 1.2, None, "percent")],
        id="sp500",
    ),
    pytest.param(
        "In London the FTSE 100 rose 0.4% after the summit.",
        [("FTSE 100", None, None, None), ("0.4%", 0.4, None, "percent")],
        id="ftse100",
    ),
    pytest.param(
        "The Stoxx 600 index slipped 0.8 percent on Monday.",
        [("Stoxx 600", None, None, None), ("0.8 percent", 0.8, None, "percent")],
        id="stoxx600",
    ),
    pytest.param(
        "the sp 500 slid 0.7% while the Nikkei 225 gained 1.1%.",
        [
            ("sp 500", None, None, None),
            ("Nikkei 225", None, None, None),
            ("1.1%", 1.1, None, "percent"),
        ],
        id="index-names-lower-case-and-nikkei",
    ),
    pytest.param(
        "The base iPhone 15 has 128GB of storage.",
        [("iPhone 15", None, None, None), ("128GB", 128, None, "GB")],
        id="mixed-case-model",
    ),
    # addresses and codes
    pytest.param(
        "The delegation stayed at 12 Elm Road during the talks.",
        [("12 Elm Road", None, None, None)],
        id="street-address",
    ),
    pytest.param(
        "In the 10027 ZIP code, rents rose 4% last year.",
        [("10027", None, None, None), ("4%", 4, None, "percent")],
        id="zip-code",
    ),
    # ages in apposition and age brackets
    pytest.param(
        "Jones, 58, said the talks went well.",
        [("58", None, None, None)],
        id="age-apposition",
    ),
    pytest.param(
        "Zhou, 63, now heads the sovereign fund.",
        [("63", None, None, None)],
        id="age-apposition-2",
    ),
    pytest.param(
        "Voters aged 21 to 49 backed the reform.",
        [("21 to 49", None, None, None)],
        id="age-bracket",
    ),
    # match scores
    pytest.param(
        "The friendly between the two capitals ended 2-2.",
        [("2-2", None, None, None)],
        id="score",
    ),
    # still figures: a plural counted noun in a title-case headline, a list of counts, ranges
    pytest.param(
        "Leaders Sign 12 Agreements In Astana",
        [("12 Agreements", 12, None, "count")],
        id="headline-plural-count",
    ),
    pytest.param(
        "The republic sent 40 trucks, 12 of them new, to the border.",
        [("40 trucks", 40, None, "count")],
        id="count-before-commas",
    ),
    pytest.param(
        "Jones, 58, and Zhou, 63, joined the board; the fund grew 3-4% a year.",
        [("58", None, None, None), ("63", None, None, None), ("3-4%", 3, 4, "percent")],
        id="ages-and-a-figure",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_labels(nlp: Language, text: str, expected: list[Expect]) -> None:
    """A number that names something is not a figure."""
    check(nlp, text, expected)
