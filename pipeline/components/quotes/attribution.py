"""Attribution: which mention speaks a quotation, and by which rule.

Reads the token windows around the quotation (its sentence, bounded by neighbouring quotations
and the enclosing one: ``DocIndex`` sentence bounds), the lexicon's cue matches (verbs, phrases,
*according to*, *in his words*), the dependency parse (the subject of a cue verb that governs
the quotation) and the punctuation (a byline dash, a colon). Decides ``speaker`` (a token range
and its head), ``cue`` and ``attribution`` — only through :meth:`Attribution.set_speaker`. Which
leader the mention is, is the speaker stage's business.
"""

from __future__ import annotations

import bisect

from pipeline.components.common.text import is_dash

from .docstate import SENT_END, QuoteItem
from .syntax import Syntax


class Attribution(Syntax):
    """The attribution strategies (``by_*``) and the windows they search."""

    def windows(
        self, q: QuoteItem, prev: QuoteItem | None, nxt: QuoteItem | None, parent: QuoteItem | None
    ) -> tuple[range, range]:
        """Return the token windows before and after ``q`` where its cue may stand.

        Both stay inside the quote's sentence (or the enclosing quotation) and stop at the
        neighbouring quotations; a quote that ends its sentence may take a short next one.
        """
        doc = self.doc
        if parent is not None:
            lo, hi = parent.o_tok + 1, parent.c_tok
        else:
            p_start, _ = self.paras[q.para]
            _, p_end = self.paras[self.para_of(q.pair.close)]
            lo, hi = self.tok_at(p_start), min(len(doc), self.tok_at(max(p_start, p_end - 1)) + 1)
        s_lo, s_hi = lo, hi
        if self.has_sents:
            s_lo = max(lo, self.sent_start(q.o_tok))
            s_hi = min(hi, self.sent_end(min(q.c_tok, len(doc) - 1)))
        if prev is not None:
            s_lo = max(s_lo, prev.c_tok + 1)
        stop = nxt.o_tok if nxt is not None else hi
        post_hi = min(s_hi, stop)
        only_punct = all(doc[t].is_punct or doc[t].is_space for t in range(q.c_tok + 1, post_hi))
        if self.has_sents and only_punct and post_hi < hi and post_hi < stop:
            # "“…” / Tokayev said." split off as its own short sentence by the parser.
            post_hi = min(self.sent_end(post_hi), stop, hi, post_hi + 10)
        if not q.pair.closed:
            return range(s_lo, q.o_tok), range(q.c_tok, q.c_tok)
        return range(s_lo, q.o_tok), range(q.c_tok + 1, post_hi)

    def attribute(
        self, q: QuoteItem, prev: QuoteItem | None, nxt: QuoteItem | None, parent: QuoteItem | None
    ) -> None:
        """Try the strategies in order of reliability; the first that finds a speaker decides."""
        pre, post = self.windows(q, prev, nxt, parent)
        if self.by_pattern(q, pre, post) or self.by_owner_words(q, pre):
            return
        if self.by_byline(q, post):
            return
        if self.has_dep and self.by_tree(q):
            return
        if self.by_window(q, pre, post, prev):
            return
        if self.by_possessive(q, pre) or self.by_colon(q, pre):
            return
        lead = self.colon_lead(q) if parent is None and prev is None else None
        if lead is None or self.by_window(q, lead, range(q.c_tok, q.c_tok), None):
            return
        if not self.by_possessive(q, lead):
            self.by_colon(q, lead)

    def colon_lead(self, q: QuoteItem) -> range | None:
        """The sentence before a paragraph-opening quote when it ends with a colon.

        Releases print "The President said:" and the quotation as its own paragraph.
        """
        p_start = self.paras[q.para][0]
        if q.para == 0 or self.text[p_start : q.pair.open].strip():
            return None
        prev_start, prev_end = self.paras[q.para - 1]
        lead = self.text[prev_start:prev_end].rstrip()
        if not lead.endswith(":"):
            return None
        colon = self.tok_at(prev_start + len(lead) - 1)
        start = self.sent_start(colon) if self.has_sents else self.tok_at(prev_start)
        return range(max(start, self.tok_at(prev_start)), colon + 1)

    def set_speaker(
        self, q: QuoteItem, head: int | None, span: tuple[int, int] | None, how: str
    ) -> None:
        """Record the speaker mention (head token, token range) and how it was found.

        The one place a quote's speaker is written: every strategy, the continuation of a
        previous quote and the pronoun relabelling go through it, so ``attribution`` always
        names the rule that decided.
        """
        q.speaker_head, q.speaker, q.attribution = head, span, how

    def by_pattern(self, q: QuoteItem, pre: range, post: range) -> bool:
        """according to X, “…” / in his words, “…” / “…,” according to X."""
        doc = self.doc
        for kind, s, e in reversed(self.patterns):
            if s < pre.start or e > pre.stop:
                continue
            np_end = e
            while np_end < pre.stop and not self.breaks(doc[np_end]):
                np_end += 1
            # "In the words of X, multilateralism “is …”": the pattern frames its clause, whose
            # subject may stand before a quotation of the predicate; a clause with a verb of its
            # own between them is not framed ("According to X, Y said “…”").
            adjacent = all(doc[t].is_punct for t in range(np_end, pre.stop))
            if not adjacent and not self.subject_gap(np_end, pre.stop):
                continue
            owner = [t for t in range(s, e) if doc[t].lower_ in self.lex.pronouns]
            if kind == "in_words" and owner:  # in his (own) words
                speaker = (owner[0], owner[0] + 1)
            elif np_end > e:
                speaker = (e, np_end)
            else:
                continue
            q.cue = (s, e)
            self.set_speaker(q, self.np_head(speaker), speaker, kind)
            return True
        post_first = next((t for t in post if not doc[t].is_punct), None)
        if post_first is not None:
            for kind, s, e in self.patterns:
                if s == post_first and kind == "according_to":
                    np_end = e
                    while np_end < post.stop and not self.breaks(doc[np_end]):
                        np_end += 1
                    if np_end > e:
                        q.cue = (s, e)
                        self.set_speaker(q, self.np_head((e, np_end)), (e, np_end), kind)
                        return True
        return False

    def by_owner_words(self, q: QuoteItem, pre: range) -> bool:
        """In Tokayev's (own) words, “…” / In Mirziyoyev's view, the region “…”."""
        doc = self.doc
        for n in range(pre.stop - 1, pre.start, -1):
            tok = doc[n]
            if tok.text != "," or doc[n - 1].lower_ not in self.lex.speech_nouns:
                continue
            adjacent = all(doc[t].is_punct for t in range(n, pre.stop))
            if not adjacent and not self.subject_gap(n, pre.stop):
                return False
            owner = self.owner_of(doc[n - 1], pre.start, n)
            if owner is not None and doc[owner[0]].lower_ == "in":
                owner = (owner[0] + 1, owner[1])  # without a tagger "In" looks like a name word
            if owner is None or owner[0] == pre.start or doc[owner[0] - 1].lower_ != "in":
                return False
            q.cue = (owner[0] - 1, n)
            self.set_speaker(q, owner[1] - 1, owner, "in_words")
            return True
        return False

    def subject_gap(self, start: int, stop: int) -> bool:
        """True when tokens ``start``-``stop`` are ", <a short verbless noun phrase>"."""
        doc = self.doc
        if start >= stop or doc[start].text != ",":
            return False
        words = [t for t in range(start + 1, stop) if not (doc[t].is_punct or doc[t].is_space)]
        if not 1 <= len(words) <= 5:
            return False
        for t in words:
            if t in self.verb_cue or self.in_quote[t] or doc[t].text in SENT_END:
                return False
            if self.has_pos and doc[t].pos_ == "VERB":
                return False
        return not any(doc[t].text in SENT_END for t in range(start, stop))

    def by_byline(self, q: QuoteItem, post: range) -> bool:
        """“…” – President X (a release's verbless attribution)."""
        doc = self.doc
        if not post or not is_dash(doc[post.start].text):
            return False
        s = post.start + 1
        e = s
        while e < post.stop and e - s < 8 and not self.breaks(doc[e]):
            e += 1
        if e == s or not doc[s].text[:1].isupper():
            return False
        self.set_speaker(q, self.np_head((s, e)), (s, e), "byline")
        return True

    def by_tree(self, q: QuoteItem) -> bool:
        """Partial quote inside a clause: climb from the quote to a governing cue verb."""
        doc = self.doc
        inside = range(q.o_tok, q.c_tok + 1)
        roots = [t for t in self.content_tokens(q) if doc[t].head.i not in inside]
        if not roots:
            return False
        tok = doc[roots[0]].head
        hops = 0  # content words between the quote and the cue ("as", "for" do not count)
        for _ in range(6):
            if self.in_quote[tok.i] and tok.i not in inside:
                return False
            if tok.i in self.verb_cue and not self.sentence_between(q, self.verb_cue[tok.i]):
                subj = self.subject(tok, q)
                if subj is not None:
                    cue = self.verb_cue[tok.i]
                    q.cue = cue
                    before = doc[q.o_tok - 1] if q.o_tok > 0 else None
                    direct = before is None or before.is_punct or before.i < cue[1]
                    q.info["direct"] = hops == 0
                    self.set_speaker(
                        q,
                        subj,
                        self.np_span(doc[subj]),
                        "cue_subject" if direct else "clause_subject",
                    )
                    return True
            if tok.head.i == tok.i:
                return False
            hops += tok.pos_ != "ADP"
            tok = tok.head
        return False

    def by_window(self, q: QuoteItem, pre: range, post: range, prev: QuoteItem | None) -> bool:
        """The nearest cue verb with a subject before or after the quote in its sentence."""
        doc = self.doc
        content = self.text[q.pair.start : q.pair.end].rstrip()
        ends_sentence = bool(content) and content[-1] in SENT_END
        cands: list[tuple[int, int, tuple[int, int]]] = []
        lo = bisect.bisect_left(self.cue_starts, pre.start)
        hi = bisect.bisect_left(self.cue_starts, post.stop)
        for s in self.cue_starts[lo:hi]:  # only the cues inside the two windows
            cue = self.verb_cue[s]
            if pre.start <= s and cue[1] <= pre.stop and not self.in_quote[s]:
                cands.append((q.o_tok - cue[1], 0, cue))
            elif post.start <= s < post.stop:
                dist = s - q.c_tok
                if dist > self.c.post_window or (ends_sentence and dist > 4):
                    continue
                cands.append((dist, 1, cue))
        cands.sort()
        for _, _side, cue in cands:
            if self.sentence_between(q, cue):
                continue
            subj = self.subject(doc[cue[0]], q) if self.has_dep else self.flat_subject(cue, q)
            if subj is None:
                continue
            q.cue = cue
            q.info["direct"] = q.o_tok - cue[1] <= 1 or cue[0] - q.c_tok <= 2
            self.set_speaker(q, subj, self.np_span(doc[subj]), "cue_subject")
            return True
        return False

    def by_possessive(self, q: QuoteItem, pre: range) -> bool:
        """X's message was clear: “…” / X's overall verdict: “…” / the answer of X: “…”.

        A speech noun (message, verdict, answer …) before the colon, owned by a person: the
        owner is the speaker. Between the noun and the colon only a verbless predicate may stand
        ("was simple", "to the critics was short").
        """
        doc = self.doc
        if not pre or doc[pre.stop - 1].text != ":":
            return False
        colon = pre.stop - 1
        for n in range(colon - 1, max(pre.start, colon - 7) - 1, -1):
            tok = doc[n]
            if tok.lower_ in self.lex.speech_nouns and not self.in_quote[n]:
                owner = self.owner_of(tok, pre.start, colon)
                if owner is None:
                    return False
                q.cue = (n, n + 1)
                self.set_speaker(q, owner[1] - 1, owner, "possessive")
                return True
            if tok.is_punct or tok.is_space or n in self.verb_cue:
                return False
            if self.has_pos and tok.pos_ == "VERB":
                return False
        return False

    def by_colon(self, q: QuoteItem, pre: range) -> bool:
        """President X: “…” / From President X: “…”."""
        doc = self.doc
        if not pre or doc[pre.stop - 1].text != ":":
            return False
        e = pre.stop - 1
        s = e
        while s > pre.start and e - s < 6 and not self.breaks(doc[s - 1]):
            s -= 1
        if s < pre.start:
            return False
        if s < e and doc[s].lower_ == "from":
            s += 1
            how = "byline"
        else:
            how = "colon"
        if s >= e or not all(
            doc[t].text[:1].isupper() or (doc[t].is_lower and doc[t].is_stop) for t in range(s, e)
        ):
            return False
        if not doc[e - 1].text[:1].isupper():
            return False
        self.set_speaker(q, e - 1, (s, e), how)
        return True

    def shares_cue(self, q: QuoteItem, prev: QuoteItem | None) -> bool:
        """True when ``q`` takes the cue standing between it and the previous quotation."""
        if prev is None or q.cue is None or q.cue != prev.cue:
            return False
        return prev.c_tok < q.cue[0] < q.o_tok

    def gap_words(self, prev: QuoteItem, q: QuoteItem) -> int:
        """Count the words between two quotations that are not the first one's attribution."""
        own: set[int] = set()
        for rng in (prev.cue, prev.speaker):
            if rng is not None:
                own.update(range(rng[0], rng[1]))
        if own:
            own.update(range(min(own), max(own) + 1))
        gap = range(prev.c_tok + 1, q.o_tok)
        return sum(
            1 for t in gap if t not in own and not (self.doc[t].is_punct or self.doc[t].is_space)
        )

    def inherit(self, q: QuoteItem, prev: QuoteItem, same_paragraph: bool = True) -> None:
        """A quotation with no cue of its own continues the previous one in the paragraph."""
        if (same_paragraph and prev.para != q.para) or prev.speaker is None:
            return
        if same_paragraph and self.gap_words(prev, q) > 4:
            return  # narration stands between the two: no reason to think the speaker is the same
        q.cue = prev.cue
        q.info = dict(prev.info)
        self.set_speaker(q, prev.speaker_head, prev.speaker, "continuation")

    def sentence_between(self, q: QuoteItem, cue: tuple[int, int]) -> bool:
        """True when a sentence ends between the quote and the cue (outside quotations).

        "“A?” asked Holmes. “B.”": the cue belongs to A's sentence, not to B.
        """
        gap = range(cue[1], q.o_tok) if cue[1] <= q.o_tok else range(q.c_tok + 1, cue[0])
        return any(self.doc[t].text in SENT_END and not self.in_quote[t] for t in gap)
