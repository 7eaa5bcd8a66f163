"""Status: which cue governs a body, and so whether it is proposed, established or adopted.

Decides a candidate's cue and status by climbing the dependency parse from the head through
objects, of/for/on phrases, conjuncts and the cue/light/decision words of ``body_cues.jsonl``;
plus the fallbacks for the parser's usual misses (nominal cues before "of", an owned idea, a
supported idea, a joint decision, ", proposed by X", "the creation of which", dash gapping,
"it was signed"). Dated history, advocacy and modals adjust the status. Reads the parse, the
cue index and the document date (``doc._.summit_doc_date`` / ``summit_date``).
"""

from __future__ import annotations

from spacy.tokens import Token

from models.records import BodyRule

from .acts import Acts
from .context import STATUS_RANK, Candidate, Cue

# Dependency labels the path from a body up to its cue may follow (child -> head).
_UP_DEPS = frozenset(
    {
        "dobj",
        "pobj",
        "nsubjpass",
        "appos",
        "conj",
        "xcomp",
        "ccomp",
        "acl",
        "pcomp",
        "attr",
        "oprd",
        "dep",
        "advcl",
        "prep",
        "relcl",
        "compound",
        "nmod",
        "npadvmod",
        "dative",
    }
)
# Prepositions a path may climb through: "proposal for X", "creation of X", "agreement on X".
_PASS_PREPS = frozenset({"of", "for", "on", "about", "to", "into", "towards", "toward"})


class Status(Acts):
    """The cue-linking stage."""

    def link(self, cand: Candidate) -> None:
        """Attach cue, status, proposers and supporters to ``cand`` when a cue governs it."""
        doc = self.doc
        start = doc[cand.head]
        cues, support, commit = self.climb(start)
        rule: BodyRule = "cue_path"
        if not cues:
            nominal = self.nominal_cue_before(self._char_tokens(cand)[0])
            if nominal is not None:
                cues, rule = [nominal], "nominal_cue"
        if not cues:
            owned = self.owned_idea(start)
            if owned is not None:
                cues, rule = [owned], "owned_idea"
        if not cues and support is not None and self.supported_idea(start, support):
            # "supported the long-discussed idea of an X": a proposal nobody here is named as
            # making; the subject backs it
            self.decide(
                cand,
                "supported_idea",
                status="proposed",
                cue=(support.i, support.i + 1),
                proposers=[],
            )
            # "X proposed A and supported the idea of B": a coordinated verb shares X
            backers = self.supporters_of(cand, support) or self.agent_of(support) or []
            self.decide(cand, "idea_backer" if backers else "none", supporters=backers)
            return
        if not cues and commit is not None:
            # "the leaders agreed to develop a Programme": a joint plan, proposed by all
            cue = self.cue_for(commit)
            if cue is not None:
                cues, rule = [(commit, Cue("proposed", cue.start, cue.end))], "joint_decision"
        if not cues or any(self.dated_history(t, c) for t, c in cues):
            return
        self.apply(cand, cues, support, rule)

    def apply(
        self,
        cand: Candidate,
        cues: list[tuple[Token, Cue]],
        support: Token | None,
        rule: BodyRule,
    ) -> None:
        """Set status, cue and agents on ``cand`` from the cues on its path (innermost first);
        ``rule`` names how the cues were found."""
        proposal = [(t, c) for t, c in cues if c.status == "proposed"]
        if proposal:
            tok, cue = proposal[-1]
            status = "proposed"
        else:
            tok, cue = cues[0]
            status = cue.status
        if status != "proposed" and (tok.pos_ == "NOUN" or tok.tag_ in ("VB", "VBG")):
            earlier = self.dominating_proposal(tok)
            if earlier is not None:
                tok, cue = earlier
                status, rule = "proposed", "earlier_proposal"
        if status != "proposed" and (
            self.unrealised(tok, cue)
            or self.advocated(tok)
            or (self.modal(tok) and not self.scheduled(tok))
        ):
            # "stressed the need to create X": advocated, not yet created
            status, rule = "proposed", "advocated"
        self.decide(cand, rule, status=status, cue=(cue.start, cue.end))
        agents, agents_rule = self.proposers_of(cand, tok, status)
        self.decide(cand, agents_rule, proposers=agents)
        supporters = self.supporters_of(cand, support)
        self.decide(cand, "support_clause" if supporters else "none", supporters=supporters)

    def proposers_of(self, cand: Candidate, tok: Token, status: str) -> tuple[list[str], BodyRule]:
        """Return the proposers of ``cand`` whose cue is ``tok`` and the rule that found them."""
        agents = self.agent_of(tok)
        rule: BodyRule = "agent" if agents else "unnamed_agent"
        if agents and len(agents) == 1 and self.quote_speaker_country.get(tok.i) == agents[0]:
            # "Turkmenistan proposes ..." said its president
            agents, rule = [self.quote_speaker[tok.i]], "quote_speaker"
        elif agents and len(agents) == 1:
            reporter = self.reported_by_leader(tok, agents[0])
            if reporter is not None:
                agents, rule = [reporter], "reporting_leader"  # "Xi announced that China would"
        if agents is None and status == "proposed":
            agents = self.according_to(tok)  # "According to X, a Council should be created"
            rule = "according_to"
        if not agents and status == "proposed" and tok.i in self.quote_speaker_country:
            # "“It is time to create X,” the President said": a proposal naming no proposer
            # in a leader's own words is that leader's
            agents, rule = [self.quote_speaker[tok.i]], "quote_speaker"
        if agents is None and self.carry_over and status == "proposed":
            agents, rule = self.carried_agents(tok), "carry_over"
        if not agents and status == "proposed":
            reporter = self.reporting_speaker(tok)
            if reporter is not None:
                # "Tokayev said the five should launch X": the reporting leader argues for it
                agents, rule = [reporter], "reporting_leader"
        gapped = self.dash_agent(cand)
        if gapped is not None:
            agents, rule = [gapped], "dash_gapping"  # "X proposed A, and the President of U – B"
        if agents is None:
            rule = "none"
        return agents or [], rule

    def reporting_speaker(self, tok: Token) -> str | None:
        """Return the one leader who is the subject of a reporting verb whose reported clause
        holds cue ``tok`` ("Tokayev said the five should launch X"), or None."""
        node = tok
        for _ in range(6):
            if node.head.i == node.i or node.dep_ not in ("ccomp", "xcomp", "conj", "advcl"):
                return None
            node = node.head
            if node.lemma_.lower() in self.c.say_verbs:
                names = self.agent_of(node) or []
                if len(names) == 1 and names[0] in self.leader_country:
                    return names[0]
                return None
        return None

    def climb(self, start: Token) -> tuple[list[tuple[Token, Cue]], Token | None, Token | None]:
        """Return (cues on the path, the support token ending it, the first decision cue on it)."""
        cues: list[tuple[Token, Cue]] = []
        commit: Token | None = None
        tok = start
        seen = {tok.i}
        support: Token | None = None
        peer_of: Token | None = None
        for _ in range(30):
            head = tok.head
            if head.i == tok.i or head.i in seen:
                break
            dep = tok.dep_
            if dep in ("nsubj", "nsubjpass") and head.lemma_.lower() in self.c.expectation_words:
                # "a Treaty is expected to be signed at the summit": the scheduled act
                acts = [c for c in head.children if c.dep_ == "xcomp" and c.i in self.cue_at]
                act = self.cue_for(acts[0]) if acts else None
                if act is not None and act.status in STATUS_RANK:
                    cues.append((acts[0], act))
                break
            if not self.may_climb(tok, head):
                break
            seen.add(head.i)
            created = self.created_by_naming(tok, head)
            if created == "rename":
                # "transform the Meeting into the Union": the new name is created
                cues.append((head, Cue("established", head.i, head.i + 1)))
            elif created == "name" and head.head.i != head.i:
                # "a new format that might be named the Forum": the act of the named noun
                tok = head.head
                seen.add(tok.i)
                continue
            if dep in ("advcl", "xcomp", "relcl"):
                # "welcomed the initiative of X to hold Y": the infinitive belongs to the noun
                cues.extend(self.proposal_children(head, "dobj"))
            cue = self.cue_for(head)
            if (
                cue is not None
                and cue.status == "commit"
                and head.pos_ == "NOUN"
                and tok.lower_ == "of"
            ):
                break  # "the decisions of the Bishkek Summit": the body made them
            if (
                cue is None
                and head.pos_ in ("NOUN", "PROPN")
                and dep not in ("appos", "dep", "conj")
                and not (dep == "prep" and tok.lower_ in self.c.inclusion_words)
                and self.head_entry(head) is None
            ):
                break  # "announced the results of the Forum": the act is about another noun
            if cue is not None and cue.status == "commit" and commit is None:
                commit = head
            glue = head.dep_ == "prep" and head.lower_ in self.c.inclusion_words
            if glue:
                cue = None  # "signed ..., including X": a preposition, the list glue
            if cue is not None and cue.status == "linking":
                # "the Uzbek President's initiatives included X": the subject is the cue
                cues.extend(self.proposal_children(head, "nsubj"))
                break
            if cue is not None and cue.status == "support":
                support = head
                break
            own = self.cue_for(tok)
            if dep == "conj" and own is not None and own.status in STATUS_RANK:
                peer_of = head  # "adopted A and proposed B": coordinated reports are peers
            if cue is not None and cue.status == "light" and self.passive_creation(tok, head):
                cue = Cue("established", cue.start, cue.end)  # "a Council will be formed"
            if created == "rename":
                pass
            elif cue is not None and cue.status in STATUS_RANK:
                if peer_of is not head:
                    cues.append((head, cue))
            elif (
                cue is None
                and created is None
                and not glue
                and head.pos_ in ("VERB", "AUX")
                and not (tok.dep_ == "conj" and not cues)
            ):
                # an ordinary verb ends the path ("discussed the Regional Center")
                tok = head
                break
            child, tok = tok, head
            # "proposed that a Council be created": the name's own clause is not another subject
            subjects = [c for c in self.clause_subjects(head) if c.i != child.i]
            if head.pos_ in ("VERB", "AUX") and head.tag_ != "VBG" and subjects:
                if not cues and self.complement_of_unnamed(head, subjects):
                    continue  # "proposed that experts draft X": the proposal's content
                break  # a clause with its own subject is its own report
        return cues, support, commit

    def may_climb(self, tok: Token, head: Token) -> bool:
        """Return True when the path from a name may go up from ``tok`` to its ``head``: an
        allowed dependency, a preposition of the theme ("call for", "creation of"; not an
        adjunct on a verb), no compound written before its head, and an adverbial or relative
        clause only when it is an infinitive."""
        dep = tok.dep_
        if dep not in _UP_DEPS:
            return False
        if dep == "prep" and tok.lower_ in self.c.inclusion_words:
            # "documents were signed, including X", "signed papers, including X": a member of
            # the list of the act's object
            return self.cue_for(head) is not None or head.pos_ == "NOUN"
        if dep == "prep" and tok.lower_ in ("into", "as") and self.renames(head):
            return True  # "transform X into Y", "rename X as Y"
        if dep == "prep" and tok.i not in self.cue_at:  # "call for", "come up with" pass
            if tok.lower_ not in _PASS_PREPS:
                return False
            if head.pos_ in ("VERB", "AUX"):
                return False  # "On the sidelines of the Forum, X proposed": an adjunct
        if dep == "compound" and not tok.is_quote and tok.i > head.i:
            return False
        return not (dep in ("advcl", "relcl") and not any(c.lower_ == "to" for c in tok.children))

    def renames(self, verb: Token) -> bool:
        """Return True when ``verb`` is a renaming or transforming verb ("rename", "transform")."""
        return verb.pos_ == "VERB" and verb.lemma_.lower() in self.c.rename_verbs

    def created_by_naming(self, tok: Token, head: Token) -> str | None:
        """Return "rename" when the path reaches a renaming verb from its new name ("into"/"as"
        + name, a passive's object complement), "name" when it reaches a naming verb from the
        name it gives in a clause on a noun ("a format that might be named X"), else None."""
        new_name = tok.dep_ in ("oprd", "attr") or (
            tok.dep_ == "prep" and tok.lower_ in ("into", "as")
        )
        if new_name and self.renames(head):
            return "rename"
        if (
            tok.dep_ in ("oprd", "attr", "dobj")
            and head.lemma_.lower() in self.c.naming_verbs
            and head.tag_ == "VBN"
            and head.dep_ in ("relcl", "acl")
        ):
            return "name"
        return None

    def passive_creation(self, tok: Token, head: Token) -> bool:
        """Return True when ``head`` is a creating verb in the passive with the name as its
        subject ("a Council will be formed", "the Centre was opened")."""
        return (
            tok.dep_ == "nsubjpass"
            and head.pos_ == "VERB"
            and head.lemma_.lower() in self.c.passive_creations
        )

    def proposal_children(self, head: Token, dep: str) -> list[tuple[Token, Cue]]:
        """Return the children of ``head`` attached as ``dep`` that are proposal cues, with
        their cue."""
        found: list[tuple[Token, Cue]] = []
        for child in head.children:
            cue = self.cue_for(child)
            if child.dep_ == dep and cue is not None and cue.status == "proposed":
                found.append((child, cue))
        return found

    def clause_subjects(self, head: Token) -> list[Token]:
        """Return the subjects of ``head`` that can name an agent (no relative pronoun, no
        "it"), computed once per token: every name coordinated under one verb climbs to it."""
        found = self.subjects_cache.get(head.i)
        if found is None:
            found = self.subjects_cache[head.i] = [
                c
                for c in head.children
                if c.dep_ in ("nsubj", "nsubjpass", "csubj")
                and c.tag_ not in ("WDT", "WP")
                and c.lower_ != "it"
            ]
        return found

    def owned_idea(self, start: Token) -> tuple[Token, Cue] | None:
        """Return a light noun with a named owner governing the name ("Tokayev's idea of X",
        "Uzbekistan's drafting of X") as a proposal cue; None otherwise ("the idea of X")."""
        tok = start
        for _ in range(2):
            if tok.dep_ != "pobj" or tok.head.lower_ not in ("of", "for", "on"):
                return None
            noun = tok.head.head
            cue = self.cue_for(noun)
            if noun.pos_ == "NOUN" and cue is not None and cue.status == "light":
                owners = [c for c in noun.children if c.dep_ == "poss"]
                if owners and self.resolve(owners[0]):
                    return noun, Cue("proposed", noun.i, noun.i + 1)
                return None
            if cue is not None or noun.pos_ not in ("NOUN", "PROPN"):
                return None
            tok = noun
        return None

    def complement_of_unnamed(self, verb: Token, subjects: list[Token]) -> bool:
        """Return True for a that-complement clause whose subject names no leader or country
        ("proposed that experts draft ...", "that 2023 be declared ...")."""
        clause = verb
        if clause.dep_ == "conj" and clause.head.dep_ == "ccomp":
            clause = clause.head  # "proposed that A and that experts draft B"
        if clause.dep_ != "ccomp":
            return False
        return not any(
            s.pos_ == "PRON" or s.i in self.leader_at or self.resolve(s) for s in subjects
        )
