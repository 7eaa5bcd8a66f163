"""Issue 11 in the figures component: scraped-page furniture carries numbers but no figures.

Exchange-rate tickers (codes and numbers only, on one line or one pair a line), lines without a
letter (counters, page numbers), short counter lines ("Views: 1245", "3 min read"), time stamps,
"GMT +6", bulletin numbers ("No. 52 (431)") and dates in bylines. The article's own figures,
written below the furniture, are still read. Every text is invented.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.figures_issue12.helpers import Expect, check

BODY = "\n\nThe two governments signed deals worth $4 billion on Friday."
DEALS = ("$4 billion", 4e9, None, "USD")

CASES = [
    pytest.param(
        "USD 91.20 EUR 99.85 CNY 12.61" + BODY,
        [("USD 91.20", None, None, None), ("99.85", None, None, None), DEALS],
        id="ticker-one-line",
    ),
    pytest.param(
        "USD 91.20\nEUR 99.85\nCNY 12.61" + BODY,
        [("USD 91.20", None, None, None), ("99.85", None, None, None), DEALS],
        id="ticker-pair-per-line",
    ),
    pytest.param(
        "KZT 512.40 ▲ 0.3% | RUB 5.71 ▼" + BODY,
        [("512.40", None, None, None), ("0.3%", None, None, None), DEALS],
        id="ticker-with-arrows",
    ),
    pytest.param(
        "Home » Politics\n7468 / 3\nview-icon 366" + BODY,
        [("7468", None, None, None), ("366", None, None, None), DEALS],
        id="counters-without-words",
    ),
    pytest.param(
        "Views: 1245\n4 min read" + BODY,
        [("1245", None, None, None), ("4 min", None, None, None), DEALS],
        id="views-and-reading-time",
    ),
    pytest.param(
        "Tashkent, 09:40 GMT +5" + BODY,
        [("09:40", None, None, None), ("+5", None, None, None), DEALS],
        id="time-stamp-gmt",
    ),
    pytest.param(
        "Eurasian Review No. 48 (377)" + BODY,
        [("48", None, None, None), ("377", None, None, None), DEALS],
        id="bulletin-number",
    ),
    pytest.param(
        "By Dana Orlova | 11 June 2025, 18:05" + BODY,
        [("11 June", None, None, None), ("18:05", None, None, None), DEALS],
        id="byline-date",
    ),
    # not furniture: a ticker-like pair inside a sentence, a pull figure alone on a line
    pytest.param(
        "The fund holds USD 91.20 million in reserve and EUR 99.85 million in bonds.",
        [("USD 91.20 million", 91.2e6, None, "USD"), ("EUR 99.85 million", 99.85e6, None, "EUR")],
        id="codes-in-a-sentence",
    ),
    pytest.param(
        "$12bn\n\nThe bank will lend $12bn to the region.",
        [("$12bn", 12e9, None, "USD")],
        id="pull-figure-line",
    ),
    pytest.param(
        "The plan costs 40\neuros a head, the minister said.",
        [("40\neuros a head", 40, None, "EUR/person")],
        id="hard-wrapped-unit",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_furniture(nlp: Language, text: str, expected: list[Expect]) -> None:
    """Numbers in page furniture are not figures; the article's figures still are."""
    check(nlp, text, expected)
