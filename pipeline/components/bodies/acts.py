"""Acts: how real the act a cue reports is — dated history, advocacy, modals, schedules.

Decides whether a cue found on a body's path reports the act at this summit or only argues for
it ("the need to create X", "a Council should be created", "let us set up X"), whether it is
history dated to an earlier year, whether a modal act is a schedule ("should be signed on
Friday") and whether an earlier proposal verb or a nominal cue before "of" governs the name.
Reads the parse, the cue index and the document date (``doc._.summit_doc_date`` /
``summit_date``).
"""

from __future__ import annotations

from spacy.tokens import Token

from .context import DETS, STATUS_RANK, YEAR_RE, Cue
from .support import Support


class Acts(Support):
    """Predicates on the act a cue reports (used by the cue-linking stage)."""

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

    def scheduled(self, verb: Token) -> bool:
        """Return True when a modal act is dated like a schedule ("twenty papers should be
        signed on Friday"): an adjunct of ``verb`` names a day or a date."""
        for child in verb.children:
            words = [child] if child.dep_ == "npadvmod" else []
            if child.dep_ == "prep" and child.lower_ in ("on", "at", "during"):
                words = [w for o in child.children for w in o.subtree]
            if any(w.ent_type_ in ("DATE", "TIME") for w in words):
                return True
        return False

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
            if node.lemma_.lower() in self.c.expectation_words or node.lower_ in (
                self.c.expectation_words
            ):
                return False  # "documents are expected to be signed": a scheduled act
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
