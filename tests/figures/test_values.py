"""Value normalisation: numbers with scale, currency and unit, signs, ranges (end to end)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.figures.helpers import assert_one_figure, close, figures

# ---- positive forms: (sentence, span text, value, value_max, unit, qualifier)

POSITIVE = [
    # money
    ("The GDP amounted to about $400 billion.", "$400 billion", 4e11, None, "USD", "about"),
    ("Trade reached USD 10.5 bn last year.", "USD 10.5 bn", 1.05e10, None, "USD", None),
    ("The bank will lend €12 billion to the region.", "€12 billion", 1.2e10, None, "EUR", None),
    ("The fund holds 2.3 mln dollars.", "2.3 mln dollars", 2.3e6, None, "USD", None),
    ("Exports rose to 5 trillion soums.", "5 trillion soums", 5e12, None, "UZS", None),
    ("The project costs 300 billion tenge.", "300 billion tenge", 3e11, None, "KZT", None),
    ("China pledged 26 billion yuan in grants.", "26 billion yuan", 2.6e10, None, "CNY", None),
    ("Investment totalled US$3.2 billion.", "US$3.2 billion", 3.2e9, None, "USD", None),
    ("The budget is KZT500bn this year.", "KZT500bn", 5e11, None, "KZT", None),
    ("They signed deals worth $15m on Monday.", "$15m", 1.5e7, None, "USD", None),
    (
        "Trade with Baku reached 2 billion Azerbaijani manat.",
        "2 billion Azerbaijani manat",
        2e9,
        None,
        "AZN",
        None,
    ),
    (
        "Loans of 40 million Russian rubles were issued.",
        "40 million Russian rubles",
        4e7,
        None,
        "RUB",
        None,
    ),
    ("Turnover reached 225 billion.", "225 billion", 2.25e11, None, "unspecified", None),
    ("Trade amounted to 1 bln 200 mln dollars.", "1 bln 200 mln dollars", 1.2e9, None, "USD", None),
    # percent
    ("Trade grew by 45% in a year.", "45%", 45.0, None, "percent", None),
    ("Trade grew by 6 percent.", "6 percent", 6.0, None, "percent", None),
    ("Trade grew by 20 per cent.", "20 per cent", 20.0, None, "percent", None),
    ("It holds about 12 percent of reserves.", "12 percent", 12.0, None, "percent", "about"),
    (
        "Almost 30 percent of trade is with the EU.",
        "Almost 30 percent",
        30.0,
        None,
        "percent",
        "almost",
    ),
    # counts
    ("The number of checkpoints rose to 78 units.", "78 units", 78.0, None, "count", None),
    ("It led to the adoption of 8 UN resolutions.", "8 UN resolutions", 8.0, None, "count", None),
    ("They signed over 300 agreements.", "over 300 agreements", 300.0, None, "count", "more_than"),
    (
        "The region is home to nearly 70 million people.",
        "nearly 70 million people",
        7e7,
        None,
        "count",
        "almost",
    ),
    ("They launched a dozen projects.", "a dozen projects", 12.0, None, "count", None),
    ("There are 5,000 training places.", "5,000 training places", 5000.0, None, "count", None),
    ("The fund holds 1.200.000 euros.", "1.200.000 euros", 1.2e6, None, "EUR", None),
    ("The sides signed twelve documents.", "twelve documents", 12.0, None, "count", None),
    # multipliers
    ("Trade increased 2.5 times.", "2.5 times", 2.5, None, "times", None),
    ("Trade grew 1.5-fold over the period.", "1.5-fold", 1.5, None, "times", None),
    ("Trade grew one and a half times.", "one and a half times", 1.5, None, "times", None),
    ("Growth was twice the world average.", "twice", 2.0, None, "times", None),
    ("Tourism has almost doubled.", "almost doubled", 2.0, None, "times", "almost"),
    ("The number of flights tripled.", "tripled", 3.0, None, "times", None),
    ("Exports quadrupled since then.", "quadrupled", 4.0, None, "times", None),
    ("Tariffs were halved.", "halved", 0.5, None, "times", None),
    ("We want to double trade.", "double", 2.0, None, "times", None),
    # physical quantities
    (
        "The port handles 15 million tonnes of cargo.",
        "15 million tonnes",
        1.5e7,
        None,
        "tonne",
        None,
    ),
    ("The new road is 1,200 km long.", "1,200 km", 1200.0, None, "km", None),
    ("The plant will produce 5 GW of power.", "5 GW", 5.0, None, "GW", None),
    (
        "The Amu Darya carries 78 cubic kilometres of water.",
        "78 cubic kilometres",
        78.0,
        None,
        "cubic_kilometre",
        None,
    ),
    (
        "They built 3 million square meters of housing.",
        "3 million square meters",
        3e6,
        None,
        "square_metre",
        None,
    ),
    (
        # issue 12: an amount per time is a rate, its unit compound ("cubic_metre/year")
        "The pipeline carries more than 40 billion cubic metres a year.",
        "more than 40 billion cubic metres a year",
        4e10,
        None,
        "cubic_metre/year",
        "more_than",
    ),
    # ranges
    ("Growth forecasts vary between 5-6 percent.", "5-6 percent", 5.0, 6.0, "percent", None),
    ("Growth will be 3–4 percent.", "3–4 percent", 3.0, 4.0, "percent", None),
    (
        "Trade rose from 5.5 to 13.5 billion.",
        "from 5.5 to 13.5 billion",
        5.5e9,
        1.35e10,
        "unspecified",
        None,
    ),
    (
        "It will cost between 2 and 3 million dollars.",
        "between 2 and 3 million dollars",
        2e6,
        3e6,
        "USD",
        None,
    ),
    ("The share increased from 1.6% to 2.8%.", "from 1.6% to 2.8%", 1.6, 2.8, "percent", None),
    ("Prices rose by $5-6 billion.", "$5-6 billion", 5e9, 6e9, "USD", None),
    ("Trade rose 15 to 20 percent.", "15 to 20 percent", 15.0, 20.0, "percent", None),
    (
        "Grain exports grew by 2.1 percentage points.",
        "2.1 percentage points",
        2.1,
        None,
        "percent",
        None,
    ),
    ("The TAPI pipeline will carry 33 bcm.", "33 bcm", 3.3e10, None, "cubic_metre", None),
    (
        "The TAPI pipeline will carry 33 bcm a year.",
        "33 bcm a year",
        3.3e10,
        None,
        "cubic_metre/year",
        None,
    ),
    ("They will build the 1,800-kilometre railway.", "1,800-kilometre", 1800.0, None, "km", None),
    ("The fund has 100 million manat.", "100 million manat", 1e8, None, "TMT", None),
    ("China will provide ¥26 billion.", "¥26 billion", 2.6e10, None, "CNY", None),
    ("Japan pledged ¥300 billion.", "¥300 billion", 3e11, None, "JPY", None),
    ("The bank in Baku has 100 million manat.", "100 million manat", 1e8, None, "AZN", None),
    ("The plan costs KGS 2.5 billion.", "KGS 2.5 billion", 2.5e9, None, "KGS", None),
    ("The plan costs 500 million somoni.", "500 million somoni", 5e8, None, "TJS", None),
    (
        "It holds at least 12 percent of reserves.",
        "at least 12 percent",
        12.0,
        None,
        "percent",
        "at_least",
    ),
    ("It will host up to 40 projects.", "up to 40 projects", 40.0, None, "count", "up_to"),
    ("It stores 180 thousand tonnes of grain.", "180 thousand tonnes", 1.8e5, None, "tonne", None),
    (
        "They signed 12 intergovernmental and interagency documents.",
        "12 intergovernmental and interagency documents",
        12.0,
        None,
        "count",
        None,
    ),
    ("In March, 40 companies joined.", "40 companies", 40.0, None, "count", None),
    ("Shipping volumes grew to 4.5m tonnes.", "4.5m tonnes", 4.5e6, None, "tonne", None),
    # a name after the counted noun is not part of what is counted (participants are no figure
    # at all: "2 presidents" is in ATTENDANCE below)
    ("The 2 ports Aktau and Kuryk were expanded.", "2 ports", 2.0, None, "count", None),
    (
        "It will cost an estimated $5.5 billion to $6 billion.",
        "$5.5 billion to $6 billion",
        5.5e9,
        6e9,
        "USD",
        "about",
    ),
    (
        "Warming must stay below 1.5 degrees Celsius.",
        "below 1.5 degrees Celsius",
        1.5,
        None,
        "degree_celsius",
        "less_than",
    ),
    # a label-like capital before a number is not a name when a counted noun follows
    ("Uzbekistan's 35 projects are ready.", "35 projects", 35.0, None, "count", None),
]


# ---- hardening for held-out genres (sentences of our own wording)

SIGNED_SCALED_SMALL = [
    # a sign written on a number with a unit is part of the span; minus makes the value negative
    ("Retail sales were up (+9%) on the year.", "+9%", 9.0, None, "percent", None),
    ("Freight volumes changed by −4.5% in the quarter.", "−4.5%", -4.5, None, "percent", None),
    ("Grain exports: +15 percent.", "+15 percent", 15.0, None, "percent", None),
    # abbreviated scales and currency codes of the region
    (
        "The bank financed 1.3 trillion rubles of projects.",
        "1.3 trillion rubles",
        1.3e12,
        None,
        "RUB",
        None,
    ),
    ("Kazakhstan pledged KZT 1.5 trillion.", "KZT 1.5 trillion", 1.5e12, None, "KZT", None),
    ("Tajikistan set aside TJS 40 mln.", "TJS 40 mln", 4e7, None, "TJS", None),
    ("Uzbekistan earmarked 2 trln soums.", "2 trln soums", 2e12, None, "UZS", None),
    ("Turnover hit 4.2 bln dollars.", "4.2 bln dollars", 4.2e9, None, "USD", None),
    ("Credits reached 1.5 mlrd dollars.", "1.5 mlrd dollars", 1.5e9, None, "USD", None),
    ("Deposits reached 2 trn tenge.", "2 trn tenge", 2e12, None, "KZT", None),
    ("Some 300 thousand migrants returned.", "300 thousand migrants", 3e5, None, "count", "about"),
    # an article before a scale word is the number one; "half a" halves it
    ("A million visitors crossed the border.", "A million visitors", 1e6, None, "count", None),
    ("Half a million people took part.", "Half a million people", 5e5, None, "count", None),
    (
        "Exports were over half a million tonnes.",
        "over half a million tonnes",
        5e5,
        None,
        "tonne",
        "more_than",
    ),
    (
        "Imports were about half a million tonnes.",
        "half a million tonnes",
        5e5,
        None,
        "tonne",
        "about",
    ),
    ("A billion dollars was pledged.", "A billion dollars", 1e9, None, "USD", None),
    # a count after a colon in a list is the number alone
    ("Joint ventures registered: 214.", "214", 214.0, None, "count", None),
    # a small spelled-out count measured over a period is a statistic
    (
        "The ministers have held five sessions over the past three years.",
        "five sessions",
        5.0,
        None,
        "count",
        None,
    ),
    ("Kyrgyzstan has hosted three summits since 2019.", "three summits", 3.0, None, "count", None),
]


@pytest.mark.parametrize(
    ("text", "span", "value", "value_max", "unit", "qualifier"),
    POSITIVE + SIGNED_SCALED_SMALL,
    ids=[p[1] for p in POSITIVE + SIGNED_SCALED_SMALL],
)
def test_figure_forms(
    nlp: Language,
    text: str,
    span: str,
    value: float,
    value_max: float | None,
    unit: str,
    qualifier: str | None,
) -> None:
    assert_one_figure(nlp, text, span, value, value_max, unit, qualifier)


# ---- hostile input (issue 13): a value is finite and value <= value_max after scaling


def test_an_unrepresentable_number_is_no_figure(nlp: Language) -> None:
    """309 nines overflow a float: the figure would carry Infinity, which is not JSON."""
    assert figures(nlp, "Trade reached $" + "9" * 309 + ".") == []
    # the same amount written with a representable number stays a figure
    assert [f["value"] for f in figures(nlp, "Trade reached $" + "9" * 30 + ".")] == [1e30]


@pytest.mark.parametrize(
    ("text", "span", "value", "value_max", "unit"),
    [
        (
            "Exports fell from 10 to 5 billion dollars.",
            "from 10 to 5 billion dollars",
            5e9,
            1e10,
            "USD",
        ),
        (
            "Growth slowed to between 9 and 3 percent.",
            "between 9 and 3 percent",
            3.0,
            9.0,
            "percent",
        ),
    ],
)
def test_a_downward_range_is_stored_low_high(
    nlp: Language, text: str, span: str, value: float, value_max: float, unit: str
) -> None:
    assert_one_figure(nlp, text, span, value, value_max, unit, None)
    assert figures(nlp, text)[0]["direction"] == "down"


def test_an_upward_range_has_no_direction(nlp: Language) -> None:
    found = figures(nlp, "Trade rose from 5.5 to 13.5 billion.")
    assert "direction" not in found[0]


def test_scales_are_compared_after_scaling(nlp: Language) -> None:
    """5 < 6 but 5 billion > 6 million: a dash between them is no range running upwards."""
    found = figures(nlp, "The budget is 5 billion-6 million dollars.")
    assert all(f["value_max"] is None or f["value"] <= f["value_max"] for f in found)
    assert not any(close(f["value"], 5e9) and close(f["value_max"], 6e6) for f in found)


@pytest.mark.parametrize(
    ("text", "span", "value", "value_max"),
    [
        # the lower end has its magnitude: the scale word belongs to the upper end only
        (
            "Funding grew from $600,000 to $2.5 million.",
            "from $600,000 to $2.5 million",
            6e5,
            2.5e6,
        ),
        (
            "It will cost between 1,500 and 2 million dollars.",
            "between 1,500 and 2 million dollars",
            1500.0,
            2e6,
        ),
        # an end without a magnitude of its own still takes the scale written once
        (
            "It will cost between 2 and 3 million dollars.",
            "between 2 and 3 million dollars",
            2e6,
            3e6,
        ),
    ],
)
def test_a_scale_word_never_multiplies_an_end_with_its_own_magnitude(
    nlp: Language, text: str, span: str, value: float, value_max: float
) -> None:
    assert_one_figure(nlp, text, span, value, value_max, "USD", None)


def test_value_and_unit_say_which_rule_decided(nlp: Language) -> None:
    fig = figures(nlp, "The fund holds 2.3 mln dollars and 78 units.")
    assert fig[0]["decided_by"] == {"value": "number", "unit": "unit_suffix"}
    assert fig[1]["decided_by"] == {"value": "number", "unit": "counted_noun"}
