"""summit_leaders: the knowledge files: validation, one holder per office, every country in the
lexicon.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from pydantic import ValidationError

from pipeline.components.leaders import (
    LexiconLine,
    Person,
)
from pipeline.resources import ResourceError, parse_jsonl, read_text


def test_office_dates_are_validated() -> None:
    bad = {
        "id": "x",
        "name": "X Y",
        "offices": [
            {
                "office": "President of X",
                "kind": "state",
                "country": "X",
                "start": "2020-01-01",
                "end": "2019-01-01",
            }
        ],
    }
    with pytest.raises(ValidationError):
        Person.model_validate(bad)


def test_bad_lexicon_line_names_file_and_line() -> None:
    with pytest.raises(ResourceError, match=r"lex\.jsonl:2"):
        parse_jsonl(
            '{"kind": "blocker", "forms": ["vice"]}\n{"kind": "nope"}\n', LexiconLine, "lex.jsonl"
        )


def test_one_holder_per_office_at_a_time() -> None:
    """The base never has two people in the same office on the same day."""
    people = parse_jsonl(read_text("officeholders.jsonl"), Person, "officeholders.jsonl")
    spells: dict[str, list[tuple[str, dt.date, dt.date | None]]] = {}
    for person in people:
        for o in person.offices:
            spells.setdefault(o.office, []).append((person.id, o.start, o.end))
    far = dt.date(9999, 1, 1)
    clashes = [
        (office, a[0], b[0])
        for office, items in spells.items()
        for a, b in itertools.combinations(items, 2)
        if a[0] != b[0] and a[1] < (b[2] or far) and b[1] < (a[2] or far)
    ]
    assert clashes == []


def test_every_office_country_is_in_the_lexicon() -> None:
    people = parse_jsonl(read_text("officeholders.jsonl"), Person, "officeholders.jsonl")
    lexicon = parse_jsonl(read_text("leader_roles.jsonl"), LexiconLine, "leader_roles.jsonl")
    countries = {line.root.name for line in lexicon if line.root.kind == "country"}
    missing = {o.country for p in people for o in p.offices if o.country} - countries
    assert missing == set()


def test_other_offices_in_the_base_are_validated() -> None:
    people = parse_jsonl(read_text("officeholders.jsonl"), Person, "officeholders.jsonl")
    gurbanguly = next(p for p in people if p.id == "gurbanguly-berdimuhamedov")
    assert gurbanguly.elsewhere_on(dt.date(2025, 1, 1))
    assert not gurbanguly.elsewhere_on(dt.date(2019, 1, 1))
