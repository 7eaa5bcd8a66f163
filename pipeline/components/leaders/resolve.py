"""Resolution: which person each name, surname and role mention refers to.

Reads the name hits of :mod:`.names`, the role phrases of :mod:`.roles`, the document date of
:mod:`.dates` and the tokens around a mention. Every mention is made by :func:`mention`, which
records the rule that chose its person in ``Mention.how`` (internal: the records are unchanged):

- ``name`` a full name; ``initials`` a surname with initials ("Sh. Mirziyoyev");
  ``fuzzy`` a PERSON entity or a given name + surname a spelling away from a base name;
  ``fuzzy-surname-*`` a misspelt surname (:meth:`.Names.misspelt_surnames`) resolved by the
  surname rules below;
- ``surname-honorific`` the one a title of honour before it stands for ("Hero-Arkadag
  Berdimuhamedov": the father; ``honorifics`` in the base);
- ``surname-title`` the one of that surname in the titled office on the date ("President
  Berdimuhamedov"); ``surname-before`` / ``surname-after`` the namesake named nearest before it
  (else first after it); ``surname-date`` the one in office on the date; ``surname-only`` the
  only unambiguous namesake;
- ``role-apposed`` the name next to a role ("President of X Y", "Y, the President of X");
  ``role-home`` the text's own head of state; ``role-first`` the first holder;
  ``role-named`` a holder named in an undated text; ``role-date`` the holder on the date;
- ``unknown-title`` / ``unknown-surname``: a leader missing from the base (:mod:`.unknown`).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from .kb import KnowledgeBase
from .names import Names
from .roles import RoleHit, Roles
from .tables import Hit, fold
from .words import prev_word

if TYPE_CHECKING:  # unknown.py builds on this module's Mention and DocContext
    from .unknown import Unknowns


@dataclass
class Mention:
    """A leader mention before it becomes a Span; ``how`` names the rule that chose ``pid``."""

    start: int
    end: int
    kind: str  # name | surname | role
    pid: str
    how: str


def mention(start: int, end: int, kind: str, pid: str, how: str) -> Mention:
    """Return a mention of person ``pid`` over tokens [start, end), decided by rule ``how``."""
    return Mention(start, end, kind, pid, how)


@dataclass
class DocContext:
    """Per-document state shared by the resolution steps."""

    day: dt.date
    dated: bool
    mentions: list[Mention]
    named_at: dict[int, Mention]
    named_end: dict[int, Mention]
    unknown: dict[str, dict[str, Any]] = field(default_factory=dict)
    home: str | None = None  # who "the Head of State" is in this text
    # base people named here with a title of an office they never held, out of office on the
    # date ("Kuwait's Crown Prince Sheikh Mishal ..." before he became Emir): not leaders here
    not_leaders: set[str] = field(default_factory=set)
    voice: bool | None = None  # the text speaks as a state body ("our country"); found lazily

    def add(self, m: Mention) -> Mention:
        """Add a name mention found late (a newcomer, a fuzzy name after a title); return it."""
        self.mentions.append(m)
        self.named_at[m.start] = m
        return m


class Anchors:
    """Where each person is named so far, kept sorted, so "the same surname named nearest
    before" is a binary search rather than a scan of every earlier mention."""

    def __init__(self) -> None:
        self._at: dict[str, list[int]] = {}

    def add(self, pid: str, start: int) -> None:
        """Record that ``pid`` is named at token ``start``."""
        insort(self._at.setdefault(pid, []), start)

    def __contains__(self, pid: object) -> bool:
        return pid in self._at

    def last_before(self, pid: str, start: int) -> int | None:
        """Return the last position of ``pid`` before ``start``, or None."""
        at = self._at[pid]
        k = bisect_left(at, start)
        return at[k - 1] if k else None

    def first(self, pid: str) -> int:
        """Return the first position of ``pid``."""
        return self._at[pid][0]


class Stage:
    """A resolution stage: reads the knowledge base, the name matcher and the role finder."""

    def __init__(self, kb: KnowledgeBase, names: Names, roles: Roles) -> None:
        self.kb = kb
        self.names = names
        self.roles = roles


class Resolver(Stage):
    """Resolve name hits and role phrases to people."""

    # -- names and surnames -------------------------------------------------------------------

    def names_and_surnames(
        self, doc: Doc, hits: list[Hit], day: dt.date, glued: dict[int, str]
    ) -> list[Mention]:
        """Return the mentions of full names, then of surnames resolved against them."""
        mentions: list[Mention] = []
        anchors = Anchors()
        other_office: set[str] = set()  # named here with a minister's or envoy's title
        for hit in hits:
            names = [e.value for e in hit.entries if e.kind == "name"]
            if names:
                pid = self.kb.pick_by_date(names, day)
                if self.names.in_other_office(doc, hit.start, pid, day):
                    other_office.add(pid)
                    continue
                mentions.append(mention(hit.start, hit.end, "name", pid, hit.how or "name"))
                anchors.add(pid, hit.start)
        for hit in hits:
            if any(e.kind == "name" for e in hit.entries):
                continue
            found = self._surname_hit(doc, hit, anchors, other_office, day, glued)
            if found is not None:
                mentions.append(found)
                # "President Karimov ... Karimov said": a resolved surname anchors later ones
                anchors.add(found.pid, hit.start)
        return sorted(mentions, key=lambda m: m.start)

    def _surname_hit(
        self,
        doc: Doc,
        hit: Hit,
        anchors: Anchors,
        other_office: set[str],
        day: dt.date,
        glued: dict[int, str],
    ) -> Mention | None:
        """Return the mention a surname hit makes ("Tokayev", "Sh. Mirziyoyev"), or None."""
        candidates = list(dict.fromkeys(e.value for e in hit.entries))
        if any(p in other_office for p in candidates):
            return None
        if any(self.kb.people[p].ambiguous_surname for p in candidates) and self.names.goes_on(
            doc, hit.end
        ):
            return None  # "Gul Mohammad": the surname is another person's given name
        start, initials = self.names.initials(doc, hit.start, glued)
        if initials:  # "Sh. Mirziyoyev", "S.Berdimuhamedov": the initial picks the namesake
            candidates = [p for p in candidates if self.names.has_initial(p, initials)]
        found = self._surname(doc, hit, candidates, anchors, day, bool(initials))
        if found is None or self.names.in_other_office(doc, start, found[0], day):
            return None
        pid, how = found
        if initials:
            return mention(start, hit.end, "name", pid, "initials")
        return mention(start, hit.end, "surname", pid, f"fuzzy-{how}" if hit.how else how)

    def _surname(
        self,
        doc: Doc,
        hit: Hit,
        candidates: list[str],
        anchors: Anchors,
        day: dt.date,
        initialled: bool = False,
    ) -> tuple[str, str] | None:
        """Return (person id, rule) for a surname among ``candidates``, or None."""
        kb = self.kb
        honoured = self.names.honoured(doc, hit.start)
        if honoured in candidates:  # "Hero-Arkadag Berdimuhamedov": the father, not the son
            return honoured, "surname-honorific"
        prev = prev_word(doc, hit.start)
        titled = initialled or (prev is not None and fold(prev.text) in kb.honorifics)
        if not titled and fold(doc[hit.start : hit.end].text) in kb.months:
            return None  # "in May" is a month even after Theresa May was named
        if prev is not None and titled and not initialled:
            # "President Berdimuhamedov": the one who is President on the date
            title = fold(prev.text)
            holding = [
                p
                for p in candidates
                if any(
                    o.held_on(day) and fold(o.office).startswith(title)
                    for o in kb.people[p].offices
                )
            ]
            if len(holding) == 1:
                return holding[0], "surname-title"
        mentioned = [p for p in candidates if p in anchors]
        if mentioned:
            before = [
                (at, p) for p in mentioned if (at := anchors.last_before(p, hit.start)) is not None
            ]
            if before:
                return max(before)[1], "surname-before"
            return min((anchors.first(p), p) for p in mentioned)[1], "surname-after"
        in_office = [p for p in candidates if kb.in_office(p, day)]
        if titled and in_office:
            return in_office[0], "surname-date"
        clear = [p for p in candidates if not kb.people[p].ambiguous_surname]
        in_office_clear = [p for p in in_office if p in clear]
        if len(in_office_clear) == 1:
            return in_office_clear[0], "surname-date"
        if len(clear) == 1 and (titled or not in_office):
            return clear[0], "surname-only"
        return None

    def drop_other_office_holders(
        self, doc: Doc, mentions: list[Mention], day: dt.date
    ) -> list[Mention]:
        """Return ``mentions`` without the people who on ``day`` hold only a non-leader office
        (``other_offices`` in the base) and whom the text never names as a past leader: no
        role phrase ("Turkmenistan's then president") and no temporal word ("former", "then")
        among the three words before a name ("the former president X")."""
        people = self.kb.people
        kept = {m.pid for m in mentions if m.kind == "role"}
        for m in mentions:
            before = doc[max(0, m.start - 3) : m.start]
            if any(fold(t.text) in self.kb.temporals for t in before):
                kept.add(m.pid)
        gone = {
            m.pid
            for m in mentions
            if m.pid in people and m.pid not in kept and people[m.pid].elsewhere_on(day)
        }
        return [m for m in mentions if m.pid not in gone] if gone else mentions

    # -- roles --------------------------------------------------------------------------------

    def role_person(
        self, doc: Doc, role: RoleHit, ctx: DocContext, unknown: Unknowns
    ) -> Mention | None:
        """Return the mention a role phrase makes, with the person it refers to, or None.

        ``unknown`` registers a titled name missing from the base next to the role.
        """
        if role.plural:  # one country of "the presidents of X and Y": the holder on the date
            found = self._role_holder(doc, role, ctx, None)
            return None if found is None else mention(role.start, role.end, "role", *found)
        # apposition: "President of Uzbekistan Shavkat Mirziyoyev", "leader of Kazakhstan, X"
        i = self.roles.skip_honorifics(doc, role.end)
        if (
            i not in ctx.named_at
            and i + 1 in ctx.named_at
            and i < len(doc)
            and fold(doc[i].text) in self.kb.non_leader_titles
        ):
            i += 1  # "Secretary General of the OTS Ambassador X": a rank between role and name
        j = role.start  # "Kassym-Jomart Tokayev, the President of Kazakhstan"
        if j > 0 and doc[j - 1].lower_ == "the":
            j -= 1
        pid: str | None = None
        after = ctx.named_at[i].pid if i in ctx.named_at else None
        before = None
        if j > 1 and doc[j - 1].text == "," and (j - 1) in ctx.named_end:
            before = ctx.named_end[j - 1].pid
        if (
            after is not None
            and before is not None
            and role.end < len(doc)
            and doc[role.end].text == ","
        ):
            # "A, President of X, B, President of Y": the role belongs to the name whose office
            # it is; the name after it only when both fit (or neither does)
            pid = before if self._fits(before, role) and not self._fits(after, role) else after
        else:
            pid = after or before
        if pid is None and not role.temporal:  # a title next to a name not in the base
            pid = unknown.after(doc, role.end, role, role.country, ctx)
            if pid is None and j > 1 and doc[j - 1].text == ",":
                pid = unknown.before(doc, j - 1, role, ctx)
        if pid is not None and self._other_title(role, pid, ctx.day if ctx.dated else None):
            ctx.not_leaders.add(pid)
            return None
        found = self._role_holder(doc, role, ctx, pid)
        if found is None:
            return None
        return mention(role.start, role.end, "role", found[0], found[1])

    def _role_holder(
        self, doc: Doc, role: RoleHit, ctx: DocContext, pid: str | None
    ) -> tuple[str, str] | None:
        """Return (person id, rule) for a role phrase whose apposed person is ``pid``."""
        if "home" in role.kinds:
            if pid is not None:
                ctx.home = ctx.home or pid
                return pid, "role-apposed"
            headline = self.roles.line_start(doc, role.start) and doc[role.start].text[:1].isupper()
            if not headline and (role.start == 0 or doc[role.start - 1].lower_ != "the"):
                return None  # "each head of state", "a head of state": nobody in particular
            if ctx.voice is None:
                ctx.voice = self.kb.own_voice_re.search(fold(doc.text)) is not None
            if ctx.home is None and not ctx.voice:
                return None  # an agency reporting on a foreign or own leader in third person
            home = ctx.home or self._head_of_state_before(doc, role, ctx)
            if home is None and headline:  # "Head of State meets ..." above the lead
                home = self._head_of_state_after(role, ctx)
            return None if home is None else (home, "role-home")
        if pid is not None or role.temporal:
            return None if pid is None else (pid, "role-apposed")  # "former President of X"
        if "first_president" in role.kinds:
            first = (
                None if role.country is None else self.kb.first_holder(role.country, "President")
            )
            return None if first is None else (first, "role-first")
        if not ctx.dated:  # no date at all: a holder named in the text beats today's holder
            named = self._named_holders(role, ctx.mentions)
            if named:
                before = [m for m in ctx.mentions if m.pid in named and m.start < role.start]
                return (before[-1].pid if before else named[0]), "role-named"
        found = self.kb.holders(
            ctx.day, country=role.country, kinds=role.kinds, title=role.title, office=role.office
        )
        return (found[0], "role-date") if found else None

    def _head_of_state_after(self, role: RoleHit, ctx: DocContext) -> str | None:
        """Return the first head of state in office named after ``role`` (a headline's "Head
        of State" is the president the release's lead then names)."""
        people = self.kb.people
        for m in sorted(ctx.mentions, key=lambda m: m.start):
            if (
                m.start > role.end
                and m.pid in people
                and any(o.kind == "state" and o.held_on(ctx.day) for o in people[m.pid].offices)
            ):
                return m.pid
        return None

    def _head_of_state_before(self, doc: Doc, role: RoleHit, ctx: DocContext) -> str | None:
        """Return who a bare "Head of State" is: the press-service style capitalised title means
        the first head of state named in the text, lower-case the latest one named before it."""
        people = self.kb.people
        heads = [
            m
            for m in sorted(ctx.mentions, key=lambda m: m.start)
            if m.start < role.start
            and m.pid in people
            and any(o.kind == "state" and o.held_on(ctx.day) for o in people[m.pid].offices)
        ]
        if not heads:
            return None
        return heads[0].pid if doc[role.start].text[:1].isupper() else heads[-1].pid

    def _other_title(self, role: RoleHit, pid: str, day: dt.date | None) -> bool:
        """Return True when a base person is named with the title of a head-of-state or
        government office they never held in the base and hold no leader office on ``day``: a
        crown prince who later became emir, named in a text of his crown-prince years. In an
        undated text (``day`` None) the title itself dates the text outside their reign."""
        if role.temporal or role.office is not None or pid not in self.kb.people:
            return False
        if not set(role.kinds) <= {"state", "government", "crown_prince", "supreme", "leader"}:
            return False  # "First President of X": an office of the past by definition
        if day is not None and self.kb.in_office(pid, day):
            return False
        return not self._fits(pid, role)

    def _fits(self, pid: str, role: RoleHit) -> bool:
        """Return True when person ``pid`` ever held the office ``role`` names."""
        person = self.kb.people.get(pid)
        return person is not None and any(
            self.kb.fits(o, role.country, role.kinds, role.title, role.office)
            for o in person.offices
        )

    def _named_holders(self, role: RoleHit, mentions: list[Mention]) -> list[str]:
        """Return the people named in ``mentions`` who ever held the office ``role`` names."""
        out: list[str] = []
        for m in mentions:
            if m.pid in out or m.pid not in self.kb.people:
                continue
            if any(
                self.kb.fits(o, role.country, role.kinds, role.title, role.office)
                for o in self.kb.people[m.pid].offices
            ):
                out.append(m.pid)
        return out
