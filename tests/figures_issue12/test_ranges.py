"""Issue 12, row "ranges": ends that each carry a unit or percent sign, and the scale of an end.

A range is one figure, value..value_max. A scale word applies to the lower end only when that
end has no magnitude of its own: "from $600,000 to $2.5 million" is 6e5..2.5e6 (regression test
for the bug that read 6e11), while "from 5.5 to 13.5 billion" is 5.5e9..1.35e10. "rose by A to
B" is a change and a level, two figures, not a range.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.figures_issue12.helpers import PHASE2, Expect, check

CASES = [
    # already read today
    pytest.param(
        "Inflation is expected to ease to 5-6 percent next year.",
        [("5-6 percent", 5, 6, "percent")],
        id="hyphen-percent",
    ),
    pytest.param(
        "The fund will grow from 5.5 to 13.5 billion over the decade.",
        [("from 5.5 to 13.5 billion", 5.5e9, 13.5e9, "unspecified")],
        id="shared-scale",
    ),
    pytest.param(
        "Exports to the bloc could reach $2 billion to $6 billion.",
        [("$2 billion to $6 billion", 2e9, 6e9, "USD")],
        id="both-ends-scaled",
    ),
    # each end carries its own percent sign or word
    pytest.param(
        "Tariffs on steel will rise from 4% to 8% next year.",
        [("4% to 8%", 4, 8, "percent")],
        id="percent-sign-both-ends",
    ),
    pytest.param(
        "Growth in the region is forecast at 12 per cent to 18 per cent.",
        [("12 per cent to 18 per cent", 12, 18, "percent")],
        id="per-cent-both-ends",
    ),
    pytest.param(
        "Turnout in the referendum was between 60% and 65%.",
        [("60% and 65%", 60, 65, "percent")],
        id="between-percent",
    ),
    pytest.param(
        "Service charges range from 2 per cent to 2.5 per cent.",
        [("2 per cent to 2.5 per cent", 2, 2.5, "percent")],
        id="decimal-per-cent",
    ),
    pytest.param(
        "The forum expects 1,800 - 2,200 delegates this year.",
        [("1,800 - 2,200", 1800, 2200, "count")],
        id="spaced-dash",
        marks=PHASE2,
    ),
    pytest.param(
        "Each of the new turbines produces 5-10 MW.",
        [("5-10 MW", 5, 10, "MW")],
        id="unit-after-range",
    ),
    # the scale word of the upper end must not multiply a lower end that has its own magnitude
    pytest.param(
        "Flats in the new business district cost from $600,000 to $2.5 million.",
        [("$600,000 to $2.5 million", 6e5, 2.5e6, "USD")],
        id="scale-bug-600k-2.5m",
    ),
    pytest.param(
        "Grants for small firms range from $300 to $3 million.",
        [("$300 to $3 million", 300, 3e6, "USD")],
        id="scale-bug-300-3m",
    ),
    pytest.param(
        "Consulting contracts run from $450,000 to $1 million.",
        [("$450,000 to $1 million", 4.5e5, 1e6, "USD")],
        id="scale-bug-450k-1m",
    ),
    # a change and a level are two figures
    pytest.param(
        "Bilateral trade rose by $4.2 billion to $38.5 billion last year.",
        [("$4.2 billion", 4.2e9, None, "USD"), ("$38.5 billion", 38.5e9, None, "USD")],
        id="by-then-to",
    ),
    pytest.param(
        "The new pipes will be 40 mm to 60 mm wide.",
        [("40 mm to 60 mm", 40, 60, "mm")],
        id="unit-both-ends-no-from",
    ),
    pytest.param(
        "Local levies climbed by 2% to 3% in most provinces.",
        [("2%", 2, None, "percent"), ("3%", 3, None, "percent")],
        id="by-then-to-percent",
    ),
    pytest.param(
        "The deal is worth $5 to $6 billion, officials said.",
        [("$5 to $6 billion", 5e9, 6e9, "USD")],
        id="shared-scale-both-signs",
    ),
    pytest.param(
        "Output grew 1.5 times to 5 billion dollars.",
        [("1.5 times", 1.5, None, "times"), ("5 billion dollars", 5e9, None, "USD")],
        id="different-units-two-figures",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_ranges(nlp: Language, text: str, expected: list[Expect]) -> None:
    """A range is one figure whose two ends have their own magnitudes."""
    check(nlp, text, expected)
