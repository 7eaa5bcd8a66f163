"""One per-document index: sentence bounds per token, paragraphs, character → token.

``Token.sent`` and ``Span.sent`` re-scan the Doc on every call, and ``Doc.text`` joins every
token; a component that asks either per record turns linear work quadratic. Build a
:class:`DocIndex` once per document and ask it instead.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from .text import paragraph_spans


class DocIndex:
    """Sentence and paragraph lookups for one ``Doc``, computed once (linear in its length)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        n = len(doc)
        #: first token of the sentence holding token i, and one past its last token
        self.sent_start: list[int] = [0] * n
        self.sent_end: list[int] = [n] * n
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            for sent in doc.sents:
                for i in range(sent.start, sent.end):
                    self.sent_start[i], self.sent_end[i] = sent.start, sent.end
        self.paragraphs: list[tuple[int, int]] = paragraph_spans(self.text)
        self._para_starts = [s for s, _ in self.paragraphs]
        self._tok_starts = [t.idx for t in doc]

    def token_at(self, char: int) -> int:
        """Return the index of the token that holds (or last starts before) character ``char``."""
        return max(0, bisect_right(self._tok_starts, char) - 1)

    def paragraph_of(self, char: int) -> int:
        """Return the number of the paragraph that holds character ``char``."""
        return max(0, bisect_right(self._para_starts, char) - 1)

    def line_break_between(self, a: int, b: int) -> bool:
        """Return True when a line break ("\\n") lies between the starts of tokens ``a`` and ``b``.

        Stricter than a paragraph break (:meth:`paragraph_of`): any new line counts, as for a
        verbless heading line above a sentence or a list item below its lead-in.
        """
        lo, hi = sorted((a, b))
        return "\n" in self.text[self.doc[lo].idx : self.doc[hi].idx]

    def sentence_text(self, i: int) -> str:
        """Return the text of the sentence that holds token ``i`` (sliced, never re-joined)."""
        doc = self.doc
        start, end = self.sent_start[i], self.sent_end[i]
        last = doc[end - 1]
        return self.text[doc[start].idx : last.idx + len(last)]
