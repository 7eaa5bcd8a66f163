"""Candidates: where a body's name starts and ends.

Decides which tokens name a body: a singular head noun of ``body_heads.jsonl`` (plural only
where the entry allows it), its left edge (the title-case run or the lower-case modifiers before
it, minus evaluative words) and its right edge (a small left-to-right grammar over the
complement), and quoted names before or after a head noun. Reads tokens (text, POS, tag, dep,
lemma), ``doc.spans["quoted_names"]`` and ``doc.spans["quotes"]``, sentence bounds, and the
leader/country indexes (a leader's name ends a name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pipeline.components.common.text import is_capitalised
from pipeline.extensions import QUOTED_NAMES_GROUP, QUOTES_GROUP

from .context import DETS, PLURAL_RE, YEAR_RANGE_RE, YEAR_RE, Candidate, DocContext
from .lexicon import BodyHeadEntry

# Prepositions that may follow the head inside a name.
_NAME_PREPS = frozenset({"of", "for", "on", "between", "among", "against", "to"})
# Prepositions allowed inside a nested complement when a proper name follows ("in Central Asia").
_NESTED_LOC_PREPS = frozenset({"in", "at", "within", "across", "with"})
_ORDINAL_RE = re.compile(r"\d+(st|nd|rd|th)")


@dataclass
class _Edge:
    """State of the right-edge scan of one name."""

    entry: BodyHeadEntry
    title: bool  # the head is capitalised: a title-case name
    sent_end: int
    j: int  # the token being read
    last: int  # the last token accepted as content
    depth: int = 0  # prepositions opened
    prev_kind: str = "head"  # kind of the previous accepted token

    def take(self, kind: str, deeper: bool = False) -> bool:
        """Accept the current token as ``kind`` (opening a complement when ``deeper``); True."""
        self.j += 1
        self.prev_kind = kind
        if deeper:
            self.depth += 1
        return True


class Candidates(DocContext):
    """The candidate-building stage (names without a cue yet)."""

    def candidates(self) -> list[Candidate]:
        """Return every body-name candidate of the document (not yet linked to a cue)."""
        doc = self.doc
        out: list[Candidate] = []
        consumed: set[int] = set()
        quoted = list(doc.spans.get(QUOTED_NAMES_GROUP, []))
        quote_spans = list(doc.spans.get(QUOTES_GROUP, []))
        for span, is_name in [(s, True) for s in quoted] + [(s, False) for s in quote_spans]:
            cand = self.quoted_candidate(span, is_name, consumed)
            if cand is not None:
                out.append(cand)
        taken = {i for c in out for i in range(*self._char_tokens(c))}
        head_last_words = self.c.head_last_words
        for i, lemma in enumerate(self.lemmas):
            # only a token whose lemma ends a head phrase can head a name (see head_entry)
            if lemma not in head_last_words or i in consumed or i in taken:
                continue
            tok = doc[i]
            if not tok.is_alpha:
                continue
            found = self.head_entry(tok)
            if found is None:
                continue
            entry, first = found
            if self.is_plural(tok) and not entry.plural:
                continue
            nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
            if (
                nxt is not None
                and tok.dep_ == "compound"
                and tok.head.i > tok.i
                and nxt.pos_ in ("NOUN", "PROPN")
            ):
                continue  # "forum participants", "Summit Wire": the head is further right
            cand = self.name_candidate(tok, entry, first)
            if cand is not None:
                out.append(cand)
        return self.outermost(out)

    @staticmethod
    def outermost(found: list[Candidate]) -> list[Candidate]:
        """Return ``found`` (in its order) without names inside a longer one and with one
        candidate per span.

        A head inside another name is part of it ("Declaration of the China–Central Asia
        Summit"). Two heads can yield the same span ("a Water Council and Energy Council": each
        Council's edges reach the other); the first head — the conjunct the parser attaches to
        the verb — keeps it, so the span becomes one record with one id. One sort and a sweep
        over the largest end seen, so a sentence with many names stays linear.
        """
        order = sorted(range(len(found)), key=lambda k: (found[k].start_char, -found[k].end_char))
        keep: set[int] = set()
        max_end = -1  # largest end of a span starting at or before the current one
        k = 0
        while k < len(order):
            span = (found[order[k]].start_char, found[order[k]].end_char)
            same: list[int] = []
            while k < len(order) and (found[order[k]].start_char, found[order[k]].end_char) == span:
                same.append(order[k])
                k += 1
            if max_end < span[1]:  # no other, longer span contains it
                keep.add(min(same))
            max_end = max(max_end, span[1])
        return [c for k, c in enumerate(found) if k in keep]

    def quoted_candidate(self, span: Span, is_name: bool, consumed: set[int]) -> Candidate | None:
        """Return a candidate for a quoted name after a head noun or ending in one, else None."""
        doc = self.doc
        q = span._.summit_quote or {}
        start, end = q.get("start", span.start_char), q.get("end", span.end_char)
        text = self.text[start:end]
        stripped = text.rstrip(" .,;:!?")
        lead = len(text) - len(text.lstrip())
        start, end = start + lead, start + len(stripped)
        if end <= start:
            return None
        # the token before the opening mark
        prev_i = span.start - 1
        while prev_i >= 0 and (doc[prev_i].is_quote or doc[prev_i].is_space):
            prev_i -= 1
        prev = doc[prev_i] if prev_i >= 0 else None
        inner_heads = [t for t in span if t.is_alpha and self.head_entry(t) is not None]
        if prev is not None and self.ss[prev.i] == self.ss[span.start] and self.head_entry(prev):
            entry, first = self.head_entry(prev)  # type: ignore[misc]
            if self.is_plural(prev):
                return None
            consumed.add(prev.i)
            kind = entry.body_kind or "body"
            if inner_heads:
                kind = self.head_entry(inner_heads[-1])[0].body_kind or kind  # type: ignore[index]
            if is_capitalised(prev):
                # a title-case name followed by its quoted subtitle: one name, marks included
                start = doc[self.left_edge(prev, first, entry)].idx
                end = self.quoted_at.get(span.start, end)
            return self._make(prev.i, start, end, kind, quoted=True)
        if not is_name:
            return None
        after = span.end + 1  # the word after the closing mark: «CIS Plus» format
        if (
            span.end < len(doc)
            and doc[span.end].is_quote
            and after < len(doc)
            and self.ss[after] == self.ss[span.start]
            and doc[after].is_alpha
            and self.head_entry(doc[after]) is not None
            and not self.is_plural(doc[after])
        ):
            entry = self.head_entry(doc[after])[0]  # type: ignore[index]
            consumed.add(after)
            return self._make(after, start, end, entry.body_kind or "body", quoted=True)
        last = [t for t in span if t.is_alpha]
        if not last or self.head_entry(last[-1]) is None or self.is_plural(last[-1]):
            return None
        entry = self.head_entry(last[-1])[0]  # type: ignore[index]
        root = min(
            (t for t in span if not (span.start <= t.head.i < span.end) or t.head == t),
            key=lambda t: t.i,
            default=last[-1],
        )
        return self._make(root.i, start, end, entry.body_kind or "body", quoted=True)

    def _make(self, head: int, start: int, end: int, kind: str, quoted: bool = False) -> Candidate:
        """Return a candidate for ``[start, end)`` headed by token ``head``, keyed by its
        content words (what :meth:`Merge.same_body` compares)."""
        words = re.findall(r"\w+", self.text[start:end].lower())
        key = tuple(w for w in words if w not in self.c.stop and len(w) > 1)
        return Candidate(head, start, end, kind, key, self.ss[head], quoted=quoted)

    def name_candidate(self, head: Token, entry: BodyHeadEntry, first: int) -> Candidate | None:
        """Return the candidate headed by ``head`` or None when it is no name."""
        doc = self.doc
        left = self.left_edge(head, first, entry)
        right = self.right_edge(head, entry)
        while right - 1 > head.i and (
            doc[right - 1].is_punct or doc[right - 1].lower_ in self.c.stop
        ):
            right -= 1
        title = is_capitalised(head) or is_capitalised(doc[first])
        dated = any(YEAR_RANGE_RE.fullmatch(t.text) for t in doc[left:first])
        own = self.own_document_left(left, first) if entry.own_document and not title else None
        if own is not None:
            left = own  # "a joint declaration", "the final communiqué": the summit's own text
        elif not title and not dated:
            has_mod = left < first
            has_comp = right > head.i + 1
            if not entry.lowercase or not (has_mod or has_comp):
                return None
            # "a joint investment platform" is generic; "a regional food security fund" and
            # "the Samarkand international forum" are named by their modifiers
            if (
                not has_comp
                and first - left < 2
                and not any(is_capitalised(t) for t in doc[left:first])
            ):
                return None
        end_char = doc[right - 1].idx + len(doc[right - 1])
        if title and right < len(doc) and doc[right].is_quote and right + 1 in self.quoted_at:
            end_char = self.quoted_at[right + 1]  # 'Concept ... “Central Asia – 2040”'
        return self._make(head.i, doc[left].idx, end_char, entry.body_kind or "body")

    def left_edge(self, head: Token, first: int, entry: BodyHeadEntry) -> int:
        """Return the index of the first token of the name whose head phrase starts at ``first``."""
        doc = self.doc
        sent_start = self.ss[head.i]
        title = is_capitalised(head) or is_capitalised(doc[first])
        i = first - 1
        left = first
        dash_at: int | None = None  # a spaced dash inside the run ("Central Asia – EU Council")
        while i >= sent_start:
            t = doc[i]
            if title and self.plural_possessive(i) and left == i + 1:
                i -= 1  # "Transit Ministers' Forum": a plural possessive inside a title
                continue
            if t.is_space or t.is_quote or t.lower_ in DETS or t.tag_ in ("POS", "PRP$"):
                break
            if i in self.leader_at:
                break
            k = self.glued_word_start(i, sent_start)
            word_ok = title or all(
                x.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT", "NUM") for x in doc[k : i + 1]
            )
            if (
                k < i
                and (is_capitalised(doc[k]) or not title)
                and doc[k].lower_ not in DETS
                and word_ok
            ):
                left, i = k, k - 1
                continue
            if t.lower_ in ("and", "plus", "&") and left == i + 1 and i - 1 >= sent_start:
                before = doc[i - 1]
                ok = is_capitalised(before) if title else before.pos_ in ("ADJ", "NOUN", "PROPN")
                if ok:
                    i -= 1
                    continue
                break
            if title and t.text in ("–", "-", "—") and dash_at is None and left == i + 1:
                if i - 1 >= sent_start and is_capitalised(doc[i - 1]):
                    dash_at = i
                    i -= 1
                    continue
                break
            if not (self.modifier_ok(t, title) or YEAR_RANGE_RE.fullmatch(t.text)):
                break
            left = i
            i -= 1
        gapped = left > 0 and (doc[left - 1].pos_ == "ADP" or left - 1 in self.leader_at)
        if dash_at is not None and left < dash_at and gapped:
            left = dash_at + 1  # "the leader of Kazakhstan – Action Plan": gapping, not a name
        # evaluative words and ordinals are not part of a name
        while left < first and (
            (doc[left].lower_ in self.c.drop_modifiers and not is_capitalised(doc[left]))
            or doc[left].text in ("-", "–", "—", "and")
        ):
            left += 1
        return left

    def own_document_left(self, left: int, first: int) -> int | None:
        """Return the first token of the modifiers before a common-noun document head starting
        at ``first`` when one of them names the summit's own text ("joint", "final"), else
        None. Only such modifiers (and adjectives before them) may stand there."""
        doc = self.doc
        k = first
        while k - 1 >= self.ss[first] and doc[k - 1].lower_ in self.c.own_document_modifiers:
            k -= 1
        if k == first:
            return None
        return min(k, left)

    def glued_word_start(self, i: int, sent_start: int) -> int:
        """Return the first token of the word written together that ends at token ``i``
        ("C5+1", "Xi'an", "Five-Party"); a quote, a line break or ;,: ends it."""
        doc = self.doc
        k = i
        while (
            k - 1 >= sent_start
            and doc[k - 1].whitespace_ == ""
            and not doc[k - 1].is_quote
            and not doc[k - 1].is_space  # a line break ends the word: "…;\n– Memorandum"
            and doc[k - 1].text not in (";", ",", ":")
        ):
            k -= 1
        return k

    @staticmethod
    def modifier_ok(t: Token, title: bool) -> bool:
        """Return True when ``t`` may stand in a name before its head: a capitalised word in a
        title; else an adjective, noun or participial modifier (no finite verb)."""
        if title:
            return is_capitalised(t)
        if t.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB") or t.tag_ in ("VBD", "VBZ", "VBP"):
            return False
        return not (t.pos_ == "VERB" and t.dep_ not in ("amod", "compound"))

    def right_edge(self, head: Token, entry: BodyHeadEntry) -> int:
        """Return the index just past the last token of the name headed by ``head``: a small
        left-to-right grammar over the complement, one token per :meth:`_edge_step`."""
        e = _Edge(entry, is_capitalised(head), self.se[head.i], j=head.i + 1, last=head.i)
        limit = head.i + self.max_name_tokens
        while e.j < e.sent_end and e.j < limit and self._edge_step(e):
            pass
        return e.last + 1

    def _edge_step(self, e: _Edge) -> bool:
        """Return True when the token at ``e.j`` belongs to the name (``e`` advanced), False
        when the name ends before it."""
        doc = self.doc
        t = doc[e.j]
        low = t.lower_
        nxt = doc[e.j + 1] if e.j + 1 < e.sent_end else None
        if (
            e.title
            and low in ("next", "last", "this")
            and nxt is not None
            and nxt.lemma_.lower() in self.c.time_nouns
        ):
            return False  # "Forum on Green Industry next year": a time adjunct
        if e.title and self.plural_possessive(e.j) and nxt is not None and is_capitalised(nxt):
            return e.take("hyph")  # "Council of Foreign Ministers' Deputies"
        if t.is_space or t.is_quote:
            return False
        found = self._edge_preposition(e, t, nxt)
        if found is not None:
            return found
        if low in DETS:
            return e.take("det") if e.prev_kind in ("prep", "verb") else False
        found = self._edge_conjunction(e, t, nxt)
        if found is not None:
            return found
        if t.text in ("-", "–", "/") and t.whitespace_ == "" and doc[e.j - 1].whitespace_ == "":
            return e.take("hyph")
        if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "VERB", "X") or (
            e.title and is_capitalised(t)
        ):
            return self._edge_content(e, t)
        return False

    def _edge_preposition(self, e: _Edge, t: Token, nxt: Token | None) -> bool | None:
        """Return whether the preposition (or infinitive "to") ``t`` continues the name, or
        None when ``t`` is none of those."""
        doc, j, low = self.doc, e.j, t.lower_
        if low == "to" and nxt is not None and (nxt.tag_ == "VB" or nxt.pos_ == "VERB"):
            if not (e.depth == 0 and e.entry.document and e.prev_kind == "head"):
                return False  # a purpose clause ("Council to coordinate ...")
            return e.take("to", deeper=True)
        if low in _NAME_PREPS and t.pos_ in ("ADP", "PART"):
            if low == "to" and not (nxt is not None and (is_capitalised(nxt) or e.depth > 0)):
                return False
            if e.title and nxt is not None and self.amount_at(nxt.i):
                return False  # "Fund of USD 2 billion": a size, not part of the name
            if low == "for" and e.title and e.depth == 0 and self.beneficiary_after(j, e.sent_end):
                return False  # "Platform for freight operators": who it serves, not its name
            if (
                low == "on"
                and not e.title
                and nxt is not None
                and nxt.ent_type_ in ("DATE", "TIME")
            ):
                return False  # "issue a joint statement on Friday": a date, not a topic
            if low == "on" and self.adjunct_after(j, e.sent_end):
                return False  # "a Forum of Young Leaders on a regular basis": how, not what
            if low == "on" and not e.entry.document and self.place_after(j, e.sent_end):
                return False  # a seat: "Logistics Centre on the Caspian coast"
            return e.take("prep", deeper=True)
        if low == "at" and e.depth == 0 and j + 2 < e.sent_end and doc[j + 2].lower_ == "level":
            return e.take("prep", deeper=True)
        if low in ("until", "till", "through") and nxt is not None and nxt.like_num:
            return e.take("prep", deeper=True)
        if (
            low == "in"
            and e.depth > 0
            and j + 3 < e.sent_end
            and doc[j + 2].lemma_.lower() in self.c.field_nouns
            and doc[j + 3].lower_ == "of"
        ):
            return e.take("prep")  # "cooperation in the field of education"
        if low in _NESTED_LOC_PREPS and e.depth > 0 and nxt is not None and e.entry.document:
            after = nxt if nxt.lower_ not in DETS or j + 2 >= e.sent_end else doc[j + 2]
            ordinal = (  # "in the 21st Century", "in the Second World War"
                (
                    _ORDINAL_RE.fullmatch(after.text) is not None
                    or after.text in self.c.ordinal_words
                )
                and after.i + 1 < e.sent_end
                and is_capitalised(doc[after.i + 1])
            )
            # a title-case gerund in a document's title: "Cooperation in Countering Drug Trafficking"
            gerund = e.title and is_capitalised(after) and after.tag_ == "VBG"
            if (after.pos_ == "PROPN" and not after.like_num) or ordinal or gerund:
                return e.take("prep", deeper=True)
            return False
        return None

    def _edge_conjunction(self, e: _Edge, t: Token, nxt: Token | None) -> bool | None:
        """Return whether the conjunction or list comma ``t`` continues the name, or None when
        ``t`` is none."""
        doc, j, low = self.doc, e.j, t.lower_
        if low in ("and", "or") and e.prev_kind == "prep" and nxt is not None:
            # coordinated prepositions: "Security of and in the Use of ..."
            if nxt.lower_ in _NAME_PREPS or nxt.lower_ in _NESTED_LOC_PREPS:
                e.j += 1
                return True
            return False
        if not (low in ("and", "or", "&", "plus") or (low == "," and e.title)):
            return None
        if nxt is None or e.prev_kind not in ("content", "head", "verb"):
            return False
        if nxt.i in self.leader_at:
            return False  # "proposed a Council and Japarov announced ...": a new clause
        if low == "and" and self.title_conjunct(j, e.depth, e.title, e.sent_end):
            return e.take("prep")  # "of China and the Countries of Central Asia"
        if low == ",":
            # a list inside a complement ("System of Forecasting, Prevention, ...")
            if not (
                e.depth > 0
                and is_capitalised(nxt)
                and is_capitalised(doc[j - 1])
                and nxt.lower_ not in self.c.stop
                and nxt.i not in self.leader_at
                and nxt.i not in self.country_at
            ):
                return False
        elif nxt.lower_ in DETS or nxt.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB"):
            return False  # "... and the creation of": a new phrase
        elif (
            nxt.pos_ == "VERB"
            and not (doc[j - 1].tag_ == "VBG" and nxt.tag_ == "VBG")
            and not (is_capitalised(nxt) and e.title)
        ):
            return False  # "... and adopting": a coordinated verb phrase
        return e.take("conj")

    def _edge_content(self, e: _Edge, t: Token) -> bool:
        """Return whether the content word ``t`` (noun, adjective, number, verb, capitalised
        word) continues the name."""
        doc, j = self.doc, e.j
        if e.depth == 0 and e.prev_kind == "head":
            if (
                e.title
                and (YEAR_RE.fullmatch(t.text) or YEAR_RANGE_RE.fullmatch(t.text))
                and doc[j - 1].whitespace_
            ):
                e.last = j  # a horizon year or period is part of a title: "Vision 2035"
            return False  # "Summit in ..." handled above; a bare noun after the head is not ours
        prev = doc[j - 1]
        if t.pos_ == "VERB" and not is_capitalised(t):
            # gerunds after a preposition, the infinitive's verb, participial adjectives
            verb_ok = (
                (t.tag_ == "VBG" and e.prev_kind in ("prep", "hyph", "conj"))
                or (t.tag_ == "VB" and e.prev_kind == "to")
                or (t.dep_ == "amod" and e.prev_kind in ("det", "prep", "conj"))
            )
            if not verb_ok:
                return False
        if (
            e.prev_kind == "content"
            and is_capitalised(prev)
            and not is_capitalised(t)
            and PLURAL_RE.search(prev.lower_)
            and t.pos_ in ("NOUN", "PROPN")
        ):
            return False  # "Program of Liberalization Measures market ...": a new phrase
        if t.like_num and e.prev_kind == "prep" and prev.lower_ in _NESTED_LOC_PREPS:
            return False
        e.last = j
        return e.take("verb" if t.pos_ == "VERB" else "content")

    def amount_at(self, i: int) -> bool:
        """Return True when an amount starts at token ``i``: a currency sign or code, or a
        number with a scale word ("USD 2 billion", "$5 million", "3 billion")."""
        doc = self.doc
        t = doc[i]
        if t.is_currency or t.text in self.c.currency_codes:
            return True
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        return t.like_num and nxt is not None and nxt.lower_ in self.c.scale_words

    def plural_possessive(self, i: int) -> bool:
        """Return True for a bare apostrophe closing a capitalised plural ("Ministers'"), not a
        quotation mark: written against the word, followed by a space and a capitalised word."""
        doc = self.doc
        t = doc[i]
        if t.text not in ("'", "’") or i == 0 or i + 1 >= len(doc):
            return False
        prev = doc[i - 1]
        return (
            prev.whitespace_ == ""
            and t.whitespace_ != ""
            and is_capitalised(prev)
            and prev.text.endswith("s")
            and is_capitalised(doc[i + 1])
        )

    def beneficiary_after(self, j: int, sent_end: int) -> bool:
        """Return True when the phrase after "for" at ``j`` is a lower-case plural of people
        or a count ("for freight operators", "for 10,000 young specialists"), not a title."""
        doc = self.doc
        k = j + 1
        plural = False
        while k < sent_end and doc[k].pos_ in ("DET", "NUM", "ADJ", "NOUN", "PROPN"):
            t = doc[k]
            if is_capitalised(t) or YEAR_RE.fullmatch(t.text):
                return False
            plural = plural or t.tag_ == "NNS"
            k += 1
        return plural and k > j + 1

    def adjunct_after(self, j: int, sent_end: int) -> bool:
        """Return True when the lower-case phrase after the preposition at ``j`` ends in an
        adjunct noun ("on a regular basis", "on the sidelines of ...")."""
        doc = self.doc
        k = j + 1
        while k < sent_end and (doc[k].lower_ in DETS or doc[k].pos_ == "ADJ"):
            k += 1
        return (
            k < sent_end
            and doc[k].lemma_.lower() in self.c.adjunct_nouns
            and not is_capitalised(doc[k])
        )

    def place_after(self, j: int, sent_end: int) -> bool:
        """Return True when the phrase after the preposition at ``j`` is a lower-case place
        ("on the Caspian coast", "on the southern shore"): its noun is a place noun."""
        doc = self.doc
        k = j + 1
        while k < sent_end and (doc[k].lower_ in DETS or doc[k].pos_ in ("ADJ", "PROPN")):
            k += 1
        return (
            k < sent_end
            and doc[k].lemma_.lower() in self.c.place_nouns
            and not is_capitalised(doc[k])
        )

    def title_conjunct(self, j: int, depth: int, title: bool, sent_end: int) -> bool:
        """Return True when "and" at ``j`` joins two parties inside a title-case complement
        ("Platform of ... of China and the Countries of Central Asia"): a country, region or
        organisation before it, after it an article and a title-case phrase with no body head
        ending at a preposition or punctuation."""
        doc = self.doc
        if not (title and depth > 0 and j + 2 < sent_end and doc[j + 1].lower_ in DETS):
            return False
        before = doc[j - 1]  # the first conjunct is a party (a country, a region, a bloc)
        if before.i not in self.country_at and before.ent_type_ not in ("GPE", "LOC", "ORG"):
            return False
        k = j + 2
        while k < sent_end and is_capitalised(doc[k]) and doc[k].is_alpha:
            if self.head_entry(doc[k]) is not None or k in self.leader_at:
                return False
            k += 1
        if k == j + 2 or (j + 2) in self.country_at:
            return False
        return k >= sent_end or doc[k].is_punct or doc[k].lower_ in _NAME_PREPS
