"""summit_leaders: find the heads of state, government and international organisations in a text.

What it finds (``doc.spans["leaders"]``, ``label_`` = mention kind, ``kb_id_`` = person id):

- ``name``: a full name from the office-holder base (``resources/officeholders.jsonl``), in any
  of its generated variants: given x surname forms, transliterations, diacritics folded, and
  hyphens/dashes/spaces between name parts ignored ("Kasym – Jomart Tokayev" = "Kassym-Jomart");
  patronymics are skipped ("Vladimir Vladimirovich Putin"); initials count as a name ("Sh.
  Mirziyoyev", "S.Berdimuhamedov") and pick the namesake. A multi-word PERSON entity or a titled
  name within a small edit distance of a base name (rapidfuzz ratio >= ``fuzzy_cutoff``) links too.
- ``surname``: a surname alone ("Tokayev", "President Mirziyoyev"). Namesakes are kept apart: a
  surname goes to the person of that surname named nearest before it (else after it), else to the
  one holding an office on the document date. Surnames flagged ``ambiguous_surname`` (Lee, Sharif)
  need a title or an earlier mention.
- ``role``: a title that stands for an office holder: "President of Kyrgyzstan", "leader of
  Tajikistan", "Kyrgyz leader", "Chinese President", "Kazakhstan's President", "President of the
  Kyrgyz Republic", "UN Secretary General", "President of the European Commission", and the
  press-service "Head of State". The span is the role phrase without its determiner ("the") and
  without a following name.

Decision on "the President of Uzbekistan Shavkat Mirziyoyev": two mentions, a ``role`` span for
"President of Uzbekistan" and a ``name`` span for "Shavkat Mirziyoyev", both with the same kb id
(the apposed name decides who the role is, not the date). A bare title before a name
("President Emomali Rahmon") is not a mention of its own: only the name is. Pronouns are left to
the quotes component, which reads this span group.

Role-only mentions are resolved to whoever held the office on the document date: the first full
date in the text ("14 September 2023", "September 14, 2023", "2023-09-14", "14.09.2023"), else
``doc._.summit_date`` (front matter / ``--date``), else today's date; with no date at all, a holder
of the office who is named elsewhere in the text is preferred over today's holder. A role dated
away from the text ("former President of X", "Kazakhstan's then president") is a mention only
when the person's name stands next to it.

A base person who on the text's date holds only a later non-leader office (``other_offices``:
a parliament chair) is not a leader when named alone; a role phrase or "former"/"then" before
the name keeps them one. A bare "the Head of State" is a role mention only in a text written in
a state body's own voice ("our country", "Press Service": ``own_voice`` lexicon) or after a
"Head of State <Name>" apposition; a title filling a pair of quotation marks is a reported title.

A leader missing from the base is still found when the text gives a head-of-state/government or
organisation-head title right before the name ("Prime Minister Irakli Kobakhidze", "President of
Georgia Salome Zourabichvili") or as an apposition after it ("X, the President of Georgia"):
kb id ``x-<slug>``, ``in_kb`` false; later bare uses of that surname are mentions too. A person
with no such title who is not in the base (scholars, ministers, envoys, heads of UN offices, a
president's aides) is not a leader, and a base person named with a minister's or envoy's title
is not one on that date either. Plurals ("the leaders of the Central Asian states", "the heads of
state", "the presidents of Kyrgyzstan and Tajikistan") are group references, not mentions.

Matching is a dictionary lookup over normalised token keys (case and diacritics folded, dash tokens
skipped), built once in ``__init__`` with a prefix set so that most tokens cost one lookup:
spaCy's PhraseMatcher cannot skip the dash tokens that break names apart. The whole component
costs about 2-3 % of en_core_web_sm's time on a 4000-word text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import ensure_path

from pipeline.extensions import LEADERS_GROUP
from pipeline.resources import ResourceError, parse_jsonl, read_text
from pipeline.resources.schemas import (
    _KIND_RANK,
    _WORD_LISTS,
    CountryEntry,
    LexiconLine,
    Office,
    OrganisationEntry,
    Person,
    RoleEntry,
)

# ---------------------------------------------------------------------------------------------
# Normalisation and the token-key lookup table

_DASHES = frozenset("-‐‑‒–—―−")
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})
_DROP = str.maketrans("", "", "'’ʻʼ`´‘.")
_PARTICLES = frozenset({"bin", "ibn", "al", "el", "von", "der", "van", "de", "da", "ul", "la"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return ``text`` lower-cased, with diacritics, apostrophes and inner dots removed."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    stripped = text.translate(_DROP)
    return stripped if stripped else text  # a lone "." stays a key of its own


@lru_cache(maxsize=4096)
def _is_dash(text: str) -> bool:
    return bool(text) and all(c in _DASHES for c in text)


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


@dataclass(frozen=True)
class Entry:
    """A lexicon payload: what a token sequence is (name, surname, country, role, ...)."""

    kind: str
    value: str
    forms: tuple[str, ...] = ()  # original token texts, to honour acronym case (US vs us)


@dataclass
class Table:
    """Token-key sequence -> payloads, matched longest-first.

    ``prefixes`` holds every proper prefix of every key, so a scan stops extending a candidate
    as soon as no entry can start that way: most tokens cost a single set lookup.
    """

    entries: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    firsts: set[str] = field(default_factory=set)

    def add(self, key: tuple[str, ...], entry: Entry) -> None:
        if not key:
            return
        self.firsts.add(key[0])
        bucket = self.entries.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        for length in range(1, len(key)):
            self.prefixes.add(key[:length])


@dataclass
class Hit:
    """A table match over doc tokens [start, end)."""

    start: int
    end: int
    entries: list[Entry]


def _scan(keys: Sequence[tuple[int, str]], table: Table) -> list[Hit]:
    """Return the longest non-overlapping matches of ``table`` over ``keys`` (left to right)."""
    hits: list[Hit] = []
    entries, prefixes, firsts = table.entries, table.prefixes, table.firsts
    i, n = 0, len(keys)
    while i < n:
        if keys[i][1] not in firsts:  # most tokens start no entry
            i += 1
            continue
        best = 0
        key: tuple[str, ...] = ()
        for j in range(i, n):
            key = (*key, keys[j][1])
            if key in entries:
                best = j - i + 1
            if key not in prefixes:
                break
        if best:
            hits.append(Hit(keys[i][0], keys[i + best - 1][0] + 1, entries[key[:best]]))
            i += best
        else:
            i += 1
    return hits


# ---------------------------------------------------------------------------------------------
# Dates

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH_RE = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_RANGE = r"(?:\s*[-–—]\s*\d{1,2}(?:st|nd|rd|th)?)?"
_DATE_RES: list[tuple[re.Pattern[str], tuple[int, int, int]]] = [
    # (pattern, group index of year, month, day)
    (re.compile(rf"\b{_DAY}{_RANGE}\s+(?:of\s+)?{_MONTH_RE},?\s+(\d{{4}})\b", re.I), (3, 2, 1)),
    (re.compile(rf"\b{_MONTH_RE}\s+{_DAY}{_RANGE},?\s+(\d{{4}})\b", re.I), (3, 1, 2)),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), (1, 2, 3)),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), (3, 2, 1)),
]


def find_text_dates(text: str) -> list[dt.date]:
    """Return every full calendar date (with year) written in ``text``, in text order.

    A year alone ("launched in 2018") or a day without a year ("September 14") is not a date.
    """
    found: list[tuple[int, dt.date]] = []
    for pattern, (yi, mi, di) in _DATE_RES:
        for match in pattern.finditer(text):
            month_text = match.group(mi)
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
            try:
                day = dt.date(int(match.group(yi)), month, int(match.group(di)))
            except ValueError:
                continue
            if 1985 <= day.year <= 2100:
                found.append((match.start(), day))
    return [day for _, day in sorted(found, key=lambda f: f[0])]


def find_text_date(text: str) -> dt.date | None:
    """Return the first full calendar date written in ``text``, or None."""
    dates = find_text_dates(text)
    return dates[0] if dates else None


def _parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


# ---------------------------------------------------------------------------------------------
# The component


@dataclass
class Mention:
    """A leader mention before it becomes a Span."""

    start: int
    end: int
    kind: str  # name | surname | role
    pid: str


@dataclass
class RoleHit:
    """A role phrase: token span, country or office it names, and the office kinds it denotes."""

    start: int
    end: int
    country: str | None
    office: str | None  # organisation office string
    kinds: tuple[str, ...]
    title: str | None
    temporal: bool = False  # "former", "then": only an apposed name says who
    noun: str = ""  # the role words as written ("Prime Minister", "Chancellor")


@dataclass
class _DocContext:
    """Per-document state shared by the resolution steps."""

    day: dt.date
    dated: bool
    mentions: list[Mention]
    named_at: dict[int, Mention]
    named_end: dict[int, Mention]
    unknown: dict[str, dict[str, Any]] = field(default_factory=dict)
    home: str | None = None  # who "the Head of State" is in this text
    voice: bool | None = None  # the text speaks as a state body ("our country"); found lazily


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "unknown"


class SummitLeaders:
    """Find leader mentions, resolve them to office holders, write ``doc.spans["leaders"]``."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        officeholders: str = "officeholders.jsonl",
        lexicon: str = "leader_roles.jsonl",
        today: str | None = None,
        fuzzy_cutoff: float = 90.0,
    ) -> None:
        self.name = name
        self.fuzzy_cutoff = fuzzy_cutoff
        self.tokenizer = nlp.tokenizer  # lexicon forms are tokenised like the documents
        self.officeholders_name = officeholders
        self.lexicon_name = lexicon
        self.today = _parse_date(today)
        self._kb_text = read_text(officeholders)
        self._lex_text = read_text(lexicon)
        self._build()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        people: list[Person] = parse_jsonl(self._kb_text, Person, self.officeholders_name)
        lines: list[LexiconLine] = parse_jsonl(self._lex_text, LexiconLine, self.lexicon_name)
        self.people: dict[str, Person] = {}
        for person in people:
            if person.id in self.people:
                raise ResourceError(f"{self.officeholders_name}: duplicate id {person.id!r}")
            self.people[person.id] = person
        self.countries: dict[str, CountryEntry] = {}
        self.orgs: list[OrganisationEntry] = []
        self.roles: list[RoleEntry] = []
        words: dict[str, set[tuple[str, ...]]] = {t: set() for t in _WORD_LISTS}
        for line in lines:
            item = line.root
            if isinstance(item, CountryEntry):
                self.countries[item.name] = item
            elif isinstance(item, OrganisationEntry):
                self.orgs.append(item)
            elif isinstance(item, RoleEntry):
                self.roles.append(item)
            else:
                words[item.kind].update(self._key(f) for f in item.forms)
        # single-word lists: the word next to a role or name decides
        self.blockers = {k[-1] for k in words["blocker"] if k}
        self.temporals = {k[-1] for k in words["temporal"] if k}
        self.currents = {k[-1] for k in words["current"] if k}
        self.dependents = {k[-1] for k in words["dependent"] if k}
        self.honorifics = {k[-1] for k in words["honorific"] if k}
        self.non_leader_titles = {k[-1] for k in words["non_leader_title"] if k}
        self.org_heads = {k[0] for k in words["org_head"] if k}
        self.not_given_names = {k[-1] for k in words["not_given_name"] if k} | set(_MONTHS)
        # phrases showing a state body writing about its own head of state ("our country",
        # "Press Service"): only then is a bare "the Head of State" a role mention
        voice = sorted(words["own_voice"], key=len, reverse=True)
        self.own_voice_re = re.compile(
            "|".join(
                r"(?<![^\W\d_])" + r"\W+".join(map(re.escape, k)) + r"(?![^\W\d_])" for k in voice
            )
            or r"(?!x)x"
        )

        self.given_words = {
            fold(part)
            for person in self.people.values()
            for g in person.given
            for part in g.split()
        }
        self.names = Table()
        for person in self.people.values():
            for full in person.full_names():
                for form in _variants(full):
                    self.names.add(self._key(form), Entry("name", person.id, self._texts(form)))
            for surname in person.surnames:
                for form in _variants(surname):
                    self.names.add(self._key(form), Entry("surname", person.id, self._texts(form)))

        # office spells indexed for date resolution of role mentions
        self._by_country: dict[str | None, list[tuple[Office, str]]] = {}
        self._by_office: dict[str, list[tuple[Office, str]]] = {}
        for person in self.people.values():
            for o in person.offices:
                self._by_country.setdefault(o.country, []).append((o, person.id))
                self._by_office.setdefault(o.office, []).append((o, person.id))

        # folded full names for the fuzzy check of titled names missing from the table
        fuzzy = {fold(f): p.id for p in self.people.values() for f in p.full_names()}
        self._fuzzy_names = list(fuzzy)
        self._fuzzy_ids = list(fuzzy.values())

        self.atoms = Table()
        for country in self.countries.values():
            for form in country.forms:
                self.atoms.add(self._key(form), Entry("country", country.name, self._texts(form)))
            for form in country.demonyms:
                self.atoms.add(self._key(form), Entry("demonym", country.name, self._texts(form)))
        for index, role in enumerate(self.roles):
            for form in role.forms:
                self.atoms.add(self._key(form), Entry("role", str(index)))
        for index, org in enumerate(self.orgs):
            for form in org.forms:
                self.atoms.add(self._key(form), Entry("org", str(index), self._texts(form)))
            for form in org.titles:
                self.atoms.add(self._key(form), Entry("org_title", str(index)))

    def _texts(self, text: str) -> tuple[str, ...]:
        return tuple(t.text for t in self.tokenizer(text) if not _is_dash(t.text))

    def _key(self, text: str) -> tuple[str, ...]:
        return tuple(fold(t) for t in self._texts(text))

    # -- serialisation ------------------------------------------------------------------------

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the office-holder base and the role lexicon (JSONL) into directory ``path``."""
        directory = ensure_path(path)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "officeholders.jsonl").write_text(self._kb_text, encoding="utf-8")
        (directory / "leader_roles.jsonl").write_text(self._lex_text, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SummitLeaders:
        """Load the base and lexicon written by ``to_disk``; return self."""
        directory = ensure_path(path)
        self._kb_text = (directory / "officeholders.jsonl").read_text(encoding="utf-8")
        self._lex_text = (directory / "leader_roles.jsonl").read_text(encoding="utf-8")
        self._build()
        return self

    # -- the office-holder base ---------------------------------------------------------------

    def holders(
        self,
        day: dt.date,
        *,
        country: str | None = None,
        kinds: Iterable[str] = (),
        title: str | None = None,
        office: str | None = None,
    ) -> list[str]:
        """Return ids of people holding a matching office on ``day`` (state offices first)."""
        found: list[tuple[int, str]] = []
        kinds = tuple(kinds)
        if office is not None:
            spells = self._by_office.get(office, [])
        elif country is not None:
            spells = self._by_country.get(country, [])
        else:
            spells = [s for group in self._by_country.values() for s in group]
        for o, pid in spells:
            if o.held_on(day) and self._fits(o, country, kinds, title, office):
                found.append((_KIND_RANK[o.kind], pid))
        return list(dict.fromkeys(pid for _, pid in sorted(found)))

    def _fits(
        self,
        o: Office,
        country: str | None,
        kinds: Sequence[str],
        title: str | None,
        office: str | None,
    ) -> bool:
        if office is not None:
            return o.office == office
        if country is not None and o.country != country:
            return False
        if kinds and o.kind not in self._expand_kinds(kinds, country):
            return False
        return title is None or o.office.startswith(title)

    def _expand_kinds(self, kinds: Sequence[str], country: str | None) -> set[str]:
        out = set(kinds)
        if "leader" in out:  # "the leader/head of X": whoever leads X (per-country preference)
            entry = self.countries.get(country or "")
            out |= set(entry.leader_kinds if entry else ("state",))
        return out

    def first_holder(self, country: str, title: str) -> str | None:
        """Return the id of the earliest holder of ``title`` of ``country`` in the base."""
        best: tuple[dt.date, str] | None = None
        for person in self.people.values():
            for o in person.offices:
                fits = o.country == country and o.office.startswith(title) and o.kind == "state"
                if fits and (best is None or o.start < best[0]):
                    best = (o.start, person.id)
        return None if best is None else best[1]

    # -- the pipeline step --------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` with leader mentions and the people they refer to; return it."""
        strings = doc.vocab.strings  # token texts without building Token objects
        words = [strings[h] for h in doc.to_array(ORTH).tolist()]
        keys = [
            (i, fold(w))
            for i, w in enumerate(words)
            if not _is_dash(w)
            # "Hero-Arkadag Gurbanguly Berdimuhamedov": a base given name that happens to end
            # like a patronymic (-guly / -uly) is the name itself
            and (not _is_patronymic(words, i) or self._given_name_first(words, i))
        ]
        atom_hits = _scan(keys, self.atoms)
        glued: dict[int, str] = {}  # "K.Tokayev" is one token: match its surname part
        for n, (i, _) in enumerate(keys):
            match = _GLUED.match(words[i]) if "." in words[i] else None
            if match:
                glued[i] = match.group(1)
                keys[n] = (i, fold(match.group(2)))
        name_hits = [h for h in _scan(keys, self.names) if self._name_ok(doc, h, glued)]

        named = {e.value for h in name_hits for e in h.entries if e.kind == "name"}
        text_date = self._event_date(find_text_dates(doc.text), named)
        fallback = _parse_date(doc._.summit_date)
        if text_date is not None:
            doc._.summit_doc_date = text_date.isoformat()
            doc._.summit_date_source = "text"
        elif fallback is not None:
            doc._.summit_doc_date = fallback.isoformat()
        day = text_date or fallback or self.today or dt.date.today()
        dated = text_date is not None or fallback is not None

        mentions = self._resolve_names(doc, name_hits, day, glued)
        seen = {i for h in name_hits for i in range(h.start, h.end)}
        mentions.extend(self._fuzzy_persons(doc, seen))
        ctx = _DocContext(
            day=day,
            dated=dated,
            mentions=mentions,
            named_at={m.start: m for m in mentions},
            named_end={m.end: m for m in mentions},
        )
        covered = {i for m in mentions for i in range(m.start, m.end)}
        for role in self._roles(doc, atom_hits, covered):
            covered.update(range(role.start, role.end))
            if _quoted_title(doc, role.start, role.end):
                continue  # media called the son "the Head of State": a reported title
            pid = self._role_person(doc, role, ctx)
            if pid is not None:
                mentions.append(Mention(role.start, role.end, "role", pid))
        for role in self._bare_titles(doc, atom_hits, covered):
            self._unknown_after(doc, role.end, role, role.country, ctx)
        if ctx.unknown:
            self._unknown_surnames(doc, ctx)
        if dated:  # an undated text cannot tell who has left office
            mentions = self._drop_other_office_holders(doc, mentions, day)
        self._write(doc, mentions, ctx.unknown, day)
        return doc

    def _given_name_first(self, words: Sequence[str], i: int) -> bool:
        """Return True when ``words[i]`` is a base given name not preceded by another one: the
        first name itself ("Hero-Arkadag Gurbanguly Berdimuhamedov"), not a patronymic after a
        given name ("Ilham Heydar oglu Aliyev")."""
        if fold(words[i]) not in self.given_words:
            return False
        j = i - 1
        while j >= 0 and _is_dash(words[j]):
            j -= 1
        return j < 0 or fold(words[j]) not in self.given_words

    def _drop_other_office_holders(
        self, doc: Doc, mentions: list[Mention], day: dt.date
    ) -> list[Mention]:
        """Return ``mentions`` without the people who on ``day`` hold only a non-leader office
        (``other_offices`` in the base) and whom the text never names as a past leader: no
        role phrase ("Turkmenistan's then president") and no temporal word ("former", "then")
        among the three words before a name ("the former president X")."""
        kept = {m.pid for m in mentions if m.kind == "role"}
        for m in mentions:
            before = doc[max(0, m.start - 3) : m.start]
            if any(fold(t.text) in self.temporals for t in before):
                kept.add(m.pid)
        gone = {
            m.pid
            for m in mentions
            if m.pid in self.people and m.pid not in kept and self.people[m.pid].elsewhere_on(day)
        }
        return [m for m in mentions if m.pid not in gone] if gone else mentions

    def _event_date(self, dates: list[dt.date], named: set[str]) -> dt.date | None:
        """Return the date the text is about: the first full date, unless a later one fits the
        leaders it names better (an analysis may open with history: "On 15 March 2018 ...").

        A date's fit is how many of the base people named in full held an office on it.
        """
        if len(set(dates)) < 2 or not named:
            return dates[0] if dates else None

        def fit(day: dt.date) -> int:
            return sum(
                any(o.held_on(day) for o in self.people[pid].offices)
                for pid in named
                if pid in self.people
            )

        best = dates[0]
        best_fit = fit(best)
        for day in dict.fromkeys(dates[1:]):
            score = fit(day)
            if score > best_fit:
                best, best_fit = day, score
        return best

    # -- names --------------------------------------------------------------------------------

    def _name_ok(self, doc: Doc, hit: Hit, glued: dict[int, str]) -> bool:
        tokens = [t for t in doc[hit.start : hit.end] if not _is_dash(t.text)]
        if hit.start in glued:
            if hit.end - hit.start > 1 or any(e.kind != "surname" for e in hit.entries):
                return False  # only "K.Tokayev", not "K.Kassym-Jomart ..."
        elif not any(_written_as(tokens, e.forms) for e in hit.entries):
            return False
        i = hit.end
        for _ in range(4):  # "Nazarbayev University", "Nursultan Nazarbayev International Airport"
            after = _next_word(doc, i)
            if after is None or not _capitalised(after):
                break
            if fold(after.text) in self.org_heads:
                return False
            i = after.i + 1
        if all(e.kind == "surname" for e in hit.entries):
            before = _prev_word(doc, hit.start)
            if (
                before is not None
                and _capitalised(before)
                and before.is_alpha
                and not before.is_stop
                and (not before.is_sent_start or before.pos_ == "PROPN")
                and fold(before.text) not in self.honorifics
                and fold(before.text) not in self.not_given_names  # "Tomorrow Tokayev will"
                and before.ent_type_ not in ("DATE", "TIME")  # "On Monday Tokayev left"
                and self.atoms.entries.get((fold(before.text),)) is None
                and not _headline(before)
            ):
                return False  # another person's given name: "Jamshid Karimov"
        return True

    def _resolve_names(
        self, doc: Doc, hits: list[Hit], day: dt.date, glued: dict[int, str]
    ) -> list[Mention]:
        mentions: list[Mention] = []
        full_at: dict[str, list[int]] = {}
        other_office: set[str] = set()  # named here with a minister's or envoy's title
        for hit in hits:
            names = [e.value for e in hit.entries if e.kind == "name"]
            if names:
                mention = Mention(hit.start, hit.end, "name", self._pick_by_date(names, day))
                if self._in_other_office(doc, mention, day):
                    other_office.add(mention.pid)
                    continue
                mentions.append(mention)
                full_at.setdefault(mention.pid, []).append(hit.start)
        for hit in hits:
            if any(e.kind == "name" for e in hit.entries):
                continue
            candidates = list(dict.fromkeys(e.value for e in hit.entries))
            if any(p in other_office for p in candidates):
                continue
            if any(self.people[p].ambiguous_surname for p in candidates) and self._name_goes_on(
                doc, hit.end
            ):
                continue  # "Gul Mohammad": the surname is another person's given name
            start, initials = self._initials(doc, hit.start, glued)
            if initials:  # "Sh. Mirziyoyev", "S.Berdimuhamedov": the initial picks the namesake
                candidates = [p for p in candidates if self._has_initial(p, initials)]
            found = self._resolve_surname(doc, hit, candidates, full_at, day, bool(initials))
            if found is not None and self._in_other_office(
                doc, Mention(start, hit.end, "surname", found), day
            ):
                found = None
            if found is not None:
                kind = "name" if initials else "surname"
                mentions.append(Mention(start, hit.end, kind, found))
                # "President Karimov ... Karimov said": a resolved surname anchors later ones
                full_at.setdefault(found, []).append(hit.start)
        return sorted(mentions, key=lambda m: m.start)

    def _initials(self, doc: Doc, start: int, glued: dict[int, str]) -> tuple[int, str]:
        """Return (start, initials) of a surname written with initials ("E. Rahmon")."""
        if start in glued and fold(glued[start]) not in self.honorifics:
            return start, glued[start]
        before = doc[start - 1].text if start >= 1 else ""
        if _INITIALS.match(before) and fold(before) not in self.honorifics:  # not "Mr.", "Dr."
            return start - 1, before
        if (
            start >= 2
            and before == "."
            and _INITIAL.match(doc[start - 2].text)
            and fold(doc[start - 2].text) not in self.honorifics
        ):
            return start - 2, doc[start - 2].text + "."
        return start, ""

    def _has_initial(self, pid: str, initials: str) -> bool:
        person = self.people[pid]
        if person.family_first:
            return True
        first = fold(initials[:2].rstrip(".-"))
        givens = [*person.given, person.name]
        return any(fold(g).startswith(first) for g in givens)

    def _fuzzy_persons(self, doc: Doc, taken: set[int]) -> list[Mention]:
        """Return base people behind PERSON entities spelt a little differently from every variant.

        Only multi-word entities that overlap no mention are tried, with a high cutoff, so a
        transliteration the base lacks ("Emomalii Rakhmonov") still links while other people
        do not.
        """
        out: list[Mention] = []
        for ent in doc.ents:
            if ent.label_ != "PERSON" or len(ent) < 2 or any(t.i in taken for t in ent):
                continue
            start = ent.start
            while start < ent.end and not (_capitalised(doc[start]) and doc[start].is_alpha):
                start += 1  # the statistical span may start with "the" or a title
            if start < ent.end and self.atoms.entries.get((fold(doc[start].text),)):
                start += 1  # "Turkmenistan X Y"
            span = doc[start : ent.end]
            if len(span) < 2 or len(span.text) < 8:
                continue
            pid = self._fuzzy_person(span.text)
            if pid is not None:
                out.append(Mention(span.start, span.end, "name", pid))
        return out

    def _fuzzy_person(self, name: str) -> str | None:
        """Return the base person whose full name ``name`` misspells, or None.

        Besides the whole-string ratio, the first and the last words must each be close: "Aibek
        Japarov" is not "Akylbek Japarov", though the strings are.
        """
        folded = fold(name)
        if len(folded) < 8 or " " not in folded:
            return None
        close = process.extractOne(
            folded, self._fuzzy_names, scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff
        )
        if close is None:
            return None
        got, want = folded.split(), str(close[0]).split()
        if min(fuzz.ratio(got[0], want[0]), fuzz.ratio(got[-1], want[-1])) < self.fuzzy_cutoff - 5:
            return None
        return self._fuzzy_ids[close[2]]

    def _name_goes_on(self, doc: Doc, end: int) -> bool:
        """Return True when a capitalised proper noun continues the name after token ``end``."""
        nxt = _next_word(doc, end)
        return (
            nxt is not None
            and nxt.i == end
            and nxt.is_alpha
            and _capitalised(nxt)
            and nxt.pos_ == "PROPN"
            and fold(nxt.text) not in self.honorifics
            and self.atoms.entries.get((fold(nxt.text),)) is None
        )

    def _in_other_office(self, doc: Doc, mention: Mention, day: dt.date) -> bool:
        """Return True for "Foreign Minister X" when X holds no leader office on ``day``."""
        start = mention.start
        if start > 0 and _INITIALS.match(doc[start].text):
            start += 1
        before = _prev_word(doc, mention.start)
        if before is None or fold(before.text) not in self.non_leader_titles:
            return False
        prime = _prev_word(doc, before.i)
        if prime is not None and fold(prime.text) == "prime":
            return False  # "Prime Minister X"
        return not any(o.held_on(day) for o in self.people[mention.pid].offices)

    def _pick_by_date(self, pids: list[str], day: dt.date) -> str:
        unique = list(dict.fromkeys(pids))
        in_office = [p for p in unique if any(o.held_on(day) for o in self.people[p].offices)]
        return (in_office or unique)[0]

    def _resolve_surname(
        self,
        doc: Doc,
        hit: Hit,
        candidates: list[str],
        full_at: dict[str, list[int]],
        day: dt.date,
        initialled: bool = False,
    ) -> str | None:
        prev = _prev_word(doc, hit.start)
        titled = initialled or (prev is not None and fold(prev.text) in self.honorifics)
        if not titled and fold(doc[hit.start : hit.end].text) in _MONTHS:
            return None  # "in May" is a month even after Theresa May was named
        if prev is not None and titled and not initialled:
            # "President Berdimuhamedov": the one who is President on the date
            title = fold(prev.text)
            holding = [
                p
                for p in candidates
                if any(
                    o.held_on(day) and fold(o.office).startswith(title)
                    for o in self.people[p].offices
                )
            ]
            if len(holding) == 1:
                return holding[0]
        mentioned = [p for p in candidates if p in full_at]
        if mentioned:
            before = [
                (max(i for i in full_at[p] if i < hit.start), p)
                for p in mentioned
                if any(i < hit.start for i in full_at[p])
            ]
            if before:
                return max(before)[1]
            return min((min(full_at[p]), p) for p in mentioned)[1]
        in_office = [p for p in candidates if any(o.held_on(day) for o in self.people[p].offices)]
        if titled and in_office:
            return in_office[0]
        clear = [p for p in candidates if not self.people[p].ambiguous_surname]
        in_office_clear = [p for p in in_office if p in clear]
        if len(in_office_clear) == 1:
            return in_office_clear[0]
        if len(clear) == 1 and (titled or not in_office):
            return clear[0]
        return None

    # -- roles --------------------------------------------------------------------------------

    def _roles(self, doc: Doc, atoms: list[Hit], covered: set[int]) -> list[RoleHit]:
        """Return singular role phrases that name a country, an organisation or "Head of State".

        Plurals ("the presidents of Kyrgyzstan and Tajikistan", "the heads of state") are group
        references, not mentions of one person, and are skipped.
        """
        out: list[RoleHit] = []
        by_start = {h.start: h for h in atoms}
        for index, hit in enumerate(atoms):
            if any(i in covered for i in range(hit.start, hit.end)):
                continue
            if out and hit.start < out[-1].end:
                continue  # the second title of "Crown Prince and Prime Minister"
            if self._blocked(doc, hit.start) or self._dependent(doc, hit.start):
                continue
            surface = fold(doc[hit.start : hit.end].text)
            words = surface.split()
            if words[0].endswith("s") or (" of " not in surface and words[-1].endswith("s")):
                continue  # heads, leaders, presidents, heads of state, prime ministers
            for entry in hit.entries:
                found: RoleHit | None = None
                if entry.kind == "role":
                    found = self._country_role(
                        doc, hit, atoms, index, by_start, entry, surface, covered
                    )
                elif entry.kind == "org_title":
                    found = self._org_role(doc, hit, atoms, index, by_start)
                if found is not None:
                    out.append(found)
                    break
        return out

    def _blocked(self, doc: Doc, start: int) -> bool:
        """Return True after "vice", "deputy", ...: another office than the one named.

        Only words of the same phrase count: punctuation other than a dash ends the look-back,
        so "Chair: President of X" (a list label) is not "co-chair President".
        """
        for t in reversed(doc[max(0, start - 2) : start]):
            if t.is_punct and not _is_dash(t.text):
                return False
            if fold(t.text) in self.blockers:
                return True
        return False

    def _dependent(self, doc: Doc, start: int) -> bool:
        """Return True for "Press Service of / Adviser to the President": not the president."""
        i = start - 1
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        return i >= 1 and doc[i].lower_ in {"of", "to"} and fold(doc[i - 1].text) in self.dependents

    def _temporal(self, doc: Doc, start: int) -> bool:
        """Return True when "former", "then", "late" ... qualifies the role at ``start``."""
        return start > 0 and fold(doc[start - 1].text) in self.temporals

    def _after_of(self, doc: Doc, end: int, by_start: dict[int, Hit]) -> Hit | None:
        """Return the atom after "of [the]" at token ``end``, if any."""
        i = end
        if i >= len(doc) or doc[i].lower_ != "of":
            return None
        i += 1
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        return by_start.get(i)

    def _country_role(
        self,
        doc: Doc,
        hit: Hit,
        atoms: list[Hit],
        index: int,
        by_start: dict[int, Hit],
        entry: Entry,
        surface: str,
        covered: set[int],
    ) -> RoleHit | None:
        role = self.roles[int(entry.value)]
        kinds = tuple(role.kinds)
        noun = doc[hit.start : hit.end].text
        temporal = self._temporal(doc, hit.start)
        nxt = self._after_of(doc, hit.end, by_start)
        if nxt is not None:
            country = _first(nxt, "country")
            possessive = nxt.end < len(doc) and doc[nxt.end].lower_ in {"'s", "’s"}
            if possessive and "leader" in kinds:
                return None  # "the head of Kazakhstan's delegation"
            if country is not None and _case_ok(doc, nxt, "country"):
                return RoleHit(hit.start, nxt.end, country, None, kinds, role.title, temporal, noun)
            demonym = _first(nxt, "demonym")
            if (  # "Head of the Kyrgyz state"
                demonym is not None
                and nxt.end < len(doc)
                and doc[nxt.end].lower_ in {"state", "nation", "republic"}
                and _case_ok(doc, nxt, "demonym")
            ):
                return RoleHit(
                    hit.start, nxt.end + 1, demonym, None, kinds, role.title, temporal, noun
                )
            org = _first(nxt, "org")
            if org is not None:
                org_entry = self.orgs[int(org)]
                if surface in {fold(t) for t in org_entry.titles}:
                    return RoleHit(hit.start, nxt.end, None, org_entry.office, (), None, temporal)
        if surface == "head":
            return None  # "head" alone is too often a verb or "head of the delegation"
        # "Kyrgyz leader", "Chinese President", "Kazakhstan's (then) President"
        start = hit.start - 1 if temporal else hit.start
        if not temporal and start > 0 and fold(doc[start - 1].text) in self.currents:
            start -= 1  # "Kazakhstan's current president": the holder on the text's date
        if start > 0 and doc[start - 1].lower_ in {"'s", "’s"}:
            start -= 1
        prev = atoms[index - 1] if index > 0 else None
        if prev is not None and prev.end == start:
            demonym = _first(prev, "demonym")
            country = demonym or _first(prev, "country")
            kind = "demonym" if demonym else "country"
            if country is not None and _case_ok(doc, prev, kind):
                # "Saudi Crown Prince and Prime Minister": one office phrase, both titles
                end = self._coordinated_title_end(doc, hit.end, by_start, covered)
                return RoleHit(prev.start, end, country, None, kinds, role.title, temporal, noun)
            org = _first(prev, "org")
            if org is not None and start == hit.start:
                org_entry = self.orgs[int(org)]
                if surface in {fold(t) for t in org_entry.titles}:
                    return RoleHit(prev.start, hit.end, None, org_entry.office, (), None)
        if surface in {"head of state", "head of our state"}:  # press-service "Head of State"
            return RoleHit(hit.start, hit.end, None, None, ("home",), None, temporal)
        end = hit.end + 3
        if (  # translated press releases: "the President of the Republic" (no country after)
            surface == "president"
            and [t.lower_ for t in doc[hit.end : end]] == ["of", "the", "republic"]
            and (end >= len(doc) or doc[end].lower_ != "of")
        ):
            return RoleHit(hit.start, end, None, None, ("home",), None, temporal)
        return None

    def _coordinated_title_end(
        self, doc: Doc, end: int, by_start: dict[int, Hit], covered: set[int]
    ) -> int:
        """Return the end of "<title> and <title>" when a second singular title follows ``end``.

        The country or demonym before the first title covers both ("Saudi Crown Prince and Prime
        Minister Mohammed bin Salman"), but only when a known name follows to say it is one
        person; a second title with its own "of <country>" is a role of its own.
        """
        if end >= len(doc) or doc[end].lower_ != "and":
            return end
        nxt = by_start.get(end + 1)
        if nxt is None or not any(e.kind == "role" for e in nxt.entries):
            return end
        if not _capitalised(doc[nxt.start]) or fold(doc[nxt.end - 1].text).endswith("s"):
            return end  # "Kazakh president and leaders of ...": not one office phrase
        if nxt.end < len(doc) and doc[nxt.end].lower_ == "of":
            return end
        if self._skip_honorifics(doc, nxt.end) not in covered:
            return end  # "the Uzbek President and Prime Minister were ...": two people
        return nxt.end

    def _org_role(
        self, doc: Doc, hit: Hit, atoms: list[Hit], index: int, by_start: dict[int, Hit]
    ) -> RoleHit | None:
        nxt = self._after_of(doc, hit.end, by_start)
        temporal = self._temporal(doc, hit.start)
        titles_of = {e.value for e in hit.entries if e.kind == "org_title"}
        if nxt is not None:
            for org in (e.value for e in nxt.entries if e.kind == "org"):
                if org in titles_of and _case_ok(doc, nxt, "org"):
                    office = self.orgs[int(org)].office
                    return RoleHit(hit.start, nxt.end, None, office, (), None, temporal)
        prev = atoms[index - 1] if index > 0 else None
        if prev is not None and prev.end == hit.start:
            for org in (e.value for e in prev.entries if e.kind == "org"):
                if org in titles_of and _case_ok(doc, prev, "org"):
                    office = self.orgs[int(org)].office
                    return RoleHit(prev.start, hit.end, None, office, (), None)
        return None

    def _role_person(
        self,
        doc: Doc,
        role: RoleHit,
        ctx: _DocContext,
    ) -> str | None:
        """Return the id of the person a role phrase refers to, or None."""
        # apposition: "President of Uzbekistan Shavkat Mirziyoyev", "leader of Kazakhstan, X"
        i = self._skip_honorifics(doc, role.end)
        j = role.start  # "Kassym-Jomart Tokayev, the President of Kazakhstan"
        if j > 0 and doc[j - 1].lower_ == "the":
            j -= 1
        pid: str | None = None
        if i in ctx.named_at:
            pid = ctx.named_at[i].pid
        elif j > 1 and doc[j - 1].text == "," and (j - 1) in ctx.named_end:
            pid = ctx.named_end[j - 1].pid
        if pid is None and not role.temporal:  # a title next to a name not in the base
            pid = self._unknown_after(doc, role.end, role, role.country, ctx)
            if pid is None and j > 1 and doc[j - 1].text == ",":
                pid = self._unknown_before(doc, j - 1, role, ctx)
        if "home" in role.kinds:
            if pid is not None:
                ctx.home = ctx.home or pid
                return pid
            if role.start == 0 or doc[role.start - 1].lower_ != "the":
                return None  # "each head of state", "a head of state": nobody in particular
            if ctx.voice is None:
                ctx.voice = self.own_voice_re.search(fold(doc.text)) is not None
            if ctx.home is None and not ctx.voice:
                return None  # an agency reporting on a foreign or own leader in third person
            return ctx.home or self._head_of_state_before(doc, role, ctx)
        if pid is not None or role.temporal:
            return pid  # "former President of X" alone cannot be dated
        if "first_president" in role.kinds:
            return None if role.country is None else self.first_holder(role.country, "President")
        if not ctx.dated:  # no date at all: a holder named in the text beats today's holder
            named = self._named_holders(role, ctx.mentions)
            if named:
                before = [m for m in ctx.mentions if m.pid in named and m.start < role.start]
                return before[-1].pid if before else named[0]
        found = self.holders(
            ctx.day, country=role.country, kinds=role.kinds, title=role.title, office=role.office
        )
        return found[0] if found else None

    def _skip_honorifics(self, doc: Doc, i: int) -> int:
        """Return the index after a comma and honorifics at ``i`` ("Emir of Qatar, Sheikh X")."""
        if i < len(doc) and doc[i].text == ",":
            i += 1
        while i < len(doc) and (
            fold(doc[i].text) in self.honorifics or doc[i].lower_ in {"his", "her"}
        ):
            i += 1
        return i

    def _head_of_state_before(self, doc: Doc, role: RoleHit, ctx: _DocContext) -> str | None:
        """Return who a bare "Head of State" is: the press-service style capitalised title means
        the first head of state named in the text, lower-case the latest one named before it."""
        heads = [
            m
            for m in sorted(ctx.mentions, key=lambda m: m.start)
            if m.start < role.start
            and m.pid in self.people
            and any(o.kind == "state" and o.held_on(ctx.day) for o in self.people[m.pid].offices)
        ]
        if not heads:
            return None
        return heads[0].pid if doc[role.start].text[:1].isupper() else heads[-1].pid

    def _named_holders(self, role: RoleHit, mentions: list[Mention]) -> list[str]:
        out: list[str] = []
        for m in mentions:
            if m.pid in out or m.pid not in self.people:
                continue
            if any(
                self._fits(o, role.country, role.kinds, role.title, role.office)
                for o in self.people[m.pid].offices
            ):
                out.append(m.pid)
        return out

    # -- leaders missing from the base --------------------------------------------------------

    def _bare_titles(self, doc: Doc, atoms: list[Hit], covered: set[int]) -> list[RoleHit]:
        """Return capitalised titles without a country right before a name ("President X")."""
        out: list[RoleHit] = []
        starts = {h.start for h in atoms}
        for hit in atoms:
            roles = [self.roles[int(e.value)] for e in hit.entries if e.kind == "role"]
            roles = [r for r in roles if r.title_before_name]
            if not roles or any(i in covered for i in range(hit.start, hit.end + 1)):
                continue
            if self._blocked(doc, hit.start) or self._temporal(doc, hit.start):
                continue
            if self._dependent(doc, hit.start):
                continue  # "Press Secretary of the President Ruslan Zheldibay"
            if not _capitalised(doc[hit.start]) or hit.end in starts:
                continue
            out.append(
                RoleHit(
                    hit.start,
                    hit.end,
                    None,
                    None,
                    tuple(roles[0].kinds),
                    roles[0].title,
                    noun=doc[hit.start : hit.end].text,
                )
            )
        return out

    def _unknown_after(
        self,
        doc: Doc,
        i: int,
        role: RoleHit | None,
        country: str | None,
        ctx: _DocContext,
    ) -> str | None:
        """Register the person named right after a title at token ``i``; return the id or None."""
        i = self._skip_honorifics(doc, i)
        if i in ctx.named_at or i >= len(doc):
            return None
        # with a country named and nobody in the base holding that office then, the title is
        # strong enough evidence to accept two proper nouns the NER left untagged
        vacant = (
            role is not None
            and role.country is not None
            and not self.holders(ctx.day, country=role.country, kinds=role.kinds, title=role.title)
        )
        end = self._person_run(doc, i, relaxed=vacant)
        if end is None:
            return None
        if country is None:  # "President Salome Zourabichvili of Georgia"
            after = self._after_of(doc, end, self._atoms_at(doc, end))
            if after is not None and _first(after, "country") and _case_ok(doc, after, "country"):
                country = _first(after, "country")
        return self._register_unknown(doc, i, end, role, country, ctx)

    def _unknown_before(self, doc: Doc, comma: int, role: RoleHit, ctx: _DocContext) -> str | None:
        """Register the PERSON entity ending at ``comma`` ("X, the President of Georgia")."""
        if comma < 1 or doc[comma - 1].ent_type_ != "PERSON":
            return None
        start = comma - 1
        while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start].ent_iob_ != "B":
            start -= 1
        while start < comma and (
            not _capitalised(doc[start]) or self.atoms.entries.get((fold(doc[start].text),))
        ):
            start += 1  # a statistical span may swallow a title or country: "Turkmenistan X"
        if start == comma or (start, comma) in {(m.start, m.end) for m in ctx.mentions}:
            return None
        if not all(_capitalised(t) or _is_dash(t.text) for t in doc[start:comma]):
            return None
        return self._register_unknown(doc, start, comma, role, role.country, ctx)

    def _register_unknown(
        self,
        doc: Doc,
        i: int,
        end: int,
        role: RoleHit | None,
        country: str | None,
        ctx: _DocContext,
    ) -> str:
        """Record a leader missing from the base, named by tokens [i, end); return its id.

        A name after a leader's title that is only a spelling away from a base name
        ("Gurbanguly Berdymukhamedow") is that person, not a newcomer.
        """
        name = doc[i:end].text
        known = self._fuzzy_person(name)
        if known is not None:
            ctx.mentions.append(Mention(i, end, "name", known))
            ctx.named_at[i] = ctx.mentions[-1]
            return known
        pid = f"x-{_slug(name)}"
        office = None
        if role is not None and role.office is not None:
            office = role.office
        else:
            title = self._office_title(role, country)
            if title is not None:
                office = f"{title} of {country}" if country else title
        org = None
        if role is not None and role.office is not None:
            org = next((o.name for o in self.orgs if o.office == role.office), None)
        ctx.unknown.setdefault(
            pid,
            {
                "name": name,
                "country": country,
                "office": office,
                "organisation": org,
                "in_kb": False,
            },
        )
        ctx.mentions.append(Mention(i, end, "name", pid))
        ctx.named_at[i] = ctx.mentions[-1]
        return pid

    def _unknown_surnames(self, doc: Doc, ctx: _DocContext) -> None:
        """Add later surname-only mentions of leaders found through a title ("Kobakhidze said")."""
        by_last: dict[str, str | None] = {}
        for pid, info in ctx.unknown.items():
            parts = str(info["name"]).split()
            if len(parts) >= 2 and len(parts[-1]) >= 3:
                # two newcomers with one surname: neither gets the bare surname
                by_last[parts[-1]] = None if parts[-1] in by_last else pid
        taken = {i for m in ctx.mentions for i in range(m.start, m.end)}
        first = {m.pid: m.start for m in sorted(ctx.mentions, key=lambda m: -m.start)}
        for token in doc:
            owner = by_last.get(token.text)
            if owner is None or token.i in taken or token.i < first.get(owner, len(doc)):
                continue
            before = _prev_word(doc, token.i)
            if (
                before is not None
                and before.is_alpha
                and _capitalised(before)
                and not before.is_stop
                and (not before.is_sent_start or before.pos_ == "PROPN")
                and fold(before.text) not in self.honorifics
                and not _headline(before)
            ):
                continue  # another person with that surname
            ctx.mentions.append(Mention(token.i, token.i + 1, "surname", owner))

    def _office_title(self, role: RoleHit | None, country: str | None) -> str | None:
        """Return the title part of a newcomer's office ("Chancellor", "Prime Minister")."""
        if role is None:
            return None
        if role.title:
            return role.title
        kinds = self._expand_kinds(role.kinds, country)
        if "government" in kinds:
            noun = fold(role.noun)
            if noun in {"chancellor", "premier"} or noun.startswith("chair"):
                return " ".join(w if w in {"of", "the"} else w.capitalize() for w in noun.split())
            return "Prime Minister"
        return "President" if "state" in kinds else None

    def _atoms_at(self, doc: Doc, end: int) -> dict[int, Hit]:
        """Return the atoms of the few tokens after ``end`` keyed by start (for "of Georgia")."""
        stop = min(len(doc), end + 8)
        keys = [(t.i, fold(t.text)) for t in doc[end:stop] if not _is_dash(t.text)]
        return {h.start: h for h in _scan(keys, self.atoms)}

    def _person_run(self, doc: Doc, i: int, relaxed: bool = False) -> int | None:
        """Return the end of a personal-name run starting at ``i`` (NER-checked), or None."""
        j = i
        while j < len(doc) and j - i < 6:
            tok = doc[j]
            if _is_dash(tok.text) and j > i and j + 1 < len(doc) and _capitalised(doc[j + 1]):
                j += 1
                continue
            if tok.is_alpha and (_capitalised(tok) or (fold(tok.text) in _PARTICLES and j > i)):
                if self.atoms.entries.get((fold(tok.text),)) and j > i:
                    break  # "President X of Georgia" stops before a country / role word
                j += 1
                continue
            break
        while j > i and (fold(doc[j - 1].text) in _PARTICLES or _is_dash(doc[j - 1].text)):
            j -= 1
        if j == i:
            return None
        run = doc[i:j]
        if fold(run[0].text) in _NOT_NAMES or self.atoms.entries.get((fold(run[0].text),)):
            return None
        person = any(t.ent_type_ == "PERSON" for t in run)
        propn = sum(t.pos_ == "PROPN" for t in run)
        if person and propn >= 1:
            return j
        if (relaxed or not doc.has_annotation("ENT_IOB")) and len(run) >= 2:
            words = {fold(t.text) for t in run}
            if not words & (self.dependents | self.org_heads | self.non_leader_titles):
                return j  # two capitalised words right after a title
        return None

    # -- output -------------------------------------------------------------------------------

    def _write(
        self,
        doc: Doc,
        mentions: list[Mention],
        unknown: dict[str, dict[str, Any]],
        day: dt.date,
    ) -> None:
        spans: list[Span] = []
        seen: set[tuple[int, int]] = set()
        taken: set[int] = set()
        for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
            if (m.start, m.end) in seen or any(i in taken for i in range(m.start, m.end)):
                continue
            seen.add((m.start, m.end))
            taken.update(range(m.start, m.end))
            spans.append(Span(doc, m.start, m.end, label=m.kind, kb_id=m.pid))
        doc.spans[LEADERS_GROUP] = spans
        people: dict[str, dict[str, Any]] = {}
        for span in spans:
            pid = span.kb_id_
            if pid in people:
                continue
            if pid in self.people:
                person = self.people[pid]
                office = person.office_on(day)
                people[pid] = {
                    "name": person.name,
                    "country": office.country,
                    "office": office.office,
                    "organisation": office.organisation,
                    "in_kb": True,
                }
            elif pid in unknown:
                people[pid] = dict(unknown[pid])
        doc._.summit_leaders = people


# initials before a surname: "E.", "Sh.", "K.-J.", "Sh" + "."; glued: "K.Tokayev"
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.)(?:-?[A-Z][a-z]?\.)*$")
_INITIAL = re.compile(r"^[A-Z][a-z]?$")
_GLUED = re.compile(r"^((?:[A-Z][a-z]?\.-?){1,3})([A-Z][^\W\d_][\w'’-]+)$")
_PATRONYMIC_ENDS = ("vich", "vna", "kyzy", "qyzy", "uly", "ulu", "oglu", "ogly", "qizi")
_PATRONYMIC = re.compile(r"^[A-Z][a-z]+(?:vich|vna|kyzy|qyzy|uly|ulu|oglu|ogly|qizi)$")
# Turkic patronymics written as two words: "Ilham Heydar oglu Aliyev", "Sadyr Nurgazy uulu X"
_PATRONYMIC_WORDS = frozenset({"oglu", "oğlu", "ogly", "uly", "uulu", "kyzy", "qizi", "gizi"})


_OPEN_MARKS = "\"“«„‘'"
_CLOSE_MARKS = "\"”»“’'"


def _quoted_title(doc: Doc, start: int, end: int) -> bool:
    """Return True when the tokens ``start:end`` (after an optional "the") fill a pair of
    quotation marks: a title reported as a title, not a reference to a person."""
    i = start
    if i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    return (
        i > 0
        and end < len(doc)
        and doc[i - 1].text in _OPEN_MARKS
        and doc[end].text in _CLOSE_MARKS
        and not doc[i - 1].whitespace_
        and doc[end - 1].whitespace_ == ""
    )


def _is_patronymic(words: Sequence[str], i: int) -> bool:
    """Return True for a patronymic between two capitalised names: "Vladimir Vladimirovich Putin",
    "Ilham Heydar oglu Aliyev" (both words of the two-word form)."""
    if not 0 < i < len(words) - 1:
        return False
    word = words[i]
    if word in _PATRONYMIC_WORDS:  # "oglu" after the father's name, before the surname
        return words[i - 1][:1].isupper() and words[i + 1][:1].isupper()
    if i + 2 < len(words) and words[i + 1] in _PATRONYMIC_WORDS:  # the father's name
        return word[:1].isupper() and words[i - 1][:1].isupper() and words[i + 2][:1].isupper()
    return (
        word.endswith(_PATRONYMIC_ENDS)
        and _PATRONYMIC.match(word) is not None
        and words[i - 1][:1].isupper()
        and words[i + 1][:1].isupper()
    )


_NOT_NAMES = frozenset(
    {"the", "a", "an", "his", "her", "their", "this", "that", "also", "said", "noted", "and"}
    | set(_MONTHS)
)


def _headline(token: Token) -> bool:
    """Return True when ``token`` sits in a title-case line ("Tokayev Meets Mirziyoyev")."""
    doc, i = token.doc, token.i
    start, end = i, i + 1
    while start > 0 and i - start < 8 and "\n" not in doc[start - 1].text:
        start -= 1
    while end < len(doc) and end - i < 8 and "\n" not in doc[end].text:
        end += 1
    words = [t for t in doc[start:end] if t.is_alpha]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def _written_as(tokens: Sequence[Token], forms: Sequence[str]) -> bool:
    """Return True when name tokens are capitalised like the base form (particles excepted)."""
    for token, form in zip(tokens, forms, strict=False):
        if fold(token.text) in _PARTICLES and not form[:1].isupper():
            continue
        if not _capitalised(token):
            return False
        if len(form) > 1 and form.isupper() and not token.text.isupper():
            return False  # acronym aliases (MBS) only in capitals
    return True


def _first(hit: Hit, kind: str) -> str | None:
    return next((e.value for e in hit.entries if e.kind == kind), None)


def _case_ok(doc: Doc, hit: Hit, kind: str) -> bool:
    """Return True when a country/organisation atom is written as a name (capitals honoured)."""
    entry = next(e for e in hit.entries if e.kind == kind)
    tokens = [t for t in doc[hit.start : hit.end] if not _is_dash(t.text)]
    if not tokens or not _capitalised(tokens[0]):
        return False
    for token, form in zip(tokens, entry.forms, strict=False):
        if len(form) > 1 and form.isupper() and not token.text.isupper():
            return False
    return True


def _next_word(doc: Doc, i: int) -> Token | None:
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i] if i < len(doc) else None


def _prev_word(doc: Doc, i: int) -> Token | None:
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


def _variants(text: str) -> set[str]:
    """Return ``text`` and its common transliteration variant (-yev/-yeva after a vowel -> -ev)."""
    out = {text}
    out.add(re.sub(r"(?<=[aeiouAEIOU])ye", "e", text))
    return out


@Language.factory(
    "summit_leaders",
    assigns=[
        "doc.spans",
        "doc._.summit_leaders",
        "doc._.summit_doc_date",
        "doc._.summit_date_source",
    ],
    default_config={
        "officeholders": "officeholders.jsonl",
        "lexicon": "leader_roles.jsonl",
        "today": None,
        "fuzzy_cutoff": 90.0,
    },
)
def make_leaders(
    nlp: Language,
    name: str,
    officeholders: str,
    lexicon: str,
    today: str | None,
    fuzzy_cutoff: float,
) -> SummitLeaders:
    """Return the summit_leaders component (data files are bundled resource names)."""
    return SummitLeaders(
        nlp,
        name,
        officeholders=officeholders,
        lexicon=lexicon,
        today=today,
        fuzzy_cutoff=fuzzy_cutoff,
    )
