"""summit_bodies: names, status by cue, proposers and supporters, negatives, and the corpus gold.

Sentence tables run the full pipeline (the component reads the leaders and quotes components'
output through the Doc); a few tests set those span groups by hand to pin the interface.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError
from spacy.language import Language
from spacy.tokens import Doc, Span

from models.gold import GoldDocument
from pipeline.components.bodies import (
    BodiesInputError,
    BodyCueEntry,
    BodyHeadEntry,
    _subsequence,
)
from pipeline.components.bodies.lexicon import _MATCHED_CUES
from pipeline.evaluate import Item, match_overlap
from pipeline.export import doc_records
from pipeline.extensions import BODIES_GROUP, LEADERS_GROUP, QUOTED_NAMES_GROUP, QUOTES_GROUP
from pipeline.resources import load_jsonl
from tests.conftest import CORPUS_GOLD, CORPUS_RAW, SEED_ID

Body = tuple[str, str, list[str]]  # (name, status, proposers)


def bodies(doc: Doc) -> list[dict[str, Any]]:
    """Return the body dicts of ``doc`` with their name added, in text order."""
    out = []
    for span in doc.spans[BODIES_GROUP]:
        body = dict(span._.summit_body)
        body["name"] = doc.text[body["start"] : body["end"]]
        out.append(body)
    return sorted(out, key=lambda b: b["start"])


def triples(doc: Doc) -> list[Body]:
    """Return (name, status, proposers) per body."""
    return [(b["name"], b["status"], b["proposers"]) for b in bodies(doc)]


# --------------------------------------------------------------------------- lexicons


def test_lexicons_load_and_cover_every_status() -> None:
    heads = load_jsonl("body_heads.jsonl", BodyHeadEntry)
    cues = load_jsonl("body_cues.jsonl", BodyCueEntry)
    assert all(h.body_kind for h in heads if h.kind == "head")
    assert {"council", "centre", "platform", "agreement", "forum"} <= {h.body_kind for h in heads}
    statuses = {c.kind for c in cues}
    assert {"proposed", "established", "adopted", "light", "commit", "support"} <= statuses
    assert len({(c.cue, c.kind) for c in cues}) == len(cues), "a cue is listed twice"
    matched = [c.cue for c in cues if c.kind in _MATCHED_CUES]
    assert len(set(matched)) == len(matched), "a matched cue has two kinds"


@pytest.mark.parametrize(
    "line",
    [
        {"cue": "propose", "kind": "maybe"},
        {"cue": "propose"},
        {"cue": "propose", "kind": "proposed", "colour": "red"},
        {"cue": "propose", "status": "proposed"},  # the field was renamed 'kind'
        {"cue": "firstly", "kind": "enumeration_adverb"},  # no rank
        {"cue": "propose", "kind": "proposed", "rank": 2},
    ],
)
def test_bad_cue_lines_are_rejected(line: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        BodyCueEntry.model_validate(line)


@pytest.mark.parametrize(
    ("small", "big", "expected"),
    [
        (("samarkand", "forum"), ("samarkand", "international", "forum"), True),
        (("central", "asian", "dialogue"), ("energy", "dialogue", "central", "asian"), False),
        (("regional", "center"), ("regional", "center", "technologies"), True),
        (("fund", "regional"), ("regional", "fund"), False),
    ],
)
def test_mentions_merge_only_in_word_order(
    small: tuple[str, ...], big: tuple[str, ...], expected: bool
) -> None:
    assert _subsequence(small, big) is expected


# --------------------------------------------------------------------------- cues and status

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


# --------------------------------------------------------------------------- names


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


def test_repeat_mentions_are_merged(nlp: Language) -> None:
    text = (
        "The leader of Uzbekistan announced the holding of the first Samarkand international "
        "forum in 2025. The Samarkand Forum can become a platform for dialogue."
    )
    (body,) = bodies(nlp(text))
    assert body["name"] == "Samarkand international forum"
    assert len(body["mentions"]) == 2
    assert [text[s:e] for s, e in body["mentions"]][1] == "Samarkand Forum"
    assert body["kind"] == "forum"
    assert text[body["cue_start"] : body["cue_end"]] == body["cue"] == "announced"


def test_different_bodies_with_shared_words_stay_apart(nlp: Language) -> None:
    text = (
        "Berdimuhamedov proposed creating an Energy Dialogue of Central Asian Countries. "
        "Mirziyoyev proposed establishing a multilateral platform “Central Asian Dialogue”."
    )
    names = [b["name"] for b in bodies(nlp(text))]
    assert names == ["Energy Dialogue of Central Asian Countries", "Central Asian Dialogue"]


# --------------------------------------------------------------------------- the Doc interface


def _rerun(nlp: Language, doc: Doc) -> Doc:
    result: Doc = nlp.get_pipe("summit_bodies")(doc)
    return result


def test_quoted_title_comes_from_the_quotes_component(nlp: Language) -> None:
    text = (
        "The leader initiated the joint promotion of a UN General Assembly resolution "
        "“Central Asia facing global climate challenges.”"
    )
    doc = nlp(text)
    start = text.index("Central Asia facing")
    end = text.index("”")
    span = doc.char_span(start, end, alignment_mode="expand")
    assert span is not None
    named = Span(doc, span.start, span.end, label="NAME")
    named._.summit_quote = {"start": start, "end": end}
    doc.spans[QUOTED_NAMES_GROUP] = [named]
    doc.spans[QUOTES_GROUP] = []
    (body,) = bodies(_rerun(nlp, doc))
    assert body["name"] == "Central Asia facing global climate challenges"  # no final stop
    assert body["kind"] == "resolution"
    # without the quoted-name span there is no name: a lower-case "resolution" is generic
    doc.spans[QUOTED_NAMES_GROUP] = []
    assert bodies(_rerun(nlp, doc)) == []


def test_proposer_is_read_from_the_leaders_span_group(nlp: Language) -> None:
    text = "The host proposed creating a Caspian Water Council."
    doc = nlp(text)
    host = doc.char_span(0, len("The host"))
    assert host is not None
    doc.spans[LEADERS_GROUP] = [Span(doc, host.start, host.end, label="role", kb_id="x-host")]
    doc._.summit_leaders = {"x-host": {"name": "Ada Host", "country": "Kazakhstan"}}
    assert triples(_rerun(nlp, doc)) == [("Caspian Water Council", "proposed", ["Ada Host"])]
    doc.spans[LEADERS_GROUP] = []
    assert triples(_rerun(nlp, doc)) == [("Caspian Water Council", "proposed", [])]


def test_first_person_in_a_quote_is_the_speaker(nlp: Language) -> None:
    text = (
        "“We propose to launch a China-Central Asia Industrial Cooperation Platform,” "
        "Uzbek President Shavkat Mirziyoyev said."
    )
    assert triples(nlp(text)) == [
        ("China-Central Asia Industrial Cooperation Platform", "proposed", ["Shavkat Mirziyoyev"])
    ]


def test_attributes_are_plain_values(nlp: Language) -> None:
    doc = nlp("The leaders signed the Astana Declaration.")
    (span,) = doc.spans[BODIES_GROUP]
    body = span._.summit_body
    assert span.label_ == body["kind"] == "declaration"
    assert doc.text[body["start"] : body["end"]] == "Astana Declaration"
    for value in body.values():
        assert isinstance(value, str | int | list | dict | type(None))
        if isinstance(value, dict):  # the attribution: attribute -> rule name
            assert all(isinstance(v, str) for v in value.values())
    assert body["mentions"] == [[body["start"], body["end"]]]


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_text_gives_no_bodies(nlp: Language, text: str) -> None:
    assert list(nlp(text).spans[BODIES_GROUP]) == []


def test_unparsed_doc_is_refused_with_advice(nlp: Language, blank: Language) -> None:
    doc = blank("Tokayev proposed creating a Regional Water Council.")
    with pytest.raises(BodiesInputError, match="dependency parse"):
        nlp.get_pipe("summit_bodies")(doc)


# --------------------------------------------------------------------------- corpus gold


def _score(nlp: Language, doc_id: str) -> tuple[int, int, int, int, int]:
    """Return (tp, n_gold, n_pred, proposers right, status right) for one gold document."""
    gold = GoldDocument.model_validate_json((CORPUS_GOLD / f"{doc_id}.json").read_text("utf-8"))
    text = (CORPUS_RAW / f"{doc_id}.txt").read_text(encoding="utf-8")
    pred = bodies(nlp(text))
    g_items = [
        Item(b.start, b.end, b.text, {"proposers": sorted(b.proposers), "status": b.status})
        for b in gold.bodies
    ]
    p_items = [
        Item(
            b["start"],
            b["end"],
            b["name"],
            {"proposers": sorted(b["proposers"]), "status": b["status"]},
            [tuple(m) for m in b["mentions"]],
        )
        for b in pred
    ]
    pairs = match_overlap(g_items, p_items)
    proposers = sum(
        g_items[g].attrs["proposers"] == p_items[p].attrs["proposers"] for g, p in pairs
    )
    status = sum(g_items[g].attrs["status"] == p_items[p].attrs["status"] for g, p in pairs)
    return len(pairs), len(g_items), len(p_items), proposers, status


def _f1(tp: int, n_gold: int, n_pred: int) -> float:
    return 2 * tp / (n_gold + n_pred) if n_gold + n_pred else 1.0


def test_seed_article_meets_the_acceptance_floors(nlp: Language) -> None:
    tp, n_gold, n_pred, proposers, status = _score(nlp, SEED_ID)
    assert n_gold == 25
    assert _f1(tp, n_gold, n_pred) >= 0.9
    assert proposers / tp >= 0.85
    assert status / tp >= 0.85


def test_corpus_gold_floor(nlp: Language) -> None:
    totals = [0, 0, 0, 0, 0]
    for path in sorted(CORPUS_GOLD.glob("*.json")):
        for k, value in enumerate(_score(nlp, path.stem)):
            totals[k] += value
    tp, n_gold, n_pred, proposers, status = totals
    assert _f1(tp, n_gold, n_pred) >= 0.98
    assert proposers / tp >= 0.97
    assert status / tp >= 0.97


def test_independently_written_documents_floor(nlp: Language) -> None:
    """The documents written by annotators who never saw the pipeline (1xx, 2xx)."""
    totals = [0, 0, 0, 0, 0]
    for path in sorted(CORPUS_GOLD.glob("[12]*.json")):
        for k, value in enumerate(_score(nlp, path.stem)):
            totals[k] += value
    tp, n_gold, n_pred, proposers, status = totals
    assert n_gold >= 60
    assert _f1(tp, n_gold, n_pred) >= 0.97
    assert proposers / tp >= 0.97
    assert status / tp >= 0.97


def test_second_independent_sets_floor(nlp: Language) -> None:
    """The later independently written documents (4xx, 5xx): enumerations, participle
    proposals, supported ideas, past proposals."""
    totals = [0, 0, 0, 0, 0]
    for path in sorted(CORPUS_GOLD.glob("[45]*.json")):
        for k, value in enumerate(_score(nlp, path.stem)):
            totals[k] += value
    tp, n_gold, n_pred, proposers, status = totals
    assert n_gold >= 70
    assert _f1(tp, n_gold, n_pred) >= 0.97
    assert proposers / tp >= 0.97
    assert status / tp >= 0.97


# --------------------------------------------------------------------------- held-out patterns
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


def test_capital_lines_name_their_country() -> None:
    with pytest.raises(ValidationError):
        BodyCueEntry.model_validate({"cue": "Tashkent", "kind": "capital"})
    with pytest.raises(ValidationError):
        BodyCueEntry.model_validate({"cue": "propose", "kind": "proposed", "country": "Iran"})
    cues = load_jsonl("body_cues.jsonl", BodyCueEntry)
    assert all(c.country for c in cues if c.kind == "capital")


# --------------------------------------------------------------------------- enumerations, support
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


def triples_of(found: list[dict[str, Any]]) -> list[Body]:
    """Return (name, status, proposers) of body dicts."""
    return [(b["name"], b["status"], b["proposers"]) for b in found]


# --------------------------------------------------------------------------- hostile input


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
