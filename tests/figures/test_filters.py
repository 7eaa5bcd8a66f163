"""Plausibility: years, dates, labels, list markers, small sets, attendance are not figures."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.figures.helpers import figures

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
    # issue 12: "1/3 of the border" is now a share (33.33 percent, like "a third of"); the
    # round-the-clock "24/7" stays no figure
    "The hotline works 24/7 along the border.",
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
