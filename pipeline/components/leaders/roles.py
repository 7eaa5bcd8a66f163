"""Roles: which title phrases stand for one office holder ("President of Kyrgyzstan", "Kyrgyz
leader", "Kazakhstan's President", "UN Secretary General", the press-service "Head of State").

Reads the atom-table hits (countries, demonyms, role nouns, organisations) and the token texts
around them. Decides the span of a role phrase and what it names (a country, an organisation's
office, the text's "home" head of state) — not who holds it: that is :mod:`.resolve`. Plurals
("the heads of state"), other offices ("Vice President", "Press Service of the President") and a
"head of the delegation" are no roles.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.components.common.text import is_capitalised, is_dash
from pipeline.resources.schemas import RoleEntry

from .kb import KnowledgeBase
from .tables import Entry, Hit, fold
from .words import case_ok


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
    plural: bool = False  # one country of "the presidents of X, Y and Z": no apposed name


#: what ``Roles._role_of`` returns for a phrase that is no role at all
_NOT_A_ROLE = RoleHit(-1, -1, None, None, (), None)


@dataclass
class _Atoms:
    """The atom hits of one document, by position and by start token."""

    hits: list[Hit]
    by_start: dict[int, Hit]

    def before(self, index: int) -> Hit | None:
        """Return the hit before hit number ``index``, or None."""
        return self.hits[index - 1] if index > 0 else None


class Roles:
    """Find role phrases over a document's atom hits."""

    def __init__(self, kb: KnowledgeBase, plural_roles: bool = True) -> None:
        self.kb = kb
        self.plural_roles = plural_roles

    def find(self, doc: Doc, atoms: list[Hit], covered: set[int]) -> list[RoleHit]:
        """Return singular role phrases that name a country, an organisation or "Head of State".

        Plurals ("the heads of state") are group references, not mentions of one person, and are
        skipped; with ``plural_roles`` a plural role before a list of countries ("the presidents
        of Kyrgyzstan and Tajikistan") gives one role per country (:meth:`plural_list`).
        """
        out: list[RoleHit] = []
        index_of = _Atoms(atoms, {h.start: h for h in atoms})
        for index, hit in enumerate(atoms):
            if any(i in covered for i in range(hit.start, hit.end)):
                continue
            if out and hit.start < out[-1].end:
                continue  # the second title of "Crown Prince and Prime Minister"
            if self.blocked(doc, hit.start) or self.dependent(doc, hit.start):
                continue
            surface = fold(doc[hit.start : hit.end].text)
            words = surface.split()
            if words[0].endswith("s") or (" of " not in surface and words[-1].endswith("s")):
                # heads, leaders, presidents, heads of state, prime ministers
                if self.plural_roles:
                    out.extend(self.plural_list(doc, hit, index_of, covered))
                continue
            for entry in hit.entries:
                found: RoleHit | None = None
                if entry.kind == "role":
                    found = self._country_role(doc, hit, index_of, index, entry, surface, covered)
                elif entry.kind == "org_title":
                    found = self._org_role(doc, hit, index_of, index)
                if found is not None:
                    out.append(found)
                    break
        return out

    def plural_list(self, doc: Doc, hit: Hit, atoms: _Atoms, covered: set[int]) -> list[RoleHit]:
        """Return one role per country of "<plural role> of X, Y and Z" ("the heads of state of
        Kazakhstan and Kyrgyzstan", "the leaders of Russia and China").

        Decision (corpus/DECISIONS.md): each country's role mention spans the country's own
        tokens ("Kyrgyzstan"), the only words of the phrase that belong to that person alone.
        A list of names after a country ("the heads of Turkmenistan Serdar Berdimuhamedov and
        Kyrgyzstan Sadyr Japarov") is left to the names; a list that names no country, or in
        which one item is no country ("the presidents of Kazakhstan and the UN"), gives nothing.
        """
        roles = [self.kb.roles[int(e.value)] for e in hit.entries if e.kind == "role"]
        roles = [r for r in roles if set(r.kinds) & {"state", "government", "leader"}]
        if not roles:
            return []
        nxt = self.after_of(doc, hit.end, atoms.by_start)
        out: list[RoleHit] = []
        noun = doc[hit.start : hit.end].text
        if nxt is None:
            return self._demonyms_before(doc, hit, atoms, roles[0], covered)
        while nxt is not None:
            country = nxt.first("country")
            if country is None or not case_ok(doc, nxt, "country"):
                return []
            if any(i in covered for i in range(nxt.start, nxt.end)) or nxt.end in covered:
                return []  # "Kyrgyzstan Sadyr Japarov": the names say who
            kinds = tuple(roles[0].kinds)
            out.append(
                RoleHit(
                    nxt.start, nxt.end, country, None, kinds, roles[0].title, noun=noun, plural=True
                )
            )
            i = nxt.end
            if i < len(doc) and doc[i].text == ",":
                i += 1
            if i < len(doc) and doc[i].lower_ in {"and", "&"}:
                i += 1
            if i == nxt.end:
                break
            nxt = atoms.by_start.get(i)
            if nxt is None and doc[i - 1].lower_ != ",":
                return []  # "Kazakhstan and the UN": not a list of countries
        return out if len(out) >= 2 else []

    def _demonyms_before(
        self, doc: Doc, hit: Hit, atoms: _Atoms, role: RoleEntry, covered: set[int]
    ) -> list[RoleHit]:
        """Return one role per demonym of "the Kazakh, Kyrgyz and Uzbek presidents" (the span
        of each is the demonym), or nothing when fewer than two demonyms are coordinated."""
        index = atoms.hits.index(hit)
        out: list[RoleHit] = []
        end = hit.start
        noun = doc[hit.start : hit.end].text
        while index > 0:
            prev = atoms.hits[index - 1]
            demonym = prev.first("demonym")
            if prev.end != end or demonym is None or not case_ok(doc, prev, "demonym"):
                break
            if any(i in covered for i in range(prev.start, prev.end)):
                return []
            out.append(
                RoleHit(
                    prev.start,
                    prev.end,
                    demonym,
                    None,
                    tuple(role.kinds),
                    role.title,
                    noun=noun,
                    plural=True,
                )
            )
            index -= 1
            end = prev.start
            if end > 0 and doc[end - 1].lower_ in {"and", "&"}:
                end -= 1
            if end > 0 and doc[end - 1].text == ",":
                end -= 1
            if end == prev.start:
                break  # no separator: the list starts here
        return sorted(out, key=lambda r: r.start) if len(out) >= 2 else []

    def blocked(self, doc: Doc, start: int) -> bool:
        """Return True after "vice", "deputy", ...: another office than the one named.

        Only words of the same phrase count: punctuation other than a dash ends the look-back,
        so "Chair: President of X" (a list label) is not "co-chair President".
        """
        for t in reversed(doc[max(0, start - 2) : start]):
            if t.is_punct and not is_dash(t.text):
                return False
            if fold(t.text) in self.kb.blockers:
                return True
        return False

    def dependent(self, doc: Doc, start: int) -> bool:
        """Return True for "Press Service of / Adviser to the President": not the president.

        Line breaks between the words do not count: site branding prints "Official website of
        the" and "President of the Republic of X" on two lines."""
        words = [t for t in doc[max(0, start - 8) : start] if not t.is_space]
        if words and words[-1].lower_ == "the":
            words.pop()
        return (
            len(words) >= 2
            and words[-1].lower_ in {"of", "to"}
            and fold(words[-2].text) in self.kb.dependents
        )

    @staticmethod
    def line_start(doc: Doc, start: int) -> bool:
        """Return True when token ``start`` opens the text or a line (a headline's first word)."""
        return start == 0 or "\n" in doc[start - 1].text or "\n" in doc[start - 1].whitespace_

    def temporal(self, doc: Doc, start: int) -> bool:
        """Return True when "former", "then", "late" ... qualifies the role at ``start``."""
        return start > 0 and fold(doc[start - 1].text) in self.kb.temporals

    @staticmethod
    def after_of(doc: Doc, end: int, by_start: dict[int, Hit]) -> Hit | None:
        """Return the atom after "of [the]" at token ``end``, if any."""
        i = end
        if i >= len(doc) or doc[i].lower_ != "of":
            return None
        i += 1
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        return by_start.get(i)

    def org_goes_on(self, doc: Doc, end: int) -> bool:
        """Return True when the organisation name ending at ``end`` is only the start of an
        institution's name ("the head of the UN Regional Centre for ..."): the entity
        recogniser continues the ORG, or an institution noun follows."""
        if end >= len(doc) or not is_capitalised(doc[end]):
            return False
        nxt = doc[end]
        continued = nxt.ent_iob_ == "I" and nxt.ent_type_ == "ORG"
        return continued or fold(nxt.text) in self.kb.dependents | self.kb.org_heads

    def skip_honorifics(self, doc: Doc, i: int) -> int:
        """Return the index after a comma and honorifics at ``i`` ("Emir of Qatar, Sheikh X")."""
        if i < len(doc) and doc[i].text == ",":
            i += 1
        while i < len(doc) and (
            fold(doc[i].text) in self.kb.honorifics or doc[i].lower_ in {"his", "her"}
        ):
            i += 1
        return i

    # -- "President of X", "Kyrgyz leader" ------------------------------------------------------

    def _country_role(
        self,
        doc: Doc,
        hit: Hit,
        atoms: _Atoms,
        index: int,
        entry: Entry,
        surface: str,
        covered: set[int],
    ) -> RoleHit | None:
        """Return the role phrase a role noun opens or closes: "<role> of <country|org>",
        "<demonym|country's> <role>", "<org> <title>", or the press-service "Head of State"."""
        role = self.kb.roles[int(entry.value)]
        found = self._role_of(doc, hit, atoms, role.kinds, role.title, surface)
        if found is _NOT_A_ROLE:
            return None
        if found is not None:
            return found
        if surface == "head":
            return None  # "head" alone is too often a verb or "head of the delegation"
        found = self._role_after_country(
            doc, hit, atoms, index, (role.kinds, role.title), surface, covered
        )
        if found is not None:
            return found
        temporal = self.temporal(doc, hit.start)
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

    def _role_of(
        self,
        doc: Doc,
        hit: Hit,
        atoms: _Atoms,
        kinds_list: list[str],
        title: str | None,
        surface: str,
    ) -> RoleHit | None:
        """Return "<role> of <country>", "Head of the <demonym> state", "<title> of <org>".

        ``_NOT_A_ROLE`` when the phrase must not be read as a role at all ("the head of
        Kazakhstan's delegation").
        """
        kinds = tuple(kinds_list)
        noun = doc[hit.start : hit.end].text
        temporal = self.temporal(doc, hit.start)
        nxt = self.after_of(doc, hit.end, atoms.by_start)
        if nxt is None:
            return None
        country = nxt.first("country")
        possessive = nxt.end < len(doc) and doc[nxt.end].lower_ in {"'s", "’s"}
        if possessive and "leader" in kinds:
            return _NOT_A_ROLE  # "the head of Kazakhstan's delegation"
        if country is not None and case_ok(doc, nxt, "country"):
            return RoleHit(hit.start, nxt.end, country, None, kinds, title, temporal, noun)
        demonym = nxt.first("demonym")
        if (  # "Head of the Kyrgyz state"
            demonym is not None
            and nxt.end < len(doc)
            and doc[nxt.end].lower_ in self.kb.state_nouns
            and case_ok(doc, nxt, "demonym")
        ):
            return RoleHit(hit.start, nxt.end + 1, demonym, None, kinds, title, temporal, noun)
        org = nxt.first("org")
        if org is not None and not self.org_goes_on(doc, nxt.end):
            org_entry = self.kb.orgs[int(org)]
            if surface in {fold(t) for t in org_entry.titles}:
                return RoleHit(hit.start, nxt.end, None, org_entry.office, (), None, temporal)
        return None

    def _role_after_country(
        self,
        doc: Doc,
        hit: Hit,
        atoms: _Atoms,
        index: int,
        kinds_title: tuple[list[str], str | None],
        surface: str,
        covered: set[int],
    ) -> RoleHit | None:
        """Return "Kyrgyz leader", "Chinese President", "Kazakhstan's (then|current) President",
        "UN Secretary General": a country, demonym or organisation right before the role."""
        kinds, title = tuple(kinds_title[0]), kinds_title[1]
        noun = doc[hit.start : hit.end].text
        temporal = self.temporal(doc, hit.start)
        start = hit.start - 1 if temporal else hit.start
        if not temporal and start > 0 and fold(doc[start - 1].text) in self.kb.currents:
            start -= 1  # "Kazakhstan's current president": the holder on the text's date
        if start > 0 and doc[start - 1].lower_ in {"'s", "’s"}:
            start -= 1
        prev = atoms.before(index)
        if prev is None or prev.end != start:
            return None
        demonym = prev.first("demonym")
        country = demonym or prev.first("country")
        kind = "demonym" if demonym else "country"
        if country is not None and case_ok(doc, prev, kind):
            # "Saudi Crown Prince and Prime Minister": one office phrase, both titles
            end = self._coordinated_title_end(doc, hit.end, atoms.by_start, covered)
            return RoleHit(prev.start, end, country, None, kinds, title, temporal, noun)
        org = prev.first("org")
        if org is not None and start == hit.start:
            org_entry = self.kb.orgs[int(org)]
            if surface in {fold(t) for t in org_entry.titles}:
                return RoleHit(prev.start, hit.end, None, org_entry.office, (), None)
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
        if not is_capitalised(doc[nxt.start]) or fold(doc[nxt.end - 1].text).endswith("s"):
            return end  # "Kazakh president and leaders of ...": not one office phrase
        if nxt.end < len(doc) and doc[nxt.end].lower_ == "of":
            return end
        if self.skip_honorifics(doc, nxt.end) not in covered:
            return end  # "the Uzbek President and Prime Minister were ...": two people
        return nxt.end

    # -- "UN Secretary General", "Secretary-General of the United Nations" -----------------------

    def _org_role(self, doc: Doc, hit: Hit, atoms: _Atoms, index: int) -> RoleHit | None:
        """Return "<title> of <org>" or "<org> <title>" for an organisation head's title."""
        nxt = self.after_of(doc, hit.end, atoms.by_start)
        temporal = self.temporal(doc, hit.start)
        titles_of = {e.value for e in hit.entries if e.kind == "org_title"}
        if nxt is not None and not self.org_goes_on(doc, nxt.end):
            for org in (e.value for e in nxt.entries if e.kind == "org"):
                if org in titles_of and case_ok(doc, nxt, "org"):
                    office = self.kb.orgs[int(org)].office
                    return RoleHit(hit.start, nxt.end, None, office, (), None, temporal)
        prev = atoms.before(index)
        if prev is not None and prev.end == hit.start:
            for org in (e.value for e in prev.entries if e.kind == "org"):
                if org in titles_of and case_ok(doc, prev, "org"):
                    office = self.kb.orgs[int(org)].office
                    return RoleHit(prev.start, hit.end, None, office, (), None)
        return None

    # -- titles right before a name not in the base ("President X") ------------------------------

    def bare_titles(self, doc: Doc, atoms: list[Hit], covered: set[int]) -> list[RoleHit]:
        """Return capitalised titles without a country right before a name ("President X")."""
        out: list[RoleHit] = []
        starts = {h.start for h in atoms}
        for hit in atoms:
            roles = [self.kb.roles[int(e.value)] for e in hit.entries if e.kind == "role"]
            roles = [r for r in roles if r.title_before_name]
            if not roles or any(i in covered for i in range(hit.start, hit.end + 1)):
                continue
            if self.blocked(doc, hit.start) or self.temporal(doc, hit.start):
                continue
            if self.dependent(doc, hit.start):
                continue  # "Press Secretary of the President Ruslan Zheldibay"
            if not is_capitalised(doc[hit.start]) or hit.end in starts:
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
