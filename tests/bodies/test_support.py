"""Support stage: supporters from clauses and later statements, never the proposers."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.bodies.helpers import bodies


@pytest.mark.parametrize(
    ("text", "supporters"),
    [
        (
            "Tokayev proposed a Central Asian Council of Ministers of Energy, which was backed "
            "by Kyrgyzstan.",
            ["Kyrgyzstan"],
        ),
        (
            "Kazakhstan proposed to launch a Dialogue on Security, which found the support of "
            "Kyrgyzstan and Uzbekistan.",
            ["Kyrgyzstan", "Uzbekistan"],
        ),
        (
            "He proposed holding a Turkic Youth Forum every year, an idea that Azerbaijan and "
            "Türkiye immediately backed.",
            ["Azerbaijan", "Turkey"],
        ),
        ("Tokayev proposed a Central Asian Council of Ministers of Energy.", []),
        # a later statement about the proposals of the sentence before
        (
            "Mirziyoyev put forward a proposal to develop a Roadmap for Critical Minerals "
            "Cooperation. These initiatives were supported by Kyrgyzstan and Tajikistan.",
            ["Kyrgyzstan", "Tajikistan"],
        ),
        # ... or about the last proposed body of that kind
        (
            "Berdimuhamedov proposed a Central Asian Economic Forum. Tokayev suggested working "
            "out a Concept of Regional Transport and welcomed the Turkmen initiative on the forum.",
            ["Kassym-Jomart Tokayev"],
        ),
    ],
)
def test_supporters_are_not_proposers(nlp: Language, text: str, supporters: list[str]) -> None:
    body = bodies(nlp(text))[0]
    assert body["supporters"] == supporters
    assert not set(supporters) & set(body["proposers"])


@pytest.mark.parametrize(
    ("text", "supporters"),
    [
        (
            "Dushanbe proposed a Regional Glacier Monitoring Centre; Astana and Bishkek "
            "supported it.",
            ["Kazakhstan", "Kyrgyzstan"],
        ),
        (
            "Xi proposed a Silk Road Investment Bank, and Putin said Moscow supported the idea.",
            ["Vladimir Putin"],
        ),
        # support as a noun: "expressed support for the initiative"
        (
            "Kazakhstan proposed a Eurasian Logistics Council. Tajikistan and Uzbekistan "
            "expressed support for the initiative.",
            ["Tajikistan", "Uzbekistan"],
        ),
        # support for another initiative (its own agent and content) is not support for ours
        (
            "Mirziyoyev proposed to establish a Regional Export Council. Tokayev supported the "
            "initiative of the Kyrgyz side to open a seed laboratory.",
            [],
        ),
    ],
)
def test_supporters_beyond_names(nlp: Language, text: str, supporters: list[str]) -> None:
    assert bodies(nlp(text))[0]["supporters"] == supporters


@pytest.mark.parametrize(
    ("text", "supporters"),
    [
        # "welcomed all three": each of the last three proposals of the paragraph
        (
            "Japarov made proposals: First, a Tien Shan Tourism Council. Second, a Regional "
            "Mudflow Centre. Third, an Issyk-Kul Youth Forum. Tokayev welcomed all three.",
            [["Kassym-Jomart Tokayev"]] * 3,
        ),
        # "both" covers two; a number larger than the proposals made covers none
        (
            "Rahmon proposed a Pamir Water Council and a Regional Avalanche Centre. Japarov "
            "welcomed both.",
            [["Sadyr Japarov"]] * 2,
        ),
        (
            "Rahmon proposed a Pamir Water Council. Japarov welcomed all four.",
            [[]],
        ),
        # a body noun named back: the last body of that kind
        (
            "Rahmon proposed a Pamir Water Council and a Regional Avalanche Centre. Japarov "
            "backed the council on water.",
            [["Sadyr Japarov"], []],
        ),
        # an established body can be backed too
        (
            "The leaders decided to establish a Eurasian Grain Bank. Putin backed the bank.",
            [["Vladimir Putin"]],
        ),
        # a possessive picks the body of that proposer
        (
            "Rahmon proposed a Pamir Water Council. Japarov proposed a Tien Shan Council. "
            "Tokayev backed Rahmon's council.",
            [["Kassym-Jomart Tokayev"], []],
        ),
        # a capitalised other name is not a reference back
        (
            "Rahmon proposed a Pamir Water Council. Japarov backed the Regional Council of Elders.",
            [[]],
        ),
    ],
)
def test_support_named_back(nlp: Language, text: str, supporters: list[list[str]]) -> None:
    assert [b["supporters"] for b in bodies(nlp(text))] == supporters


@pytest.mark.parametrize(
    ("text", "supporters"),
    [
        # coordinated by-phrases each name a supporter
        (
            "Rahmon proposed a Pamir Water Council. The initiative was supported by Japarov and "
            "by the Uzbek side.",
            [["Sadyr Japarov", "Uzbekistan"]],
        ),
        # "the initiative of X" picks X's proposal, not the last one made
        (
            "Rahmon proposed a Pamir Water Council. Japarov proposed a Tien Shan Tourism Forum. "
            "The initiative of Rahmon was supported by Kazakhstan.",
            [["Kazakhstan"], []],
        ),
        # "the idea" two sentences on, in the same paragraph: the paragraph's last proposal
        (
            "Rahmon proposed a Pamir Water Council. He said glaciers were shrinking fast. "
            "Japarov backed the idea.",
            [["Sadyr Japarov"]],
        ),
        # ... but not across a paragraph break
        (
            "Rahmon proposed a Pamir Water Council. He said glaciers were shrinking fast.\n\n"
            "Japarov backed the idea of closer ties.",
            [[]],
        ),
        # a country's support reported by its leader is the leader's
        (
            "Japarov proposed a Tien Shan Tourism Forum, which Mirziyoyev said Uzbekistan would "
            "support.",
            [["Shavkat Mirziyoyev"]],
        ),
    ],
)
def test_support_statements_further(nlp: Language, text: str, supporters: list[list[str]]) -> None:
    assert [b["supporters"] for b in bodies(nlp(text))] == supporters


@pytest.mark.parametrize(
    ("text", "supporters"),
    [
        # one leader "endorsing" a body another proposed supports it
        (
            "Rahmon proposed a Pamir Water Council. Japarov endorsed the council on water.",
            [["Sadyr Japarov"]],
        ),
        # ... the proposer endorsing his own body adds nothing
        (
            "Rahmon proposed a Pamir Water Council. Rahmon endorsed the council again.",
            [[]],
        ),
        # ... and a collective endorsement of a named document is an adoption, not support
        (
            "Rahmon proposed a Pamir Water Council. The leaders endorsed the council.",
            [[]],
        ),
    ],
)
def test_endorsement_by_one_is_support(
    nlp: Language, text: str, supporters: list[list[str]]
) -> None:
    assert [b["supporters"] for b in bodies(nlp(text))] == supporters
