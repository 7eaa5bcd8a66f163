"""Lists stage: bullets, inline enumerations and coordinated names share an act."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.bodies.helpers import Body, triples

COORDINATION_CASES: list[tuple[str, list[Body]]] = [
    (
        "The President of Uzbekistan also proposed developing a Regional Programme on Green "
        "Energy and holding a Central Asian Energy Summit.",
        [
            ("Regional Programme on Green Energy", "proposed", ["Shavkat Mirziyoyev"]),
            ("Central Asian Energy Summit", "proposed", ["Shavkat Mirziyoyev"]),
        ],
    ),
    (
        "The President of Uzbekistan proposed to develop and adopt a Strategy for the "
        "Development of Tourism.",
        [("Strategy for the Development of Tourism", "proposed", ["Shavkat Mirziyoyev"])],
    ),
    (
        "Kazakhstan and Turkmenistan proposed to launch a Dialogue on Security and Cooperation.",
        [("Dialogue on Security and Cooperation", "proposed", ["Kazakhstan", "Turkmenistan"])],
    ),
]


COORDINATION_CASES.append(
    # gapping: the second agent stands before a dash
    (
        "The President of Kazakhstan proposed to set up a Trans-Caspian Connectivity Centre, "
        "and the President of Uzbekistan – a Regional Hub for Digital Innovation.",
        [
            ("Trans-Caspian Connectivity Centre", "proposed", ["Kassym-Jomart Tokayev"]),
            ("Regional Hub for Digital Innovation", "proposed", ["Shavkat Mirziyoyev"]),
        ],
    )
)


COORDINATION_CASES.append(
    (
        "President Tokayev and President Mirziyoyev met in Tashkent. The presidents of "
        "Kazakhstan and Uzbekistan proposed creating a Joint Water Council.",
        [("Joint Water Council", "proposed", ["Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"])],
    )
)


@pytest.mark.parametrize(("text", "expected"), COORDINATION_CASES)
def test_coordinated_objects_and_agents(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


# Patterns first met in the independently written documents 1xx/2xx, in our own wording.

LIST_CASES: list[tuple[str, list[Body]]] = [
    # names coordinated after a linked one share its cue ("A, as well as B and the C")
    (
        "The ministers approved the Baku Charter on Digital Trade, as well as the Joint "
        "Communique on Mountain Tourism and the Statement on the 20th Anniversary of the Group.",
        [
            ("Baku Charter on Digital Trade", "adopted", []),
            ("Joint Communique on Mountain Tourism", "adopted", []),
            ("Statement on the 20th Anniversary of the Group", "adopted", []),
        ],
    ),
    (
        "The leaders endorsed the Roadmap for Green Growth for 2026–2028 and a Joint Statement.",
        [
            ("Roadmap for Green Growth for 2026–2028", "adopted", []),
            ("Joint Statement", "adopted", []),
        ],
    ),
    # other words between the names: not a list
    (
        "The leaders adopted the Minsk Declaration and discussed the work of the Council of "
        "Elders.",
        [("Minsk Declaration", "adopted", [])],
    ),
    # dashed items under a lead-in proposal: the lead-in's agent proposes each item
    (
        "President Tokayev put forward several initiatives:\n\n"
        "– to create the Steppe Council of Young Scientists;\n\n"
        "– to hold every year the Caspian Forum on Fisheries, which would meet in Aktau;\n\n"
        "– to draw up the Roadmap for Digital Customs in Central Asia.",
        [
            ("Steppe Council of Young Scientists", "proposed", ["Kassym-Jomart Tokayev"]),
            ("Caspian Forum on Fisheries", "proposed", ["Kassym-Jomart Tokayev"]),
            ("Roadmap for Digital Customs in Central Asia", "proposed", ["Kassym-Jomart Tokayev"]),
        ],
    ),
    # numbered items, and a lead-in whose proposal noun carries the agent
    (
        "Proposals of the Tajik side:\n1) to set up a Pamir Seed Bank;\n2) a Regional "
        "Avalanche Warning System.",
        [
            ("Pamir Seed Bank", "proposed", ["Tajikistan"]),
            ("Regional Avalanche Warning System", "proposed", ["Tajikistan"]),
        ],
    ),
    # an item about another noun of the body is not a proposal of it
    (
        "Tokayev made proposals on the following:\n– the work of the Council of Foreign "
        "Ministers;\n– the creation of a Caspian Youth Council.",
        [("Caspian Youth Council", "proposed", ["Kassym-Jomart Tokayev"])],
    ),
    # a lead-in whose main verb reports adoption lists adopted documents
    (
        "Following the proposals of the President, the leaders adopted:\n– the Roadmap for "
        "Digital Customs;\n– the Steppe Declaration.",
        [
            ("Roadmap for Digital Customs", "adopted", []),
            ("Steppe Declaration", "adopted", []),
        ],
    ),
    # verbless items under a lead-in that reports a signing; lines do not run together
    (
        "The following documents were signed:\n– Agreement on Visa-Free Travel;\n– Memorandum "
        "of Understanding on Tourism.",
        [
            ("Agreement on Visa-Free Travel", "adopted", []),
            ("Memorandum of Understanding on Tourism", "adopted", []),
        ],
    ),
    # ... but a list under a lead-in that proposes nothing gives nothing
    (
        "Results of the year:\n\n– the Regional Water Council met twice;\n\n"
        "– the Roadmap for Digital Customs was discussed.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LIST_CASES)
def test_lists_share_the_cue(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


# Patterns first met in the independently written documents 4xx/5xx, in our own wording.

ENUMERATION_CASES: list[tuple[str, list[Body]]] = [
    # ordinal adverbs after a lead-in clause with a colon: every verbless item is proposed
    (
        "Opening the session, Tokayev made several proposals: First, a Caspian Fisheries "
        "Council. Second, a Steppe Seed Bank in Kostanay. Third, a Eurasian Rail Data Platform "
        "for freight operators.",
        [
            ("Caspian Fisheries Council", "proposed", ["Kassym-Jomart Tokayev"]),
            ("Steppe Seed Bank", "proposed", ["Kassym-Jomart Tokayev"]),
            ("Eurasian Rail Data Platform", "proposed", ["Kassym-Jomart Tokayev"]),
        ],
    ),
    # "Firstly/Secondly" opening sentences after a lead-in sentence; an item with its own verb
    (
        "Rahmon then set out his ideas. Firstly, he proposed a Pamir Water Council. "
        "Secondly, a Regional Avalanche Warning Centre. Thirdly, an annual Glacier Forum.",
        [
            ("Pamir Water Council", "proposed", ["Emomali Rahmon"]),
            ("Regional Avalanche Warning Centre", "proposed", ["Emomali Rahmon"]),
            ("Glacier Forum", "proposed", ["Emomali Rahmon"]),
        ],
    ),
    # inline numbered items separated by semicolons
    (
        "Japarov put forward three initiatives: 1) a Tien Shan Tourism Council; 2) a Regional "
        "Mudflow Monitoring Centre; 3) an Issyk-Kul Youth Forum held every summer.",
        [
            ("Tien Shan Tourism Council", "proposed", ["Sadyr Japarov"]),
            ("Regional Mudflow Monitoring Centre", "proposed", ["Sadyr Japarov"]),
            ("Issyk-Kul Youth Forum", "proposed", ["Sadyr Japarov"]),
        ],
    ),
    # a lead-in that proposes nothing does not make its items proposals
    (
        "The meeting had three results: First, the Caspian Fisheries Council met. Second, a "
        "Steppe Seed Bank was discussed.",
        [],
    ),
    # a "Second," that continues no series is no list item
    (
        "Tokayev proposed a Caspian Fisheries Council. Second, a Steppe Seed Bank would be "
        "costly, experts said.",
        [("Caspian Fisheries Council", "proposed", ["Kassym-Jomart Tokayev"])],
    ),
    # a paragraph break ends the series
    (
        "Tokayev made several proposals: First, a Caspian Fisheries Council.\n\nSecond, a "
        "Steppe Seed Bank was opened years ago.",
        [("Caspian Fisheries Council", "proposed", ["Kassym-Jomart Tokayev"])],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENUMERATION_CASES)
def test_inline_enumerations(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected
