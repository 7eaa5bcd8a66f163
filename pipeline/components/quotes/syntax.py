"""Syntax helpers the attribution and speaker stages share: subjects, noun phrases, names.

Decides no record attribute. Reads from the Doc the dependency parse (subjects, heads, children,
left/right edges), POS tags, entity types and the ``in_quote`` marks set by the component, and
answers: which token is the subject of a cue verb, which tokens are the noun phrase of a head,
whether a token can name a person, where a capitalised name starts.
"""

from __future__ import annotations

from spacy.tokens import Token

from .docstate import QuoteDoc, QuoteItem

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp", "prep", "dobj", "pobj"})
_NP_STOP_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis"})
#: clauses a participle after an inverted cue is attached as ("said X greeting …")
_PARTICIPLE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "acl"})


class Syntax(QuoteDoc):
    """Parse-reading helpers over one Doc (each falls back to surface cues without a parser)."""

    def subject(self, verb: Token, q: QuoteItem) -> int | None:
        """Return the token index of the subject of ``verb`` (climbing non-finite clauses)."""
        inverted = self.inverted_subject(verb, q)
        if inverted is not None:
            return inverted
        tok = verb
        for level in range(4):
            source = self.quoted_source(tok)
            if source is not None:
                return source
            for child in tok.children:
                # The passive subject of the cue itself is what was said ("a sentence that has
                # been quoted"); higher up it is the speaker ("X was quoted as saying").
                if child.dep_ == "nsubjpass" and level == 0:
                    continue
                if child.dep_ in SUBJECT_DEPS and not self.in_quote[child.i]:
                    if child.lower_ in self.lex.relatives and tok.dep_ == "relcl":
                        return tok.head.i
                    if child.lower_ in self.lex.non_speakers:
                        return None
                    return child.i
            for child in tok.children:
                if child.dep_ == "agent":
                    for grand in child.children:
                        if grand.dep_ == "pobj" and not self.in_quote[grand.i]:
                            return grand.i
            if tok.dep_ == "acl" and tok.head.pos_ in ("PROPN", "NOUN"):
                return tok.head.i  # "Tokayev, speaking at the forum, ..."
            if tok.dep_ not in _CLIMB_DEPS or tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    def quoted_source(self, verb: Token) -> int | None:
        """Return the person object of "quoted"/"cited" ("He quoted X, that “…”"), or None.

        The words are the object's, not the reporting subject's; an appositive name wins over
        the title it explains ("the Hero-Arkadag, Gurbanguly Berdimuhamedov").
        """
        if verb.lower_ not in self.lex.source_forms:
            return None
        for child in verb.children:
            if child.dep_ != "dobj" or self.in_quote[child.i]:
                continue
            # The name may also explain a complement ("the founder of the party, Askar Bekov").
            heads = [child] + [g for c in child.children if c.dep_ == "prep" for g in c.children]
            for head in heads:
                for appos in head.children:
                    if appos.dep_ == "appos" and self.person_like(appos):
                        return appos.i
            if self.person_like(child):
                return child.i
        return None

    def inverted_subject(self, verb: Token, q: QuoteItem) -> int | None:
        """“…,” asked the driver: the parser often reads the inverted subject as an object."""
        if verb.i <= q.c_tok or any(not self.doc[t].is_punct for t in range(q.c_tok + 1, verb.i)):
            return None
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return None
        for child in verb.rights:
            if child.dep_ in ("dobj", "attr", "npadvmod", "appos") and not self.in_quote[child.i]:
                return child.i
        return self.participle_subject(verb)

    def participle_subject(self, verb: Token) -> int | None:
        """“…,” said President X greeting his counterparts: X, read as the participle's subject.

        The parser often hangs the inverted speaker under the participle clause that follows it
        (``said → greeting → X``). A subject whose phrase starts right after the cue verb is
        the cue's own subject, whatever the participle it was attached to.
        """
        for child in verb.rights:
            if child.dep_ not in _PARTICIPLE_DEPS or child.tag_ not in ("VBG", "VBN"):
                continue
            for grand in child.children:
                if (
                    grand.dep_ in SUBJECT_DEPS
                    and grand.i < child.i
                    and grand.left_edge.i == verb.i + 1
                    and not self.in_quote[grand.i]
                    and self.person_like(grand)
                ):
                    return grand.i
        return None

    def flat_subject(self, cue: tuple[int, int], q: QuoteItem) -> int | None:
        """Without a parser: a pronoun or capitalised name right after or before the cue."""
        doc = self.doc
        after = cue[1]
        if after < len(doc) and not self.in_quote[after]:
            tok = doc[after]
            if tok.lower_ in self.lex.pronouns or tok.is_title:
                end = after
                while end + 1 < len(doc) and doc[end + 1].is_title and not self.in_quote[end + 1]:
                    end += 1
                return end
        before = cue[0] - 1
        if before >= 0 and not self.in_quote[before]:
            tok = doc[before]
            if tok.lower_ in self.lex.pronouns or tok.is_title:
                return before
        return None

    def np_span(self, head: Token) -> tuple[int, int]:
        """Return the token range of the noun phrase headed by ``head`` (no relative clauses)."""
        if not self.has_dep or head.lower_ in self.lex.pronouns or head.pos_ == "PRON":
            if not self.has_dep and head.is_title:
                s = head.i
                while s > 0 and self.doc[s - 1].is_title and not self.in_quote[s - 1]:
                    s -= 1
                return (s, head.i + 1)
            return (head.i, head.i + 1)
        start, end = head.left_edge.i, head.right_edge.i + 1
        for child in head.rights:
            # "the President of Kyrgyzstan" keeps its "of"; "X in his remarks" loses the rest.
            if child.dep_ in _NP_STOP_DEPS or (child.dep_ == "prep" and child.lower_ != "of"):
                end = min(end, child.left_edge.i)
        for t in range(start, end):
            if self.in_quote[t]:
                if t < head.i:
                    start = t + 1
                else:
                    end = t
                    break
        while end > start + 1 and self.doc[end - 1].is_punct:
            end -= 1
        while start < end - 1 and self.doc[start].is_punct:
            start += 1
        if start >= end or not start <= head.i < end:
            return (head.i, head.i + 1)  # trimming around quotations left nothing sensible
        return (start, end)

    def np_head(self, span: tuple[int, int]) -> int:
        """Return the syntactic head of a token range (its last token without a parser)."""
        if self.has_dep:
            s, e = span
            for t in range(s, e):
                if not (s <= self.doc[t].head.i < e) or self.doc[t].head.i == t:
                    return t
        return span[1] - 1

    def owner_of(self, noun: Token, floor: int, stop: int) -> tuple[int, int] | None:
        """Return the token range of the person owning ``noun`` (X's noun, noun of X), or None."""
        doc = self.doc
        owner: Token | None = None
        # "Karimova's overall verdict": the possessive marker, over at most two modifiers.
        for k in range(noun.i - 1, max(floor, noun.i - 3) - 1, -1):
            tok = doc[k]
            if tok.lower_ in ("'s", "’s", "'", "’") and k - 1 >= floor:
                end = k
                owner = doc[k - 1]
                break
            if tok.lower_ in self.lex.possessive_pronouns:
                return (k, k + 1)
            if tok.is_punct or not tok.is_lower or (self.has_pos and tok.pos_ != "ADJ"):
                break
        if owner is None:
            # "the answer of Sadyr Japarov": a capitalised name after "of".
            if noun.i + 2 < stop and doc[noun.i + 1].lower_ == "of":
                end = noun.i + 2
                while end < stop and self.is_name_word(doc[end]):
                    end += 1
                if end > noun.i + 2 and self.owner_is_person(doc[end - 1]):
                    return (noun.i + 2, end)
            return None
        if not self.owner_is_person(owner):
            return None
        if self.has_dep and owner.lower_ in self.lex.role_nouns:
            start = max(floor, owner.left_edge.i)  # "The Uzbek leader's"
        else:
            start = self.name_start(owner.i, floor)  # "Shavkat Mirziyoyev's"
        return (start, end)

    def owner_is_person(self, tok: Token) -> bool:
        """A possessive owner that can speak: a person, or a word of an earlier PERSON entity.

        The small model often types a surname alone as a place ("Karimova's verdict"); a
        country ("Kazakhstan's position") is no speaker.
        """
        if self.person_like(tok) or (tok.is_title and not self.has_pos):
            return True
        return tok.is_title and any(
            t.text == tok.text for p in self.people if p.start < tok.i for t in p
        )

    def person_like(self, tok: Token) -> bool:
        """True for a token that can name a speaker: a leader mention, a person, a role noun."""
        if self.in_quote[tok.i]:
            return False
        if self.leaders_over(tok.idx, tok.idx + len(tok)) or tok.lower_ in self.lex.role_nouns:
            return True
        if tok.ent_type_:
            return tok.ent_type_ == "PERSON"
        # An untyped proper noun after an article is a thing ("the UN Charter"), not a person.
        return tok.pos_ == "PROPN" and not any(c.dep_ == "det" for c in tok.children)

    def is_name_word(self, tok: Token) -> bool:
        """A capitalised word that is not a title (Murat, not Minister or Ms)."""
        if not tok.is_title or tok.lower_ in self.lex.title_words or self.in_quote[tok.i]:
            return False
        return not self.has_pos or tok.pos_ == "PROPN"

    def name_start(self, s: int, floor: int) -> int:
        """Extend a name leftwards over capitalised words and glued hyphens (Kassym-Jomart)."""
        doc = self.doc
        while s > floor:
            if self.is_name_word(doc[s - 1]):
                s -= 1
            elif s - 1 > floor and not self.breaks(doc[s - 1]) and doc[s - 1].is_punct:
                if not self.is_name_word(doc[s - 2]):
                    break
                s -= 2
            else:
                break
        return s

    def local_root(self, lo: int, hi: int) -> Token | None:
        """Return the head of the clause spanning tokens ``lo``-``hi`` (exclusive), or None."""
        for t in range(lo, hi):
            tok = self.doc[t]
            if tok.is_punct or self.in_quote[t]:
                continue
            if tok.head.i == t or not lo <= tok.head.i < hi:
                return tok
        return None
