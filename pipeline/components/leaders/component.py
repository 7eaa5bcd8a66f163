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
is not one on that date either. Plurals without a country list ("the leaders of the Central Asian
states", "the heads of state") are group references, not mentions; a plural role before a list of
countries ("the presidents of Kyrgyzstan and Tajikistan") gives one role mention per country,
spanning the country's tokens (config ``plural_roles``, on by default; corpus/DECISIONS.md,
"Plural roles").

Matching is a dictionary lookup over normalised token keys (case and diacritics folded, dash tokens
skipped), built once in ``__init__`` with a prefix set so that most tokens cost one lookup:
spaCy's PhraseMatcher cannot skip the dash tokens that break names apart. The whole component
costs about 2-3 % of en_core_web_sm's time on a 4000-word text.

This module holds the factory and the component, whose ``__call__`` is the list of stages:
:mod:`.names` (name hits), :mod:`.dates` (the document date), :mod:`.resolve` (names, surnames,
roles to people), :mod:`.roles` (role phrases), :mod:`.unknown` (leaders missing from the base),
then the spans and ``doc._.summit_leaders`` are written here. :mod:`.kb` loads the data files,
:mod:`.tables` is the token-key lookup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from pipeline.extensions import LEADERS_GROUP
from pipeline.resources import read_text
from pipeline.resources.schemas import Person

from .dates import document_date, parse_date
from .kb import KnowledgeBase
from .names import Names
from .resolve import DocContext, Mention, Resolver, mention
from .roles import RoleHit, Roles
from .tables import Hit, scan
from .unknown import Unknowns
from .words import quoted_title


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
        plural_roles: bool = True,
    ) -> None:
        self.name = name
        self.fuzzy_cutoff = fuzzy_cutoff
        self.plural_roles = plural_roles
        self.tokenizer = nlp.tokenizer  # lexicon forms are tokenised like the documents
        self.officeholders_name = officeholders
        self.lexicon_name = lexicon
        self.today = parse_date(today)
        self._kb_text = read_text(officeholders)
        self._lex_text = read_text(lexicon)
        self._build()

    def _build(self) -> None:
        """Load the knowledge base and set up the stages over it."""
        self.kb = KnowledgeBase(
            self._kb_text,
            self._lex_text,
            lambda text: [t.text for t in self.tokenizer(text)],
            kb_source=self.officeholders_name,
            lex_source=self.lexicon_name,
        )
        self.names = Names(self.kb, self.fuzzy_cutoff)
        self.roles = Roles(self.kb, self.plural_roles)
        self.resolver = Resolver(self.kb, self.names, self.roles)
        self.unknown = Unknowns(self.kb, self.names, self.roles)

    @property
    def people(self) -> dict[str, Person]:
        """The office-holder base by person id."""
        return self.kb.people

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

    # -- the pipeline step --------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` with leader mentions and the people they refer to; return it."""
        words, keys = self.names.keys(doc)
        atom_hits = scan(keys, self.kb.atoms)
        name_hits, glued = self.names.hits(doc, words, keys)
        day, dated = self._date(doc, name_hits)
        mentions = self.resolver.names_and_surnames(doc, name_hits, day, glued)
        mentions.extend(self._fuzzy(doc, name_hits))
        ctx = DocContext(
            day=day,
            dated=dated,
            mentions=mentions,
            named_at={m.start: m for m in mentions},
            named_end={m.end: m for m in mentions},
        )
        self._roles(doc, atom_hits, ctx)
        if ctx.unknown:
            self.unknown.surnames(doc, ctx)
        if ctx.not_leaders:
            mentions = [m for m in mentions if m.pid not in ctx.not_leaders]
        if dated:  # an undated text cannot tell who has left office
            mentions = self.resolver.drop_other_office_holders(doc, mentions, day)
        self._write(doc, mentions, ctx.unknown, day)
        return doc

    def _date(self, doc: Doc, name_hits: list[Hit]) -> tuple[dt.date, bool]:
        """Return the day roles resolve on and whether the text or its metadata gave it; set
        ``doc._.summit_doc_date`` / ``summit_date_source``."""
        named = {e.value for h in name_hits for e in h.entries if e.kind == "name"}
        text_date, source = document_date(doc.text, named, self.kb.people, self.kb.dates)
        fallback = parse_date(doc._.summit_date)
        if text_date is not None:
            doc._.summit_doc_date = text_date.isoformat()
            doc._.summit_date_source = source
        elif fallback is not None:
            doc._.summit_doc_date = fallback.isoformat()
        day = text_date or fallback or self.today or dt.date.today()
        return day, text_date is not None or fallback is not None

    def _fuzzy(self, doc: Doc, name_hits: list[Hit]) -> list[Mention]:
        """Return the mentions of PERSON entities a spelling away from a base name."""
        seen = {i for h in name_hits for i in range(h.start, h.end)}
        return [
            mention(s, e, "name", pid, "fuzzy") for s, e, pid in self.names.fuzzy_spans(doc, seen)
        ]

    def _roles(self, doc: Doc, atom_hits: list[Hit], ctx: DocContext) -> None:
        """Add the role mentions, and the newcomers named next to titles, to ``ctx``."""
        covered = {i for m in ctx.mentions for i in range(m.start, m.end)}
        found_roles = self.roles.find(doc, atom_hits, covered)
        # a headline's "Head of State" waits for the lead's "Head of State <Name>" to say who
        later = [r for r in found_roles if self._headline_home(doc, r, ctx)]
        for role in [r for r in found_roles if r not in later] + later:
            covered.update(range(role.start, role.end))
            if quoted_title(doc, role.start, role.end):
                continue  # media called the son "the Head of State": a reported title
            found = self.resolver.role_person(doc, role, ctx, self.unknown)
            if found is not None:
                ctx.mentions.append(found)
        for role in self.roles.bare_titles(doc, atom_hits, covered):
            self.unknown.after(doc, role.end, role, role.country, ctx)

    def _headline_home(self, doc: Doc, role: RoleHit, ctx: DocContext) -> bool:
        """Return True for a press-service "Head of State" opening a line with no name after
        it (a headline)."""
        return (
            "home" in role.kinds
            and self.roles.line_start(doc, role.start)
            and self.roles.skip_honorifics(doc, role.end) not in ctx.named_at
        )

    # -- output -------------------------------------------------------------------------------

    def _write(
        self,
        doc: Doc,
        mentions: list[Mention],
        unknown: dict[str, dict[str, Any]],
        day: dt.date,
    ) -> None:
        """Write the mention spans (longest first where they overlap) and the people they name."""
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
            if pid not in people:
                info = self.describe(pid, day, unknown)
                if info is not None:
                    people[pid] = info[0]
        doc._.summit_leaders = people

    def describe(
        self, pid: str, day: dt.date, unknown: dict[str, dict[str, Any]]
    ) -> tuple[dict[str, Any], str] | None:
        """Return a person's record fields (name, country, office, organisation, in_kb) and the
        rule that decided them: ``office-on-date`` (the base office held on ``day``, else the
        latest before it) or ``title`` (a newcomer's title in the text)."""
        if pid in self.kb.people:
            person = self.kb.people[pid]
            office = person.office_on(day)
            info = {
                "name": person.name,
                "country": office.country,
                "office": office.office,
                "organisation": office.organisation,
                "in_kb": True,
            }
            return info, "office-on-date"
        if pid in unknown:
            return dict(unknown[pid]), "title"
        return None


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
        "plural_roles": True,
    },
)
def make_leaders(
    nlp: Language,
    name: str,
    officeholders: str,
    lexicon: str,
    today: str | None,
    fuzzy_cutoff: float,
    plural_roles: bool,
) -> SummitLeaders:
    """Return the summit_leaders component (data files are bundled resource names;
    ``plural_roles``, on by default, turns "the presidents of X and Y" into one role mention per
    country; False keeps such phrases group references)."""
    return SummitLeaders(
        nlp,
        name,
        officeholders=officeholders,
        lexicon=lexicon,
        today=today,
        fuzzy_cutoff=fuzzy_cutoff,
        plural_roles=plural_roles,
    )
