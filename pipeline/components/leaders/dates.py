"""Dates: which day a text is about, so role mentions resolve to whoever held the office then.

Reads ``doc.text`` (full calendar dates: "14 September 2023", "September 14, 2023", "2023-09-14",
"14.09.2023") and ``doc._.summit_date`` (front matter / ``--date``). Month names are data (``month``
lines of ``leader_roles.jsonl``); the patterns around them are the regexes below.

A text whose opening (title, dateline, lead: the first three paragraphs) gives a day and a month
without a year ("SAMARKAND, April 4 (Agency) -", "Astana, 9 August (UzA)."), and no full date but
later in that paragraph, takes the year, in order, from (:func:`document_date`): a full date of the text on the same day
and month; a year written as its meeting's own ("the 2024 summit", "the summit of 2024"); the
summit calendar (``summit_calendar.jsonl``: a held meeting the text names, by a series cue and
its host city or by a series cue and its ordinal, whose days contain that day and month); the
year of the text's other full dates. Else the text stays undated. A bare year ("launched in
2018", "by 2030") is never used: in news copy such years are history and targets.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pipeline.components.common.text import bounded_literal, fold_dashes, paragraph_spans
from pipeline.resources import parse_jsonl, read_text
from pipeline.resources.schemas import (
    CalendarLine,
    CalendarMeeting,
    CalendarOrdinal,
    CalendarWords,
    LexiconLine,
    MonthEntry,
    Person,
)

_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_RANGE = r"(?:\s*[-–—]\s*\d{1,2}(?:st|nd|rd|th)?)?"
# A year standing alone: not inside a range ("2025–2027"), a numeric date or a longer number.
_YEAR = r"(?<![\d/.\-–—])(19[89]\d|20\d\d)(?![\d/]|\.\d|\s*[-–—]\s*\d)"
# How many paragraphs open a text (title, agency or press-service header, dateline / lead).
LEAD_PARAGRAPHS = 3

DateSource = Literal["text", "text_dateline_year", "summit_calendar", "none"]


@dataclass(frozen=True)
class DayMonth:
    """A day and a month written without a year ("April 4", "9 August"), at ``start`` in a text."""

    start: int
    month: int
    day: int


class DateReader:
    """Full calendar dates in a text, with month names read from the lexicon."""

    def __init__(self, months: Mapping[str, int]) -> None:
        self.months = dict(months)
        month = "(" + "|".join(sorted(self.months, key=len, reverse=True)) + r")\.?"
        # (pattern, group index of year, month, day)
        self.patterns: list[tuple[re.Pattern[str], tuple[int, int, int]]] = [
            (re.compile(rf"\b{_DAY}{_RANGE}\s+(?:of\s+)?{month},?\s+(\d{{4}})\b", re.I), (3, 2, 1)),
            (re.compile(rf"\b{month}\s+{_DAY}{_RANGE},?\s+(\d{{4}})\b", re.I), (3, 1, 2)),
            (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), (1, 2, 3)),
            (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), (3, 2, 1)),
        ]
        # A day and a month with no year after them; the month written with a capital (a
        # dateline's "April 4", "9 AUGUST"), so that "may 5" in running text is no date.
        no_year = r"(?!\s*[-–—]?\s*\d)(?!,?\s+\d{4})"
        self.yearless: list[tuple[re.Pattern[str], tuple[int, int]]] = [
            (re.compile(rf"\b{_DAY}{_RANGE}\s+(?:of\s+)?{month}\b{no_year}", re.I), (2, 1)),
            (re.compile(rf"\b{month}\s+{_DAY}\b{_RANGE}{no_year}", re.I), (1, 2)),
        ]

    def _month(self, text: str) -> int:
        return int(text) if text.isdigit() else self.months[text.lower()]

    def dates(self, text: str) -> list[dt.date]:
        """Return every full calendar date (with year) written in ``text``, in text order.

        A year alone ("launched in 2018") or a day without a year ("September 14") is not a date.
        """
        return [day for _, day in self.dated(text)]

    def dated(self, text: str) -> list[tuple[int, dt.date]]:
        """Return ``(offset, date)`` of every full calendar date in ``text``, in text order."""
        found: list[tuple[int, dt.date]] = []
        for pattern, (yi, mi, di) in self.patterns:
            for match in pattern.finditer(text):
                try:
                    day = dt.date(
                        int(match.group(yi)), self._month(match.group(mi)), int(match.group(di))
                    )
                except ValueError:
                    continue
                if 1985 <= day.year <= 2100:
                    found.append((match.start(), day))
        return sorted(found, key=lambda f: f[0])

    def day_months(self, text: str) -> list[DayMonth]:
        """Return every day + month written without a year (capitalised month), in text order."""
        found: dict[int, DayMonth] = {}
        for pattern, (mi, di) in self.yearless:
            for match in pattern.finditer(text):
                month_text = match.group(mi)
                if not month_text[0].isupper():
                    continue
                month, day = self._month(month_text), int(match.group(di))
                try:
                    dt.date(2000, month, day)  # a leap year: 29 February is a day
                except ValueError:
                    continue
                found.setdefault(match.start(), DayMonth(match.start(), month, day))
        return [found[k] for k in sorted(found)]

    def lead_day_month(self, text: str) -> DayMonth | None:
        """Return the first day + month without a year in the first ``LEAD_PARAGRAPHS``
        non-empty paragraphs of ``text``, or None when another paragraph of that opening holds a
        full date: a full dateline ("DUSHANBE, 14 September 2023") dates the text, whatever day
        its headline names. A full date later in the same paragraph ("ASTANA, 9 August (Agency)
        - … on 9 August 2024") only gives the year."""
        spans = [(s, e) for s, e in paragraph_spans(text) if text[s:e].strip()]
        if not spans:
            return None
        spans = spans[:LEAD_PARAGRAPHS]
        found = self.day_months(text[: spans[-1][1]])
        if not found:
            return None
        lead = found[0]
        own = next((s, e) for s, e in spans if s <= lead.start < e)
        for offset, _ in self.dated(text[: spans[-1][1]]):
            if not own[0] <= offset < own[1] or offset < lead.start:
                return None
        return lead


def month_forms(lines: list[LexiconLine]) -> dict[str, int]:
    """Return month form (lower case) -> month number from the ``month`` lines of a lexicon."""
    return {
        form.lower(): line.root.number
        for line in lines
        if isinstance(line.root, MonthEntry)
        for form in line.root.forms
    }


@lru_cache(maxsize=1)
def _bundled_reader() -> DateReader:
    """Return the date reader of the bundled lexicon (built once)."""
    text = read_text("leader_roles.jsonl")
    return DateReader(month_forms(parse_jsonl(text, LexiconLine, "leader_roles.jsonl")))


def find_text_dates(text: str, reader: DateReader | None = None) -> list[dt.date]:
    """Return every full calendar date written in ``text`` (months of the bundled lexicon unless
    ``reader`` says otherwise), in text order."""
    return (reader or _bundled_reader()).dates(text)


def find_text_date(text: str, reader: DateReader | None = None) -> dt.date | None:
    """Return the first full calendar date written in ``text``, or None."""
    dates = find_text_dates(text, reader)
    return dates[0] if dates else None


def parse_date(value: object) -> dt.date | None:
    """Return ``value`` as a date (a date, or an ISO string whose first 10 characters parse)."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def event_date(
    dates: list[dt.date], named: Collection[str], people: Mapping[str, Person]
) -> dt.date | None:
    """Return the date the text is about: the first full date, unless a later one fits the
    leaders it names better (an analysis may open with history: "On 15 March 2018 ...").

    A date's fit is how many of the base people named in full held an office on it.
    """
    if len(set(dates)) < 2 or not named:
        return dates[0] if dates else None

    def fit(day: dt.date) -> int:
        """Return how many of the named people held an office on ``day``."""
        return sum(
            any(o.held_on(day) for o in people[pid].offices) for pid in named if pid in people
        )

    best = dates[0]
    best_fit = fit(best)
    for day in dict.fromkeys(dates[1:]):
        score = fit(day)
        if score > best_fit:
            best, best_fit = day, score
    return best


# ------------------------------------------------------------------------ texts without a year


def _words_pattern(forms: Collection[str]) -> str:
    """Return an alternation of ``forms`` (longest first), dashes folded, escaped."""
    return "|".join(re.escape(fold_dashes(f)) for f in sorted(forms, key=len, reverse=True))


class SummitCalendar:
    """The held meetings of ``summit_calendar.jsonl`` and the series cues of
    ``summit_series.jsonl``: which meeting a text names, and the year a text gives its meeting."""

    def __init__(self, lines: list[CalendarLine], series_cues: Mapping[str, Collection[str]]):
        self.meetings = [ln.root for ln in lines if isinstance(ln.root, CalendarMeeting)]
        unknown = {m.series for m in self.meetings} - set(series_cues)
        if unknown:
            raise ValueError(f"summit_calendar.jsonl: series not in summit_series: {unknown}")
        words: dict[str, set[str]] = {"event_noun": set(), "not_this_event": set()}
        self.ordinals: dict[str, int] = {}
        for line in lines:
            if isinstance(line.root, CalendarOrdinal):
                self.ordinals.update({f: line.root.number for f in line.root.forms})
            elif isinstance(line.root, CalendarWords):
                words[line.root.kind].update(line.root.forms)
        # A cue in capitals (SCO, EU) is an acronym and matches case-sensitively (as in link.py).
        self.series: dict[str, list[re.Pattern[str]]] = {
            sid: [bounded_literal(fold_dashes(c), 0 if c.isupper() else re.I) for c in cues]
            for sid, cues in series_cues.items()
        }
        self.places = {
            p: bounded_literal(fold_dashes(p), re.I) for m in self.meetings for p in m.places
        }
        nouns = _words_pattern(words["event_noun"])
        self.not_this = {w.casefold() for w in words["not_this_event"]}
        # "the 2024 summit", "the 2024 Astana summit"; "the summit of/in 2024".
        self.event_year = [
            re.compile(
                rf"(?:\b(\w+)\s+)?(?:the\s+)?{_YEAR}\s+(?:[A-Z][\w'’+-]*\s+){{0,3}}(?i:{nouns})\b"
            ),
            re.compile(rf"(?:\b(\w+)\s+)?\b(?i:{nouns})\s+(?:of|in)\s+{_YEAR}"),
        ]
        # Roman numerals are only read in capitals ("VI CICA Summit"); words in any case.
        roman = [f for f in self.ordinals if f.isupper()]
        spelled = [f for f in self.ordinals if not f.isupper()]
        # "the Sixth Consultative Meeting", "VI CICA Summit", "the 12th Summit of ...".
        self.ordinal_before = re.compile(
            r"(?<![\w+])(?:("
            + _words_pattern(roman)
            + r")|((?i:"
            + _words_pattern(spelled)
            + r")))\s+(?:[A-Z][\w'’+-]*\s+){0,4}(?i:"
            + nouns
            + r")\b"
        )

    def named_series(self, folded: str) -> set[str]:
        """Return the ids of the series whose cue appears in the (folded) text."""
        return {sid for sid, pats in self.series.items() if any(p.search(folded) for p in pats)}

    def meeting_years(self, text: str) -> list[int]:
        """Return the years of the text's own meeting written as such ("the 2024 summit", "the
        summit of 2024"), in text order; phrases after "next", "previous", … are left out."""
        found: list[tuple[int, int]] = []
        for pattern in self.event_year:
            for match in pattern.finditer(text):
                before = (match.group(1) or "").casefold()
                if before in self.not_this:
                    continue
                found.append((match.start(2), int(match.group(2))))
        return [year for _, year in sorted(found)]

    def _ordinals(self, folded: str) -> set[int]:
        """Return the ordinals written before a meeting's name ("the Sixth Consultative Meeting")."""
        out: set[int] = set()
        for match in self.ordinal_before.finditer(folded):
            form = match.group(1) or match.group(2)
            number = self.ordinals.get(form, self.ordinals.get(form.lower()))
            if number is not None:
                out.add(number)
        return out

    def days(self, text: str, month: int, day: int) -> list[dt.date]:
        """Return the days, on ``month``/``day``, of the calendar meetings the text names: a
        series cue of the meeting and its host city, or a series cue and its ordinal."""
        folded = fold_dashes(text)
        named = self.named_series(folded)
        ordinals: set[int] | None = None
        out: set[dt.date] = set()
        for meeting in self.meetings:
            if meeting.series not in named:
                continue
            hits = meeting.contains(month, day)
            if not hits:
                continue
            if any(self.places[p].search(folded) for p in meeting.places):
                out.update(hits)
                continue
            if meeting.ordinal is not None:
                if ordinals is None:
                    ordinals = self._ordinals(folded)
                if meeting.ordinal in ordinals:
                    out.update(hits)
        return sorted(out)


@lru_cache(maxsize=1)
def bundled_calendar() -> SummitCalendar:
    """Return the calendar of the bundled ``summit_calendar.jsonl`` and ``summit_series.jsonl``."""
    from pipeline.link import knowledge  # the linker owns the series file and its schema

    lines = parse_jsonl(read_text("summit_calendar.jsonl"), CalendarLine, "summit_calendar.jsonl")
    cues = {s.id: [*s.doc_cues, *s.name_cues] for s in knowledge().series}
    return SummitCalendar(lines, cues)


def _on(year: int, lead: DayMonth) -> dt.date | None:
    try:
        return dt.date(year, lead.month, lead.day)
    except ValueError:  # 29 February of a common year
        return None


def document_date(
    text: str,
    named: Collection[str],
    people: Mapping[str, Person],
    reader: DateReader | None = None,
    calendar: SummitCalendar | None = None,
) -> tuple[dt.date | None, DateSource]:
    """Return the day ``text`` is about and the rule that found it.

    ``text``: a full date (:func:`event_date`). ``text_dateline_year``: the opening's day and
    month without a year, in the year of a full date of the text on that day and month, else of
    a year written as the meeting's own ("the 2024 summit"), else (after the calendar) of the
    text's other full dates. ``summit_calendar``: that day and month in the one calendar
    meeting the text names whose days contain it. ``none``: no date.
    """
    reader = reader or _bundled_reader()
    full = reader.dates(text)
    lead = reader.lead_day_month(text)
    if lead is None:
        day = event_date(full, named, people)
        return day, ("text" if day else "none")
    same = [d for d in full if (d.month, d.day) == (lead.month, lead.day)]
    if same:
        return event_date(same, named, people), "text_dateline_year"
    calendar = calendar or bundled_calendar()
    own = [d for d in (_on(y, lead) for y in calendar.meeting_years(text)) if d is not None]
    if own:
        return event_date(own, named, people), "text_dateline_year"
    meetings = calendar.days(text, lead.month, lead.day)
    if len(meetings) == 1:
        return meetings[0], "summit_calendar"
    if full:
        year_of = event_date(full, named, people)
        day = _on(year_of.year, lead) if year_of else None
        if day is not None:
            return day, "text_dateline_year"
    return None, "none"
