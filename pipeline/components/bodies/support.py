"""Supporters: who backs a proposed body without proposing it.

Decides the supporters of a body: a support clause on the name or its appositive ("which found
the support of X"), a support verb above the proposal ("X supported the idea of Y"), and later
statements ("These initiatives were supported by X", "Y welcomed all three", "Z backed the
bank"), including one leader "endorsing" a body someone else proposed. Reads the parse, the cue
index and the candidates already linked.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from pipeline.components.common.text import is_capitalised

from .agents import Agents
from .context import Candidate


class Support(Agents):
    """The supporter stage."""

    def supporters_of(self, cand: Candidate, support: Token | None) -> list[str]:
        """Return the supporters: a support clause on the body or its appositive, or a support
        verb above the proposal ("which found the support of X", "an idea that X backed",
        "X supported the proposal of Y to ...")."""
        doc = self.doc
        found: list[str] = []
        head = doc[cand.head]
        lo, hi = self._char_tokens(cand)
        sent_end = self.se[head.i]
        # only the support cues after the name (an index, not a scan of the sentence per name)
        for i in self.support_cues[bisect_left(self.support_cues, hi) :]:
            if i >= sent_end:
                break
            t = doc[i]
            clause = t if t.dep_ in ("relcl", "acl") else t.head
            if clause.dep_ not in ("relcl", "acl"):
                continue
            anchor = clause.head
            in_name = lo <= anchor.i < hi
            light = self.cue_for(anchor)
            appositive = (
                hi <= anchor.i < t.i and light is not None and light.status in ("light", "proposed")
            )
            if in_name or appositive:
                # "which Mirziyoyev said Uzbekistan would support": the reporting leader
                found.extend(self.as_reporters(t, self.support_agents(t)))
                break
        if support is not None:
            found.extend(self.support_agents(support))
        out: list[str] = []
        for name in found:
            if name not in out and name not in cand.proposers:
                out.append(name)
        return out

    def support_agents(self, t: Token) -> list[str]:
        """Return who gives the support cue ``t`` (by-agent, of-phrase, or subject)."""
        for child in t.children:
            if child.dep_ in ("agent", "prep") and child.lower_ in ("of", "by"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    out = list(self.resolve(objs[0]))
                    # "supported by X and by the Kyrgyz side": a coordinated by-phrase
                    for conj in child.children:
                        if conj.dep_ == "conj" and conj.lower_ == child.lower_:
                            for o in conj.children:
                                if o.dep_ == "pobj":
                                    out += [n for n in self.resolve(o) if n not in out]
                    return out
        subj = [c for c in t.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")]
        return self.resolve(subj[0]) if subj else []

    def supported_idea(self, start: Token, support: Token) -> bool:
        """Return True when the name at ``start`` hangs, through "of", on a light proposal noun
        ("idea", "project") that is the object of ``support`` ("backed the idea of X")."""
        node = start
        for _ in range(4):
            head = node.head
            if head.i == node.i:
                return False
            if head.i == support.i:
                return False
            if node.dep_ == "pobj" and head.lower_ == "of":
                noun = head.head
                cue = self.cue_for(noun)
                return (
                    noun.pos_ == "NOUN"
                    and cue is not None
                    and cue.status == "light"
                    and noun.head.i == support.i
                    and noun.dep_ in ("dobj", "nsubjpass")
                    and not any(c.dep_ == "poss" for c in noun.children)
                )
            node = head
        return False

    def support_statements(self, cands: list[Candidate]) -> None:
        """Add supporters from a later statement about the proposal.

        "These initiatives were supported by Kyrgyzstan" (the proposals of the sentence before)
        and "welcomed the Turkmen initiative on the forum" (the last forum proposed).
        """
        proposed = sorted(
            (c for c in cands if c.linked and c.status == "proposed"), key=lambda c: c.start_char
        )
        if not any(c.linked for c in cands):
            return
        for t in self.doc:
            cue = self.cue_for(t)
            if cue is None:
                continue
            if cue.status == "adopted" and t.pos_ == "VERB":
                self.endorsed_proposal(t, cands)
                continue
            found = self.support_themes(t) if cue.status == "support" else None
            if found is None:
                continue
            verb, themes = found
            targets = self.supported_targets(verb, themes, cands, proposed)
            agents = self.statement_agents(verb) if targets is not None else []
            for cand in targets or []:
                for name in agents:
                    if name not in cand.supporters and name not in cand.proposers:
                        self.decide(cand, "support_statement", supporters=[*cand.supporters, name])

    def support_themes(self, t: Token) -> tuple[Token, list[Token]] | None:
        """Return the verb of the support cue ``t`` and what it supports: "supported X" (its
        object or passive subject), "expressed support for X" (the for-object); None when ``t``
        is neither."""
        if t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.pos_ == "VERB":
            # "expressed support for the initiative": the verb's subject, the for-object
            themes = [
                o
                for p in t.children
                if p.dep_ == "prep" and p.lower_ == "for"
                for o in p.children
                if o.dep_ == "pobj"
            ]
            return t.head, themes
        if t.pos_ == "VERB":
            return t, [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
        return None

    def statement_agents(self, verb: Token) -> list[str]:
        """Return who gives the support of ``verb``, looking up through coordinated and
        reported clauses ("X suggested ... and welcomed ...", "Putin said Moscow supported the
        idea": Putin)."""
        agents = self.support_agents(verb)
        node = verb
        for _ in range(4):
            if agents or node.dep_ not in ("conj", "ccomp", "xcomp"):
                break
            node = node.head
            agents = self.support_agents(node)
        return self.as_reporters(verb, agents) if agents else []

    def supported_targets(
        self,
        verb: Token,
        themes: list[Token],
        cands: list[Candidate],
        proposed: list[Candidate],
    ) -> list[Candidate] | None:
        """Return the proposed bodies a support statement is about, or None when its theme is
        no proposal: a named body ("backed the bank"), a count ("all three"), a kind ("the
        initiative on the forum"), "it", or a demonstrative ("these initiatives")."""
        if not themes:
            return None
        theme = themes[0]
        theme_cue = self.cue_for(theme)
        # "Bishkek and Dushanbe supported it": the proposal just reported
        pronoun = theme.lower_ == "it"
        count = self.counted_theme(theme)
        named = self.named_theme(theme, verb, cands)
        if (
            not pronoun
            and count is None
            and named is None
            and (theme_cue is None or theme_cue.status not in ("proposed", "light"))
        ):
            return None
        if any(c.dep_ == "acl" for c in theme.children):
            return None  # "the initiative of the Russian side to open ...": another proposal
        if named is not None:
            return [named]
        # "The initiative of Kyrgyzstan was supported": only that proposer's bodies
        owners = (
            (self.agent_here(theme) or [])
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in theme.children)
            else []
        )
        before = [
            c
            for c in proposed
            if c.end_char <= verb.idx and (not owners or set(owners) & set(c.proposers))
        ]
        about = [
            o
            for p in [*theme.children, *verb.children]  # the parser may hang "on X" on the verb
            if p.dep_ == "prep" and p.lower_ in ("on", "about", "of", "for")
            for o in p.children
            if o.dep_ == "pobj" and self.head_entry(o) is not None
        ]
        if count is not None:
            # "welcomed all three": the last n proposals of this paragraph
            near = [c for c in before if not self.index.line_break_between(c.head, verb.i)]
            return near[-count:] if len(near) >= count else []
        if about:
            found = self.head_entry(about[0])
            kind = found[0].body_kind if found else None
            return [c for c in before if c.kind == kind][-1:]
        here = [c for c in before if c.sent_start == self.ss[verb.i]]
        prev = [c for c in before if c.sent_start == self._prev_sent_start(verb)]
        if pronoun:
            return (here or prev)[-1:]
        if any(c.lower_ in ("this", "these", "the", "such") for c in theme.children):
            if here or prev or self.is_plural(theme):
                return here or prev
            # "X proposed A. X added ... . Y backed the idea.": the paragraph's last one
            return [c for c in before if not self.index.line_break_between(c.head, verb.i)][-1:]
        return []

    def endorsed_proposal(self, verb: Token, cands: list[Candidate]) -> None:
        """Add a named subject of an adoption verb as supporter when its object names back a
        body someone else proposed ("Rahmon endorsed the dialogue on minerals"): one leader or
        country cannot adopt a joint body, so the endorsement is support."""
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if not objs or not subj:
            return
        agents = self.resolve(subj[0])
        if len(agents) != 1:
            return
        body = self.named_theme(objs[0], verb, cands)
        if body is None or body.status != "proposed" or agents[0] in body.proposers:
            return
        if agents[0] not in body.supporters:
            self.decide(body, "endorsement", supporters=[*body.supporters, agents[0]])

    def counted_theme(self, theme: Token) -> int | None:
        """Return n for a theme counting the proposals just made ("all three", "both", "all
        three proposals"), else None."""
        if theme.lower_ == "both" and theme.pos_ in ("PRON", "DET", "NOUN"):
            return 2
        words = [w.lower_ for w in theme.subtree]
        if "all" not in words:
            return None
        for w in words:
            if w in self.c.small_numbers:
                return self.c.small_numbers[w]
            if w.isdigit() and 1 < int(w) < 10:
                return int(w)
        return None

    def named_theme(self, theme: Token, verb: Token, cands: list[Candidate]) -> Candidate | None:
        """Return the body a supported theme names back: a body-head noun with "the"/"this" or a
        leader's possessive ("backed the bank", "endorsed the dialogue on minerals", "backed
        Mirziyoyev's council") -> the last linked body of that kind before ``verb`` (of that
        leader, with a possessive), or None."""
        found = self.head_entry(theme)
        if found is None or is_capitalised(theme) or self.is_plural(theme):
            return None
        owner = [c for c in theme.children if c.dep_ == "poss"]
        owners = self.resolve(owner[0]) if owner else []
        if owner and not owners:
            return None
        if not owner and not any(c.lower_ in ("the", "this", "that") for c in theme.children):
            return None
        kind = found[0].body_kind
        earlier = [
            c
            for c in cands
            if c.linked
            and c.kind == kind
            and c.end_char <= verb.idx
            and (not owners or set(owners) & set(c.proposers))
        ]
        return max(earlier, key=lambda c: c.start_char) if earlier else None
