"""Leaders missing from the base: a head-of-state/government or organisation-head title right
before a name ("Prime Minister Irakli Kobakhidze", "President of Georgia Salome Zourabichvili") or
as an apposition after it ("X, the President of Georgia").

Reads the role phrases of :mod:`.roles`, capitals, POS and PERSON entities of the tokens after
(or before) the title. Decides a newcomer's id (``x-<slug>``), name, country and office, and later
bare uses of its surname ("Kobakhidze said"). A name a spelling away from a base name is that
base person, not a newcomer.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.components.common.text import is_capitalised, is_dash

from .resolve import DocContext, Stage, mention
from .roles import RoleHit
from .tables import Hit, fold, scan, slug
from .words import case_ok, other_given_name, prev_word


class Unknowns(Stage):
    """Find and register titled leaders that the office-holder base does not hold."""

    def after(
        self,
        doc: Doc,
        i: int,
        role: RoleHit | None,
        country: str | None,
        ctx: DocContext,
    ) -> str | None:
        """Register the person named right after a title at token ``i``; return the id or None."""
        i = self.roles.skip_honorifics(doc, i)
        if i in ctx.named_at or i >= len(doc):
            return None
        # with a country named and nobody in the base holding that office then, the title is
        # strong enough evidence to accept two proper nouns the NER left untagged
        vacant = (
            role is not None
            and role.country is not None
            and not self.kb.holders(
                ctx.day, country=role.country, kinds=role.kinds, title=role.title
            )
        )
        end = self._person_run(doc, i, relaxed=vacant)
        if end is None:
            return None
        if country is None:  # "President Salome Zourabichvili of Georgia"
            after = self.roles.after_of(doc, end, self._atoms_at(doc, end))
            if after is not None and after.first("country") and case_ok(doc, after, "country"):
                country = after.first("country")
        return self._register(doc, i, end, role, country, ctx)

    def before(self, doc: Doc, comma: int, role: RoleHit, ctx: DocContext) -> str | None:
        """Register the PERSON entity ending at ``comma`` ("X, the President of Georgia")."""
        if comma < 1 or doc[comma - 1].ent_type_ != "PERSON":
            return None
        start = comma - 1
        while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start].ent_iob_ != "B":
            start -= 1
        while start < comma and (
            not is_capitalised(doc[start]) or self.kb.atoms.word(doc[start].text)
        ):
            start += 1  # a statistical span may swallow a title or country: "Turkmenistan X"
        if start == comma or any(m.start == start and m.end == comma for m in ctx.mentions):
            return None
        if not all(is_capitalised(t) or is_dash(t.text) for t in doc[start:comma]):
            return None
        return self._register(doc, start, comma, role, role.country, ctx)

    def _register(
        self,
        doc: Doc,
        i: int,
        end: int,
        role: RoleHit | None,
        country: str | None,
        ctx: DocContext,
    ) -> str:
        """Record a leader missing from the base, named by tokens [i, end); return its id.

        A name after a leader's title that is only a spelling away from a base name
        ("Gurbanguly Berdymukhamedow") is that person, not a newcomer.
        """
        name = doc[i:end].text
        known = self.names.fuzzy_person(name)
        if known is not None:
            ctx.add(mention(i, end, "name", known, "fuzzy"))
            return known
        pid = f"x-{slug(name)}"
        office = None
        if role is not None and role.office is not None:
            office = role.office
        else:
            title = self._office_title(role, country)
            if title is not None:
                office = f"{title} of {country}" if country else title
        org = None
        if role is not None and role.office is not None:
            org = next((o.name for o in self.kb.orgs if o.office == role.office), None)
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
        ctx.add(mention(i, end, "name", pid, "unknown-title"))
        return pid

    def surnames(self, doc: Doc, ctx: DocContext) -> None:
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
            if other_given_name(prev_word(doc, token.i), self.kb.honorifics):
                continue  # another person with that surname
            ctx.mentions.append(mention(token.i, token.i + 1, "surname", owner, "unknown-surname"))

    def _office_title(self, role: RoleHit | None, country: str | None) -> str | None:
        """Return the title part of a newcomer's office ("Chancellor", "Prime Minister")."""
        if role is None:
            return None
        if role.title:
            return role.title
        kinds = self.kb.expand_kinds(role.kinds, country)
        if "government" in kinds:
            noun = fold(role.noun)
            if noun in {"chancellor", "premier"} or noun.startswith("chair"):
                return " ".join(w if w in {"of", "the"} else w.capitalize() for w in noun.split())
            return "Prime Minister"
        return "President" if "state" in kinds else None

    def _atoms_at(self, doc: Doc, end: int) -> dict[int, Hit]:
        """Return the atoms of the few tokens after ``end`` keyed by start (for "of Georgia")."""
        stop = min(len(doc), end + 8)
        keys = [(t.i, fold(t.text)) for t in doc[end:stop] if not is_dash(t.text)]
        return {h.start: h for h in scan(keys, self.kb.atoms)}

    def _person_run(self, doc: Doc, i: int, relaxed: bool = False) -> int | None:
        """Return the end of a personal-name run starting at ``i`` (NER-checked), or None."""
        kb = self.kb
        j = i
        while j < len(doc) and j - i < 6:
            tok = doc[j]
            if is_dash(tok.text) and j > i and j + 1 < len(doc) and is_capitalised(doc[j + 1]):
                j += 1
                continue
            if tok.is_alpha and (is_capitalised(tok) or (fold(tok.text) in kb.particles and j > i)):
                if kb.atoms.word(tok.text) and j > i:
                    break  # "President X of Georgia" stops before a country / role word
                j += 1
                continue
            break
        while j > i and (fold(doc[j - 1].text) in kb.particles or is_dash(doc[j - 1].text)):
            j -= 1
        if j == i:
            return None
        run = doc[i:j]
        if fold(run[0].text) in kb.not_names or kb.atoms.word(run[0].text):
            return None
        person = any(t.ent_type_ == "PERSON" for t in run)
        propn = sum(t.pos_ == "PROPN" for t in run)
        if person and propn >= 1:
            return j
        if (relaxed or not doc.has_annotation("ENT_IOB")) and len(run) >= 2:
            words = {fold(t.text) for t in run}
            if not words & (kb.dependents | kb.org_heads | kb.non_leader_titles):
                return j  # two capitalised words right after a title
        return None
