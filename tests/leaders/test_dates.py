"""summit_leaders: dates: the first full date of a text, history dates, the fallback date, undated
texts.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from pipeline.components.leaders import LexiconLine, find_text_date
from pipeline.components.leaders.dates import DateReader, month_forms
from pipeline.resources import parse_jsonl, read_text
from tests.leaders.helpers import mentions, run


def test_date_found_in_text_beats_the_fallback(lnlp: Language) -> None:
    doc = run(lnlp, "ASTANA, 12 March 2018. The President of Kazakhstan spoke.", "2023-09-14")
    assert doc._.summit_doc_date == "2018-03-12"
    assert doc._.summit_date_source == "text"
    assert mentions(doc)[0][2] == "nursultan-nazarbayev"


def test_history_date_first_does_not_date_the_text(lnlp: Language) -> None:
    text = (
        "The first meeting was held in Astana on 15 March 2018. The fifth took place on "
        "14 September 2023, where Kassym-Jomart Tokayev and Sadyr Japarov met. "
        "The President of Kazakhstan proposed a plan."
    )
    doc = run(lnlp, text)
    assert doc._.summit_doc_date == "2023-09-14"
    assert ("President of Kazakhstan", "role", "kassym-jomart-tokayev") in mentions(doc)


def test_fallback_date_is_not_a_text_date(lnlp: Language) -> None:
    doc = run(lnlp, "The summit launched in 2018 met on September 14.", "2023-09-14")
    assert doc._.summit_date_source == "none"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dushanbe, 14 September 2023 - the summit", "2023-09-14"),
        ("held on September 14, 2023 in Dushanbe", "2023-09-14"),
        ("held on 14-15 September 2023", "2023-09-14"),
        ("Published 2023-09-14", "2023-09-14"),
        ("on 14.09.2023 the leaders met", "2023-09-14"),
        ("Sept. 14, 2023", "2023-09-14"),
        ("the summits launched in 2018", None),
        ("held on September 14 in Dushanbe", None),
        ("on 31 February 2023", None),
    ],
)
def test_find_text_date(text: str, expected: str | None) -> None:
    found = find_text_date(text)
    assert (found.isoformat() if found else None) == expected


def test_without_any_date_a_named_holder_wins(lnlp: Language) -> None:
    text = "Nursultan Nazarbayev hosted the meeting. The President of Kazakhstan said it went well."
    doc = run(lnlp, text)
    assert ("President of Kazakhstan", "role", "nursultan-nazarbayev") in mentions(doc)


def test_month_names_are_data() -> None:
    """The bundled lexicon holds the twelve months; a reader built on other month forms reads
    dates in those forms, so no month name lives in the date code."""
    lines = parse_jsonl(read_text("leader_roles.jsonl"), LexiconLine, "leader_roles.jsonl")
    months = month_forms(lines)
    assert sorted(set(months.values())) == list(range(1, 13))
    assert months["sept"] == 9
    reader = DateReader({"sentyabr": 9})
    assert reader.dates("Tashkent, 14 sentyabr 2023") == [dt.date(2023, 9, 14)]
    assert reader.dates("Tashkent, 14 September 2023") == []
