"""summit_leaders: texts whose dateline gives a day and a month but no year.

Invented datelines in agency and press-service styles: the year comes from a full date of the
text on the same day, a year written as the meeting's own, the summit calendar, the text's other
full dates, else the text stays undated; role mentions then resolve on that day.
"""

from __future__ import annotations

import datetime as dt
import json
from itertools import pairwise
from pathlib import Path

import pytest
from pydantic import ValidationError
from spacy.language import Language

from pipeline.components.leaders.dates import (
    DateReader,
    SummitCalendar,
    bundled_calendar,
    document_date,
)
from pipeline.link import knowledge
from pipeline.resources import parse_jsonl, read_text
from pipeline.resources.schemas import CalendarLine, CalendarMeeting
from pipeline.runner import run_extract
from tests.leaders.helpers import mentions, run


@pytest.mark.parametrize(
    ("text", "expected", "source"),
    [
        # agency style; the calendar: series cue + host city, day inside the meeting
        (
            "Leaders agree on water rules\n\nTASHKENT, Uzbekistan, November 29 (Newswire) - "
            "The heads of Central Asia met on Friday for a Consultative Meeting in Tashkent.",
            "2019-11-29",
            "summit_calendar",
        ),
        # press-service style, a two-day meeting's second day
        (
            "The President attends the summit\n\nBishkek, 14 June (Kabar). The Head of State "
            "took part in the meeting of the SCO Council of Heads of State.",
            "2019-06-14",
            "summit_calendar",
        ),
        # the calendar by series + ordinal, the host city not named
        (
            "NEWS\n\nLAKESIDE, July 21 - The fourth Consultative Meeting of the Heads of State "
            "of Central Asia opened on the shore.",
            "2022-07-21",
            "summit_calendar",
        ),
        # bare years (history, a target, the next meeting) are no year of the text
        (
            "EU courts the region\n\nSAMARKAND, April 4 (Wire) - The EU-Central Asia summit "
            "opened after a deal agreed in 2022; the next summit in 2027 will follow.",
            "2025-04-04",
            "summit_calendar",
        ),
        # a full date of the text on the same day and month gives the year
        (
            "Talks in the capital\n\nAstana, 12 March (Agency). The talks went well. The "
            "minutes of the talks of 12 March 2024 were published.",
            "2024-03-12",
            "text_dateline_year",
        ),
        # a year written as the meeting's own
        (
            "Summit opens\n\nDUSHANBE, May 2 - Delegates arrived for the 2026 summit of the "
            "regional forum.",
            "2026-05-02",
            "text_dateline_year",
        ),
        # it contradicts the calendar (the sixth meeting was in 2024): the explicit year wins
        (
            "Summit opens\n\nASTANA, August 9 (Agency) - The 2025 Consultative Meeting opened "
            "in Astana.",
            "2025-08-09",
            "text_dateline_year",
        ),
        # no year anywhere, no calendar meeting named: the year of the other full dates
        (
            "Trade news\n\nALMATY, June 3 (Agency) - Trade grew after the agreement of "
            "12 October 2021 entered into force.",
            "2021-06-03",
            "text_dateline_year",
        ),
        # a named series and city, but the day fits none of its meetings: undated
        (
            "Summit news\n\nDUSHANBE, September 20 - The Consultative Meeting in Dushanbe "
            "adopted a declaration.",
            None,
            "none",
        ),
        # the series alone is not a meeting: undated
        (
            "Summit news\n\nHOSTCITY, June 14 - The SCO summit adopted a declaration.",
            None,
            "none",
        ),
        # a full date comes first: it dates the text, the later day without a year does not
        (
            "Q&A\n\nTashkent, 17 November 2025. The Consultative Meeting was held in Tashkent "
            "on 16 November.",
            "2025-11-17",
            "text",
        ),
        # a full date in the opening dates the text, whatever day the headline names
        (
            "Leaders to meet on September 15\n\nDUSHANBE, 14 September 2023 - The "
            "Consultative Meeting opened in Dushanbe.",
            "2023-09-14",
            "text",
        ),
        # a month in lower case in running text is no dateline
        (
            "Leaders may 5 times meet in Tashkent at a Consultative Meeting.",
            None,
            "none",
        ),
    ],
)
def test_year_of_a_dateline_without_one(text: str, expected: str | None, source: str) -> None:
    day, found = document_date(text, (), {})
    assert (day.isoformat() if day else None, found) == (expected, source)


def test_a_day_month_deep_in_the_text_is_no_dateline() -> None:
    """Only the opening (first three paragraphs) holds a dateline."""
    text = "Title\n\nLead.\n\nMore.\n\nThe Consultative Meeting in Tashkent on November 29 ended."
    assert document_date(text, (), {}) == (None, "none")


def test_two_meetings_on_one_day_leave_the_text_undated() -> None:
    """Two meetings of the named series and city on that day and month: no guess."""
    text = "X\n\nASTANA, 9 August - The SCO and Consultative Meeting in Astana."
    reader = DateReader({"august": 8})
    lines = [
        CalendarLine.model_validate(
            {"kind": "meeting", "series": "sco", "places": ["Astana"], "start": s, "end": s}
        )
        for s in ("2030-08-09", "2031-08-09")
    ]
    calendar = SummitCalendar(lines, {"sco": ["SCO"]})
    assert document_date(text, (), {}, reader, calendar) == (None, "none")
    one = SummitCalendar(lines[:1], {"sco": ["SCO"]})
    assert document_date(text, (), {}, reader, one) == (dt.date(2030, 8, 9), "summit_calendar")


@pytest.mark.parametrize(
    ("dateline", "holder"),
    [
        ("QINGDAO, June 10 (Agency) - At the SCO summit in Qingdao,", "sooronbay-jeenbekov"),
        ("ASTANA, July 4 (Agency) - At the SCO summit in Astana,", "sadyr-japarov"),
    ],
)
def test_role_resolves_on_the_calendar_day(lnlp: Language, dateline: str, holder: str) -> None:
    """The role names the holder of that year, not today's (both texts carry no year)."""
    text = f"Summit report\n\n{dateline} the President of Kyrgyzstan called for new roads."
    doc = run(lnlp, text)
    assert doc._.summit_date_source == "summit_calendar"
    assert ("President of Kyrgyzstan", "role", holder) in mentions(doc)


def test_without_a_year_the_role_falls_back_as_before(lnlp: Language) -> None:
    """A day that fits no meeting leaves the text undated: --date decides, as before."""
    text = (
        "Report\n\nQINGDAO, June 20 (Agency) - At the SCO summit the President of Kyrgyzstan spoke."
    )
    doc = run(lnlp, text, "2018-06-20")
    assert doc._.summit_date_source == "none"
    assert ("President of Kyrgyzstan", "role", "sooronbay-jeenbekov") in mentions(doc)
    doc = run(lnlp, text, "2024-06-20")
    assert ("President of Kyrgyzstan", "role", "sadyr-japarov") in mentions(doc)


def test_documents_record_the_date_source(tmp_path: Path, nlp: Language) -> None:
    """documents.jsonl carries the rule's name; the calendar beats --date, as a text date does."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "wire.txt").write_text(
        "Head\n\nASTANA, August 9 (Agency) - The Consultative Meeting in Astana opened.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    run_extract([str(tmp_path / "in")], out, nlp_factory=lambda: nlp, model="t", date="2020-01-01")
    doc = json.loads((out / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert (doc["date"], doc["date_source"]) == ("2024-08-09", "summit_calendar")


# ---------------------------------------------------------------------------- the calendar data


def test_calendar_meetings_are_consistent() -> None:
    """Series ids exist; a series' meetings do not overlap and its ordinals rise with time."""
    lines = parse_jsonl(read_text("summit_calendar.jsonl"), CalendarLine, "summit_calendar")
    meetings = [ln.root for ln in lines if isinstance(ln.root, CalendarMeeting)]
    series = {s.id for s in knowledge().series}
    assert meetings and {m.series for m in meetings} <= series
    by_series: dict[str, list[CalendarMeeting]] = {}
    for m in meetings:
        by_series.setdefault(m.series, []).append(m)
    for sid, group in by_series.items():
        group.sort(key=lambda m: m.start)
        for a, b in pairwise(group):
            assert a.end < b.start, (sid, a.start, b.start)
        ordinals = [m.ordinal for m in group if m.ordinal is not None]
        assert ordinals == sorted(set(ordinals)), sid
    assert bundled_calendar().meetings == meetings


def test_calendar_schema_rejects_a_backwards_meeting() -> None:
    with pytest.raises(ValidationError):
        CalendarLine.model_validate(
            {
                "kind": "meeting",
                "series": "sco",
                "places": ["X"],
                "start": "2024-07-04",
                "end": "2024-07-03",
            }
        )
