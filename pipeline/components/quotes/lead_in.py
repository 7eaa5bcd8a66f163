"""Lead-ins and follow-ups: a quotation that is a sentence of its own, named by its neighbour.

Reads the sentence before the quotation (or the last one of the previous paragraph: ``DocIndex``
sentence bounds) and its parse: a cue verb, a copula with a stance adjective ("X was blunt."),
a speech noun as object ("X had a message:"); or the sentence after it ("Those were X's
words."), or a sentence framed as someone's words ("According to X, …"). Decides the speaker
only through ``set_speaker`` (attribution ``lead_in`` / ``paraphrase`` / ``follow_up``).
"""

from __future__ import annotations

from .attribution import Attribution
from .docstate import SENT_END, QuoteItem
from .syntax import SUBJECT_DEPS


class LeadIn(Attribution):
    """Speakers announced by the sentence before a quotation or named by the one after it."""

    def by_lead_in(self, q: QuoteItem) -> bool:
        """A quotation standing as its own sentence, announced by the sentence before it.

        "Yoon spoke without notes. “…”" (a cue verb), "The Tajik president was firm. “…”" (a
        copula with a stance adjective), "X did not mince words. “…”" / "X had a message for
        investors: “…”" (a speech noun as object): that sentence's subject is the speaker.
        Across a paragraph break a cue verb counts only before a colon ("X said so." may close
        a topic). Failing that, "“…” Those were X's words." names the speaker after it.
        """
        text = self.text
        if not (self.has_dep and self.has_sents) or not q.pair.closed:
            return False
        p_start, p_end = self.paras[q.para]
        # Only the first character after and the last before count: never slice the paragraph
        # (a paragraph of many quotations made that quadratic).
        after = _first_visible(text, q.pair.close + 1, p_end)
        content = text[q.pair.start : q.pair.end].rstrip()
        if not content or (after and not (after.isupper() or after in SENT_END)):
            return False
        if content[-1] not in SENT_END and (not after or after not in SENT_END):
            return False
        last = _last_visible(text, p_start, q.pair.open)
        same_paragraph = has_before = last >= p_start
        if not same_paragraph and q.para > 0:
            prev_start, prev_end = self.paras[q.para - 1]
            last = _last_visible(text, prev_start, prev_end)
            has_before = last >= prev_start
        if has_before and text[last] in ".!?:":
            end = self.tok_at(last)
            lo = self.sent_start(end)
            colon = text[last] == ":"
            found = self.announcer(lo, end, allow_cue=same_paragraph or colon)
            if found is not None:
                cue, span, head = found
                q.cue = cue
                self.set_speaker(q, head, span, "lead_in")
                return True
            found = self.paraphrase(lo, end)
            if found is not None:
                cue, span, head = found
                q.cue = cue
                self.set_speaker(q, head, span, "paraphrase")
                return True
        return bool(after) and self.by_follow_up(q)

    def announcer(
        self, lo: int, hi: int, allow_cue: bool
    ) -> tuple[tuple[int, int], tuple[int, int], int] | None:
        """Return (cue, speaker span, speaker head) when tokens ``lo``-``hi`` announce a speaker."""
        root = self.local_root(lo, hi)
        if root is None:
            return None
        cue: tuple[int, int] | None = None
        # Across a paragraph break a cue counts when it reports speech ("X said that …"):
        # "X said so." may close a topic, an indirect statement is the speaker's own voice.
        indirect = any(
            c.dep_ == "ccomp" and lo <= c.i < hi and not self.in_quote[c.i] for c in root.children
        )
        if (allow_cue or indirect) and root.i in self.verb_cue:
            cue = self.verb_cue[root.i]
        for child in root.children:
            if cue is not None or not lo <= child.i < hi:
                continue
            if child.dep_ == "acomp" and child.lower_ in self.lex.stance_adjectives:
                cue = (child.i, child.i + 1)  # "X was blunt."
            elif child.dep_ == "dobj" and child.lower_ in self.lex.speech_nouns:
                cue = (child.i, child.i + 1)  # "X did not mince words.", "X had a message:"
        if cue is None:
            return None
        for child in root.children:
            if child.dep_ not in SUBJECT_DEPS or self.in_quote[child.i] or child.i < lo:
                continue
            if child.lower_ in self.lex.speech_nouns:
                owner = self.owner_of(child, lo, root.i)  # "Tokayev's tone was sharp."
                return None if owner is None else (cue, owner, owner[1] - 1)
            if child.lower_ in self.lex.pronouns or self.person_like(child):
                return (cue, self.np_span(child), child.i)
            return None
        return None

    def paraphrase(self, lo: int, hi: int) -> tuple[tuple[int, int], tuple[int, int], int] | None:
        """Return (cue, speaker span, speaker head) when tokens ``lo``-``hi`` paraphrase a person.

        "According to the Kazakh leader, the region needs …. “…”" / "In Japarov's view, …. “…”":
        a sentence framed as someone's words (the frame opens it and closes with a comma); the
        quotation after it continues that person's words.
        """
        doc = self.doc
        first = lo
        while first < hi and (doc[first].is_punct or doc[first].is_space):
            first += 1
        comma = next((t for t in range(first, min(hi, first + 12)) if doc[t].text == ","), None)
        if comma is None:
            return None
        for kind, s, e in self.patterns:
            if s != first or e >= comma or kind != "according_to":
                continue
            span = (e, comma)
            head = self.np_head(span)
            words = self.lex.pronouns | self.lex.title_words
            if self.person_like(doc[head]) or doc[head].lower_ in words:
                return (s, e), span, head
            return None
        if doc[first].lower_ == "in" and doc[comma - 1].lower_ in self.lex.speech_nouns:
            owner = self.owner_of(doc[comma - 1], first + 1, comma)
            if owner is not None:
                return (first, comma), owner, owner[1] - 1
        return None

    def by_follow_up(self, q: QuoteItem) -> bool:
        """“…” Those were X's words. / “…” That was X's answer to the critics."""
        doc = self.doc
        nxt = q.c_tok + 1
        while nxt < len(doc) and (doc[nxt].is_punct or doc[nxt].is_space):
            nxt += 1
        if nxt >= len(doc) or self.in_quote[nxt] or self.para_of(doc[nxt].idx) != q.para:
            return False
        sent_end = self.sent_end(nxt)
        root = self.local_root(nxt, sent_end)
        if root is None or root.lemma_ != "be":
            return False
        subj = [c for c in root.children if c.dep_ in SUBJECT_DEPS]
        demonstrative = self.lex.demonstratives
        if not subj or not (
            subj[0].lower_ in demonstrative
            or any(c.dep_ == "det" and c.lower_ in demonstrative for c in subj[0].children)
        ):
            return False
        for child in root.children:
            if child.dep_ == "attr" and child.lower_ in self.lex.speech_nouns:
                owner = self.owner_of(child, nxt, sent_end)
                if owner is not None:
                    q.cue = (child.i, child.i + 1)
                    self.set_speaker(q, owner[1] - 1, owner, "follow_up")
                    return True
        return False


def _first_visible(text: str, start: int, end: int) -> str:
    """Return the first non-space character of ``text[start:end]``, or ""."""
    while start < end and text[start].isspace():
        start += 1
    return text[start] if start < end else ""


def _last_visible(text: str, start: int, end: int) -> int:
    """Return the offset of the last non-space character of ``text[start:end]``, or start - 1."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end - 1
