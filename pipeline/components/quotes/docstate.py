"""The per-document state every quote stage reads, computed once per Doc.

Decides nothing. Reads from the Doc: its text, tokens, the annotations present (parse, tags,
sentences), the cue matches of the lexicon's PhraseMatcher, the leader mentions of
``doc.spans["leaders"]`` and (lazily) the PERSON entities. Sentence, paragraph and
character→token lookups go through one :class:`~pipeline.components.common.docindex.DocIndex`
(``Token.sent`` re-scans the Doc on every call, which made many quotes in one sentence quadratic).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span, Token

from pipeline.components.common.docindex import DocIndex
from pipeline.components.common.mentions import CharMention, MentionTimeline
from pipeline.extensions import LEADERS_GROUP

from .marks import MarkPair

if TYPE_CHECKING:
    from .component import SummitQuotes

END_PUNCT = ".,;:!?…"
SENT_END = ".!?…"
_WORD_RE = re.compile(r"[^\W_][\w'’‘-]*")
_VERB_DEPS = frozenset({"ROOT", "ccomp", "advcl", "conj", "relcl", "xcomp", "pcomp", "parataxis"})


@dataclass
class QuoteItem:
    """Working state of one mark pair while the component runs."""

    pair: MarkPair
    o_tok: int
    c_tok: int
    parent: int | None
    para: int
    label: str = "QUOTE"
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None  # token range of the speaker mention
    speaker_head: int | None = None
    attribution: str = "none"
    info: dict[str, Any] = field(default_factory=dict)


#: a leader mention as plain offsets (the shared type of ``common.mentions``)
LeaderMention = CharMention


class QuoteDoc:
    """Everything computed once per Doc: the index, cue matches, leader mentions."""

    def __init__(self, comp: SummitQuotes, doc: Doc) -> None:
        """Index ``doc`` and run the lexicon's matcher over it, once."""
        self.c = comp
        self.lex = comp.lexicon
        self.doc = doc
        self.index = DocIndex(doc)
        self.text = self.index.text
        self.has_dep = doc.has_annotation("DEP")
        self.has_pos = doc.has_annotation("POS") or doc.has_annotation("TAG")
        self.has_sents = self.has_dep or doc.has_annotation("SENT_START")
        self.paras = self.index.paragraphs
        # Cue matches: verb cues per token (phrases win over single verbs), patterns, markers.
        self.verb_cue: dict[int, tuple[int, int]] = {}
        self.patterns: list[tuple[str, int, int]] = []
        self.marker_end: set[int] = set()
        for match_id, s, e in comp.matcher(doc):
            kind = doc.vocab.strings[match_id]
            if kind in ("verb", "phrase"):
                if self._verb_like(doc[s]):
                    old = self.verb_cue.get(s)
                    if old is None or old[1] < e:
                        self.verb_cue[s] = (s, e)
            elif kind == "title_marker":
                self.marker_end.add(e - 1)
            else:
                self.patterns.append((kind, s, e))
        self.patterns.sort(key=lambda p: p[1])
        self.cue_starts = sorted(self.verb_cue)
        self.leaders = MentionTimeline(
            CharMention(sp.start_char, sp.end_char, sp.kb_id_, sp.label_)
            for sp in doc.spans.get(LEADERS_GROUP, [])
            if sp.kb_id_
        )
        self._people: list[Span] | None = None
        self._people_starts: list[int] | None = None
        self._reporters: set[int] | None = None
        self._said: dict[str, set[str]] = {}
        self.in_quote = [False] * len(doc)
        self.new_leader_spans: list[Span] = []
        # Non-leader speakers resolved so far: (words of their speaker phrase, name).
        self.named: list[tuple[set[str], str]] = []

    @property
    def people(self) -> list[Span]:
        """PERSON entities, collected only when a speaker needs them."""
        if self._people is None:
            self._people = [e for e in self.doc.ents if e.label_ == "PERSON"]
        return self._people

    def tok_at(self, char: int) -> int:
        """Return the index of the token containing character ``char``."""
        return self.index.token_at(char)

    def para_of(self, char: int) -> int:
        """Return the index of the paragraph containing character ``char``."""
        return self.index.paragraph_of(char)

    def sent_start(self, i: int) -> int:
        """Return the first token of the sentence holding token ``i``."""
        return self.index.sent_start[i]

    def sent_end(self, i: int) -> int:
        """Return one past the last token of the sentence holding token ``i``."""
        return self.index.sent_end[i]

    def _verb_like(self, tok: Token) -> bool:
        """True for a cue match that is a verb (or heads a clause the tagger called a noun)."""
        if not self.has_pos:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return True
        # The small model sometimes tags "notes"/"stresses" as nouns; keep those that head a clause.
        return tok.dep_ in _VERB_DEPS and tok.pos_ not in ("ADP", "DET", "PRON")

    def breaks(self, tok: Token) -> bool:
        """True for punctuation that ends a name (not the hyphen inside Kassym-Jomart)."""
        if tok.is_space:
            return True
        if not tok.is_punct:
            return False
        glued = tok.i > 0 and not self.doc[tok.i - 1].whitespace_ and not tok.whitespace_
        return not (glued and tok.text in "-‐‑")

    def content(self, q: QuoteItem) -> str:
        """Return the text between the marks."""
        return self.text[q.pair.start : q.pair.end]

    def content_words(self, q: QuoteItem) -> list[str]:
        """Return the words between the marks."""
        return _WORD_RE.findall(self.content(q))

    def content_tokens(self, q: QuoteItem) -> range:
        """Return the token indices between the marks."""
        return range(q.o_tok + 1, q.c_tok)

    def leaders_over(self, start: int, end: int) -> list[LeaderMention]:
        """Return the leader mentions overlapping characters ``start``-``end``."""
        return self.leaders.overlapping(start, end)
