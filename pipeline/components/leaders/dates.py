"""Dates: which day a text is about, so role mentions resolve to whoever held the office then.

Reads ``doc.text`` (full calendar dates: "14 September 2023", "September 14, 2023", "2023-09-14",
"14.09.2023") and ``doc._.summit_date`` (front matter / ``--date``). Month names are data (``month``
lines of ``leader_roles.jsonl``); the patterns around them are the regexes below.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from functools import lru_cache

from pipeline.resources import parse_jsonl, read_text
from pipeline.resources.schemas import LexiconLine, MonthEntry, Person

_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_RANGE = r"(?:\s*[-–—]\s*\d{1,2}(?:st|nd|rd|th)?)?"


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

    def dates(self, text: str) -> list[dt.date]:
        """Return every full calendar date (with year) written in ``text``, in text order.

        A year alone ("launched in 2018") or a day without a year ("September 14") is not a date.
        """
        found: list[tuple[int, dt.date]] = []
        for pattern, (yi, mi, di) in self.patterns:
            for match in pattern.finditer(text):
                month_text = match.group(mi)
                month = int(month_text) if month_text.isdigit() else self.months[month_text.lower()]
                try:
                    day = dt.date(int(match.group(yi)), month, int(match.group(di)))
                except ValueError:
                    continue
                if 1985 <= day.year <= 2100:
                    found.append((match.start(), day))
        return [day for _, day in sorted(found, key=lambda f: f[0])]


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
