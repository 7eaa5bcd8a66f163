"""Candidates stage: where a name starts and ends, what is no body, one record per span."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.export import doc_records
from tests.bodies.helpers import bodies, triples


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # no article, no trailing clause or participle
        (
            "The leader announced the holding of the first Samarkand international forum "
            "dedicated to the climate agenda.",
            "Samarkand international forum",
        ),
        (
            "Tokayev also proposed a Central Asia-China Business Council that would bring "
            "together chambers of commerce.",
            "Central Asia-China Business Council",
        ),
        # a location directly on an institution is its seat, not its name
        (
            "They decided to establish a Universal Centre for Countering Security Threats in "
            "Tashkent.",
            "Universal Centre for Countering Security Threats",
        ),
        # documents keep their scope and their to-infinitive
        (
            "The Uzbek side initiated the adoption of an Action Plan to deepen cultural "
            "interaction between the countries of Central Asia and the creation of a fund.",
            "Action Plan to deepen cultural interaction between the countries of Central Asia",
        ),
        # institutions do not: the infinitive is a purpose
        (
            "Aliyev suggested a Commission on Transport Connectivity to speed up cargo.",
            "Commission on Transport Connectivity",
        ),
        # title-case lists joined by commas
        (
            "The President proposed the formation of a Regional System of Forecasting, "
            "Prevention and Joint Response to Emergency Situations.",
            "Regional System of Forecasting, Prevention and Joint Response to Emergency Situations",
        ),
        # lower-case names with modifiers and a complement
        (
            "He proposed to consider the creation of an integrated digital platform for "
            "international transport.",
            "integrated digital platform for international transport",
        ),
        # "in the field of" stays inside a document's name
        (
            "The Parties signed a Memorandum of Understanding on cooperation in the field of "
            "education.",
            "Memorandum of Understanding on cooperation in the field of education",
        ),
        (
            "Japarov proposed holding an International Conference on Mountain Ecosystems in "
            "Bishkek in 2027.",
            "International Conference on Mountain Ecosystems",
        ),
        (
            "As a result of the summit, an Agreement on Friendship and Cooperation for the "
            "Development of Central Asia in the 21st Century was signed.",
            "Agreement on Friendship and Cooperation for the Development of Central Asia in the "
            "21st Century",
        ),
        # "plus" inside a format's name
        (
            "It was also decided to establish a Secretariat of the Central Asia plus Japan "
            "Dialogue in Tokyo.",
            "Secretariat of the Central Asia plus Japan Dialogue",
        ),
        # years belong to a document's name
        (
            "The Heads of State adopted the Roadmap for Regional Cooperation for 2025–2027 and "
            "instructed the ministers to implement it.",
            "Roadmap for Regional Cooperation for 2025–2027",
        ),
    ],
)
def test_name_boundaries(nlp: Language, text: str, name: str) -> None:
    assert name in [b["name"] for b in bodies(nlp(text))]


NEGATIVE_CASES = [
    # institutions that merely exist
    "The leaders reviewed the work of the International Fund for Saving the Aral Sea.",
    "Mirziyoyev noted the role of the UN Regional Centre for Preventive Diplomacy for Central Asia.",
    "The Turkic Investment Fund, set up in 2023, was praised by the leaders.",
    "Tokayev invited his colleagues to the Astana International Forum in May.",
    # generic plurals with no name
    "In 2021 Uzbekistan created joint investment funds and companies with Kyrgyzstan.",
    "President Rahmon took the initiative to develop separate cooperation programs in agriculture.",
    # abstract nouns in lower case are not names
    "They agreed to establish a coordinated dialogue with the Afghan side on border security.",
    "The summit adopted a declaration.",
    # the meeting being reported on, and places where things happen
    "The Consultative Meeting of the Heads of State was held in Dushanbe.",
    "The proposal was made by President Tokayev at the Astana Forum this summer.",
    # existing institutions in a news report
    "The SCO Secretariat in Beijing and the Regional Anti-Terrorist Structure in Tashkent "
    "presented their annual reports.",
    "Mirziyoyev recalled that the SCO Business Council, created in 2001, remains a key platform.",
    "Putin spoke about the BRICS New Development Bank, which he said could finance projects.",
    "The agenda included the Astana International Forum and the work of the Regional Council.",
    # the act is about another noun the body only qualifies
    "Tokayev announced the results of the Astana International Forum.",
    # a head noun modifying another noun is no head
    "China, Central Asia agree permanent secretariat (Summit Wire) - The leaders met on Friday.",
    # existing bodies acted upon, and acts dated to another year
    "Tokayev proposed to strengthen the Council of National Coordinators.",
    "Tokayev called for reforming the UN Security Council.",
    "Uzbekistan signed the Paris Agreement in 2017.",
    # quoted scare terms and formats
    "The leaders praised the establishment of more than 10 “Central Asia Plus” formats.",
]


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_not_bodies(nlp: Language, text: str) -> None:
    assert triples(nlp(text)) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The leaders adopted the Statement on Security of and in the Use of Information "
            "Technologies.",
            "Statement on Security of and in the Use of Information Technologies",
        ),
        (
            "Kazakhstan proposed a Platform of Trade of Japan and the Countries of Central Asia.",
            "Platform of Trade of Japan and the Countries of Central Asia",
        ),
        (
            "Kazakhstan proposed a Platform of Trade of Japan and the Uzbek Chamber.",
            "Platform of Trade of Japan",
        ),
        # a lower-case place after an institution is its seat; a document keeps its theme
        (
            "Japarov proposed a Regional Mountain Rescue Centre on the southern shore of the lake.",
            "Regional Mountain Rescue Centre",
        ),
        (
            "The ministers signed a Memorandum on the border regime.",
            "Memorandum on the border regime",
        ),
        (
            "Tokayev proposed a Council on the Future of Energy.",
            "Council on the Future of Energy",
        ),
        # two documents, not two parties
        (
            "The leaders signed the Agreement on Visas and the Protocol on Trade.",
            "Protocol on Trade",
        ),
        (
            "The leaders signed the Agreement on Visas and the Protocol on Trade.",
            "Agreement on Visas",
        ),
        (
            "The leaders adopted a Joint Action Plan for 2026-2028 covering trade and energy.",
            "Joint Action Plan for 2026-2028",
        ),
    ],
)
def test_name_boundaries_in_complements(nlp: Language, text: str, name: str) -> None:
    assert name in [b["name"] for b in bodies(nlp(text))]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The leaders adopted the Steppe Vision 2040.", "Steppe Vision 2040", "strategy"),
        (
            "The presidents approved the Charter of the Caspian Universities Network.",
            "Charter of the Caspian Universities Network",
            "charter",
        ),
        (
            "They decided to establish the Eurasian Reinsurance Company.",
            "Eurasian Reinsurance Company",
            "company",
        ),
    ],
)
def test_new_kinds(nlp: Language, text: str, name: str, kind: str) -> None:
    found = bodies(nlp(text))
    assert [(b["name"], b["kind"]) for b in found] == [(name, kind)]


@pytest.mark.parametrize(
    "text",
    [
        # a lower-case vision or company is no name
        "The leaders shared a vision for the region.",
        "They decided to establish a company.",
        # a year after a lower-case word is no part of a name
        "Tokayev proposed a regional council in 2026.",
    ],
)
def test_new_kinds_negatives(nlp: Language, text: str) -> None:
    assert [
        b["name"]
        for b in bodies(nlp(text))
        if "2026" in b["name"]
        or b["kind"]
        in (
            "strategy",
            "company",
        )
    ] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a plural possessive inside a title is part of the name, on either side of the head
        ("Japarov proposed an annual Mountain Farmers' Forum.", "Mountain Farmers' Forum"),
        (
            "The leaders decided to create a Council of Border Guards' Chiefs on Security.",
            "Council of Border Guards' Chiefs on Security",
        ),
        # ... a quoted name in single marks is still cut at its marks
        ("Tokayev proposed a 'Steppe Youth Council' for students.", "Steppe Youth Council"),
        # a size, a beneficiary or a time adjunct after a title name is outside it
        (
            "The two presidents agreed to create a Pamir Hydropower Fund of USD 3 billion.",
            "Pamir Hydropower Fund",
        ),
        (
            "Rahmon proposed a Regional Skills Programme for 5,000 young engineers.",
            "Regional Skills Programme",
        ),
        (
            "Rahmon proposed a Regional Skills Platform for rural teachers.",
            "Regional Skills Platform",
        ),
        (
            "Tokayev proposed to hold a Forum on Green Hydrogen next year.",
            "Forum on Green Hydrogen",
        ),
        # ... while a capitalised complement, a period or a number inside a title stays
        (
            "Rahmon proposed a Regional Programme for Young Engineers.",
            "Regional Programme for Young Engineers",
        ),
        (
            "The leaders adopted the Roadmap for Water Cooperation for 2026–2028.",
            "Roadmap for Water Cooperation for 2026–2028",
        ),
        ("Tokayev proposed a Council of 5 Rivers.", "Council of 5 Rivers"),
        # an ordinal word opening a capitalised complement of a document stays in it
        (
            "The leaders adopted the Statement on the Anniversary of the End of the Second "
            "World War.",
            "Statement on the Anniversary of the End of the Second World War",
        ),
    ],
)
def test_title_edges(nlp: Language, text: str, name: str) -> None:
    assert [b["name"] for b in bodies(nlp(text))] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # two heads whose edges both reach the whole coordination gave one span twice
        (
            "Leaders agreed to establish a Water Council and Energy Council.",
            "Water Council and Energy Council",
        ),
        ("SET UP CHINA–C CENTRE OR CENTRE", "SET UP CHINA–C CENTRE OR CENTRE"),
    ],
)
def test_one_record_per_body_id(nlp: Language, text: str, name: str) -> None:
    doc = nlp(text)
    records = doc_records("d", text, [(doc, 0)]).bodies
    ids = [r.id for r in records]
    assert len(ids) == len(set(ids)), ids
    assert name in [r.name for r in records]
