"""The initiative linker's rules, as tables of pairs of body names (including the negatives)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from models.crossdoc import InitiativeRecord, PersonRecord
from pipeline.link import (
    document_series,
    is_subsequence,
    link_records,
    name_key,
    write_links,
)
from tests.crossdoc.synthetic import Rec, body, document, leader, quote, read_lines, write_folder

TITLES = {
    "consultative": "Sixth Consultative Meeting of the Heads of State of Central Asia",
    "china": "Second China – Central Asia Summit",
    "eu": "First Central Asia–EU Summit",
    "sco": "SCO Council of Heads of State",
    "ots": "Summit of the Organization of Turkic States",
}


def _link(records: list[Rec]) -> Any:
    by: dict[str, list[dict[str, Any]]] = {
        "documents": [],
        "bodies": [],
        "leaders": [],
        "quotes": [],
    }
    for r in records:
        by[r.file].append(dict(r))
    return link_records(by["documents"], by["bodies"], by["leaders"], by["quotes"])


def _same(a: tuple[str, str, str, str], b: tuple[str, str, str, str]) -> bool:
    """(series, date, name, kind) of two bodies in two documents: one initiative?"""
    recs: list[Rec] = []
    for doc_id, (series, date, name, kind) in (("d1", a), ("d2", b)):
        recs.append(document(doc_id, date, TITLES[series]))
        recs.append(body(doc_id, 10, name, kind))
    result = _link(recs)
    ids = {
        result.body_initiative[f"{d}:body:10-{10 + len(n)}"]
        for d, (_, _, n, _) in (("d1", a), ("d2", b))
    }
    return len(ids) == 1


JOIN = [
    # word order, dashes and the partner's place in the name
    (
        ("china", "2023-05-19", "China-Central Asia Business Council", "council"),
        ("china", "2023-05-20", "Central Asia – China Business Council", "council"),
    ),
    (
        (
            "china",
            "2023-05-19",
            "China–Central Asia Cooperation Center on Poverty Reduction",
            "centre",
        ),
        (
            "china",
            "2025-06-17",
            "China–Central Asia Centre for Poverty Reduction Cooperation",
            "centre",
        ),
    ),
    # derived forms and spelling
    (
        (
            "china",
            "2023-05-19",
            "China-Central Asia Exchange and Cooperation Center for Education",
            "centre",
        ),
        (
            "china",
            "2025-06-17",
            "China–Central Asia Centre for Educational Exchange and Cooperation",
            "centre",
        ),
    ),
    # region words and "the … of the …" glue
    (
        ("consultative", "2025-11-16", "Regional Platform for Critical Minerals", "platform"),
        ("consultative", "2025-11-17", "the Platform for Critical Minerals", "platform"),
    ),
    # a short form: distinctive words in order inside one longer name
    (
        ("ots", "2024-11-06", "OTS Natural Disaster Response Mechanism", "mechanism"),
        ("ots", "2025-10-07", "Turkic Disaster Response Mechanism", "mechanism"),
    ),
    (
        ("consultative", "2024-08-09", "Central Asian Transport and Logistics Forum", "forum"),
        ("consultative", "2025-11-16", "Central Asian Transport Forum", "forum"),
    ),
    # kinds of one family
    (
        ("consultative", "2024-08-09", "Regional Water and Energy Council", "council"),
        ("consultative", "2024-08-09", "Central Asian Water and Energy Commission", "commission"),
    ),
    # an acronym and its full name
    (
        ("consultative", "2019-11-29", "Central Asian Investment Fund", "fund"),
        ("consultative", "2021-08-06", "CAIF", "fund"),
    ),
    # a partner name alone is distinctive: the Secretariat of the China format
    (
        ("china", "2023-05-19", "China-Central Asia Secretariat", "secretariat"),
        ("china", "2023-05-19", "China–Central Asia Secretariat", "secretariat"),
    ),
    # documents of one meeting, named two ways
    (
        (
            "consultative",
            "2024-08-09",
            "Joint Statement of the Sixth Consultative Meeting",
            "declaration",
        ),
        ("consultative", "2024-08-12", "Joint Statement", "declaration"),
    ),
    (
        ("eu", "2025-04-04", "Samarkand Joint Declaration", "declaration"),
        ("eu", "2025-04-22", "Joint Declaration of the Central Asia–EU Summit", "declaration"),
    ),
    (
        ("consultative", "2024-08-09", "Astana Joint Statement", "declaration"),
        (
            "consultative",
            "2024-08-12",
            "Joint Statement of the Sixth Consultative Meeting",
            "declaration",
        ),
    ),
    # same end year of a period
    (
        ("sco", "2024-07-04", "SCO Development Strategy until 2035", "strategy"),
        ("sco", "2025-09-01", "SCO Development Strategy for 2026–2035", "strategy"),
    ),
]

APART = [
    # two Councils of different series
    (
        ("china", "2023-05-19", "China-Central Asia Business Council", "council"),
        ("eu", "2025-04-04", "Central Asia – European Union Business Council", "council"),
    ),
    (
        ("sco", "2024-07-04", "Regional Council", "council"),
        ("consultative", "2024-08-09", "Regional Council", "council"),
    ),
    # a generic short form never joins across documents, even in one series
    (
        ("consultative", "2024-08-09", "Council", "council"),
        ("consultative", "2025-11-16", "Council", "council"),
    ),
    (
        ("consultative", "2024-08-09", "the platform", "platform"),
        ("consultative", "2025-11-16", "Regional Platform for Critical Minerals", "platform"),
    ),
    # a generic name does not join a name made of a partner word and a head either
    (
        ("china", "2023-05-19", "China-Central Asia Secretariat", "secretariat"),
        ("china", "2025-06-17", "the Secretariat", "secretariat"),
    ),
    # a short form may drop a complement, not extend it
    (
        ("consultative", "2022-07-21", "Council of Foreign Ministers of Central Asia", "council"),
        (
            "consultative",
            "2025-11-16",
            "Council of Foreign Ministers' Deputies on Transport",
            "council",
        ),
    ),
    # other periods, other documents
    (
        (
            "consultative",
            "2022-07-21",
            "Roadmap for the Development of Regional Cooperation for 2022–2024",
            "roadmap",
        ),
        (
            "consultative",
            "2024-08-09",
            "Roadmap for the Development of Regional Cooperation for 2025–2027",
            "roadmap",
        ),
    ),
    # documents of two meetings
    (
        ("ots", "2025-05-21", "Budapest Declaration", "declaration"),
        ("ots", "2025-10-07", "Gabala Declaration", "declaration"),
    ),
    (
        ("consultative", "2022-07-21", "Joint Statement", "declaration"),
        ("consultative", "2024-08-09", "Joint Statement", "declaration"),
    ),
    # a statement with a topic is not the meeting's declaration
    (
        ("sco", "2025-09-01", "Tianjin Declaration", "declaration"),
        (
            "sco",
            "2025-09-01",
            "Statement on Supporting the Multilateral Trading System",
            "declaration",
        ),
    ),
    # other kinds, other words
    (
        ("consultative", "2024-08-09", "Central Asian Glacier Monitoring System", "system"),
        ("consultative", "2025-11-16", "Regional Centre for Glacier Monitoring", "centre"),
    ),
    (
        ("consultative", "2024-08-09", "Central Asian Forum of Young Leaders", "forum"),
        ("consultative", "2025-11-16", "Central Asia Youth Forum", "forum"),
    ),
]


@pytest.mark.parametrize(("a", "b"), JOIN, ids=[f"{a[2]} = {b[2]}" for a, b in JOIN])
def test_joined(a: tuple[str, str, str, str], b: tuple[str, str, str, str]) -> None:
    assert _same(a, b)


@pytest.mark.parametrize(("a", "b"), APART, ids=[f"{a[2]} != {b[2]}" for a, b in APART])
def test_kept_apart(a: tuple[str, str, str, str], b: tuple[str, str, str, str]) -> None:
    assert not _same(a, b)


def test_a_short_form_of_two_different_names_joins_neither() -> None:
    recs = [
        document("d1", "2024-01-01", TITLES["consultative"]),
        body("d1", 10, "Transport and Logistics Forum", "forum"),
        document("d2", "2024-02-01", TITLES["consultative"]),
        body("d2", 10, "Transport Investment Forum", "forum"),
        document("d3", "2024-03-01", TITLES["consultative"]),
        body("d3", 10, "Transport Forum", "forum"),
    ]
    result = _link(recs)
    assert len(set(result.body_initiative.values())) == 3


def test_two_bodies_of_one_document_are_never_one_initiative() -> None:
    recs = [
        document("d1", "2024-01-01", TITLES["china"]),
        body("d1", 10, "China–Central Asia Centre on Poverty Reduction", "centre"),
        body("d1", 90, "China–Central Asia Cooperation Centre on Poverty Reduction", "centre"),
        document("d2", "2025-01-01", TITLES["china"]),
        body("d2", 10, "Cooperation Centre on Poverty Reduction", "centre"),
    ]
    result = _link(recs)
    d1 = [v for k, v in result.body_initiative.items() if k.startswith("d1:")]
    assert len(set(d1)) == 2


@pytest.mark.parametrize(
    ("text", "series"),
    [
        (
            "The sixth Consultative Meeting of the Heads of State of Central Asia opened.",
            "consultative",
        ),
        ("Leaders met for the China – Central Asia summit; China pledged loans.", "china"),
        ("At the SCO summit in Tianjin, the SCO members and China agreed.", "sco"),
        ("The C5+1 format met in Washington.", "c5plus1"),
        ("An eco-friendly village hosted nothing of note.", None),
    ],
)
def test_document_series(text: str, series: str | None) -> None:
    assert document_series(text) == series


def test_name_key_folds_case_dashes_quotes_articles_and_plurals() -> None:
    a = name_key("the Concept of Regional Cooperation “Central Asia – 2040”", "concept")
    b = name_key("Concept of regional cooperation 'Central Asia-2040'", "concept")
    assert (a.series, a.content, a.post, a.period) == (b.series, b.content, b.post, b.period)
    assert a.content == ("cooper",) and a.period == 2040
    assert name_key("SCO Development Banks", "bank").content == ("develo",)
    assert is_subsequence(("a", "c"), ("a", "b", "c")) and not is_subsequence(
        ("c", "a"), ("a", "c")
    )


def _corpus() -> list[Rec]:
    tok = leader("d1", "kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "Kazakhstan")
    mirz = leader("d2", "shavkat-mirziyoyev", "Shavkat Mirziyoyev", "Uzbekistan")
    tok2 = leader("d2", "kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "Kazakhstan", 40)
    return [
        document("d1", "2024-07-04", TITLES["sco"]),
        tok,
        quote("d1", 100, "We propose a bank.", tok),
        quote("d1", 200, "It will serve all.", tok),
        body("d1", 300, "SCO Development Bank", "bank", "proposed", ["Kassym-Jomart Tokayev"]),
        document("d2", "2025-09-01", TITLES["sco"]),
        mirz,
        tok2,
        body("d2", 300, "SCO Development Bank", "bank", "established", [], ["Shavkat Mirziyoyev"]),
        body("d2", 400, "SCO Forum on Green Industry", "forum", "proposed", ["Shavkat Mirziyoyev"]),
        document("d0", None, TITLES["sco"]),
        body("d0", 5, "SCO Development Bank", "bank", "proposed"),
    ]


def test_initiative_timeline_status_canonical_name_and_people() -> None:
    result = _link(_corpus())
    bank = next(r for r in result.initiatives if r.name == "SCO Development Bank")
    assert [e.doc_id for e in bank.timeline] == ["d1", "d2", "d0"]  # by date, undated last
    assert bank.status == "established" and bank.series == "sco"
    assert (bank.first_date, bank.last_date) == ("2024-07-04", "2025-09-01")
    people = {p.kb_id: p for p in result.people}
    tok = people["kassym-jomart-tokayev"]
    assert tok.documents == ["d1", "d2"] and tok.quotes == 2 and tok.proposed == [bank.id]
    assert [o.office for o in tok.offices] == ["President of Kazakhstan"]
    mirz = people["shavkat-mirziyoyev"]
    assert mirz.supported == [bank.id] and len(mirz.proposed) == 1


def test_initiative_id_does_not_move_when_a_later_document_joins() -> None:
    records = _corpus()
    before = {r.name: r.id for r in _link(records).initiatives}
    later = [
        document("d9", "2026-01-01", TITLES["sco"]),
        body("d9", 10, "SCO Development Bank", "bank", "established"),
    ]
    after = {r.name: r.id for r in _link(records + later).initiatives}
    assert after == before


def test_same_records_in_any_order_give_the_same_bytes(tmp_path: Path) -> None:
    records = _corpus()
    a = write_folder(tmp_path / "a", records)
    shuffled = list(records)
    random.Random(3).shuffle(shuffled)
    b = write_folder(tmp_path / "b", shuffled)
    write_links(a)
    write_links(b)
    write_links(b)  # twice: same bytes again
    for name in ("initiatives", "people"):
        assert (a / f"{name}.jsonl").read_bytes() == (b / f"{name}.jsonl").read_bytes()


def test_written_lines_follow_the_models(tmp_path: Path) -> None:
    out = write_folder(tmp_path, _corpus())
    write_links(out)
    for name, model in (("initiatives", InitiativeRecord), ("people", PersonRecord)):
        lines = read_lines(out / f"{name}.jsonl")
        assert lines
        for line in lines:
            assert list(line) == list(model.model_fields)
            model.model_validate(line)
    ids = [r["id"] for r in read_lines(out / "initiatives.jsonl")]
    assert ids == sorted(ids)


@pytest.mark.parametrize(
    ("series_a", "series_b", "joined"), [("sco", "eu", False), ("sco", "sco", True)]
)
def test_the_series_decided_at_extraction_is_what_links(
    series_a: str, series_b: str, joined: bool
) -> None:
    """documents.jsonl `series` (decided when the text was read) keeps same-named bodies of two
    series apart; the linker needs no input file for it."""
    a = document("a", "2024-07-04", "Leaders met")
    b = document("b", "2025-04-04", "Leaders met")
    a["series"], b["series"] = series_a, series_b
    records = [
        a,
        b,
        body("a", 10, "Water Council", "council"),
        body("b", 10, "Water Council", "council"),
    ]
    initiatives = _link(records).initiatives
    assert (len(initiatives) == 1) is joined
