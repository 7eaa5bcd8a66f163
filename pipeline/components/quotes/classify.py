"""Classification: is a mark pair a quotation, a quoted name or title, or a scare quote?

Reads the text between the marks (capitals, punctuation, word count), the token before the
opening mark (a title noun such as *format* or a marker such as *so-called*), the word after the
closing mark (a noun continues a modifier: “green” hydrogen) and POS tags (a verb makes it
sentence-like). ``name_label`` decides before attribution; ``final_label`` decides once the
attribution is known (a short fragment deep in a clause stays a scare quote).
"""

from __future__ import annotations

import bisect
import re

from .docstate import END_PUNCT, SENT_END, QuoteDoc, QuoteItem

_LINE_RE = re.compile(r"[^\n\r\u2028\u2029]+")
_TRAILING_MARKS = " \t\"'“”«»„‘’"

#: attributions that make any pair a quotation, however short
STRONG_ATTRIBUTIONS = frozenset({"according_to", "in_words", "byline", "colon", "split"})


class Classifier(QuoteDoc):
    """Quotation vs quoted name (NAME) vs scare quote (SCARE), and page furniture (SKIP)."""

    _furniture: tuple[list[int], list[int]] | None = None

    def in_furniture(self, q: QuoteItem) -> bool:
        """True when the pair stands on a scraped page's furniture line (never a quotation).

        Furniture lines: a headline line repeated on the page (every copy; a repeated line that
        ends a sentence only from its second copy on), a line opening with a navigation word of
        the lexicon that ends no sentence ("Read also: “…,” says X", "Previous “…” Next"), and
        every line after a heading such as "Related News" when none of them ends a sentence.
        """
        if self._furniture is None:
            self._furniture = self._furniture_lines()
        starts, ends = self._furniture
        k = bisect.bisect_right(starts, q.pair.open) - 1
        return k >= 0 and q.pair.open < ends[k]

    def _furniture_lines(self) -> tuple[list[int], list[int]]:
        """Return the start and end offsets of the furniture lines, in text order."""
        lines = [(m.start(), m.end(), m.group().strip()) for m in _LINE_RE.finditer(self.text)]
        lines = [line for line in lines if line[2]]
        keys = [" ".join(t.lower().split()) for _, _, t in lines]
        ends_sentence = [t.rstrip(_TRAILING_MARKS)[-1:] in SENT_END for _, _, t in lines]
        count: dict[str, int] = {}
        for key in keys:
            count[key] = count.get(key, 0) + 1
        seen: set[str] = set()
        furniture = [False] * len(lines)
        for n, key in enumerate(keys):
            if count[key] > 1 and (not ends_sentence[n] or key in seen):
                furniture[n] = True
            seen.add(key)
            if not ends_sentence[n] and any(
                key.startswith(word) and not key[len(word) : len(word) + 1].isalnum()
                for word in self.lex.furniture_lines
            ):
                furniture[n] = True
        for n, key in enumerate(keys):
            if key.rstrip(":").strip() in self.lex.furniture_blocks and not any(ends_sentence[n:]):
                for k in range(n, len(lines)):
                    furniture[k] = True
                break
        kept = [(s, e) for (s, e, _), f in zip(lines, furniture, strict=True) if f]
        return [s for s, _ in kept], [e for _, e in kept]

    def name_label(self, q: QuoteItem) -> str | None:
        """Return NAME/SCARE for a quoted name, title or scare quote, None for a quotation."""
        content = self.text[q.pair.start : q.pair.end].strip()
        if not content:
            return "SKIP"
        words = self.content_words(q)
        if not words:
            return "SKIP"
        first_upper = content[0].isupper() or content[0].isdigit()
        ends_punct = content[-1] in END_PUNCT
        before = q.o_tok - 1
        # A comma before the closing mark announces an attribution clause (“…,” X said):
        # speech, even right after a title noun ("told the forum “We must act,” he said").
        if before >= 0 and first_upper and not self.doc[before].is_punct and content[-1] != ",":
            tok = self.doc[before]
            if tok.lower_ in self.lex.title_heads or before in self.marker_end:
                return "NAME"
        label = "NAME" if first_upper else "SCARE"
        if len(words) <= self.c.max_modifier_words and not ends_punct and self.next_is_noun(q):
            return label
        titled = all(
            w[0].isupper() or w[0].isdigit() or w.lower() in self.lex.minor_words for w in words
        )
        # "called the son “the Head of State”": a title keeps its article inside the marks.
        article_title = len(words) > 1 and words[0] in ("the", "a", "an") and words[1][0].isupper()
        if (
            titled
            and (first_upper or article_title)
            and not ends_punct
            and len(words) <= self.c.max_name_words
            and not self.has_verb(q)
        ):
            return "NAME"
        return None

    def next_is_noun(self, q: QuoteItem) -> bool:
        """True when the word right after the closing mark continues a noun phrase."""
        after = q.c_tok + 1
        if after >= len(self.doc):
            return False
        tok = self.doc[after]
        if not tok.is_alpha or "\n" in self.text[q.pair.close : tok.idx]:
            return False
        if self.has_pos:
            return tok.pos_ in ("NOUN", "PROPN") or (
                tok.pos_ == "ADJ" and after + 1 < len(self.doc) and self.doc[after + 1].is_alpha
            )
        if tok.lower_ in self.lex.title_heads:
            return True
        return tok.is_lower and not tok.is_stop and tok.lower_ not in self.lex.verb_forms

    def has_verb(self, q: QuoteItem) -> bool:
        """True when a verb or auxiliary stands between the marks (needs a tagger)."""
        if not self.has_pos:
            return False
        return any(self.doc[t].pos_ in ("VERB", "AUX") for t in self.content_tokens(q))

    def final_label(self, q: QuoteItem) -> str:
        """Return QUOTE, NAME or SCARE once the attribution is known."""
        content = self.text[q.pair.start : q.pair.end].strip()
        words = self.content_words(q)
        first_upper = content[0].isupper() or content[0].isdigit()
        inner_punct = any(ch in END_PUNCT for ch in content)
        fallback = "NAME" if first_upper else "SCARE"
        if q.attribution in STRONG_ATTRIBUTIONS:
            return "QUOTE"
        # Counted by spaces: "China–Central Asia spirit" is three words, not four.
        fragment = len(content.split()) <= self.c.max_fragment_words and not inner_punct
        if q.attribution != "none":
            # A short unpunctuated fragment embedded deeper in a clause is a scare quote or name
            # ("carry forward the “Silk Road spirit”"); as the cue's own object it is quoted
            # speech ("what he called a “new era”").
            if fragment and not q.info.get("direct"):
                return fallback
            return "QUOTE"
        sentence_like = len(words) >= self.c.min_sentence_words and (
            self.has_verb(q) or content[-1] in END_PUNCT or not self.has_pos
        )
        # A short full sentence is still speech: “I may have.” / “Oh?” (not “green”).
        sentence_like = sentence_like or (
            first_upper and content[-1] in SENT_END and (content[-1] in "!?" or self.has_verb(q))
        )
        return "QUOTE" if sentence_like else fallback
