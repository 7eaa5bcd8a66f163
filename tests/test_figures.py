"""Tests for the summit_figures component: every form of issue #6, positive and negative."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from pipeline.components.figures import (
    NumberParseError,
    SummitFigures,
    UnitEntry,
    WordNumberParser,
    parse_digits,
)
from pipeline.extensions import FIGURES_GROUP
from pipeline.resources import load_jsonl

ROOT = Path(__file__).resolve().parent.parent
SEED_GOLD = ROOT / "corpus" / "reference" / "000_f6ddf534ac2df4fe.gold.json"
CORPUS_RAW = ROOT / "corpus" / "raw"
CORPUS_GOLD = ROOT / "corpus" / "gold"


def figures(nlp: Language, text: str) -> list[dict[str, Any]]:
    """Return the figure dicts of ``text`` with their span text added."""
    doc = nlp(text)
    out = []
    for span in doc.spans[FIGURES_GROUP]:
        fig = dict(span._.summit_figure)
        fig["text"] = doc.text[fig["start"] : fig["end"]]
        out.append(fig)
    return out


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9)


# ---- number parsing (no model needed)


@pytest.fixture(scope="module")
def words() -> WordNumberParser:
    return WordNumberParser(load_jsonl("units.jsonl", UnitEntry))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200.0),
        ("10.5", 10.5),
        ("1,200,300.25", 1200300.25),
        ("10,5", 10.5),  # decimal comma
        ("1.200.000", 1200000.0),  # dots as thousands separators
        ("45", 45.0),
    ],
)
def test_parse_digits(text: str, value: float) -> None:
    assert parse_digits(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("seventy", 70.0),
        ("seventy-five", 75.0),
        ("two hundred and fifty", 250.0),
        ("one and a half", 1.5),
        ("two and a half", 2.5),
        ("a dozen", 12.0),
        ("three thousand", 3000.0),
        ("a hundred", 100.0),
    ],
)
def test_parse_words(words: WordNumberParser, text: str, value: float) -> None:
    assert words.parse(text) == value


@pytest.mark.parametrize("text", ["party", "", "one example"])
def test_parse_words_rejects(words: WordNumberParser, text: str) -> None:
    with pytest.raises(NumberParseError):
        words.parse(text)


def test_units_resource_is_valid() -> None:
    entries = load_jsonl("units.jsonl", UnitEntry)
    types = {e.kind for e in entries}
    assert {"currency", "percent", "multiplier", "scale", "number", "unit", "qualifier"} <= types


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
        "The pipeline carries more than 40 billion cubic metres a year.",
        "more than 40 billion cubic metres",
        4e10,
        None,
        "cubic_metre",
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
    ("The TAPI pipeline will carry 33 bcm a year.", "33 bcm", 3.3e10, None, "cubic_metre", None),
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


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # a unit on the first number means "to" starts a new figure, not a range
        ("Trade will grow 1.5 times to 5 billion dollars.", ["1.5 times", "5 billion dollars"]),
        ("Trade rose 15% to $5 billion.", ["15%", "$5 billion"]),
        # a year before "to" is the end of a period, not the start of a range
        (
            "Exports rose from USD 5.5 billion in 2016 to USD 13.5 billion in 2022.",
            ["USD 5.5 billion", "USD 13.5 billion"],
        ),
        (
            "More than a dozen agreements aim at doubling trade.",
            ["More than a dozen agreements", "doubling"],
        ),
        ("It pledged 26 billion yuan (about $3.7 billion).", ["26 billion yuan", "$3.7 billion"]),
    ],
)
def test_adjacent_figures_stay_apart(nlp: Language, text: str, spans: list[str]) -> None:
    assert [f["text"] for f in figures(nlp, text)] == spans


def assert_one_figure(
    nlp: Language,
    text: str,
    span: str,
    value: float,
    value_max: float | None,
    unit: str,
    qualifier: str | None,
) -> None:
    """Assert that ``text`` holds exactly one figure, with these span and attributes."""
    found = figures(nlp, text)
    assert [f["text"] for f in found] == [span]
    assert close(found[0]["value"], value)
    assert close(found[0]["value_max"], value_max)
    assert found[0]["unit"] == unit
    assert found[0]["qualifier"] == qualifier


@pytest.mark.parametrize(
    ("text", "span", "value", "value_max", "unit", "qualifier"),
    POSITIVE,
    ids=[p[1] for p in POSITIVE],
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


# ---- negatives: none of these holds a figure

NEGATIVE = [
    "The summit was held in 2022.",
    "Cooperation has grown since 2016.",
    "In 2020-2021 the sides created joint funds.",
    "The summit was held on September 14 in Dushanbe.",
    "From September 1 of this year the border is open.",
    "The summit held on 14 September 2023 was the fifth in a row.",
    "It was the first forum of its kind.",
    "The five-party meeting adopted a declaration.",
    "He proposed a new form of five-way interaction.",
    "The talks started at 10:00 and ended at 3 p.m.",
    "They adopted the strategy Central Asia – 2040.",
    "The C5+1 format met in New York.",
    "President Tokayev spoke at the Astana Forum.",
    "One example is the new ID card.",
    "Central Asia is one of the main centers of growth.",
    "One cannot but welcome this activity.",
    "The leaders of the five Central Asian states met.",
    "They agreed to avoid double taxation.",
    "Article 5 of the treaty was discussed.",
    "The plan covers the next 10 years.",
    "The 5th summit was held in Dushanbe.",
    "Over the same period the share increased.",
    "The leaders held three rounds of talks and adopted two declarations.",
    "Resolution 76/299 was adopted by consensus.",
    "The 5G networks will cover 14-15 June events.",
    "Relations were established thirty years ago.",
    "The hotline works 24/7 and covers 1/3 of the border.",
    "For details call +7 7172 74 56 12.",
    "The track is 200m long.",
    "The C5 + 1 format met in New York.",
    "Kazakhstan ranks among the top 10 grain exporters.",
    "The council meets twice a year and the forum three times a year.",
    "History and culture of Central Asia: one past and a common future.",
    "The Kazakhstan-2050 Strategy and the CASA-1000 line were discussed at COP 29.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_figures(nlp: Language, text: str) -> None:
    assert [f["text"] for f in figures(nlp, text)] == []


def test_numbered_list_markers_are_not_figures(nlp: Language) -> None:
    text = "The leaders agreed:\n1. to deepen trade;\n2. to open 3 new checkpoints."
    assert [f["text"] for f in figures(nlp, text)] == ["3 new checkpoints"]


def test_inline_list_markers_are_not_figures(nlp: Language) -> None:
    text = "They met in Astana. 2. The leaders signed 12 documents. 3. They agreed to meet again."
    assert [f["text"] for f in figures(nlp, text)] == ["12 documents"]


def test_number_inside_quoted_title_is_not_a_figure(nlp: Language) -> None:
    text = 'They created a media platform "History of Central Asia: 30 centuries" last year.'
    assert all("30" not in f["text"] for f in figures(nlp, text))


# ---- context fields


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        (
            "In the period from 2016 to 2022, the foreign trade turnover of the Central Asian "
            "countries doubled, reaching 225 billion.",
            "period",
            "from 2016 to 2022",
        ),
        (
            "Since 2016, Uzbekistan has increased the number of checkpoints to 78 units.",
            "period",
            "Since 2016",
        ),
        ("Investments rose to 40 billion in 2022.", "period", "in 2022"),
        ("Uzbekistan plans to attract $130 billion in 2025–2030.", "period", "in 2025–2030"),
        (
            "Since 2016, Uzbekistan has increased the number of checkpoints to 78 units.",
            "metric",
            "number of checkpoints",
        ),
        (
            "Since 2016, Uzbekistan has increased the number of checkpoints to 78 units.",
            "subject",
            "Uzbekistan",
        ),
        ("Trade grew 1.5-fold.", "period", None),
    ],
)
def test_context(nlp: Language, text: str, field: str, expected: str | None) -> None:
    found = figures(nlp, text)
    assert found, text
    assert found[-1][field] == expected


def test_metric_is_never_another_figure(nlp: Language) -> None:
    text = "In 2023 mutual trade reached USD 10.5 bn, growing 1.5-fold since 2018."
    found = figures(nlp, text)
    assert [f["text"] for f in found] == ["USD 10.5 bn", "1.5-fold"]
    for fig in found:
        assert fig["metric"] is None or "bn" not in fig["metric"]
        assert fig["metric"] is None or "fold" not in fig["metric"]


def test_metric_of_reaching_clause(nlp: Language) -> None:
    text = (
        "In the period from 2016 to 2022, the foreign trade turnover of the Central Asian "
        "countries doubled, reaching 225 billion."
    )
    amount = next(f for f in figures(nlp, text) if f["unit"] == "unspecified")
    assert amount["metric"] is not None
    assert "foreign trade turnover" in amount["metric"]


def test_to_disk_from_disk_round_trip(blank: Language, tmp_path: Path) -> None:
    comp = SummitFigures(blank, "figures")
    comp.to_disk(tmp_path)
    # a reduced vocabulary written to disk is what the loaded component knows
    lines = (tmp_path / "units.jsonl").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if '"GBP"' not in line]
    (tmp_path / "units.jsonl").write_text("\n".join(kept) + "\n", encoding="utf-8")
    loaded = SummitFigures(blank, "figures").from_disk(tmp_path)
    assert len(loaded.entries) == len(comp.entries) - (len(lines) - len(kept))
    assert "£" in comp.lexicon.prefix_units
    assert "£" not in loaded.lexicon.prefix_units
    assert loaded.patterns.figure_re.search("$400 billion") is not None


def test_from_disk_without_file_says_what_to_do(blank: Language, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="to_disk"):
        SummitFigures(blank, "figures").from_disk(tmp_path)


def test_small_word_max_is_a_setting(nlp: Language) -> None:
    text = "The sides adopted two declarations."
    assert figures(nlp, text) == []
    comp = SummitFigures(nlp, "figures", small_word_max=0)
    doc = comp(nlp(text))
    assert [s.text for s in doc.spans[FIGURES_GROUP]] == ["two declarations"]


def test_factory_config_reaches_the_component(blank: Language) -> None:
    pipe = blank.add_pipe("summit_figures", name="figures_cfg", config={"small_word_max": 3})
    try:
        assert isinstance(pipe, SummitFigures)
        assert pipe.small_word_max == 3
    finally:
        blank.remove_pipe("figures_cfg")


# ---- end to end against the reference gold


def _score(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> tuple[float, float, float]:
    """Return P, R, F1 of value+unit matches (each gold figure matched once, by order)."""
    used: set[int] = set()
    tp = 0
    for g in gold:
        for i, p in enumerate(pred):
            ok = (
                i not in used
                and close(p["value"], g["value"])
                and close(p["value_max"], g.get("value_max"))
                and p["unit"] == g["unit"]
                and ("start" not in g or (p["start"] < g["end"] and g["start"] < p["end"]))
            )
            if ok:
                used.add(i)
                tp += 1
                break
    precision = tp / len(pred) if pred else 0.0
    recall = tp / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def test_seed_against_reference_gold(nlp: Language, seed_text: str) -> None:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))["figures"]
    pred = figures(nlp, seed_text)
    precision, recall, f1 = _score(pred, gold)
    assert f1 >= 0.95, (precision, recall)
    texts = [p["text"].lower() for p in pred]
    for not_figure in ("2016", "2022", "fifth", "first", "five-party", "september"):
        assert not any(not_figure in t for t in texts), not_figure


@pytest.mark.slow
def test_corpus_gold_value_unit(nlp: Language) -> None:
    golds = sorted(CORPUS_GOLD.glob("*.json"))
    if not golds:
        pytest.skip("no corpus gold yet")
    all_tp = all_pred = all_gold = 0.0
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))["figures"]
        raw = CORPUS_RAW / f"{path.stem}.txt"
        pred = figures(nlp, raw.read_text(encoding="utf-8"))
        precision, recall, _ = _score(pred, gold)
        all_tp += recall * len(gold)
        all_pred += len(pred)
        all_gold += len(gold)
    precision = all_tp / all_pred if all_pred else 0.0
    recall = all_tp / all_gold if all_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert f1 >= 0.9, (precision, recall)


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
    SIGNED_SCALED_SMALL,
    ids=[p[1] for p in SIGNED_SCALED_SMALL],
)
def test_signed_scaled_and_small_counts(
    nlp: Language,
    text: str,
    span: str,
    value: float,
    value_max: float | None,
    unit: str,
    qualifier: str | None,
) -> None:
    assert_one_figure(nlp, text, span, value, value_max, unit, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "The two delegations held three rounds of talks.",  # a set, no period
        "All four presidents signed, and the five nations agreed.",  # set words
        "Five leaders arrived within two days.",  # participants are never counted
        "The leaders adopted two declarations and four agreements.",
        "Dial +7 701 555 12 34 for the hotline.",  # a signed number without unit
        "The match ended 3-2 after extra time.",  # a range never runs downwards
        "It was a billion-dollar idea.",  # an adjective, no amount
    ],
)
def test_small_sets_and_signed_labels_are_not_figures(nlp: Language, text: str) -> None:
    assert [f["text"] for f in figures(nlp, text)] == []


# ---- attendance, list markers, fractions (corpus guidelines + DECISIONS 401-406, 505)

ATTENDANCE = [
    "The 2 presidents Tokayev and Mirziyoyev met.",
    "Over 2,000 delegates gathered in the congress hall.",
    "Roughly 4,500 reporters were accredited for the week.",
    "The forum drew 35 foreign leaders and 12 heads of government.",
    "Nearly 600 business representatives joined the investment session.",
    "The organisation now has 11 member states.",
    "Some 900 participants registered for the side events.",
    "Fewer than 40 journalists travelled on the presidential plane.",
    "Twenty-two heads of state signed the declaration.",
]


@pytest.mark.parametrize("text", ATTENDANCE)
def test_attendance_counts_are_not_figures(nlp: Language, text: str) -> None:
    assert [f["text"] for f in figures(nlp, text)] == []


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
        (
            "The plan lists three goals: 1) a grain hub; 2) a rail link; 3) a solar park.",
            [],
        ),
        ("Their agenda: 1) water, 2) energy and 3) trade.", []),
        # a number in balanced parentheses is still a number
        ("The ports handled 120 ships (up from 90 last year).", ["120 ships", "90"]),
    ],
)
def test_inline_parenthesis_list_markers(nlp: Language, text: str, spans: list[str]) -> None:
    assert [f["text"] for f in figures(nlp, text)] == spans


@pytest.mark.parametrize(
    "text",
    [
        "ASTANA TV 24 — morning bulletin",
        "CHANNEL 7 reported the signing live.",
    ],
)
def test_all_capital_name_before_a_number_is_a_label(nlp: Language, text: str) -> None:
    assert [f["text"] for f in figures(nlp, text)] == []


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
