"""The component through the Doc: the span groups it reads, the plain values it writes, its refusals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import get_args

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from models.records import BodyRule
from pipeline.components.bodies import (
    BodiesInputError,
    SummitBodies,
)
from pipeline.export import doc_records
from pipeline.extensions import BODIES_GROUP, LEADERS_GROUP, QUOTED_NAMES_GROUP, QUOTES_GROUP
from tests.bodies.helpers import bodies, triples


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


def test_to_disk_from_disk_round_trip(nlp: Language, tmp_path: Path) -> None:
    comp = nlp.get_pipe("summit_bodies")
    assert isinstance(comp, SummitBodies)
    comp.to_disk(tmp_path / "bodies")
    other = SummitBodies(
        nlp,
        "summit_bodies",
        heads_file="body_heads.jsonl",
        cues_file="body_cues.jsonl",
        countries_file="leader_roles.jsonl",
        max_name_tokens=3,
        carry_over=False,
    )
    assert other.from_disk(tmp_path / "bodies") is other
    assert (other.max_name_tokens, other.carry_over) == (comp.max_name_tokens, comp.carry_over)
    assert other.lexicon.heads.keys() == comp.lexicon.heads.keys()
    text = "President Tokayev proposed creating a Regional Water Council. A Digital Forum was proposed."
    doc = nlp(text)
    before = [dict(s._.summit_body) for s in doc.spans[BODIES_GROUP]]
    after = [dict(s._.summit_body) for s in other(doc).spans[BODIES_GROUP]]
    assert before == after
    assert before, "the round trip must be checked on a document with bodies"


# --------------------------------------------------------------------------- attribution

ATTRIBUTION_CASES = [
    # the cue's own subject
    (
        "President Tokayev proposed creating a Regional Water Council.",
        "Regional Water Council",
        {"status": "cue_path", "proposers": "agent", "supporters": "none"},
    ),
    # an item of a dashed list takes its lead-in line's act
    (
        "President Tokayev put forward several initiatives:\n– to create a Caspian Logistics "
        "Centre;\n– to establish a Regional Climate Fund.",
        "Regional Climate Fund",
        {"status": "list_item", "proposers": "agent", "supporters": "none"},
    ),
    # an agentless passive carries the proposer of the sentence before
    (
        "President Tokayev proposed creating a Regional Water Council. A Central Asian Energy "
        "Forum was also proposed.",
        "Central Asian Energy Forum",
        {"status": "cue_path", "proposers": "carry_over", "supporters": "none"},
    ),
    # a later statement adds a supporter
    (
        "President Mirziyoyev proposed a Digital Trade Platform. The idea was supported by "
        "Kazakhstan.",
        "Digital Trade Platform",
        {"status": "cue_path", "proposers": "agent", "supporters": "support_statement"},
    ),
]


@pytest.mark.parametrize(("text", "name", "expected"), ATTRIBUTION_CASES)
def test_attribution_names_the_deciding_rule(
    nlp: Language, text: str, name: str, expected: dict[str, str]
) -> None:
    found = {b["name"]: b for b in bodies(nlp(text))}
    assert found[name]["attribution"] == expected


def test_attribution_is_exported_in_fixed_order(nlp: Language) -> None:
    text = ATTRIBUTION_CASES[2][0]
    records = doc_records("d", text, [(nlp(text), 0)]).bodies
    line = json.loads(records[-1].model_dump_json())
    assert list(line["attribution"]) == ["status", "proposers", "supporters"]
    assert line["attribution"]["proposers"] == "carry_over"
    assert list(line)[-1] == "attribution"
    for record in records:
        for value in record.attribution.model_dump().values():
            assert value in get_args(BodyRule)
