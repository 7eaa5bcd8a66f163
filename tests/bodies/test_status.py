"""Status stage: the cue that governs a body and the status it gives, with the proposers it names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.bodies.helpers import Body, triples

CUE_CASES: list[tuple[str, list[Body]]] = [
    # proposed
    (
        "President Tokayev proposed establishing a Council of Foreign Ministers of Central Asia.",
        [("Council of Foreign Ministers of Central Asia", "proposed", ["Kassym-Jomart Tokayev"])],
    ),
    (
        "The President of Kyrgyzstan suggested creating a regional food security fund.",
        [("regional food security fund", "proposed", ["Sadyr Japarov"])],
    ),
    (
        "Uzbekistan put forward an initiative to set up a Central Asian Centre for Water Diplomacy.",
        [("Central Asian Centre for Water Diplomacy", "proposed", ["Uzbekistan"])],
    ),
    (
        "Kazakhstan and Uzbekistan called for the creation of a Regional Anti-Crisis Mechanism.",
        [("Regional Anti-Crisis Mechanism", "proposed", ["Kazakhstan", "Uzbekistan"])],
    ),
    (
        "Erdogan offered to host a Turkic States Media Forum in Istanbul.",
        [("Turkic States Media Forum", "proposed", ["Recep Tayyip Erdoğan"])],
    ),
    (
        "Xi Jinping announced the launch of a China–Central Asia Digital Silk Road Platform.",
        [("China–Central Asia Digital Silk Road Platform", "proposed", ["Xi Jinping"])],
    ),
    (
        "The Turkmen side's proposal to establish a Caspian Transport Council was discussed.",
        [("Caspian Transport Council", "proposed", ["Turkmenistan"])],
    ),
    (
        "The leaders welcomed the initiative of the President of Tajikistan to hold a Water "
        "Dialogue of Central Asia in 2026.",
        [("Water Dialogue of Central Asia", "proposed", ["Emomali Rahmon"])],
    ),
    (
        "In his speech Tokayev stressed the need to create a Regional Centre for Emergency Response.",
        [("Regional Centre for Emergency Response", "proposed", ["Kassym-Jomart Tokayev"])],
    ),
    # established
    (
        "The leaders agreed to establish a Joint Business Council.",
        [("Joint Business Council", "established", [])],
    ),
    (
        "The Kyrgyz side came out with the idea of holding a High-Level Conference on Mountain "
        "Development in Bishkek in 2026.",
        [("High-Level Conference on Mountain Development", "proposed", ["Kyrgyzstan"])],
    ),
    # an announced decision is an establishment, by the announcing leader
    (
        "Ishiba announced that Japan would launch a Central Asia Human Resources Development "
        "Initiative.",
        [
            (
                "Central Asia Human Resources Development Initiative",
                "established",
                ["Shigeru Ishiba"],
            )
        ],
    ),
    # an intention in the first person is a proposal by the speaker
    (
        "“We intend to set up a Japan–Central Asia Centre for Disaster Risk Reduction in Almaty,” "
        "Prime Minister Shigeru Ishiba said.",
        [("Japan–Central Asia Centre for Disaster Risk Reduction", "proposed", ["Shigeru Ishiba"])],
    ),
    # an act only argued for is a proposal, a reported one is not
    (
        "The Parties stressed the importance of the early launch of the Central Asia – EU "
        "Critical Raw Materials Dialogue.",
        [("Central Asia – EU Critical Raw Materials Dialogue", "proposed", [])],
    ),
    (
        "The leaders welcomed the establishment of the Regional Water Council.",
        [("Regional Water Council", "established", [])],
    ),
    # the initiator of a collective act
    (
        "On the initiative of the President of Uzbekistan, the leaders established the Forum of "
        "Regions of Central Asia.",
        [("Forum of Regions of Central Asia", "established", ["Shavkat Mirziyoyev"])],
    ),
    (
        "The proposal voiced by President Japarov to create a Council of Elders was welcomed.",
        [("Council of Elders", "proposed", ["Sadyr Japarov"])],
    ),
    (
        "The Uzbek President's initiatives included a Regional Program for Youth Employment.",
        [("Regional Program for Youth Employment", "proposed", ["Shavkat Mirziyoyev"])],
    ),
    # a joint decision to draw up a document: proposed by all
    (
        "The leaders also agreed to develop a Programme of Cooperation in the Sphere of Culture.",
        [("Programme of Cooperation in the Sphere of Culture", "proposed", [])],
    ),
    (
        "They also decided to create an Investment Fund of Central Asia.",
        [("Investment Fund of Central Asia", "established", [])],
    ),
    (
        "Biden launched the C5+1 Secretariat in Washington.",
        [("C5+1 Secretariat", "established", ["Joe Biden"])],
    ),
    # adopted
    (
        "The heads of state signed the Treaty on Friendship and Good-Neighbourliness.",
        [("Treaty on Friendship and Good-Neighbourliness", "adopted", [])],
    ),
    (
        "The leaders approved the Action Plan for 2025-2027 and adopted a Joint Declaration.",
        [("Action Plan for 2025-2027", "adopted", []), ("Joint Declaration", "adopted", [])],
    ),
    (
        "The meeting participants adopted the Concept of Regional Security.",
        [("Concept of Regional Security", "adopted", [])],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CUE_CASES)
def test_status_and_proposers_by_cue(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


STATUS_CASES: list[tuple[str, list[Body]]] = [
    # "it" takes up a named body of the sentences before
    (
        "The main outcome was the Charter of Regional Partnership. Talks had lasted two years. "
        "In the end it was signed by all five presidents.",
        [("Charter of Regional Partnership", "adopted", [])],
    ),
    ("The main outcome was the Charter of Regional Partnership. It is not ready yet.", []),
    # ... but not a body that is the subject of its own report
    ("The Council of Foreign Ministers met on Monday. It was created to prepare the summits.", []),
    # a quoted format name before its head noun
    (
        "The ministers will discuss the proposal to launch a new «Central Asia Plus Korea» format.",
        [("Central Asia Plus Korea", "proposed", [])],
    ),
    ("The leaders praised the “C5+1” format.", []),
    # the decisions of a summit are not about creating it
    (
        "The Secretary General reported on the implementation of the decisions of the Samarkand Summit.",
        [],
    ),
    # news verbs of proposing and signing; a modal only argues for an act
    (
        "Tokayev also floated the idea of a Caspian Space Monitoring Council.",
        [("Caspian Space Monitoring Council", "proposed", ["Kassym-Jomart Tokayev"])],
    ),
    (
        "Mirziyoyev urged the creation of a Regional Food Security Council.",
        [("Regional Food Security Council", "proposed", ["Shavkat Mirziyoyev"])],
    ),
    (
        "The presidents inked the Agreement on Strategic Partnership.",
        [("Agreement on Strategic Partnership", "adopted", [])],
    ),
    (
        "In his view a Council of Regions should be created.",
        [("Council of Regions", "proposed", [])],
    ),
    (
        "The leaders decided that a Council of Regions would be created.",
        [("Council of Regions", "established", [])],
    ),
    # an idea with a named owner is that owner's proposal; an ownerless idea is talk
    (
        "Tokayev's idea of a Eurasian Grain Hub was welcomed by the partners.",
        [("Eurasian Grain Hub", "proposed", ["Kassym-Jomart Tokayev"])],
    ),
    ("The idea of a Central Asian Water Council has been discussed for years.", []),
    # an act the leaders only agree to examine is not yet decided
    (
        "The Parties agreed to consider the establishment of a Central Asian Investment Bank.",
        [("Central Asian Investment Bank", "proposed", [])],
    ),
    # a lower-case name needs two modifiers ("joint" does not count) or a complement
    ("Japarov suggested creating a joint tourism platform.", []),
    ("Japarov suggested creating an investment fund.", []),
    (
        "Japarov suggested creating a regional mountain tourism platform.",
        [("regional mountain tourism platform", "proposed", ["Sadyr Japarov"])],
    ),
    # a proposal made decades ago is history
    (
        "Tokayev noted that thirty years ago Nazarbayev put forward the idea of convening the "
        "Eurasian Economic Forum.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), STATUS_CASES)
def test_status_from_context(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


CONTEXT_CASES: list[tuple[str, list[Body]]] = [
    # "spoke in favour of" is a proposal
    (
        "Mirziyoyev spoke in favour of a Central Asian Seismology Council.",
        [("Central Asian Seismology Council", "proposed", ["Shavkat Mirziyoyev"])],
    ),
    # the parser hangs "and proposed" on the reported clause: the reporter still proposes
    (
        'Rahmon said the meeting was "frank and useful," and proposed creating a Pamir Water '
        "Council.",
        [("Pamir Water Council", "proposed", ["Emomali Rahmon"])],
    ),
    # ... but a collective subject stays collective
    (
        "The presidents adopted the Aral Declaration and decided to establish the Steppe "
        "Insurance Company.",
        [
            ("Aral Declaration", "adopted", []),
            ("Steppe Insurance Company", "established", []),
        ],
    ),
    # supporting an unowned idea: proposed, nobody named as proposer
    (
        "Tokayev backed the old idea of a Eurasian Grain Exchange Bank.",
        [("Eurasian Grain Exchange Bank", "proposed", [])],
    ),
    # ... an idea with an owner is the owner's
    (
        "Tokayev backed Japarov's idea of a Eurasian Grain Exchange Bank.",
        [("Eurasian Grain Exchange Bank", "proposed", ["Sadyr Japarov"])],
    ),
    # a proposal under "At that meeting" after an earlier year is history
    (
        "ASTANA, 12 May 2025 — The leaders first met in 2019 in Tashkent. At that meeting "
        "Tokayev proposed a "
        "Regional Seismology Council and Japarov announced a Tien Shan Tourism Forum.\n\n"
        "This year the leaders adopted the Astana Declaration.",
        [("Astana Declaration", "adopted", [])],
    ),
    # ... but "At that meeting" after no earlier year is the reported meeting
    (
        "The leaders met in Astana. At that meeting Tokayev proposed a Regional Seismology "
        "Council.",
        [("Regional Seismology Council", "proposed", ["Kassym-Jomart Tokayev"])],
    ),
    # a lower-case back-reference is a mention of the body named before, not another body
    (
        "Tokayev proposed a Joint Centre for Seismic Hazard Research. Uzbekistan welcomed the "
        "proposal on the seismic research centre.",
        [("Joint Centre for Seismic Hazard Research", "proposed", ["Kassym-Jomart Tokayev"])],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CONTEXT_CASES)
def test_status_and_agents_in_context(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected
