"""The knowledge base: officeholders.jsonl and leader_roles.jsonl loaded into lookup indexes.

Reads no Doc. Builds, once per component: the people by id, the name table (every full-name and
surname variant as a token key), the atom table (countries, demonyms, role nouns, organisations
and their heads' titles), the word lists, the month names, office spells indexed by country and
by office, and the folded full names for fuzzy matching. Answers "who held this office on this
day" (:meth:`KnowledgeBase.holders`). The file schemas live in ``pipeline/resources/schemas.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence

from pipeline.components.common.text import is_dash
from pipeline.resources import ResourceError, parse_jsonl
from pipeline.resources.schemas import (
    _KIND_RANK,
    _WORD_LISTS,
    CountryEntry,
    LexiconLine,
    MonthEntry,
    Office,
    OrganisationEntry,
    Person,
    RoleEntry,
)

from .dates import DateReader, month_forms
from .tables import Entry, Table, fold, variants


class KnowledgeBase:
    """People, offices and the role lexicon, indexed for the leaders stages."""

    def __init__(
        self,
        kb_text: str,
        lex_text: str,
        tokenize: Callable[[str], Iterable[str]],
        *,
        kb_source: str = "officeholders.jsonl",
        lex_source: str = "leader_roles.jsonl",
    ) -> None:
        """Parse and validate both files (``*_source`` names them in errors) and index them;
        ``tokenize`` splits a lexicon form into token texts the way documents are split."""
        self._tokenize = tokenize
        people: list[Person] = parse_jsonl(kb_text, Person, kb_source)
        lines: list[LexiconLine] = parse_jsonl(lex_text, LexiconLine, lex_source)
        self.people: dict[str, Person] = {}
        for person in people:
            if person.id in self.people:
                raise ResourceError(f"{kb_source}: duplicate id {person.id!r}")
            self.people[person.id] = person
        self._lexicon(lines)
        self._names()
        self._offices()
        self._atoms()

    # -- building ---------------------------------------------------------------------------

    def _lexicon(self, lines: list[LexiconLine]) -> None:
        """Sort the lexicon lines into countries, organisations, roles, months and word lists."""
        self.countries: dict[str, CountryEntry] = {}
        self.orgs: list[OrganisationEntry] = []
        self.roles: list[RoleEntry] = []
        words: dict[str, set[tuple[str, ...]]] = {t: set() for t in _WORD_LISTS}
        raw: dict[str, list[str]] = {t: [] for t in _WORD_LISTS}
        for line in lines:
            item = line.root
            if isinstance(item, CountryEntry):
                self.countries[item.name] = item
            elif isinstance(item, OrganisationEntry):
                self.orgs.append(item)
            elif isinstance(item, RoleEntry):
                self.roles.append(item)
            elif not isinstance(item, MonthEntry):
                words[item.kind].update(self.key(f) for f in item.forms)
                raw[item.kind].extend(item.forms)
        self.dates = DateReader(month_forms(lines))
        self.months = frozenset(self.dates.months)
        # single-word lists: the word next to a role or name decides
        self.blockers = {k[-1] for k in words["blocker"] if k}
        self.temporals = {k[-1] for k in words["temporal"] if k}
        self.currents = {k[-1] for k in words["current"] if k}
        self.dependents = {k[-1] for k in words["dependent"] if k}
        self.honorifics = {k[-1] for k in words["honorific"] if k}
        self.non_leader_titles = {k[-1] for k in words["non_leader_title"] if k}
        self.org_heads = {k[0] for k in words["org_head"] if k}
        self.not_given_names = {k[-1] for k in words["not_given_name"] if k} | self.months
        self.not_names = {fold(w) for w in raw["not_name"]} | self.months
        self.particles = frozenset(fold(w) for w in raw["particle"])
        self.state_nouns = frozenset(w.lower() for w in raw["state_noun"])
        # patronymics are matched as written (case matters: "Vladimirovich", "oglu")
        self.patronymic_words = frozenset(raw["patronymic_word"])
        self.patronymic_ends = tuple(raw["patronymic_suffix"])
        ends = "|".join(map(re.escape, self.patronymic_ends)) or r"(?!x)x"
        self.patronymic_re = re.compile(rf"^[A-Z][a-z]+(?:{ends})$")
        # phrases showing a state body writing about its own head of state ("our country",
        # "Press Service"): only then is a bare "the Head of State" a role mention
        voice = sorted(words["own_voice"], key=len, reverse=True)
        self.own_voice_re = re.compile(
            "|".join(
                r"(?<![^\W\d_])" + r"\W+".join(map(re.escape, k)) + r"(?![^\W\d_])" for k in voice
            )
            or r"(?!x)x"
        )

    def _names(self) -> None:
        """Build the name table (full names and surnames) and the fuzzy-match name list."""
        self.given_words = {
            fold(part)
            for person in self.people.values()
            for g in person.given
            for part in g.split()
        }
        self.names = Table()
        for person in self.people.values():
            for full in person.full_names():
                for form in variants(full):
                    self.names.add(self.key(form), Entry("name", person.id, self.texts(form)))
            for surname in person.surnames:
                for form in variants(surname):
                    self.names.add(self.key(form), Entry("surname", person.id, self.texts(form)))
        # honours that stand for one person ("Elbasy", "Hero-Arkadag"), longest first
        honours = {self.key(h): p.id for p in self.people.values() for h in p.honorifics}
        self.person_honorifics = sorted(honours.items(), key=lambda kv: -len(kv[0]))
        # folded surnames (6+ letters, not flagged ambiguous) for the misspelt-surname link
        by_surname: dict[str, set[str]] = {}
        for person in self.people.values():
            if person.ambiguous_surname:
                continue
            for surname in person.surnames:
                for form in variants(surname):
                    if len(fold(form)) >= 6 and " " not in form:
                        by_surname.setdefault(fold(form), set()).add(person.id)
        self.fuzzy_surnames = list(by_surname)
        self.fuzzy_surname_ids = [frozenset(by_surname[s]) for s in self.fuzzy_surnames]
        # folded full names for the fuzzy check of titled names missing from the table
        fuzzy = {fold(f): p.id for p in self.people.values() for f in p.full_names()}
        self.fuzzy_names = list(fuzzy)
        self.fuzzy_ids = list(fuzzy.values())

    def _offices(self) -> None:
        """Index office spells by country and by office string, for date resolution of roles."""
        self.by_country: dict[str | None, list[tuple[Office, str]]] = {}
        self.by_office: dict[str, list[tuple[Office, str]]] = {}
        for person in self.people.values():
            for o in person.offices:
                self.by_country.setdefault(o.country, []).append((o, person.id))
                self.by_office.setdefault(o.office, []).append((o, person.id))

    def _atoms(self) -> None:
        """Build the atom table: countries, demonyms, role nouns, organisations, their titles."""
        self.atoms = Table()
        for country in self.countries.values():
            for form in country.forms:
                self.atoms.add(self.key(form), Entry("country", country.name, self.texts(form)))
            for form in country.demonyms:
                self.atoms.add(self.key(form), Entry("demonym", country.name, self.texts(form)))
        for index, role in enumerate(self.roles):
            for form in role.forms:
                self.atoms.add(self.key(form), Entry("role", str(index)))
        for index, org in enumerate(self.orgs):
            for form in org.forms:
                self.atoms.add(self.key(form), Entry("org", str(index), self.texts(form)))
            for form in org.titles:
                self.atoms.add(self.key(form), Entry("org_title", str(index)))

    def texts(self, text: str) -> tuple[str, ...]:
        """Return the token texts of a lexicon form, dash tokens left out."""
        return tuple(t for t in self._tokenize(text) if not is_dash(t))

    def key(self, text: str) -> tuple[str, ...]:
        """Return the token key of a lexicon form (folded token texts, dashes left out)."""
        return tuple(fold(t) for t in self.texts(text))

    # -- office holders ---------------------------------------------------------------------

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
            spells = self.by_office.get(office, [])
        elif country is not None:
            spells = self.by_country.get(country, [])
        else:
            spells = [s for group in self.by_country.values() for s in group]
        for o, pid in spells:
            if o.held_on(day) and self.fits(o, country, kinds, title, office):
                found.append((_KIND_RANK[o.kind], pid))
        return list(dict.fromkeys(pid for _, pid in sorted(found)))

    def fits(
        self,
        o: Office,
        country: str | None,
        kinds: Sequence[str],
        title: str | None,
        office: str | None,
    ) -> bool:
        """Return True when office spell ``o`` is the office a role phrase names."""
        if office is not None:
            return o.office == office
        if country is not None and o.country != country:
            return False
        if kinds and o.kind not in self.expand_kinds(kinds, country):
            return False
        return title is None or o.office.startswith(title)

    def expand_kinds(self, kinds: Sequence[str], country: str | None) -> set[str]:
        """Return ``kinds`` with "leader" spelt out as the kinds that lead ``country``."""
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

    def in_office(self, pid: str, day: dt.date) -> bool:
        """Return True when person ``pid`` holds one of their leader offices on ``day``."""
        return any(o.held_on(day) for o in self.people[pid].offices)

    def pick_by_date(self, pids: list[str], day: dt.date) -> str:
        """Return the first of ``pids`` in office on ``day``, else the first of them."""
        unique = list(dict.fromkeys(pids))
        in_office = [p for p in unique if self.in_office(p, day)]
        return (in_office or unique)[0]
