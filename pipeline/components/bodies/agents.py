"""Agents: who a cue's act is by.

Decides the proposers of a cue: its subject, "by" agent, possessor ("the Turkmen side's
proposal"), of-agent, "on the initiative of X", "according to X", a gapped "the leader of X –
...", or the proposer of the previous sentence for an agentless passive (carry-over). A phrase
resolves to canonical leaders (the leaders' span group; "he"/"she"/"the President" through the
pronoun rule of :class:`MentionIndex`; "we" in a quote = its speaker; "the chair") or countries
(names, demonyms, capitals, "her country"). Reads the parse, the mention/country/quote indexes.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .candidates import Candidates
from .context import DETS, Candidate

_FIRST_PERSON = frozenset({"i", "we", "us"})  # "us": "let us set up X"


class Agents(Candidates):
    """The agent-resolution stage."""

    def agent_of(self, tok: Token) -> list[str] | None:
        """Return the proposers named by the agent of cue ``tok``; None when no agent is expressed."""
        node: Token | None = tok
        via_conj = False
        for _ in range(12):
            if node is None:
                return None
            found = self.agent_here(node)
            if (
                found == []
                and via_conj
                and node.dep_ == "ccomp"
                and node.head.lemma_.lower() in self.c.say_verbs
                and not self.index.line_break_between(node.i, node.head.i)
                and not any(  # "the leaders adopted X and decided ...": a collective act
                    c.dep_ == "nsubj" and (c.tag_ in ("NNS", "NNPS") or c.pos_ == "PRON")
                    for c in node.children
                )
            ):
                # "X said the summit was historic and proposed Y": the parser hangs the second
                # verb on the reported clause, whose subject names nobody; the reporter proposes
                node = node.head
                via_conj = False
                continue
            if found is not None:
                return found
            dep = node.dep_
            via_conj = dep == "conj"
            if dep in ("xcomp", "conj", "acl", "advcl", "pcomp", "ccomp") or (
                dep in ("dobj", "pobj", "prep") and node.pos_ != "VERB"
            ):
                if dep == "acl" and node.tag_ == "VBN":
                    return None  # ", proposed at ...": a participle without "by"
                node = node.head if node.head.i != node.i else None
                continue
            return None
        return None

    def agent_here(self, node: Token) -> list[str] | None:
        """Return the proposers expressed directly on ``node`` (subject, by-agent, possessor),
        computed once per token: every name coordinated under one verb asks its agent."""
        if node.i not in self.agents_cache:
            found = self.agent_here_uncached(node)
            self.agents_cache[node.i] = None if found is None else list(found)
        cached = self.agents_cache[node.i]
        return None if cached is None else list(cached)

    def agent_here_uncached(self, node: Token) -> list[str] | None:
        """Return the proposers expressed directly on ``node`` (subject, by-agent, possessor)."""
        for child in node.children:
            # "On the initiative of Kazakhstan, the leaders established X": the initiator
            if child.dep_ == "prep" and child.lower_ in ("on", "at", "upon"):
                for obj in child.children:
                    cue = self.cue_for(obj)
                    if obj.dep_ == "pobj" and cue is not None and cue.status == "proposed":
                        names = self.agent_here(obj)
                        if names:
                            return names
        for child in node.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return self.resolve(objs[0])
        subjects: list[Token] = []
        for c in node.children:
            if c.dep_ not in ("nsubj", "csubj") or c.lower_ in ("which", "that", "who"):
                continue
            if self.index.line_break_between(c.i, node.i):
                # a verbless line above mis-joined to this sentence: its appositive in this
                # paragraph ("– President X\n\nPresident X proposed ...") is the subject
                subjects.extend(
                    a
                    for a in c.children
                    if a.dep_ == "appos" and not self.index.line_break_between(a.i, node.i)
                )
            else:
                subjects.append(c)
        if subjects:
            return self.resolve(min(subjects, key=lambda c: abs(c.i - node.i)))
        for child in node.children:
            if child.dep_ == "nsubjpass" and child.lower_ == "it":
                return None  # "it was proposed": no agent
        if node.pos_ == "NOUN":
            for child in node.children:
                if child.dep_ == "poss" and self.resolve(child):
                    return self.resolve(child)
                if child.dep_ == "acl" and child.tag_ == "VBN":  # "the proposal voiced by X"
                    names = self.agent_here(child)
                    if names:
                        return names
                if child.dep_ == "prep" and child.lower_ == "of":
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if objs:
                        names = self.resolve(objs[0])
                        if names:
                            return names
        return None

    def office_noun(self, tok: Token) -> bool:
        """Return True when an office noun of ``body_cues.jsonl`` ends at ``tok``: its lemma, or
        a lemma phrase over the tokens before it ("prime ministers" -> ("prime", "minister"))."""
        doc = self.doc
        for phrase in self.c.office_nouns:
            n = len(phrase)
            if tok.i - n + 1 < 0:
                continue
            if tuple(t.lemma_.lower() for t in doc[tok.i - n + 1 : tok.i + 1]) == phrase:
                return True
        return False

    def resolve(self, tok: Token) -> list[str]:
        """Return the canonical leaders / countries a subject or agent phrase names ([] if none)."""
        out: list[str] = []
        if self.office_noun(tok) and self.is_plural(tok):
            # "the presidents of Kazakhstan and Uzbekistan": each country's leader
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        for c in [obj, *obj.conjuncts] if obj.dep_ == "pobj" else []:
                            if c.i in self.country_at:
                                leader = self.mentions.leader_of(self.country_at[c.i])
                                if leader not in out:
                                    out.append(leader)
            return out
        for t in [tok, *tok.conjuncts]:
            name = self.resolve_one(t)
            if name and name not in out:
                out.append(name)
        return out

    def resolve_one(self, t: Token) -> str | None:
        """Return the leader or country one conjunct names, or None."""
        if t.lower_ in _FIRST_PERSON and t.i in self.quote_speaker:
            return self.quote_speaker[t.i]
        if t.i in self.leader_at:
            return self.leader_at[t.i]
        if t.lower_ in ("he", "she") and t.pos_ == "PRON":
            return self.mentions.previous_leader(t.i)
        if self.bare_office(t):
            return self.mentions.previous_leader(
                t.i
            )  # "President X opened ... The President proposed"
        for c in t.subtree:
            # "the President of Uzbekistan Shavkat Mirziyoyev" parsed with the name below
            near = c.head == t or c.head.head == t or c.head.head.head == t
            if c.i in self.leader_at and c.dep_ in ("compound", "appos", "pobj", "nsubj") and near:
                return self.leader_at[c.i]
        if t.i in self.country_at and t.tag_ not in ("JJ",):
            return self.country_at[t.i]
        if t.i in self.capital_at:
            return self.capital_at[t.i]  # "Tashkent proposed": the capital stands for the state
        if (
            t.lower_ in self.c.chair_nouns
            and t.pos_ == "NOUN"
            and not any(c.dep_ == "prep" for c in t.children)  # "the Chair of the Mejlis"
        ):
            return self.chair_leader  # "the chair proposed": the leader introduced as chair
        if t.lemma_.lower() in self.c.agent_nouns or t.lower_ in self.c.agent_nouns:
            if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in t.children):
                return self.own_country(t)  # "her country's proposal"
            for c in t.children:
                if c.i in self.country_at and c.dep_ in ("amod", "compound", "poss", "nmod"):
                    return self.country_at[c.i]
                if c.dep_ == "prep" and c.lower_ == "of":
                    for o in c.children:
                        if o.i in self.country_at:
                            return self.country_at[o.i]
        return None

    def bare_office(self, t: Token) -> bool:
        """Return True for "the President" / "the Head of State" / "the leader" naming no country
        or organisation (the leaders component leaves it unresolved): an anaphor like "he"."""
        if (
            t.lemma_.lower() not in self.c.bare_offices
            or self.is_plural(t)
            or t.i in self.leader_at
        ):
            return False
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            return False
        for c in t.children:
            if (
                c.dep_ in ("poss", "amod", "compound", "nmod")
                and c.lower_ not in self.c.office_mods
            ):
                return False  # "the Kazakh president", "the bank president"
            if c.dep_ == "prep" and not (
                c.lower_ == "of" and any(o.lower_ in ("state", "government") for o in c.children)
            ):
                return False  # "the President of the Mejlis"
        return True

    def own_country(self, t: Token) -> str | None:
        """Return who "his/her country" (``t``) stands for: the leader last named in the sentence
        before it (a leader's country is the leader, as for "Turkmenistan proposes" in a quote),
        else the country last named there ("Speaking for Turkmenistan, Ms X conveyed her
        country's proposal"); None when the sentence names neither."""
        for i in range(t.i - 1, self.ss[t.i] - 1, -1):
            if i in self.leader_at:
                return self.leader_at[i]
            if i in self.country_at and self.doc[i].tag_ != "JJ":
                return self.country_at[i]
        return None

    def sentence_agents(self, sent: Span) -> list[str] | None:
        """Return the proposers of the first proposal cue in ``sent`` that has a named agent."""
        if sent.start in self.sent_agents:
            return self.sent_agents[sent.start]
        result: list[str] | None = None
        for tok in sent:
            cue = self.cue_at.get(tok.i)
            if cue is None or cue.status != "proposed" or tok.i != cue.start:
                continue
            agents = self.agent_of(tok)
            if agents:
                result = agents
                break
        self.sent_agents[sent.start] = result or []
        return result

    def carried_agents(self, tok: Token) -> list[str] | None:
        """Return the proposers of the previous sentence of the same paragraph, if it proposed."""
        start = self.ss[tok.i]
        if start == 0:
            return None
        prev_tok = self.doc[start - 1]
        if prev_tok.is_space and "\n" in prev_tok.text:
            return None  # a paragraph break
        prev = self.doc[self.ss[prev_tok.i] : self.se[prev_tok.i]]
        if any(t.is_space and "\n" in t.text for t in prev[:-1]):
            return None
        return self.sentence_agents(prev) or None

    def according_to(self, tok: Token) -> list[str] | None:
        """Return whom "according to X" on a clause above cue ``tok`` names, or None."""
        for node in [tok, *tok.ancestors]:
            for child in node.children:
                if child.dep_ == "prep" and child.lower_ == "according":
                    for to in child.children:
                        objs = [o for o in to.children if o.dep_ == "pobj"]
                        if to.lower_ == "to" and objs:
                            return self.resolve(objs[0]) or None
        return None

    def reported_by_leader(self, tok: Token, country: str) -> str | None:
        """Return the leader of ``country`` who is the agent of a clause above cue ``tok``
        ("Xi announced that China would set up ...", "Xi renewed Beijing's proposal",
        "Putin said Moscow supported the idea"), or None."""
        node = tok
        for _ in range(8):
            if node.head.i == node.i:
                return None
            node = node.head
            if node.pos_ not in ("VERB", "AUX"):
                continue
            names = self.agent_of(node) or []
            if len(names) == 1 and self.leader_country.get(names[0]) == country:
                return names[0]
        return None

    def as_reporters(self, tok: Token, names: list[str]) -> list[str]:
        """Return ``names`` with each country replaced by its leader reporting cue ``tok``."""
        out: list[str] = []
        for name in names:
            leader = self.reported_by_leader(tok, name) if name not in self.leader_country else None
            out.append(leader or name)
        return out

    def dash_agent(self, cand: Candidate) -> str | None:
        """Return the leader or country right before a dash that opens the name (gapping:
        "..., while the leader of Kazakhstan – an Action Plan ..."), else None."""
        doc = self.doc
        i = self._char_tokens(cand)[0] - 1
        while i >= 0 and doc[i].lower_ in DETS:
            i -= 1
        if i < 1 or doc[i].text not in ("–", "—", "-") or doc[i].whitespace_ == "":
            return None
        before = doc[i - 1]
        if before.i in self.leader_at:
            return self.leader_at[before.i]
        if before.i in self.country_at and before.tag_ != "JJ":
            return self.country_at[before.i]
        return None
