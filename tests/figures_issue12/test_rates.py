"""Issue 12, row "rates": "a"/"per"/"an" + a time or unit noun makes a compound unit
(`USD/month`, `barrel/day`); the value keeps its normalisation (33 bcm -> 3.3e10, so "33 bcm per
year" is 3.3e10 `cubic_metre/year`; 40 cents -> 0.4 USD). Percentages stay `percent`, speeds
that are units of their own stay as they are (km/h), and "three times a year" is no figure.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.figures_issue12.helpers import Expect, check

CASES = [
    # already right today
    pytest.param(
        "The new trains run at 300 km/h between the capitals.",
        [("300 km/h", 300, None, "km/h")],
        id="speed-unit-stays",
    ),
    pytest.param(
        "The leaders meet three times a year.",
        [("three times a year", None, None, None)],
        id="frequency-no-figure",
    ),
    # money per time
    pytest.param(
        "Housing for each delegate costs $2,000 a month.",
        [("$2,000 a month", 2000, None, "USD/month")],
        id="usd-a-month",
    ),
    pytest.param(
        "Guides at the venue earn $14.75 an hour.",
        [("$14.75 an hour", 14.75, None, "USD/hour")],
        id="usd-an-hour",
    ),
    pytest.param(
        "The plan offers 60GB of data for RM89 a month.",
        [("RM89 a month", 89, None, "MYR/month")],
        id="myr-a-month",
    ),
    pytest.param(
        "The levy brings in 7 billion shekels a year.",
        [("7 billion shekels a year", 7e9, None, "ILS/year")],
        id="shekels-a-year",
    ),
    pytest.param(
        "The grant goes to families earning between $45,000 and $85,000 a year.",
        [("$45,000 and $85,000 a year", 45000, 85000, "USD/year")],
        id="range-per-year",
    ),
    # money per unit
    pytest.param(
        "Brent crude traded at $90 a barrel after the summit.",
        [("$90 a barrel", 90, None, "USD/barrel")],
        id="usd-a-barrel",
    ),
    pytest.param(
        "Gas for the new plant costs $3.10 per MMBtu.",
        [("$3.10 per MMBtu", 3.10, None, "USD/MMBtu")],
        id="usd-per-mmbtu",
    ),
    pytest.param(
        "Spot gold rose to $1,340 an ounce.",
        [("$1,340 an ounce", 1340, None, "USD/ounce")],
        id="usd-an-ounce",
    ),
    pytest.param(
        "Offices in the new district rent at $95 per square metre.",
        [("$95 per square metre", 95, None, "USD/square_metre")],
        id="usd-per-square-metre",
    ),
    pytest.param(
        "The state company paid a dividend of 40 cents per share.",
        [("40 cents per share", 0.4, None, "USD/share")],
        id="cents-per-share",
    ),
    # quantities per time
    pytest.param(
        "The field pumps 600,000 barrels a day.",
        [("600,000 barrels a day", 6e5, None, "barrel/day")],
        id="barrels-a-day",
    ),
    pytest.param(
        "The province capped output at 410,000 barrels per day.",
        [("410,000 barrels per day", 410e3, None, "barrel/day")],
        id="barrels-per-day",
    ),
    pytest.param(
        "The island has a single 48,000 barrel-a-day refinery.",
        [("48,000 barrel-a-day", 48e3, None, "barrel/day")],
        id="hyphen-barrel-a-day",
    ),
    pytest.param(
        "The new pipeline will deliver 33 bcm per year to Europe.",
        [("33 bcm per year", 33e9, None, "cubic_metre/year")],
        id="bcm-per-year",
    ),
    pytest.param(
        "The museum near the summit hall draws 5,000 visitors a day.",
        [("5,000 visitors a day", 5000, None, "count/day")],
        id="count-a-day",
    ),
    # no rate: a date after the amount, a percentage, a frequency
    pytest.param(
        "Imports reached $2 billion a year earlier, the ministry said.",
        [("$2 billion", 2e9, None, "USD"), ("a year earlier", None, None, None)],
        id="a-year-earlier-is-a-date",
    ),
    pytest.param(
        "Tourism revenue grew 6% a year over the decade.",
        [("6%", 6, None, "percent")],
        id="percent-a-year-stays-percent",
    ),
    pytest.param(
        "The ports handle 3 million tonnes per year and charge $12 per tonne.",
        [
            ("3 million tonnes per year", 3e6, None, "tonne/year"),
            ("$12 per tonne", 12, None, "USD/tonne"),
        ],
        id="tonnes-per-year-and-usd-per-tonne",
    ),
    pytest.param(
        "Each country pays $4 per person for the new visa.",
        [("$4 per person", 4, None, "USD/person")],
        id="usd-per-person",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_rates(nlp: Language, text: str, expected: list[Expect]) -> None:
    """An amount per time or per unit keeps its "per" in a compound unit."""
    check(nlp, text, expected)
