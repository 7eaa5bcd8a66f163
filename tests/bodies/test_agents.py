"""Agents stage: who proposes — subjects, by-agents, possessors, carry-over, pronouns, transcripts."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from tests.bodies.helpers import Body, bodies, triples, triples_of

PASSIVE_AND_CARRY_CASES: list[tuple[str, list[Body]]] = [
    (
        "A Regional Climate Commission was established by the leaders.",
        [("Regional Climate Commission", "established", [])],
    ),
    (
        "The creation of a Central Asian Digital Hub was proposed by President Mirziyoyev.",
        [("Central Asian Digital Hub", "proposed", ["Shavkat Mirziyoyev"])],
    ),
    (
        "Preparations began for the Regional Climate Summit, proposed by President Tokayev.",
        [("Regional Climate Summit", "proposed", ["Kassym-Jomart Tokayev"])],
    ),
    # passive without an agent and nothing before it: a collective act
    (
        "It was proposed to create a Youth Council of Central Asia.",
        [("Youth Council of Central Asia", "proposed", [])],
    ),
    # carried over from the previous sentence of the same paragraph
    (
        "President Rahmon made a proposal on water. In particular, it was suggested to launch "
        "an International Water Forum in Dushanbe.",
        [("International Water Forum", "proposed", ["Emomali Rahmon"])],
    ),
    # ... but never across a paragraph break
    (
        "President Rahmon made a proposal on water.\n\nIt was suggested to launch an "
        "International Water Forum in Dushanbe.",
        [("International Water Forum", "proposed", [])],
    ),
    # a verb's adjunct is not its theme
    (
        "On the sidelines of the Astana International Forum, Tokayev proposed creating a "
        "Council of Young Leaders.",
        [("Council of Young Leaders", "proposed", ["Kassym-Jomart Tokayev"])],
    ),
    # a reduced relative the tagger reads as a past tense; history ("set up in 2023") is not
    (
        "In the Astana Declaration adopted at the summit, the leaders reaffirmed their commitment.",
        [("Astana Declaration", "adopted", [])],
    ),
    # a subjunctive complement is the proposal's content
    (
        "Mirziyoyev proposed that a Council of Elders of Central Asia be created.",
        [("Council of Elders of Central Asia", "proposed", ["Shavkat Mirziyoyev"])],
    ),
    # a country in a leader's reported clause is that leader's act
    (
        "President Xi Jinping said that China would establish a China–Central Asia Centre for "
        "Desertification Prevention.",
        [
            (
                "China–Central Asia Centre for Desertification Prevention",
                "established",
                ["Xi Jinping"],
            )
        ],
    ),
    (
        "Xi proposed establishing an SCO Development Bank and announced that China would set "
        "up an SCO Centre for Energy Cooperation.",
        [
            ("SCO Development Bank", "proposed", ["Xi Jinping"]),
            ("SCO Centre for Energy Cooperation", "established", ["Xi Jinping"]),
        ],
    ),
    (
        "Tokayev said Uzbekistan proposed to create a Central Asian Glacier Institute.",
        [("Central Asian Glacier Institute", "proposed", ["Uzbekistan"])],
    ),
    # a pronoun subject is the leader just mentioned
    (
        "Mr Tokayev spoke about investment. He suggested the creation of a Central Asian "
        "Investment Fund.",
        [("Central Asian Investment Fund", "proposed", ["Kassym-Jomart Tokayev"])],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PASSIVE_AND_CARRY_CASES)
def test_passives_and_carry_over(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


AGENT_CASES: list[tuple[str, list[Body]]] = [
    # a capital standing for its state
    (
        "Dushanbe proposed a Regional Glacier Monitoring Centre.",
        [("Regional Glacier Monitoring Centre", "proposed", ["Tajikistan"])],
    ),
    # ... is a place, not an agent, elsewhere
    (
        "A Regional Glacier Monitoring Centre was proposed at the meeting in Dushanbe.",
        [("Regional Glacier Monitoring Centre", "proposed", [])],
    ),
    # "the chair" is the leader the text introduces as chair
    (
        "* Chair: President Kassym-Jomart Tokayev.\n* The chair proposed to create a Caspian "
        "Youth Council.",
        [("Caspian Youth Council", "proposed", ["Kassym-Jomart Tokayev"])],
    ),
    (
        "The chair proposed to create a Caspian Youth Council.",
        [("Caspian Youth Council", "proposed", [])],
    ),
    (
        "Mirziyoyev, as chair of the meeting, opened the session. The chair proposed a Regional "
        "Export Council.",
        [("Regional Export Council", "proposed", ["Shavkat Mirziyoyev"])],
    ),
    # ... and "the Chair of <body>" is someone else
    (
        "* Chair: President Kassym-Jomart Tokayev.\n* The Chair of the Mejlis proposed to create "
        "a Caspian Youth Council.",
        [("Caspian Youth Council", "proposed", [])],
    ),
    # a bare "the President" refers back to the leader just named, "the President of X" does not
    (
        "President Mirziyoyev opened the forum. The President proposed to establish a Central "
        "Asian Book Council.",
        [("Central Asian Book Council", "proposed", ["Shavkat Mirziyoyev"])],
    ),
    (
        "Putin arrived on Monday. The President of the Mejlis proposed to establish a Caspian "
        "Book Council.",
        [("Caspian Book Council", "proposed", [])],
    ),
    # "according to X" names who argues for the act
    (
        "According to Mirziyoyev, a Council of Regions should be created.",
        [("Council of Regions", "proposed", ["Shavkat Mirziyoyev"])],
    ),
    (
        "According to the press service, a Council of Regions should be created.",
        [("Council of Regions", "proposed", [])],
    ),
    # a that-complement with an unnamed subject is the content of the proposal
    (
        "Japarov proposed that the ministers prepare a Mountain Partnership Programme.",
        [("Mountain Partnership Programme", "proposed", ["Sadyr Japarov"])],
    ),
    ("Japarov said that the ministers would prepare a Mountain Partnership Programme.", []),
    # "her country's proposal": the country she speaks for
    (
        "Speaking on behalf of Turkmenistan, the foreign minister presented her country's "
        "proposal to hold a Caspian Economic Forum.",
        [("Caspian Economic Forum", "proposed", ["Turkmenistan"])],
    ),
    # a verbless attribution line above the sentence is not its subject
    (
        "— Sadyr Japarov\n\nPresident Tokayev proposed creating a Steppe Ecology Centre.",
        [("Steppe Ecology Centre", "proposed", ["Kassym-Jomart Tokayev"])],
    ),
    # a capital's proposal renewed by its own leader is the leader's
    (
        "Xi renewed Beijing's proposal to set up a Silk Road Investment Bank.",
        [("Silk Road Investment Bank", "proposed", ["Xi Jinping"])],
    ),
]


@pytest.mark.parametrize(("text", "expected"), AGENT_CASES)
def test_agents_beyond_names(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a transcript turn labelled with a leader's name: "we" is that leader
        (
            "Tokayev spoke first.\nRAHMON: We propose a Pamir Water Council.",
            [[("Pamir Water Council", "proposed", ["Emomali Rahmon"])], [[]]],
        ),
        (
            "TOKAYEV: We propose a Caspian Fisheries Council.\nANCHOR: Thank you.\n"
            "RAHMON: We support the proposal on the fisheries council.",
            [
                [("Caspian Fisheries Council", "proposed", ["Kassym-Jomart Tokayev"])],
                [["Emomali Rahmon"]],
            ],
        ),
        # a label that names no leader gives "we" no proposer
        (
            "ANCHOR: We propose a Pamir Water Council, viewers say.",
            [[("Pamir Water Council", "proposed", [])], [[]]],
        ),
    ],
)
def test_transcript_turns(nlp: Language, text: str, expected: list[Any]) -> None:
    found = bodies(nlp(text))
    assert [triples_of(found), [b["supporters"] for b in found]] == expected
