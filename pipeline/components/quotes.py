"""summit_quotes: direct quotations, told apart from quoted names, with their speakers.

Three steps, each one pass:

1. ``pair_marks`` scans the characters once and pairs quotation marks of every style (“…”, "…",
   «…», »…«, „…“, ‘…’, '…', ‹…›, 「…」) with a stack, so a quotation may contain a quoted name with
   the same marks. Pairing is confined to a paragraph: a quotation that runs on re-opens at the
   start of the next paragraph (the typographic convention) and is reported one segment per
   paragraph; an unbalanced mark is dropped at the paragraph end instead of swallowing the rest
   of the document. Apostrophes and clitics (it's, region’s, O‘zbekiston, 's, '90s) are not marks.
2. Each pair is classified: a quoted name or title (after a title noun such as *format* or
   *resolution*, title case, or a short modifier before a noun: “green” hydrogen), a scare quote
   (a short unpunctuated fragment deep in a clause) or a pair inside a quotation goes to
   ``doc.spans["quoted_names"]``; the rest are quotations.
3. Each quotation is attributed: "according to X" / "in his words"; a byline dash; the subject of
   a cue verb that governs the quotation in the dependency tree (partial quotes inside a clause);
   the nearest cue verb of its sentence before or after it (split quotes share it); a verbless
   ``X: “…”`` or an ``X said:`` paragraph; a possessive speech noun ("X's verdict: “…”",
   "in X's words"); or the previous quotation of the paragraph when only that one's
   attribution stands between them. A quotation that is a sentence of its own may take the
   subject of the sentence announcing it ("X was blunt. “…”") or a naming sentence after it
   ("Those were X's words"). "He quoted Y, that “…”" gives the words to Y. The speaker
   mention resolves to a leader through ``doc.spans["leaders"]`` (kb id of the span covering
   it, or of a pronoun's antecedent); other speakers keep their name as written, without
   titles, completed from an earlier mention.

The cue lexicon, title nouns, role and title words are data: ``pipeline/resources/quote_cues.jsonl``.
Quote triples follow textacy's ``DQTriple`` and citron's cue/source/content records.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from pipeline.extensions import LEADERS_GROUP, QUOTED_NAMES_GROUP, QUOTES_GROUP
from pipeline.resources import load_jsonl

CueKind = Literal[
    "verb",
    "phrase",
    "according_to",
    "in_words",
    "title_head",
    "title_marker",
    "role_noun",
    "title_word",
    "source_verb",
    "speech_noun",
    "stance_adjective",
]


class QuoteCue(BaseModel):
    """One line of quote_cues.jsonl."""

    kind: CueKind
    text: str = Field(description="Lemma or phrase, lower case.")
    forms: list[str] = Field(
        default_factory=list,
        description="Inflected forms of the first word (matched on the lower-cased token).",
    )

    @model_validator(mode="after")
    def _forms_for_inflected_kinds(self) -> QuoteCue:
        if self.kind in ("verb", "phrase", "source_verb") and not self.forms:
            raise ValueError(f"cue {self.text!r} of kind {self.kind} needs its inflected 'forms'")
        return self


# --------------------------------------------------------------------------- mark pairing

# Opening mark -> the marks that may close it.
_CLOSERS: dict[str, str] = {
    "“": '”“"',  # a straight closer after a curly opener: careless but common
    "„": '“”"',
    "‚": "‘’",
    "«": "»",
    "»": "«",
    "‹": "›",
    "›": "‹",
    '"': '"',
    "'": "'",
    "‘": "’",
    "”": "”",
    "「": "」",
    "『": "』",
}
_SINGLE = frozenset("'‘’‚‹›")
MARK_CHARS = frozenset("“”„‚«»‹›\"'‘’「」『』")
_MARK_RE = re.compile("[" + re.escape("".join(sorted(MARK_CHARS))) + "]")
_OPEN_CONTEXT = frozenset("([{<—–-/") | MARK_CHARS
_CLOSE_CONTEXT = frozenset(".,;:!?)]}>…—–-/") | MARK_CHARS
_CONTRACTION = re.compile(r"(?:s|ll|re|ve|d|m|t|\d\ds?)(?![^\W_])", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_LINE = re.compile(r"\n")


@dataclass(frozen=True)
class MarkPair:
    """A pair of quotation marks: ``text[open]`` opens, ``text[close]`` closes.

    The quoted text is ``text[open + 1 : close]``; ``depth`` is 0 for an outermost pair. A
    quotation that runs over paragraphs is one segment per paragraph: every segment but the last
    has ``closed=False`` and ``close`` at the end of its paragraph's text, every segment but the
    first opens at the paragraph's re-opening mark; all share ``chain`` (the first mark's offset).
    """

    open: int
    close: int
    depth: int
    chain: int = -1
    closed: bool = True

    @property
    def reopened(self) -> bool:
        """True for a segment after the first of a quotation running over paragraphs."""
        return self.chain >= 0 and self.chain != self.open

    @property
    def continued(self) -> bool:
        """True when the quotation goes on in the next paragraph (a segment but the last)."""
        return not self.closed or self.reopened

    @property
    def start(self) -> int:
        """Return the offset of the first character between the marks."""
        return self.open + 1

    @property
    def end(self) -> int:
        """Return the offset just past the last character between the marks."""
        return self.close


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph.

    Paragraphs are separated by blank lines when the text has any, else by line breaks (texts
    that mark paragraphs with single newlines).
    """
    splitter = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in splitter.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    return spans


def _is_open_context(ch: str) -> bool:
    return ch == "" or ch.isspace() or ch in _OPEN_CONTEXT


def _is_close_context(ch: str) -> bool:
    return ch == "" or ch.isspace() or ch in _CLOSE_CONTEXT


def pair_marks(text: str) -> list[MarkPair]:
    """Return the quotation-mark pairs of ``text``, sorted by opening offset.

    One left-to-right pass with a stack per paragraph. Straight and ambiguous marks are read by
    their flanking characters (a mark after a space and before a letter opens; after a
    letter and before a space or punctuation it closes); curly marks by their shape.
    """
    pairs: list[MarkPair] = []
    chain_of: dict[int, int] = {}  # re-opening mark -> first mark of its quotation
    # The outermost opener still open at a paragraph end, and where that paragraph's text ends.
    carry: tuple[str, int, int] | None = None
    for p_start, p_end in paragraph_spans(text):
        stack: list[tuple[str, int]] = []
        first = p_start
        if carry is not None:
            while first < p_end and text[first].isspace():
                first += 1
            # A quotation continues only if the next paragraph re-opens it with the same mark.
            if first < p_end and text[first] == carry[0]:
                chain = chain_of.get(carry[1], carry[1])
                pairs.append(MarkPair(carry[1], carry[2], 0, chain=chain, closed=False))
                chain_of[first] = chain
                stack.append((carry[0], first))
                first += 1
            else:
                first = p_start
            carry = None
        for match in _MARK_RE.finditer(text, first, p_end):
            _step(text, match.start(), p_start, p_end, stack, pairs, chain_of)
        if stack and stack[0][0] not in _SINGLE:
            last = p_end
            while last > stack[0][1] + 1 and text[last - 1].isspace():
                last -= 1
            carry = (stack[0][0], stack[0][1], last)
    pairs.sort(key=lambda p: (p.open, -p.close))
    return pairs


def _find_opener(stack: list[tuple[str, int]], closer: str, single: bool) -> int:
    """Return the stack index of the nearest opener that ``closer`` closes, or -1."""
    for k in range(len(stack) - 1, -1, -1):
        opener = stack[k][0]
        if closer in _CLOSERS[opener]:
            return k
        if single and opener not in _SINGLE:
            return -1  # a single mark never closes across an open double one
    return -1


def _plural_possessive(text: str, i: int, p_end: int, stack: list[tuple[str, int]]) -> bool:
    """True when ``’`` at ``i`` (after an s) is a plural possessive inside an open ‘…’.

    It is when a lower-case word follows and another ’ closes the quotation later in the
    paragraph, before any new ‘ opens ("‘the states’ interests,’ he said").
    """
    if not stack or stack[-1][0] != "‘" or text[i + 1 : i + 2] != " ":
        return False
    if not text[i + 2 : i + 3].islower():
        return False
    closer = text.find("’", i + 1, p_end)
    opener = text.find("‘", i + 1, p_end)
    return closer != -1 and (opener == -1 or closer < opener)


def _step(
    text: str,
    i: int,
    p_start: int,
    p_end: int,
    stack: list[tuple[str, int]],
    pairs: list[MarkPair],
    chain_of: dict[int, int],
) -> None:
    ch = text[i]
    prev = text[i - 1] if i > p_start else ""
    nxt = text[i + 1] if i + 1 < p_end else ""
    looks_open = _is_open_context(prev) and not _is_close_context(nxt)
    looks_close = not _is_open_context(prev) and _is_close_context(nxt)

    def close(k: int) -> None:
        pos = stack[k][1]
        pairs.append(MarkPair(open=pos, close=i, depth=k, chain=chain_of.get(pos, -1)))
        del stack[k:]

    if ch in "'’‘" and prev.isalnum() and nxt.isalnum():
        return  # apostrophe or a letter (it's, region’s, O‘zbekiston)
    if ch == "'" and _CONTRACTION.match(text, i + 1, p_end):
        return  # "Lincoln 's Inn", "she 'll" in tokenised text: a clitic, not an opening mark
    if ch == "’" and nxt.isalpha():
        return  # elision (’tis, ’em; "she ’ll" when tokenised): no letter follows a closer
    if ch == "’" and prev in "sS" and _plural_possessive(text, i, p_end, stack):
        return  # "‘The states’ interests come first,’": the states’ is not the closer
    if ch in "'’":
        k = _find_opener(stack, ch, single=True)
        if k >= 0 and not (ch == "'" and looks_open and not looks_close):
            close(k)
        elif ch == "'" and looks_open:
            stack.append((ch, i))
        return  # a lone ’ is an apostrophe (the states’, ’90s)
    if ch in "‘‚":
        if ch == "‘" or looks_open:
            stack.append((ch, i))
        return
    if ch == '"':
        k = _find_opener(stack, ch, single=False)
        if k >= 0 and not (looks_open and not looks_close):
            close(k)
        elif not (looks_close and not looks_open):
            stack.append((ch, i))
        return
    if ch == "“":
        k = _find_opener(stack, ch, single=False)
        if k >= 0 and (stack[k][0] == "„" or (looks_close and not looks_open)):
            close(k)
        else:
            stack.append((ch, i))
        return
    if ch in "”»›":
        k = _find_opener(stack, ch, single=ch in _SINGLE)
        if k >= 0:
            close(k)
        elif looks_open and not looks_close:
            stack.append((ch, i))  # ”…” and »…« styles
        return
    if ch in "«‹":
        k = _find_opener(stack, ch, single=ch in _SINGLE)
        if k >= 0:
            close(k)
        else:
            stack.append((ch, i))
        return
    if ch in "「『„":
        stack.append((ch, i))
        return
    k = _find_opener(stack, ch, single=False)  # 」』
    if k >= 0:
        close(k)


# --------------------------------------------------------------------------- the component

_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
_OTHER_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our", "i", "me", "my", "you"})
_NON_SPEAKERS = frozenset({"it", "there", "this", "that", "which", "what", "these", "those"})
_INDEFINITE = frozenset({"a", "an", "one", "some", "several", "another", "two", "three"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_MINOR_WORDS = frozenset(
    {"of", "and", "the", "for", "in", "on", "a", "an", "to", "with", "at", "by", "plus", "de"}
)
_END_PUNCT = ".,;:!?…"
_SENT_END = ".!?…"
_DASHES = frozenset({"-", "–", "—", "―", "--"})
_WORD_RE = re.compile(r"[^\W_][\w'’‘-]*")
_VERB_DEPS = frozenset({"ROOT", "ccomp", "advcl", "conj", "relcl", "xcomp", "pcomp", "parataxis"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp", "prep", "dobj", "pobj"})
_NP_STOP_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis"})
_NAME_PRIORITY = {"name": 0, "surname": 1, "role": 2, "pronoun": 3}
_STRONG = frozenset({"according_to", "in_words", "byline", "colon", "split"})


@dataclass
class _Quote:
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


@dataclass
class _Leader:
    start: int
    end: int
    kb_id: str
    label: str


class SummitQuotes:
    """Find direct quotations and quoted names; attribute quotations to speakers."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        cues_file: str = "quote_cues.jsonl",
        max_fragment_words: int = 3,
        max_modifier_words: int = 5,
        max_name_words: int = 8,
        min_sentence_words: int = 4,
        post_window: int = 12,
    ) -> None:
        self.name = name
        self.cues_file = cues_file
        self.max_fragment_words = max_fragment_words
        self.max_modifier_words = max_modifier_words
        self.max_name_words = max_name_words
        self.min_sentence_words = min_sentence_words
        self.post_window = post_window
        cues = load_jsonl(cues_file, QuoteCue)
        self.title_heads = frozenset(
            f.lower() for c in cues if c.kind == "title_head" for f in [c.text, *c.forms]
        )
        self.role_nouns = frozenset(c.text for c in cues if c.kind == "role_noun")
        # Words of a title before a name (Ms, Deputy, Foreign, Minister): not part of the name.
        self.title_words = self.role_nouns | {c.text for c in cues if c.kind == "title_word"}
        self.verb_forms = frozenset(
            f.lower() for c in cues if c.kind in ("verb", "phrase", "source_verb") for f in c.forms
        )
        # "He quoted X": X, when a person, is the speaker of what follows, not the subject.
        self.source_forms = frozenset(
            f.lower() for c in cues if c.kind == "source_verb" for f in c.forms
        )
        # "X's verdict: “…”": nouns that name what a person said.
        self.speech_nouns = frozenset(
            f.lower() for c in cues if c.kind == "speech_noun" for f in [c.text, *c.forms]
        )
        # "X was blunt. “…”": a copula with one of these announces X as the next sentence's speaker.
        self.stance_adjectives = frozenset(c.text for c in cues if c.kind == "stance_adjective")
        # A PhraseMatcher on LOWER: one hash lookup per token, however long the lexicon grows
        # (a token Matcher with IN-sets cost a fifth of the base model's time).
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for cue in cues:
            if cue.kind in ("title_head", "role_noun", "title_word", "speech_noun"):
                continue
            if cue.kind == "stance_adjective":
                continue
            first, *rest = cue.text.lower().split()
            phrases = {" ".join([form.lower(), *rest]) for form in (cue.forms or [first])}
            kind = "verb" if cue.kind == "source_verb" else cue.kind
            self.matcher.add(kind, [nlp.make_doc(phrase) for phrase in sorted(phrases)])

    # ------------------------------------------------------------------ entry point
    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["quotes"]`` and ``doc.spans["quoted_names"]``; return the doc."""
        pairs = pair_marks(doc.text)
        quotes: list[Span] = []
        names: list[Span] = []
        if pairs and len(doc):
            ctx = _Context(self, doc)
            items = ctx.build(pairs)
            quotes, names = ctx.run(items)
        doc.spans[QUOTES_GROUP] = quotes
        doc.spans[QUOTED_NAMES_GROUP] = names
        return doc


class _Context:
    """Everything computed once per Doc: token offsets, cue matches, leader mentions."""

    def __init__(self, comp: SummitQuotes, doc: Doc) -> None:
        self.c = comp
        self.doc = doc
        self.text = doc.text
        self.starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []
        self.has_dep = doc.has_annotation("DEP")
        self.has_pos = doc.has_annotation("POS") or doc.has_annotation("TAG")
        self.has_sents = self.has_dep or doc.has_annotation("SENT_START")
        self.paras = paragraph_spans(self.text)
        self.para_starts = [s for s, _ in self.paras]
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
        self.leaders = [
            _Leader(sp.start_char, sp.end_char, sp.kb_id_, sp.label_)
            for sp in doc.spans.get(LEADERS_GROUP, [])
            if sp.kb_id_
        ]
        self.leaders.sort(key=lambda m: (m.start, m.end))
        self._people: list[Span] | None = None
        self.in_quote = [False] * len(doc)
        self.new_leader_spans: list[Span] = []
        # Non-leader speakers resolved so far: (words of their speaker phrase, name).
        self.named: list[tuple[set[str], str]] = []

    # ------------------------------------------------------------------ helpers
    @property
    def people(self) -> list[Span]:
        """PERSON entities, collected only when a speaker needs them."""
        if self._people is None:
            self._people = [e for e in self.doc.ents if e.label_ == "PERSON"]
        return self._people

    def tok_at(self, char: int) -> int:
        """Return the index of the token containing character ``char``."""
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def para_of(self, char: int) -> int:
        """Return the index of the paragraph containing character ``char``."""
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def _verb_like(self, tok: Token) -> bool:
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

    def content_words(self, q: _Quote) -> list[str]:
        """Return the words between the marks."""
        return _WORD_RE.findall(self.text[q.pair.start : q.pair.end])

    def content_tokens(self, q: _Quote) -> range:
        """Return the token indices between the marks."""
        return range(q.o_tok + 1, q.c_tok)

    # ------------------------------------------------------------------ build + run
    def build(self, pairs: Sequence[MarkPair]) -> list[_Quote]:
        """Return one work item per mark pair, each knowing its enclosing pair."""
        items: list[_Quote] = []
        open_stack: list[int] = []  # indices of items enclosing the current pair
        for pair in pairs:
            while open_stack and items[open_stack[-1]].pair.close < pair.open:
                open_stack.pop()
            parent = open_stack[-1] if open_stack else None
            o_tok = self.tok_at(pair.open)
            # An unclosed segment ends at its paragraph's last token, not at a mark.
            c_tok = self.tok_at(pair.close) if pair.closed else self.tok_at(pair.close - 1) + 1
            items.append(_Quote(pair, o_tok, c_tok, parent, self.para_of(pair.open)))
            open_stack.append(len(items) - 1)
        return items

    def run(self, items: list[_Quote]) -> tuple[list[Span], list[Span]]:
        """Classify and attribute every pair; return (quote spans, quoted-name spans)."""
        # Names first (no attribution needed), so that they do not bound attribution windows.
        for q in items:
            if q.parent is not None and items[q.parent].label != "QUOTE":
                q.label = "SKIP"  # a mark pair inside a quoted title is part of the title
                continue
            if q.parent is not None:
                # Marks inside a quotation are part of it: a name or scare quote, not a
                # quotation of its own.
                label = self.name_label(q)
                content = self.text[q.pair.start : q.pair.end].strip()
                q.label = label or ("NAME" if content[:1].isupper() else "SCARE")
            elif q.pair.continued:  # running over paragraphs: a quotation, never a name
                empty = not self.text[q.pair.start : q.pair.end].strip()
                q.label = "SKIP" if empty else "QUOTE"
            else:
                q.label = self.name_label(q) or "QUOTE"
        live = [q for q in items if q.label == "QUOTE"]
        for q in live:
            if q.parent is None:
                for t in range(q.o_tok, min(q.c_tok + 1, len(self.doc))):
                    self.in_quote[t] = True
        siblings: dict[int | None, list[_Quote]] = {}
        for q in live:
            siblings.setdefault(q.parent, []).append(q)
        for group in siblings.values():
            for k, q in enumerate(group):
                prev = group[k - 1] if k > 0 else None
                nxt = group[k + 1] if k + 1 < len(group) else None
                parent = items[q.parent] if q.parent is not None else None
                self.attribute(q, prev, nxt, parent)
                if self.shares_cue(q, prev):  # “A,” he said, “B.”
                    q.attribution = "split"
                q.label = self.final_label(q)
                if q.label == "QUOTE" and q.attribution == "none" and prev is not None:
                    self.inherit(q, prev)
                if q.label == "QUOTE" and q.attribution == "none" and parent is None:
                    self.by_lead_in(q)
        chains: dict[int, list[_Quote]] = {}
        for q in live:
            if q.pair.continued:
                chains.setdefault(q.pair.chain, []).append(q)
        for segments in chains.values():
            # The cue of a quotation over paragraphs may come with any of its segments.
            source = next((g for g in segments if g.speaker is not None), None)
            for g in segments:
                if source is not None and g.speaker is None:
                    self.inherit(g, source, same_paragraph=False)
        return self.emit(items)

    # ------------------------------------------------------------------ classification
    def name_label(self, q: _Quote) -> str | None:
        """Return NAME/SCARE for a quoted name, title or scare quote, None for a quotation."""
        content = self.text[q.pair.start : q.pair.end].strip()
        if not content:
            return "SKIP"
        words = self.content_words(q)
        if not words:
            return "SKIP"
        first_upper = content[0].isupper() or content[0].isdigit()
        ends_punct = content[-1] in _END_PUNCT
        before = q.o_tok - 1
        # A comma before the closing mark announces an attribution clause (“…,” X said):
        # speech, even right after a title noun ("told the forum “We must act,” he said").
        if before >= 0 and first_upper and not self.doc[before].is_punct and content[-1] != ",":
            tok = self.doc[before]
            if tok.lower_ in self.c.title_heads or before in self.marker_end:
                return "NAME"
        label = "NAME" if first_upper else "SCARE"
        if len(words) <= self.c.max_modifier_words and not ends_punct and self.next_is_noun(q):
            return label
        titled = all(w[0].isupper() or w[0].isdigit() or w.lower() in _MINOR_WORDS for w in words)
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

    def next_is_noun(self, q: _Quote) -> bool:
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
        if tok.lower_ in self.c.title_heads:
            return True
        return tok.is_lower and not tok.is_stop and tok.lower_ not in self.c.verb_forms

    def has_verb(self, q: _Quote) -> bool:
        """True when a verb or auxiliary stands between the marks (needs a tagger)."""
        if not self.has_pos:
            return False
        return any(self.doc[t].pos_ in ("VERB", "AUX") for t in self.content_tokens(q))

    def final_label(self, q: _Quote) -> str:
        """Return QUOTE, NAME or SCARE once the attribution is known."""
        content = self.text[q.pair.start : q.pair.end].strip()
        words = self.content_words(q)
        first_upper = content[0].isupper() or content[0].isdigit()
        inner_punct = any(ch in _END_PUNCT for ch in content)
        fallback = "NAME" if first_upper else "SCARE"
        if q.attribution in _STRONG:
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
            self.has_verb(q) or content[-1] in _END_PUNCT or not self.has_pos
        )
        # A short full sentence is still speech: “I may have.” / “Oh?” (not “green”).
        sentence_like = sentence_like or (
            first_upper and content[-1] in _SENT_END and (content[-1] in "!?" or self.has_verb(q))
        )
        return "QUOTE" if sentence_like else fallback

    # ------------------------------------------------------------------ attribution
    def windows(
        self, q: _Quote, prev: _Quote | None, nxt: _Quote | None, parent: _Quote | None
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
            s_lo = max(lo, doc[q.o_tok].sent.start)
            s_hi = min(hi, doc[min(q.c_tok, len(doc) - 1)].sent.end)
        if prev is not None:
            s_lo = max(s_lo, prev.c_tok + 1)
        stop = nxt.o_tok if nxt is not None else hi
        post_hi = min(s_hi, stop)
        only_punct = all(doc[t].is_punct or doc[t].is_space for t in range(q.c_tok + 1, post_hi))
        if self.has_sents and only_punct and post_hi < hi and post_hi < stop:
            # "“…” / Tokayev said." split off as its own short sentence by the parser.
            post_hi = min(doc[post_hi].sent.end, stop, hi, post_hi + 10)
        if not q.pair.closed:
            return range(s_lo, q.o_tok), range(q.c_tok, q.c_tok)
        return range(s_lo, q.o_tok), range(q.c_tok + 1, post_hi)

    def attribute(
        self, q: _Quote, prev: _Quote | None, nxt: _Quote | None, parent: _Quote | None
    ) -> None:
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

    def colon_lead(self, q: _Quote) -> range | None:
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
        start = self.doc[colon].sent.start if self.has_sents else self.tok_at(prev_start)
        return range(max(start, self.tok_at(prev_start)), colon + 1)

    def set_speaker(self, q: _Quote, head: int, span: tuple[int, int], how: str) -> None:
        """Record the speaker mention (head token, token range) and how it was found."""
        q.speaker_head, q.speaker, q.attribution = head, span, how

    def by_pattern(self, q: _Quote, pre: range, post: range) -> bool:
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
            owner = [t for t in range(s, e) if doc[t].lower_ in _PRONOUNS]
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

    def by_owner_words(self, q: _Quote, pre: range) -> bool:
        """In Tokayev's (own) words, “…” / In Mirziyoyev's view, the region “…”."""
        doc = self.doc
        for n in range(pre.stop - 1, pre.start, -1):
            tok = doc[n]
            if tok.text != "," or doc[n - 1].lower_ not in self.c.speech_nouns:
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
            if t in self.verb_cue or self.in_quote[t] or doc[t].text in _SENT_END:
                return False
            if self.has_pos and doc[t].pos_ == "VERB":
                return False
        return not any(doc[t].text in _SENT_END for t in range(start, stop))

    def by_byline(self, q: _Quote, post: range) -> bool:
        """“…” – President X (a release's verbless attribution)."""
        doc = self.doc
        if not post or doc[post.start].text not in _DASHES:
            return False
        s = post.start + 1
        e = s
        while e < post.stop and e - s < 8 and not self.breaks(doc[e]):
            e += 1
        if e == s or not doc[s].text[:1].isupper():
            return False
        self.set_speaker(q, self.np_head((s, e)), (s, e), "byline")
        return True

    def by_tree(self, q: _Quote) -> bool:
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

    def by_window(self, q: _Quote, pre: range, post: range, prev: _Quote | None) -> bool:
        """The nearest cue verb with a subject before or after the quote in its sentence."""
        doc = self.doc
        content = self.text[q.pair.start : q.pair.end].rstrip()
        ends_sentence = bool(content) and content[-1] in _SENT_END
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

    def by_lead_in(self, q: _Quote) -> bool:
        """A quotation standing as its own sentence, announced by the sentence before it.

        "Yoon spoke without notes. “…”" (a cue verb), "The Tajik president was firm. “…”" (a
        copula with a stance adjective), "X did not mince words. “…”" / "X had a message for
        investors: “…”" (a speech noun as object): that sentence's subject is the speaker.
        Across a paragraph break a cue verb counts only before a colon ("X said so." may close
        a topic). Failing that, "“…” Those were X's words." names the speaker after it.
        """
        doc, text = self.doc, self.text
        if not (self.has_dep and self.has_sents) or not q.pair.closed:
            return False
        p_start, p_end = self.paras[q.para]
        after = text[q.pair.close + 1 : p_end].lstrip()
        content = text[q.pair.start : q.pair.end].rstrip()
        if not content or (after and not (after[0].isupper() or after[0] in _SENT_END)):
            return False
        if content[-1] not in _SENT_END and (not after or after[0] not in _SENT_END):
            return False
        before = text[p_start : q.pair.open].rstrip()
        same_paragraph = bool(before)
        last = p_start + len(before) - 1
        if not same_paragraph and q.para > 0:
            prev_start, prev_end = self.paras[q.para - 1]
            before = text[prev_start:prev_end].rstrip()
            last = prev_start + len(before) - 1
        if before and text[last] in ".!?:":
            end = self.tok_at(last)
            lo = doc[end].sent.start
            colon = text[last] == ":"
            found = self.announcer(lo, end, allow_cue=same_paragraph or colon)
            if found is not None:
                cue, span, head = found
                q.cue = cue
                self.set_speaker(q, head, span, "lead_in")
                return True
        return bool(after) and self.by_follow_up(q)

    def local_root(self, lo: int, hi: int) -> Token | None:
        """Return the head of the clause spanning tokens ``lo``-``hi`` (exclusive), or None."""
        for t in range(lo, hi):
            tok = self.doc[t]
            if tok.is_punct or self.in_quote[t]:
                continue
            if tok.head.i == t or not lo <= tok.head.i < hi:
                return tok
        return None

    def announcer(
        self, lo: int, hi: int, allow_cue: bool
    ) -> tuple[tuple[int, int], tuple[int, int], int] | None:
        """Return (cue, speaker span, speaker head) when tokens ``lo``-``hi`` announce a speaker."""
        root = self.local_root(lo, hi)
        if root is None:
            return None
        cue: tuple[int, int] | None = None
        if allow_cue and root.i in self.verb_cue:
            cue = self.verb_cue[root.i]
        for child in root.children:
            if cue is not None or not lo <= child.i < hi:
                continue
            if child.dep_ == "acomp" and child.lower_ in self.c.stance_adjectives:
                cue = (child.i, child.i + 1)  # "X was blunt."
            elif child.dep_ == "dobj" and child.lower_ in self.c.speech_nouns:
                cue = (child.i, child.i + 1)  # "X did not mince words.", "X had a message:"
        if cue is None:
            return None
        for child in root.children:
            if child.dep_ not in _SUBJECT_DEPS or self.in_quote[child.i] or child.i < lo:
                continue
            if child.lower_ in self.c.speech_nouns:
                owner = self.owner_of(child, lo, root.i)  # "Tokayev's tone was sharp."
                return None if owner is None else (cue, owner, owner[1] - 1)
            if child.lower_ in _PRONOUNS or self.person_like(child):
                return (cue, self.np_span(child), child.i)
            return None
        return None

    def by_follow_up(self, q: _Quote) -> bool:
        """“…” Those were X's words. / “…” That was X's answer to the critics."""
        doc = self.doc
        nxt = q.c_tok + 1
        while nxt < len(doc) and (doc[nxt].is_punct or doc[nxt].is_space):
            nxt += 1
        if nxt >= len(doc) or self.in_quote[nxt] or self.para_of(doc[nxt].idx) != q.para:
            return False
        sent = doc[nxt].sent
        root = self.local_root(nxt, sent.end)
        if root is None or root.lemma_ != "be":
            return False
        subj = [c for c in root.children if c.dep_ in _SUBJECT_DEPS]
        demonstrative = ("this", "that", "these", "those")
        if not subj or not (
            subj[0].lower_ in demonstrative
            or any(c.dep_ == "det" and c.lower_ in demonstrative for c in subj[0].children)
        ):
            return False
        for child in root.children:
            if child.dep_ == "attr" and child.lower_ in self.c.speech_nouns:
                owner = self.owner_of(child, nxt, sent.end)
                if owner is not None:
                    q.cue = (child.i, child.i + 1)
                    self.set_speaker(q, owner[1] - 1, owner, "follow_up")
                    return True
        return False

    def sentence_between(self, q: _Quote, cue: tuple[int, int]) -> bool:
        """True when a sentence ends between the quote and the cue (outside quotations).

        "“A?” asked Holmes. “B.”": the cue belongs to A's sentence, not to B.
        """
        gap = range(cue[1], q.o_tok) if cue[1] <= q.o_tok else range(q.c_tok + 1, cue[0])
        return any(self.doc[t].text in _SENT_END and not self.in_quote[t] for t in gap)

    def by_possessive(self, q: _Quote, pre: range) -> bool:
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
            if tok.lower_ in self.c.speech_nouns and not self.in_quote[n]:
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
            if tok.lower_ in ("his", "her"):
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
        if self.has_dep and owner.lower_ in self.c.role_nouns:
            start = max(floor, owner.left_edge.i)  # "The Uzbek leader's"
        else:
            start = self.name_start(owner.i, floor)  # "Shavkat Mirziyoyev's"
        return (start, end)

    def by_colon(self, q: _Quote, pre: range) -> bool:
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

    def shares_cue(self, q: _Quote, prev: _Quote | None) -> bool:
        """True when ``q`` takes the cue standing between it and the previous quotation."""
        if prev is None or q.cue is None or q.cue != prev.cue:
            return False
        return prev.c_tok < q.cue[0] < q.o_tok

    def gap_words(self, prev: _Quote, q: _Quote) -> int:
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

    def inherit(self, q: _Quote, prev: _Quote, same_paragraph: bool = True) -> None:
        """A quotation with no cue of its own continues the previous one in the paragraph."""
        if (same_paragraph and prev.para != q.para) or prev.speaker is None:
            return
        if same_paragraph and self.gap_words(prev, q) > 4:
            return  # narration stands between the two: no reason to think the speaker is the same
        q.speaker, q.speaker_head, q.cue = prev.speaker, prev.speaker_head, prev.cue
        q.info = dict(prev.info)
        q.attribution = "continuation"

    # ------------------------------------------------------------------ syntax helpers
    def subject(self, verb: Token, q: _Quote) -> int | None:
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
                if child.dep_ in _SUBJECT_DEPS and not self.in_quote[child.i]:
                    if child.lower_ in _RELATIVE and tok.dep_ == "relcl":
                        return tok.head.i
                    if child.lower_ in _NON_SPEAKERS:
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
        if verb.lower_ not in self.c.source_forms:
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
        if self.leaders_over(tok.idx, tok.idx + len(tok)) or tok.lower_ in self.c.role_nouns:
            return True
        if tok.ent_type_:
            return tok.ent_type_ == "PERSON"
        # An untyped proper noun after an article is a thing ("the UN Charter"), not a person.
        return tok.pos_ == "PROPN" and not any(c.dep_ == "det" for c in tok.children)

    def inverted_subject(self, verb: Token, q: _Quote) -> int | None:
        """“…,” asked the driver: the parser often reads the inverted subject as an object."""
        if verb.i <= q.c_tok or any(not self.doc[t].is_punct for t in range(q.c_tok + 1, verb.i)):
            return None
        if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
            return None
        for child in verb.rights:
            if child.dep_ in ("dobj", "attr", "npadvmod", "appos") and not self.in_quote[child.i]:
                return child.i
        return None

    def flat_subject(self, cue: tuple[int, int], q: _Quote) -> int | None:
        """Without a parser: a pronoun or capitalised name right after or before the cue."""
        doc = self.doc
        after = cue[1]
        if after < len(doc) and not self.in_quote[after]:
            tok = doc[after]
            if tok.lower_ in _PRONOUNS or tok.is_title:
                end = after
                while end + 1 < len(doc) and doc[end + 1].is_title and not self.in_quote[end + 1]:
                    end += 1
                return end
        before = cue[0] - 1
        if before >= 0 and not self.in_quote[before]:
            tok = doc[before]
            if tok.lower_ in _PRONOUNS or tok.is_title:
                return before
        return None

    def np_span(self, head: Token) -> tuple[int, int]:
        """Return the token range of the noun phrase headed by ``head`` (no relative clauses)."""
        if not self.has_dep or head.lower_ in _PRONOUNS or head.pos_ == "PRON":
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

    # ------------------------------------------------------------------ speaker resolution
    def leaders_over(self, start: int, end: int) -> list[_Leader]:
        """Return the leader mentions overlapping characters ``start``-``end``."""
        return [m for m in self.leaders if m.start < end and start < m.end]

    def resolve(self, q: _Quote) -> dict[str, Any]:
        """Return the speaker fields of the record for ``q``."""
        doc = self.doc
        out: dict[str, Any] = {
            "speaker": None,
            "speaker_kb_id": None,
            "speaker_text": None,
            "speaker_start": None,
            "speaker_end": None,
        }
        if q.speaker is None or q.speaker_head is None:
            return out
        s, e = q.speaker
        if e <= s or self.in_quote[q.speaker_head]:
            return out
        head = doc[q.speaker_head]
        span = doc[s:e]
        out.update(speaker_start=span.start_char, speaker_end=span.end_char, speaker_text=span.text)
        out["speaker"] = span.text
        people: dict[str, dict[str, Any]] = doc._.summit_leaders or {}
        found = self.leaders_over(head.idx, head.idx + len(head)) or self.leaders_over(
            span.start_char, span.end_char
        )
        if found:
            kb = found[0].kb_id
            same = sorted(
                (m for m in self.leaders_over(span.start_char, span.end_char) if m.kb_id == kb),
                key=lambda m: _NAME_PRIORITY.get(m.label, 9),
            )
            best = same[0] if same else found[0]
            self._set_leader(out, kb, best, people)
            if head.lower_ in _PRONOUNS and q.attribution not in ("split", "continuation"):
                q.attribution = "pronoun" if q.attribution != "in_words" else q.attribution
            return out
        if head.lower_ in _PRONOUNS:
            self.resolve_pronoun(q, head, out, people)
            return out
        if head.lower_ in _OTHER_PRONOUNS or head.lower_ in _NON_SPEAKERS:
            out["speaker"] = None
            return out
        if head.lower_ in self.c.role_nouns and not any(t.is_title for t in span if t.i != head.i):
            leader = self.fitting_leader(head, people)
            if leader is not None:
                self._set_leader(out, leader.kb_id, self.naming(leader, head.idx), people)
                return out
        name = self.name_in(span, head)
        if name is None and span[0].lower_ in _INDEFINITE:
            # "a senior Gulf official": an unnamed source is no speaker
            out.update(speaker=None, speaker_text=None, speaker_start=None, speaker_end=None)
            return out
        if name is not None:
            out.update(
                speaker_start=name.start_char, speaker_end=name.end_char, speaker_text=name.text
            )
            out["speaker"] = self.full_name(name)
            self.named.append(({t.lower_ for t in span}, out["speaker"]))
        elif head.lower_ in self.c.title_words and span[0].lower_ == "the":
            # "The minister added": the non-leader last quoted with that title
            for words, who in reversed(self.named):
                if head.lower_ in words:
                    out["speaker"] = who
                    break
        return out

    def is_name_word(self, tok: Token) -> bool:
        """A capitalised word that is not a title (Murat, not Minister or Ms)."""
        if not tok.is_title or tok.lower_ in self.c.title_words or self.in_quote[tok.i]:
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

    def name_in(self, span: Span, head: Token) -> Span | None:
        """Return the person's name inside the speaker phrase, without titles."""
        ent = self.person_in(span, head)
        if ent is not None:
            s, e = ent.start, ent.end
        elif self.is_name_word(head):
            s, e = head.i, head.i + 1
        elif head.lower_ in self.c.title_words:
            # "Minister of Foreign Affairs Murat Nurtleu": the name closes the title phrase.
            # The name follows the title; a country is not a person's name ("the Kazakh
            # leader", "the leader of Tajikistan").
            names = [
                t.i
                for t in span
                if t.i > head.i
                and self.is_name_word(t)
                and t.ent_type_ not in ("GPE", "NORP", "LOC")
            ]
            if not names:
                return None
            s, e = names[-1], names[-1] + 1
        else:
            return None
        while s < e and not self.is_name_word(self.doc[s]):
            s += 1  # "Ms Mammedova" → "Mammedova"
        s = self.name_start(s, span.start)  # the tagger often stops short of a first name
        return self.doc[s:e] if s < e else None

    def person_in(self, span: Span, head: Token) -> Span | None:
        """Return the PERSON entity inside the speaker phrase (the one with its head first)."""
        found = [p for p in self.people if p.start < span.end and span.start < p.end]
        with_head = [p for p in found if p.start <= head.i < p.end]
        if with_head:
            return with_head[0]
        return found[0] if found else None

    def _set_leader(
        self, out: dict[str, Any], kb: str, m: _Leader, people: dict[str, dict[str, Any]]
    ) -> None:
        out["speaker_kb_id"] = kb
        out["speaker"] = people.get(kb, {}).get("name") or self.text[m.start : m.end]
        out.update(
            speaker_start=m.start, speaker_end=m.end, speaker_text=self.text[m.start : m.end]
        )

    def resolve_pronoun(
        self, q: _Quote, head: Token, out: dict[str, Any], people: dict[str, dict[str, Any]]
    ) -> None:
        """he/she/his → the most recent leader (or person) mentioned outside quotations."""
        leader = None
        for m in reversed(self.leaders):
            if (
                m.end <= head.idx
                and m.label != "pronoun"
                and not self.in_quote[self.tok_at(m.start)]
            ):
                leader = m
                break
        person = None
        for ent in reversed(self.people):
            if ent.end_char <= head.idx and not self.in_quote[ent.start]:
                person = ent
                break
        if q.attribution not in ("split", "in_words", "continuation"):
            q.attribution = "pronoun"
        if leader is not None and (person is None or person.start_char <= leader.end):
            self._set_leader(out, leader.kb_id, self.naming(leader, head.idx), people)
            if LEADERS_GROUP in self.doc.spans:
                span = self.doc[head.i : head.i + 1]
                self.new_leader_spans.append(
                    Span(self.doc, span.start, span.end, label="pronoun", kb_id=leader.kb_id)
                )
        elif person is not None:
            out["speaker"] = person.text
        else:
            out["speaker"] = None

    def naming(self, leader: _Leader, before: int) -> _Leader:
        """Return the latest name or surname mention of ``leader``'s person before ``before``.

        A pronoun's or bare role's speaker mention is the nearest earlier naming span (as the
        gold does); the role mention itself when the text never names the person.
        """
        for m in reversed(self.leaders):
            names = m.kb_id == leader.kb_id and m.label in ("name", "surname")
            if names and m.end <= before and not self.in_quote[self.tok_at(m.start)]:
                return m
        return leader

    def fitting_leader(self, head: Token, people: dict[str, dict[str, Any]]) -> _Leader | None:
        """Resolve "the president": the most recent leader whose office fits the role noun."""
        role = head.lower_
        for m in reversed(self.leaders):
            if m.end > head.idx:
                continue
            office = (people.get(m.kb_id, {}).get("office") or "").lower()
            if role in office or role in ("leader", "head") or not office:
                return m
            # "the crown prince": the title the text itself gave this leader
            said = {
                w.lower()
                for x in self.leaders
                if x.kb_id == m.kb_id
                for w in self.text[x.start : x.end].split()
            }
            if role in said:
                return m
        return None

    def full_name(self, name: Span) -> str:
        """Return the fullest earlier mention of the same person (Qin → Qin Gang).

        An earlier PERSON entity with the same word anywhere (family names come first in
        Chinese names), or an earlier run of capitalised words ending with it.
        """
        doc, last, best = self.doc, name[-1].text, name.text
        for other in self.people:
            if other.start >= name.start:
                break
            if any(t.text == last for t in other) and len(other.text) > len(best):
                best = other.text
        word = re.compile(rf"(?<!\w){re.escape(last)}(?!\w)")
        for match in word.finditer(self.text, 0, name.start_char):
            i = self.tok_at(match.start())
            if doc[i].idx != match.start() or doc[i].text != last:
                continue
            s = self.name_start(i, 0)
            candidate = doc[s : i + 1].text
            if len(candidate) > len(best) and len(candidate.split()) <= 4:
                best = candidate
        return best

    # ------------------------------------------------------------------ output
    def emit(self, items: Iterable[_Quote]) -> tuple[list[Span], list[Span]]:
        """Return the quote and quoted-name spans with their plain-value dicts."""
        doc = self.doc
        quotes: list[Span] = []
        names: list[Span] = []
        for q in items:
            if q.label == "SKIP":
                continue
            start, end = q.pair.start, q.pair.end
            text = self.text[start:end]
            lead = len(text) - len(text.lstrip())
            tail = len(text.rstrip())
            span = doc.char_span(start + lead, start + tail, alignment_mode="expand")
            if span is None or not len(span):
                continue
            if q.label in ("NAME", "SCARE"):
                names.append(Span(doc, span.start, span.end, label=q.label))
                names[-1]._.summit_quote = {"start": start, "end": end}
                continue
            record: dict[str, Any] = {"start": start, "end": end, **self.resolve(q)}
            cue = q.cue
            if cue is not None:
                cue_span = doc[cue[0] : cue[1]]
                record.update(
                    cue=cue_span.text, cue_start=cue_span.start_char, cue_end=cue_span.end_char
                )
            else:
                record.update(cue=None, cue_start=None, cue_end=None)
            record["attribution"] = q.attribution
            out = Span(
                doc, span.start, span.end, label="QUOTE", kb_id=record["speaker_kb_id"] or ""
            )
            out._.summit_quote = record
            quotes.append(out)
        if self.new_leader_spans:
            doc.spans[LEADERS_GROUP] = list(doc.spans[LEADERS_GROUP]) + self.new_leader_spans
        return quotes, names


@Language.factory(
    "summit_quotes",
    assigns=["doc.spans", "span._.summit_quote"],
    requires=["token.dep", "token.pos"],
    default_config={
        "cues_file": "quote_cues.jsonl",
        "max_fragment_words": 3,
        "max_modifier_words": 5,
        "max_name_words": 8,
        "min_sentence_words": 4,
        "post_window": 12,
    },
)
def make_quotes(
    nlp: Language,
    name: str,
    cues_file: str,
    max_fragment_words: int,
    max_modifier_words: int,
    max_name_words: int,
    min_sentence_words: int,
    post_window: int,
) -> SummitQuotes:
    """Return the summit_quotes component (works without a parser, with fewer attributions)."""
    return SummitQuotes(
        nlp,
        name,
        cues_file=cues_file,
        max_fragment_words=max_fragment_words,
        max_modifier_words=max_modifier_words,
        max_name_words=max_name_words,
        min_sentence_words=min_sentence_words,
        post_window=post_window,
    )
