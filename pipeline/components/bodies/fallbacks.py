"""Fallbacks: links for named bodies the dependency path from the name missed.

Decides the cue, status and proposers of a capitalised or quoted name no cue governs through
the parse: a participle after it (", proposed by X"), a relative clause ("X, the creation of
which was proposed by Y"), dash gapping ("..., while the leader of Kazakhstan – an Action Plan"),
and a later "it" that an establishment or adoption verb takes ("The centrepiece was the Treaty X.
... it was signed"). Reads the parse, the cue index and the candidates already linked.
"""

from __future__ import annotations

from pipeline.components.common.text import is_capitalised

from .context import STATUS_RANK, Candidate
from .status import Status


class Fallbacks(Status):
    """The fallback-linking stage."""

    def link_fallbacks(self, cands: list[Candidate]) -> None:
        """Link named candidates the dependency path missed (participles, relatives, gapping)."""
        doc = self.doc
        by_sent: dict[int, list[Candidate]] = {}
        for cand in cands:
            by_sent.setdefault(cand.sent_start, []).append(cand)
        for cand in cands:
            if cand.linked:
                continue
            head = doc[cand.head]
            named = cand.quoted or is_capitalised(head)
            if not named:
                continue
            if self.participle_after(cand):
                continue
            if self.relative_after(cand):
                continue
            self.gapping(cand, by_sent[cand.sent_start])

    def participle_after(self, cand: Candidate) -> bool:
        """Link ", proposed by X" after the name (only PPs between); return True when linked."""
        doc = self.doc
        sent_end = self.se[cand.head]
        j = self._end_token(cand)
        while j < sent_end and j < self._end_token(cand) + 15:
            t = doc[j]
            cue = self.cue_for(t)
            # VBD too: the tagger often reads a reduced relative as a past tense
            if t.tag_ in ("VBN", "VBD") and cue is not None and cue.status in STATUS_RANK:
                has_agent = any(c.dep_ == "agent" for c in t.children)
                adjacent = doc[j - 1].text == "," or j == self._end_token(cand)
                # "the Fund, set up in 2023" is history; "the Declaration adopted at the summit"
                # and ", proposed by X" are reports
                dated = any(d.ent_type_ == "DATE" or d.like_num for d in t.subtree)
                if (
                    adjacent
                    and (has_agent or cue.status == "proposed" or not dated)
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                ):
                    self.apply(cand, [(t, cue)], None, "participle")
                    return True
                return False
            if t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ") or t.is_quote:
                return False
            j += 1
        return False

    def relative_after(self, cand: Candidate) -> bool:
        """Link "X, the creation of which was proposed by Y"; return True when linked."""
        doc = self.doc
        j = self._end_token(cand)
        sent_end = self.se[cand.head]
        for k in range(j, min(j + 6, sent_end)):
            t = doc[k]
            if t.lower_ in ("which", "whose") and t.tag_ in ("WDT", "WP$"):
                cues, support, _commit = self.climb(t)
                if cues and any(self.dated_history(v, c) for v, c in cues):
                    return True  # "the X Agreement, which the presidents signed in 2009": history
                if cues:
                    self.apply(cand, cues, support, "relative_clause")
                    return True
                return False
            if t.pos_ in ("VERB", "AUX"):
                return False
        return False

    def gapping(self, cand: Candidate, same_sent: list[Candidate]) -> None:
        """Link "..., while the leader of X – an Action Plan ..." to the sentence's earlier cue."""
        doc = self.doc
        head = doc[cand.head]
        if head.dep_ not in ("appos", "dep"):
            return
        anchor = head.head
        agents = self.resolve(anchor) if anchor.i < head.i else []
        if not agents:
            return
        earlier = [
            c for c in same_sent if c.linked and c.cue_tokens and c.cue_tokens[1] <= anchor.i
        ]
        if not earlier:
            return
        src = earlier[-1]
        self.decide(cand, "gapping", status=src.status, cue=src.cue_tokens, proposers=agents)

    def resolve_pronoun_objects(self, cands: list[Candidate]) -> None:
        """Upgrade or link a body when a following clause establishes/adopts "it" ("The
        centrepiece was the Treaty on X. ... it was signed by ...")."""
        doc = self.doc
        pool = sorted(
            (c for c in cands if c.linked or c.quoted or is_capitalised(doc[c.head])),
            key=lambda c: c.start_char,
        )
        if not pool:
            return
        for tok in doc:
            if tok.lower_ != "it" or tok.dep_ not in ("dobj", "nsubjpass"):
                continue
            cue = self.cue_for(tok.head)
            if cue is None or cue.status not in ("established", "adopted"):
                continue
            if self.dated_history(tok.head, cue):
                continue
            prior = [c for c in pool if c.end_char <= tok.idx]
            if not prior:
                continue
            target = prior[-1]
            near = {self.ss[tok.i], self._prev_sent_start(tok)}
            if target.linked:
                if self.ss[target.head] not in near:
                    continue
            else:
                # an unlinked name: the topic of one of the two sentences before, never the
                # subject of its own report ("The Council met on Monday. It was created ...")
                if doc[target.head].dep_ in ("nsubj", "nsubjpass"):
                    continue
                near.add(self.ss[self._prev_sent_start(tok) - 1] if min(near) > 0 else 0)
                if self.ss[target.head] not in near or self.index.line_break_between(
                    target.head, tok.i
                ):
                    continue
            if not target.linked:
                self.decide(
                    target,
                    "pronoun_object",
                    status=cue.status,
                    cue=(cue.start, cue.end),
                    proposers=[],
                )
            elif STATUS_RANK[cue.status] > STATUS_RANK.get(target.status or "proposed", 0):
                self.decide(target, "pronoun_object", status=cue.status, cue=(cue.start, cue.end))
