"""Constructions of real published coverage (issue 11, bodies): invented sentences reproducing them.

Each table holds positive cases (the body, its status and proposers) and negatives (existing bodies
merely named, generic plurals) that must stay silent.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.bodies.helpers import Body, triples

TOKAYEV = "Kassym-Jomart Tokayev"
MIRZIYOYEV = "Shavkat Mirziyoyev"
JAPAROV = "Sadyr Japarov"
RAHMON = "Emomali Rahmon"
XI = "Xi Jinping"

# cue verbs and head nouns outside the house-style lexicon (body_cues.jsonl / body_heads.jsonl)
LEXICON_CASES: list[tuple[str, list[Body]]] = [
    (
        "President Rahmon unveiled a Glacier Preservation Programme for the region.",
        [("Glacier Preservation Programme for the region", "proposed", [RAHMON])],
    ),
    (
        "Xi unveiled plans for a Central Asian Seed Bank.",
        [("Central Asian Seed Bank", "proposed", [XI])],
    ),
    (
        "After the talks the Aral Heritage Foundation was established.",
        [("Aral Heritage Foundation", "established", [])],
    ),
    (
        "Tokayev took the initiative to establish an International Organisation of Steppe Peoples.",
        [("International Organisation of Steppe Peoples", "proposed", [TOKAYEV])],
    ),
    # lower-case heads with a complement
    (
        "Mirziyoyev proposed to approve a concept of partnership among the countries of the "
        "region within the framework of existing formats.",
        [("concept of partnership among the countries of the region", "proposed", [MIRZIYOYEV])],
    ),
    (
        "Japarov proposed a mechanism of regular consultations between the ministers of "
        "emergency situations.",
        [
            (
                "mechanism of regular consultations between the ministers of emergency situations",
                "proposed",
                [JAPAROV],
            )
        ],
    ),
    (
        "Xi invited the partners to set up a development bank for the five countries.",
        [("development bank for the five countries", "proposed", [XI])],
    ),
    (
        "Rahmon suggested drafting a regulation on the council of elders.",
        [("regulation on the council of elders", "proposed", [RAHMON])],
    ),
    # issue as an act of adoption (a verb only)
    (
        "The heads of state issued a Joint Statement on Food Security.",
        [("Joint Statement on Food Security", "adopted", [])],
    ),
    (
        "The ministers will issue a Declaration on Mountain Ecosystems after the meeting.",
        [("Declaration on Mountain Ecosystems", "adopted", [])],
    ),
    # negatives: existing bodies merely named, generic plurals
    ("The Shanghai Cooperation Organisation marked its anniversary this year.", []),
    ("The leaders praised the work of the International Fund for Saving the Aral Sea.", []),
    ("Tokayev noted that regional banks and mechanisms need more capital.", []),
    ("The bank of the river was flooded last spring.", []),
]


@pytest.mark.parametrize(("text", "expected"), LEXICON_CASES)
def test_real_cues_and_heads(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The leaders discussed the issue of establishing a Regional Credit Bank.",
        "Tokayev raised the issue of the creation of a Regional Credit Bank.",
    ],
)
def test_issue_noun_is_no_adoption(nlp: Language, text: str) -> None:
    """Only the verb "issue" adopts; "the issue of creating X" keeps the creation's status."""
    found = triples(nlp(text))
    assert [(name, status) for name, status, _ in found] == [
        ("Regional Credit Bank", "established")
    ]


# year ranges inside names (any dash, U+2212 minus included)
YEAR_RANGE_CASES: list[tuple[str, list[Body]]] = [
    (
        "The leaders approved the 2026–2028 programme to counter cybercrime.",
        [("2026–2028 programme to counter cybercrime", "adopted", [])],
    ),
    (
        "Tokayev proposed to adopt the 2024–2029 anti-smuggling strategy.",
        [("2024–2029 anti-smuggling strategy", "proposed", [TOKAYEV])],
    ),
    (
        "Rahmon proposed a 2027−2030 action plan on glacier protection.",
        [("2027−2030 action plan on glacier protection", "proposed", [RAHMON])],
    ),
    (
        "The ministers signed the Programme of Cooperation in Combating Illegal Migration for "
        "2026−2028.",
        [
            (
                "Programme of Cooperation in Combating Illegal Migration for 2026−2028",
                "adopted",
                [],
            )
        ],
    ),
    (
        "The heads of state approved the Interregional Cooperation Programme 2025–2027 at the "
        "close of the talks.",
        [("Interregional Cooperation Programme 2025–2027", "adopted", [])],
    ),
    # negatives: a dated programme that merely exists, a bare period
    ("The leaders noted that the 2019–2023 programme was fully implemented.", []),
    ("In 2020–2022 the trade between the five countries grew by a third.", []),
]


@pytest.mark.parametrize(("text", "expected"), YEAR_RANGE_CASES)
def test_year_ranges_in_names(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


# a proposal inside a leader's quotation: the speaker proposes
IN_QUOTE_CASES: list[tuple[str, list[Body]]] = [
    (
        "Tokayev spoke first. “To this end, we could set up a standing mechanism for joint "
        "flood forecasting,” he noted.",
        [("standing mechanism for joint flood forecasting", "proposed", [TOKAYEV])],
    ),
    (
        "“Let us set up a Regional Platform for Green Finance,” Japarov said.",
        [("Regional Platform for Green Finance", "proposed", [JAPAROV])],
    ),
    (
        "“Let us establish a Council of Young Entrepreneurs without delay,” Mirziyoyev urged.",
        [("Council of Young Entrepreneurs", "proposed", [MIRZIYOYEV])],
    ),
    (
        "“It is time to create a Central Asian Seismic Centre,” Rahmon stressed.",
        [("Central Asian Seismic Centre", "proposed", [RAHMON])],
    ),
    (
        "“In our view, it is necessary to launch a Transit Information System for all five "
        "countries,” Tokayev said.",
        [("Transit Information System", "proposed", [TOKAYEV])],
    ),
    # the first person plural is never the United States
    (
        "“Join us in building a Caspian Energy Hub,” Tokayev told the investors.",
        [],
    ),
    # negatives: an existing body praised in a quote, a quote by no leader
    ("“The Council of Foreign Ministers works well,” Tokayev said.", []),
]


@pytest.mark.parametrize(("text", "expected"), IN_QUOTE_CASES)
def test_proposal_inside_a_quote(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


# passives of creation; a decision "taken" to create
PASSIVE_CASES: list[tuple[str, list[Body]]] = [
    (
        "Following the talks, the Steppe Heritage Foundation was established.",
        [("Steppe Heritage Foundation", "established", [])],
    ),
    (
        "The communiqué says a Regional Avalanche Response Council will be formed.",
        [("Regional Avalanche Response Council", "established", [])],
    ),
    (
        "A Central Asian Trade Centre was opened in the host city on the eve of the summit.",
        [("Central Asian Trade Centre", "established", [])],
    ),
    (
        "A decision was taken to create a Joint Venture Fund for Agriculture.",
        [("Joint Venture Fund for Agriculture", "established", [])],
    ),
    (
        "The leaders took the decision to set up a Council of Chief Sanitary Doctors.",
        [("Council of Chief Sanitary Doctors", "established", [])],
    ),
    (
        "At the summit it was proposed to develop a Strategy for Digital Connectivity until 2035.",
        [("Strategy for Digital Connectivity until 2035", "proposed", [])],
    ),
    # negatives: a dated creation is history, an active "form" is no creation, an unnamed verb
    ("The Coordination Council was formed in 2009 and meets every year.", []),
    ("The five countries formed a strong partnership over three decades.", []),
    ("A decision was taken to discuss the Council of Elders later.", []),
]


@pytest.mark.parametrize(("text", "expected"), PASSIVE_CASES)
def test_passives_of_creation(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


# a body created by renaming or transforming another: only the new name is a body
RENAME_CASES: list[tuple[str, list[Body]]] = [
    (
        "Mirziyoyev proposed to transform the Consultative Meeting into the Central Asian Union.",
        [("Central Asian Union", "proposed", [MIRZIYOYEV])],
    ),
    (
        "Japarov proposed to rename the Youth Council as the Council of Young Leaders.",
        [("Council of Young Leaders", "proposed", [JAPAROV])],
    ),
    (
        "The leaders agreed that the Council of Turkic Elders be renamed the Turkic Assembly of "
        "Wisdom.",
        [("Turkic Assembly of Wisdom", "established", [])],
    ),
    (
        "Tokayev suggested upgrading the Business Council into a Central Asian Investment Council.",
        [("Central Asian Investment Council", "proposed", [TOKAYEV])],
    ),
    # negatives: a renaming nobody reports now, a transformation of no body
    ("The Eurasian Economic Union was renamed years ago.", []),
    ("The leaders want to transform the region into a transit hub.", []),
]


@pytest.mark.parametrize(("text", "expected"), RENAME_CASES)
def test_bodies_created_by_renaming(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


# a name given to a proposed thing ("a new format that might be named X")
NAMING_CASES: list[tuple[str, list[Body]]] = [
    (
        "Tokayev proposed a new format that might be named the Forum of Young Leaders.",
        [("Forum of Young Leaders", "proposed", [TOKAYEV])],
    ),
    (
        "Japarov suggested a new platform, which could be called the Mountain Partnership Hub.",
        [("Mountain Partnership Hub", "proposed", [JAPAROV])],
    ),
    (
        "Rahmon offered a structure named the Glacier Research Consortium.",
        [("Glacier Research Consortium", "proposed", [RAHMON])],
    ),
    # negative: a name given to something nobody proposes
    ("The hall was named the Forum of Friendship decades ago.", []),
]


@pytest.mark.parametrize(("text", "expected"), NAMING_CASES)
def test_names_given_to_proposals(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


# documents adopted or signed in a list hung on the act
SIGNED_LIST_CASES: list[tuple[str, list[Body]]] = [
    (
        "A package of 12 documents was signed, including an Agreement on Transit Corridors and "
        "a Memorandum on Tourism.",
        [
            ("Agreement on Transit Corridors", "adopted", []),
            ("Memorandum on Tourism", "adopted", []),
        ],
    ),
    (
        "The presidents signed a number of documents, among them a Treaty on Border Security "
        "and a Programme of Economic Cooperation.",
        [
            ("Treaty on Border Security", "adopted", []),
            ("Programme of Economic Cooperation", "adopted", []),
        ],
    ),
    (
        "The leaders approved several papers, including the “Green Steppe 2040” strategy.",
        [("Green Steppe 2040", "adopted", [])],
    ),
    # negative: a list under a verb that is no act
    (
        "The leaders discussed several topics, including the Council of Foreign Ministers.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SIGNED_LIST_CASES)
def test_documents_signed_in_a_list(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


# the summit's own text named by a common noun ("a joint declaration", "the final communiqué")
OWN_DOCUMENT_CASES: list[tuple[str, list[Body]]] = [
    (
        "The leaders signed a joint declaration at the close of the talks.",
        [("joint declaration", "adopted", [])],
    ),
    (
        "The presidents adopted a joint statement and a final communiqué.",
        [("joint statement", "adopted", []), ("final communiqué", "adopted", [])],
    ),
    (
        "The heads of state will issue a joint statement on Friday.",
        [("joint statement", "adopted", [])],
    ),
    (
        "The presidents signed a number of documents, among them a joint declaration and the "
        "“Steppe 2045” strategy.",
        [("joint declaration", "adopted", []), ("Steppe 2045", "adopted", [])],
    ),
    (
        "The leaders approved a final communiqué and a roadmap for 2026–2028.",
        [("final communiqué", "adopted", []), ("roadmap for 2026–2028", "adopted", [])],
    ),
    # negatives: a statement made, a bare statement, an earlier joint statement merely noted
    ("Tokayev made a statement on the situation in the region.", []),
    ("The minister said the statement was misleading.", []),
    ("The leaders recalled the joint statement of their previous meeting.", []),
]


@pytest.mark.parametrize(("text", "expected"), OWN_DOCUMENT_CASES)
def test_own_document_by_common_noun(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


# bodies in numbered/bulleted lists under a leader's heading, items written as full sentences
LIST_CASES: list[tuple[str, list[Body]]] = [
    (
        "President Tokayev put forward the following initiatives:\n\n"
        "1. Establish a Council of Transport Ministers to coordinate freight tariffs.\n\n"
        "2. The creation of a Regional Centre for Seismic Safety would help all five countries.\n\n"
        "3. It is important to adopt a Programme of Youth Exchanges for 2026–2028.",
        [
            ("Council of Transport Ministers", "proposed", [TOKAYEV]),
            ("Regional Centre for Seismic Safety", "proposed", [TOKAYEV]),
            ("Programme of Youth Exchanges for 2026–2028", "proposed", [TOKAYEV]),
        ],
    ),
    (
        "President Mirziyoyev made several proposals:\n"
        "• launching a Central Asian Digital Platform;\n"
        "• a Regional Fund for Water Innovation;\n"
        "• it is necessary to establish a Council of Chief Architects.",
        [
            ("Central Asian Digital Platform", "proposed", [MIRZIYOYEV]),
            ("Regional Fund for Water Innovation", "proposed", [MIRZIYOYEV]),
            ("Council of Chief Architects", "proposed", [MIRZIYOYEV]),
        ],
    ),
    # negative: a numbered list under no act names existing bodies
    (
        "Tokayev spoke about the region.\n"
        "1. The Council of Foreign Ministers met twice.\n"
        "2. The Shanghai Cooperation Organisation grew.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LIST_CASES)
def test_lists_under_a_leaders_heading(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


# items of a list written one per paragraph ("First, …" paragraphs) or without markers
PARAGRAPH_LIST_CASES: list[tuple[str, list[Body]]] = [
    (
        "In his speech Tokayev put forward several proposals.\n\n"
        "First, to adopt a Strategy for Regional Energy Security until 2040.\n\n"
        "Second, to set up a Central Asian Council on Migration.\n\n"
        "Third, to hold an annual Forum of Young Diplomats.",
        [
            ("Strategy for Regional Energy Security until 2040", "proposed", [TOKAYEV]),
            ("Central Asian Council on Migration", "proposed", [TOKAYEV]),
            ("Forum of Young Diplomats", "proposed", [TOKAYEV]),
        ],
    ),
    (
        "Documents adopted at the summit included the\n\n"
        "Steppe Green Development Vision;\n\n"
        "Charter of the Nomadic World;\n\n"
        "Regulation on the Council of Elders.",
        [
            ("Steppe Green Development Vision", "adopted", []),
            ("Charter of the Nomadic World", "adopted", []),
            ("Regulation on the Council of Elders", "adopted", []),
        ],
    ),
    (
        "The following documents were signed:\n"
        "Agreement on Seed Trade;\n"
        "Memorandum on Veterinary Cooperation.",
        [
            ("Agreement on Seed Trade", "adopted", []),
            ("Memorandum on Veterinary Cooperation", "adopted", []),
        ],
    ),
    # negatives: a paragraph of something else breaks the series; lines that are sentences
    (
        "Tokayev put forward several proposals.\n\n"
        "First, to adopt a Strategy for Regional Energy Security until 2040.\n\n"
        "The talks lasted three hours.\n\n"
        "Second, the Council of Foreign Ministers met in Almaty.",
        [("Strategy for Regional Energy Security until 2040", "proposed", [TOKAYEV])],
    ),
    (
        "The leaders discussed the agenda of the\n\n"
        "Council of Foreign Ministers.\n\n"
        "The Shanghai Cooperation Organisation was represented by its secretary-general.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPH_LIST_CASES)
def test_lists_one_item_per_paragraph(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


# an "on ..." adjunct ends a name; a relative clause dated to an earlier year is history
EDGE_AND_HISTORY_CASES: list[tuple[str, list[Body]]] = [
    (
        "Mirziyoyev proposed to hold a Central Asian Forum of Young Scientists on a regular basis.",
        [("Central Asian Forum of Young Scientists", "proposed", [MIRZIYOYEV])],
    ),
    (
        "The leaders agreed to set up a Council of Master Craftsmen on the initiative of "
        "Kazakhstan.",
        [("Council of Master Craftsmen", "established", ["Kazakhstan"])],
    ),
    (
        "Japarov proposed a Regional Avalanche Centre on the sidelines of the summit.",
        [("Regional Avalanche Centre", "proposed", [JAPAROV])],
    ),
    # history: a document signed in an earlier year, recalled in a relative clause
    (
        "The council itself dates from the Nakhchivan Agreement, which four presidents signed in "
        "2009.",
        [],
    ),
    (
        "They recalled the Almaty Declaration, which the heads of state adopted in 1998.",
        [],
    ),
    # positive control: the same clause with no earlier date reports the act
    (
        "The leaders praised the Aral Treaty, which they signed at the summit.",
        [("Aral Treaty", "adopted", [])],
    ),
]


@pytest.mark.parametrize(("text", "expected"), EDGE_AND_HISTORY_CASES)
def test_adjunct_edges_and_history(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


# an act announced for the summit is reported, not argued for
SCHEDULED_CASES: list[tuple[str, list[Body]]] = [
    (
        "Some twenty papers should be signed on Friday, the Tashkent Declaration among them.",
        [("Tashkent Declaration", "adopted", [])],
    ),
    (
        "About 15 documents are expected to be signed, including the Khiva Declaration.",
        [("Khiva Declaration", "adopted", [])],
    ),
    (
        "The leaders are expected to adopt a Joint Statement on Glacier Protection.",
        [("Joint Statement on Glacier Protection", "adopted", [])],
    ),
    (
        "A Treaty on Glacier Sharing is expected to be signed at the summit.",
        [("Treaty on Glacier Sharing", "adopted", [])],
    ),
    (
        "The Khujand Declaration is set to be adopted on Friday.",
        [("Khujand Declaration", "adopted", [])],
    ),
    ("The Council of Foreign Ministers is expected to meet in May.", []),
    # negatives: a modal with no schedule stays an argued-for proposal
    (
        "A Council of Transport Ministers should be created, Tokayev said.",
        [("Council of Transport Ministers", "proposed", [TOKAYEV])],
    ),
    (
        "Japarov said a Treaty on Glacier Protection must be signed soon.",
        [("Treaty on Glacier Protection", "proposed", [JAPAROV])],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SCHEDULED_CASES)
def test_scheduled_acts(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


# proposers from context: the leader reporting a proposal that names nobody
CONTEXT_AGENT_CASES: list[tuple[str, list[Body]]] = [
    # an impersonal passive keeps no proposer, even after a leader spoke (corpus gold: [])
    (
        "The head of Uzbekistan then spoke. It was proposed to develop a Strategy for Cargo "
        "Transit until 2035.",
        [("Strategy for Cargo Transit until 2035", "proposed", [])],
    ),
    (
        "Tokayev said the five should launch a mechanism of regular consultations between the "
        "heads of the customs services.",
        [
            (
                "mechanism of regular consultations between the heads of the customs services",
                "proposed",
                [TOKAYEV],
            )
        ],
    ),
    # negatives: a collective act reported by a leader; an impersonal passive with no leader
    (
        "Tokayev said the ministers adopted a Joint Action Plan on Tourism.",
        [("Joint Action Plan on Tourism", "adopted", [])],
    ),
    (
        "At the summit it was proposed to develop a Strategy for Cargo Transit until 2035.",
        [("Strategy for Cargo Transit until 2035", "proposed", [])],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CONTEXT_AGENT_CASES)
def test_proposers_from_context(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected


# pins of constructions the rules already handled before issue 11 (kept so they stay handled):
# cue verbs of real copy, names with commas, a seat apposition after a proposed body
PINNED_CASES: list[tuple[str, list[Body]]] = [
    (
        "Mirziyoyev advocated the creation of a Standing Board for Cotton Research.",
        [("Standing Board for Cotton Research", "proposed", [MIRZIYOYEV])],
    ),
    (
        "President Japarov suggested adopting a Regional Snow Charter.",
        [("Regional Snow Charter", "proposed", [JAPAROV])],
    ),
    (
        "The Kyrgyz leader floated a Joint Hydropower Council.",
        [("Joint Hydropower Council", "proposed", [JAPAROV])],
    ),
    (
        "Rahmon came up with a Pamir Tourism Forum.",
        [("Pamir Tourism Forum", "proposed", [RAHMON])],
    ),
    (
        "The leaders signed a Strategic Partnership, Friendship and Good Neighbourliness Treaty.",
        [("Strategic Partnership, Friendship and Good Neighbourliness Treaty", "adopted", [])],
    ),
    (
        "Mirziyoyev proposed a Standing Council on Textile Cooperation, with a project office "
        "in Almaty.",
        [("Standing Council on Textile Cooperation", "proposed", [MIRZIYOYEV])],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PINNED_CASES)
def test_pinned_real_constructions(nlp: Language, text: str, expected: list[Body]) -> None:
    assert triples(nlp(text)) == expected
