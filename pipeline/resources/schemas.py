"""Schemas of the leaders' knowledge files, validated by pydantic at load.

`officeholders.jsonl` (one :class:`Person` a line, with dated :class:`Office` spells) and
`leader_roles.jsonl` (one :class:`LexiconLine` a line, discriminated by ``kind``: country, role,
organisation, month or a word list). Defined once here: the leaders component reads both files, the
bodies component reads the country lines of the second.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

OfficeKind = Literal["state", "government", "organisation", "supreme", "crown_prince"]

# ---------------------------------------------------------------------------------------------
# Data models (validated at load)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Office(_Strict):
    """One spell in one office; ``end`` is exclusive, None while in office."""

    office: str = Field(min_length=3)
    kind: OfficeKind
    country: str | None = None
    organisation: str | None = None
    start: dt.date
    end: dt.date | None = None

    @model_validator(mode="after")
    def _check(self) -> Office:
        if (self.country is None) == (self.organisation is None):
            raise ValueError(f"{self.office!r}: give exactly one of country / organisation")
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"{self.office!r}: end {self.end} is not after start {self.start}")
        return self

    def held_on(self, day: dt.date) -> bool:
        """Return True when the office was held on ``day``."""
        return self.start <= day and (self.end is None or day < self.end)


class OtherOffice(_Strict):
    """A later non-leader office (a parliament chair, a security-council post); ``end`` exclusive."""

    office: str = Field(min_length=3)
    start: dt.date
    end: dt.date | None = None

    def held_on(self, day: dt.date) -> bool:
        """Return True when the office was held on ``day``."""
        return self.start <= day and (self.end is None or day < self.end)


class Person(_Strict):
    """One office holder: canonical name, name variants and offices.

    ``other_offices``: non-leader offices held after (or besides) the leader ones. On a date
    when the person holds one of them and no leader office, a mention by name alone is of that
    other office, not of a leader (corpus DECISIONS 401-406: Gurbanguly Berdimuhamedov chairing
    the Halk Maslahaty); a role mention ("the former president") keeps them a leader.
    """

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str = Field(min_length=2)
    given: list[str] = Field(default_factory=list)
    surnames: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    family_first: bool = False
    ambiguous_surname: bool = False
    # titles of honour that stand for this one person ("Elbasy", "Hero-Arkadag", "Leader of the
    # Nation"): a surname right after one is this person; alone they are no mention (gold)
    honorifics: list[str] = Field(default_factory=list)
    offices: list[Office] = Field(min_length=1)
    other_offices: list[OtherOffice] = Field(default_factory=list)

    def full_names(self) -> set[str]:
        """Return every full-name form: the name, aliases and given x surname combinations."""
        out = {self.name, *self.aliases}
        for given in self.given:
            for surname in self.surnames:
                out.add(f"{surname} {given}" if self.family_first else f"{given} {surname}")
        return out

    def office_on(self, day: dt.date) -> Office:
        """Return the office held on ``day``, else the latest one before it, else the first."""
        held = [o for o in self.offices if o.held_on(day)]
        if held:  # a head of state who is also head of government: the state office wins
            return min(held, key=lambda o: _KIND_RANK[o.kind])
        before = [o for o in self.offices if o.start <= day]
        if before:
            return max(before, key=lambda o: o.start)
        return min(self.offices, key=lambda o: o.start)

    def elsewhere_on(self, day: dt.date) -> bool:
        """Return True when on ``day`` the person holds a non-leader office and no leader one."""
        return any(o.held_on(day) for o in self.other_offices) and not any(
            o.held_on(day) for o in self.offices
        )


_KIND_RANK = {"state": 0, "organisation": 1, "government": 2, "supreme": 3, "crown_prince": 4}


class CountryEntry(_Strict):
    kind: Literal["country"]
    name: str
    forms: list[str] = Field(min_length=1)
    demonyms: list[str] = Field(default_factory=list)
    leader_kinds: list[OfficeKind] = ["state"]


class RoleEntry(_Strict):
    kind: Literal["role"]
    forms: list[str] = Field(min_length=1)
    kinds: list[str] = Field(min_length=1)
    title: str | None = None
    title_before_name: bool = False


class OrganisationEntry(_Strict):
    kind: Literal["organisation"]
    name: str
    forms: list[str] = Field(min_length=1)
    titles: list[str] = Field(min_length=1)
    office: str


WordListType = Literal[
    "blocker",
    "temporal",
    "current",
    "dependent",
    "honorific",
    "org_head",
    "non_leader_title",
    "own_voice",
    "not_given_name",
    "not_name",
    "particle",
    "patronymic_word",
    "patronymic_suffix",
    "state_noun",
]
_WORD_LISTS: tuple[str, ...] = get_args(WordListType)


class WordListEntry(_Strict):
    kind: WordListType
    forms: list[str] = Field(min_length=1)


class MonthEntry(_Strict):
    """A month's written forms ("september", "sep", "sept"), for reading dates in texts."""

    kind: Literal["month"]
    number: int = Field(ge=1, le=12)
    forms: list[str] = Field(min_length=1)


LexiconItem = Annotated[
    CountryEntry | RoleEntry | OrganisationEntry | MonthEntry | WordListEntry,
    Field(discriminator="kind"),
]


class LexiconLine(RootModel[LexiconItem]):
    """One line of leader_roles.jsonl (discriminated by ``kind``)."""


# ---------------------------------------------------------------------------------------------
# summit_calendar.jsonl: held meetings of the followed summit series, for dating texts whose
# dateline has a day and a month but no year (pipeline/components/leaders/dates.py).


class CalendarMeeting(_Strict):
    """One held meeting: its series (an id of summit_series.jsonl), ordinal, host city spellings
    and first/last day (inclusive)."""

    kind: Literal["meeting"]
    series: str = Field(pattern=r"^[a-z0-9]+$")
    ordinal: int | None = Field(default=None, ge=1)
    places: list[str] = Field(min_length=1)
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _check(self) -> CalendarMeeting:
        if self.end < self.start:
            raise ValueError(f"{self.series} {self.start}: end {self.end} is before start")
        if (self.end - self.start).days > 7:
            raise ValueError(f"{self.series} {self.start}: a meeting of more than a week")
        return self

    def contains(self, month: int, day: int) -> list[dt.date]:
        """Return the days of the meeting that fall on ``month``/``day`` (zero or one)."""
        out: list[dt.date] = []
        current = self.start
        while current <= self.end:
            if (current.month, current.day) == (month, day):
                out.append(current)
            current += dt.timedelta(days=1)
        return out


class CalendarOrdinal(_Strict):
    """An ordinal's number and written forms ("sixth", "6th", "VI")."""

    kind: Literal["ordinal"]
    number: int = Field(ge=1)
    forms: list[str] = Field(min_length=1)


class CalendarWords(_Strict):
    """Words for reading a meeting's own year: event nouns, and words pointing to another one."""

    kind: Literal["event_noun", "not_this_event"]
    forms: list[str] = Field(min_length=1)


CalendarItem = Annotated[
    CalendarMeeting | CalendarOrdinal | CalendarWords, Field(discriminator="kind")
]


class CalendarLine(RootModel[CalendarItem]):
    """One line of summit_calendar.jsonl (discriminated by ``kind``)."""
