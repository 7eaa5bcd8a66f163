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

from .context import DETS, STATUS_RANK, YEAR_RE, Candidate, Cue
from .support import Support

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


class Status(Support):
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
            self.unrealised(tok, cue) or self.advocated(tok) or self.modal(tok)
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
        gapped = self.dash_agent(cand)
        if gapped is not None:
            agents, rule = [gapped], "dash_gapping"  # "X proposed A, and the President of U – B"
        if agents is None:
            rule = "none"
        return agents or [], rule

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

    def dated_history(self, verb: Token, cue: Cue) -> bool:
        """Return :meth:`dated_history_uncached`, computed once per verb and kind of cue: every
        name coordinated under one verb asks it, and each answer walks the verb's subtrees."""
        key = (verb.i, cue.status == "proposed")
        found = self.dated_cache.get(key)
        if found is None:
            found = self.dated_cache[key] = self.dated_history_uncached(verb, cue)
        return found

    def dated_history_uncached(self, verb: Token, cue: Cue) -> bool:
        """Return True when a cue is dated to an earlier year ("signed ... in 2017", "created last
        year", "thirty years ago ... put forward the idea"): history, not the act the text
        reports. A proposal counts only with "ago"/"last" or a year before the text's own."""
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        year = (self.doc._.summit_doc_date or self.doc._.summit_date or "")[:4]
        if year and verb.dep_ == "conj":
            # a fronted "At that meeting" scopes over coordinated clauses too
            first = verb.head
            if any(c.dep_ == "prep" and self.back_to_earlier_year(c, year) for c in first.children):
                return True
        for child in verb.children:
            words = list(child.subtree)
            if child.dep_ in ("npadvmod", "advmod") and any(
                w.lower_ in ("ago", "last") for w in words
            ):
                return True  # "last year", "two years ago" (a proposal then is history too)
            if child.dep_ == "prep" and year and self.back_to_earlier_year(child, year):
                return True  # "... met in 2023. At that meeting X proposed Y": history
            if child.dep_ == "prep" and child.lower_ in ("in", "since"):
                # a proposal's year is usually its target date: only a known earlier year counts
                undated_ok = cue.status != "proposed"
                for w in words:
                    if YEAR_RE.fullmatch(w.text) and ((not year and undated_ok) or w.text < year):
                        return True
        return False

    def back_to_earlier_year(self, prep: Token, year: str) -> bool:
        """Return True when ``prep`` points back with "that"/"those" to an event ("at that
        meeting", "at that time") and the sentence before names a year before ``year``."""
        if not any(
            o.dep_ == "pobj" and any(d.lower_ in ("that", "those") for d in o.children)
            for o in prep.children
        ):
            return False
        s = self.ss[prep.i]
        if s == 0:
            return False
        return any(
            YEAR_RE.fullmatch(w.text) is not None and w.text < year
            for w in self.doc[self.ss[s - 1] : s]
        )

    def advocated(self, tok: Token) -> bool:
        """Return True when an act is only advocated ("the importance of the early launch of X",
        "the need for the creation of X")."""
        node = tok
        for _ in range(4):
            if node.dep_ not in ("pobj", "prep", "dobj", "acl", "xcomp") or node.head.i == node.i:
                return False
            node = node.head
            cue = self.cue_for(node)
            if cue is not None and cue.status == "advocate":
                return True
        return False

    def modal(self, tok: Token) -> bool:
        """Return True when an act is only advocated by a modal ("a Council should be created",
        "they must establish", "let us set up"); "would" reports an announced act and does not
        count."""
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        if tok.head.i != tok.i and tok.head.lemma_.lower() == "let":
            return True  # an exhortation: "let us set up a Platform"
        return any(c.dep_ == "aux" and c.lower_ in self.c.advocating_modals for c in tok.children)

    def unrealised(self, tok: Token, cue: Cue) -> bool:
        """Return True for a bare infinitive/gerund act that no decision above makes real.

        "agreed to establish", "decided to create" report an act; "the need to create",
        "it is necessary to create" advocate one.
        """
        tok = self.doc[cue.start]  # "set up": the verb; "decision to establish": a noun
        if tok.pos_ != "VERB" or self.c.cue_status.get(tok.lemma_.lower()) == "commit":
            return False
        if not (
            tok.tag_ == "VBG" or any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children)
        ):
            return False
        node = tok
        for _ in range(6):
            if node.dep_ not in (
                "xcomp",
                "ccomp",
                "acl",
                "conj",
                "dobj",
                "pobj",
                "prep",
                "advcl",
                "relcl",
                "pcomp",
            ):
                return True
            node = node.head
            up = self.cue_for(node)
            if up is not None and up.status in ("commit", "established", "adopted"):
                return False
            if any(  # "a decision was taken to create X", "took the decision to set up X"
                c.dep_ in ("nsubjpass", "dobj")
                and (cue_c := self.cue_for(c)) is not None
                and cue_c.status == "commit"
                for c in node.children
            ):
                return False
        return True

    def dominating_proposal(self, tok: Token) -> tuple[Token, Cue] | None:
        """Return an earlier proposal cue of the same clause that governs a nominal/non-finite cue.

        The parser often attaches "... and the creation of X" far from "initiated"; a proposal
        verb earlier in the sentence, with no finite clause of its own in between, governs it.
        """
        doc = self.doc
        for i in range(tok.i - 1, self.ss[tok.i] - 1, -1):
            t = doc[i]
            cue = self.cue_for(t)
            if cue is not None and cue.status == "proposed" and t.pos_ in ("VERB", "NOUN"):
                return doc[cue.start], cue
            if t.text in (";", ":") or t.lower_ in ("which", "who", "while", "whereas", "that"):
                return None
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.i > t.i:
                return None  # "announced that Japan would launch X": a clause of its own
            if t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.dep_ not in ("aux", "auxpass"):
                return None
        return None

    def nominal_cue_before(self, first: int) -> tuple[Token, Cue] | None:
        """Return a nominal cue before "of" + the name starting at token ``first`` ("the adoption
        at the summit of X", "the early launch of the Central Asia – EU Dialogue")."""
        doc = self.doc
        i = first - 1
        sent_start = self.ss[first]
        while i >= sent_start and doc[i].lower_ in DETS:
            i -= 1
        if i < sent_start or doc[i].lower_ != "of":
            return None
        for j in range(i - 1, max(sent_start, i - 8) - 1, -1):
            t = doc[j]
            cue = self.cue_for(t)
            if cue is not None and t.pos_ == "NOUN" and cue.status in STATUS_RANK:
                return t, cue
            if t.pos_ in ("VERB", "AUX", "PRON") or t.is_punct:
                return None
        return None
