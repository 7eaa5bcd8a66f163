"""What a figure is about: the counted noun after it, and its metric, period and subject.

Reads the parse (POS, dependencies), the sentence bounds and the place entities of the Doc.
Decides the span end of a count ("78 units", "8 UN resolutions") and the best-effort context
fields ``metric`` (the governing noun phrase), ``period`` (the nearest year expression of the
clause) and ``subject`` (the nearest place entity of the sentence).

Every lookup goes through :class:`FigureIndex`, built once per Doc: sentences come from the
shared :class:`~pipeline.components.common.docindex.DocIndex` (sliced, never re-joined), and what
is read per sentence (clause breaks, year expressions, places) is computed once per sentence,
so a sentence holding thousands of figures costs linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

from pipeline.components.common.docindex import DocIndex

from .lexicon import Lexicon

YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_PERIOD_PATTERNS = [
    rf"\bfrom\s+{YEAR}\s+(?:to|till|until|through)\s+{YEAR}\b",
    rf"\bbetween\s+{YEAR}\s+and\s+{YEAR}\b",
    rf"\b{YEAR}\s*[-–—/]\s*{YEAR}\b",
    rf"\bsince\s+{YEAR}\b",
    rf"\b(?:in|by|for|during|until|till|through|as\s+of|at\s+the\s+end\s+of|in\s+early|in\s+late)"
    rf"\s+{YEAR}(?:\s*[-–—/]\s*{YEAR})?\b",
]
_PERIOD_RE = re.compile("|".join(f"(?:{p})" for p in _PERIOD_PATTERNS), re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]|\s[–—]\s")
NOUN_POS = frozenset({"NOUN", "PROPN"})
_NP_INNER_POS = frozenset({"ADJ", "NOUN", "PROPN"})
_MAX_COUNTED_NOUN = 6
DIRECTIONAL = frozenset({"to", "by", "from"})
_MAX_METRIC_TOKENS = 10
_PLACE_LABELS = ("GPE", "LOC", "NORP")


class FigureIndex:
    """Sentences, places and per-sentence context of one Doc, each computed once."""

    def __init__(self, doc: Doc) -> None:
        """Index ``doc`` (linear in its length)."""
        self.doc = doc
        self.base = DocIndex(doc)
        self.text = self.base.text
        self.places = [e for e in doc.ents if e.label_ in _PLACE_LABELS]
        self._place_starts = [e.start for e in self.places]
        self._breaks: dict[int, tuple[list[int], list[int]]] = {}
        self._periods: dict[tuple[int, int, int], list[tuple[int, int, str]]] = {}
        #: per sentence (its first token): what its words say a bare amount counts (units.py)
        self.context_kind: dict[int, str | None] = {}
        #: per (sentence, cue word): whether the sentence names the cue (currency cues, units.py)
        self.cue_found: dict[tuple[int, str], bool] = {}

    def bounds(self, char: int) -> tuple[int, int]:
        """Return the token bounds ``(start, end)`` of the sentence holding character ``char``."""
        if not len(self.doc):
            return 0, 0
        i = self.base.token_at(char)
        return self.base.sent_start[i], self.base.sent_end[i]

    def sent_at(self, char: int) -> Span:
        """Return the sentence holding character ``char``."""
        start, end = self.bounds(char)
        return self.doc[start:end]

    def sentence_text(self, char: int) -> tuple[int, str]:
        """Return (start character, text) of the sentence holding ``char``, sliced once."""
        if not len(self.doc):
            return 0, ""
        i = self.base.token_at(char)
        return self.doc[self.base.sent_start[i]].idx, self.base.sentence_text(i)

    def places_in(self, start: int, end: int) -> list[Span]:
        """Return the place entities inside the tokens ``start``..``end``."""
        i = bisect_left(self._place_starts, start)
        out = []
        while i < len(self.places) and self.places[i].start < end:
            if self.places[i].end <= end:
                out.append(self.places[i])
            i += 1
        return out

    def period_near(self, span: Span) -> str | None:
        """Return the year expression in the figure's clause nearest to ``span``, or None."""
        base, s_text = self.sentence_text(span.start_char)
        first = self.bounds(span.start_char)[0]
        fs, fe = span.start_char - base, span.end_char - base
        lo, hi = self._clause(first, s_text, fs, fe)
        periods = self._periods_in(first, s_text, lo, hi)
        starts = [p[0] for p in periods]
        # periods are ordered and disjoint: the nearest before the figure is the last that ends
        # at or before it, the nearest after the first that starts at or after its end;
        # those overlapping the figure are skipped
        before_i = bisect_right([p[1] for p in periods], fs) - 1
        after_i = bisect_left(starts, fe)
        best: tuple[int, str] | None = None
        for j in (before_i, after_i):
            if 0 <= j < len(periods):
                p_start, p_end, p_text = periods[j]
                if p_start < fe and p_end > fs:
                    continue
                dist = min(abs(p_start - fs), abs(p_end - fe))
                if best is None or dist < best[0]:
                    best = (dist, p_text)
        if best is None:
            return None
        return re.sub(r"^(?:in|for|during)\s+(?=from|between)", "", best[1], flags=re.IGNORECASE)

    def _clause(self, first: int, s_text: str, fs: int, fe: int) -> tuple[int, int]:
        """Return the clause of the sentence (between ";" / ":" / dash breaks) holding fs..fe."""
        if first not in self._breaks:
            found = list(_CLAUSE_BREAK.finditer(s_text))
            self._breaks[first] = ([b.start() for b in found], [b.end() for b in found])
        starts, ends = self._breaks[first]
        before = bisect_right(ends, fs) - 1
        after = bisect_left(starts, fe)
        lo = ends[before] if before >= 0 else 0
        hi = starts[after] if after < len(starts) else len(s_text)
        return lo, hi

    def _periods_in(self, first: int, s_text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """Return the year expressions of the sentence's clause ``lo``..``hi`` (cached)."""
        key = (first, lo, hi)
        if key not in self._periods:
            self._periods[key] = [
                (p.start(), p.end(), p.group(0)) for p in _PERIOD_RE.finditer(s_text, lo, hi)
            ]
        return self._periods[key]


def token_at_or_after(doc: Doc, char: int) -> Token | None:
    """Return the token holding character ``char``, else the first token after it, else None.

    A binary search over token offsets: ``Doc.char_span`` finds no token on a blank, and
    scanning the tokens from there made a sentence of many counts quadratic.
    """
    n = len(doc)
    if not n or char >= doc[-1].idx + len(doc[-1]):
        return None
    lo, hi = 0, n  # lo ends as the first token that starts after ``char``
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx <= char:
            lo = mid + 1
        else:
            hi = mid
    if lo > 0 and char < doc[lo - 1].idx + len(doc[lo - 1]):
        return doc[lo - 1]
    return doc[lo] if lo < n else None


def counted_noun_end(doc: Doc, end: int, lex: Lexicon) -> int | None:
    """Return the end of the noun phrase right after ``end`` ("UN resolutions"), or None."""
    tok = token_at_or_after(doc, end)
    if tok is not None and tok.idx < end:  # the match ends inside a token ("3–4")
        tok = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok is None:
        return None
    last: Token | None = None
    inner = False  # the previous token belongs to the noun phrase
    for t in doc[tok.i : tok.i + _MAX_COUNTED_NOUN]:
        # "high-tech projects", "intergovernmental and interagency documents"
        joiner = inner and (
            (t.text == "-" and not t.whitespace_)
            or (t.pos_ == "CCONJ" and (last is None or _coordinated_plural(doc, t)))
        )
        if t.pos_ not in _NP_INNER_POS and not joiner:
            break
        if t.pos_ == "ADJ" and last is not None:
            break  # "58 documents worth USD 3.2 bln": an adjective after the noun starts a new
            # phrase (the noun phrase's modifiers come before its head)
        if t.pos_ == "PROPN" and last is not None and last.pos_ == "NOUN":
            break  # "2 presidents Tokayev and ...": the name is not part of what is counted
        inner = True
        if t.lower_ in lex.time_words or t.lower_ in lex.months:
            return None
        if t.pos_ in NOUN_POS:
            last = t
        glued = t.whitespace_ == "" and t.i + 1 < len(doc)
        if glued and doc[t.i + 1].is_punct and doc[t.i + 1].text != "-":
            break
    if last is None:
        return None
    return last.idx + len(last.text)


def _coordinated_plural(doc: Doc, conj: Token) -> bool:
    """Return True for "12 decisions and orders": two bare plural nouns joined by ``conj``
    are one counted thing (corpus DECISIONS 503); "300 agreements and Tokayev" is not."""
    prev = doc[conj.i - 1]
    nxt = doc[conj.i + 1] if conj.i + 1 < len(doc) else None
    return (
        prev.tag_ == "NNS"
        and nxt is not None
        and nxt.tag_ == "NNS"
        and conj.lower_ in ("and", "or")
    )


def add_context(
    span: Span, fig: dict[str, object], index: FigureIndex, covered: set[int], lex: Lexicon
) -> None:
    """Write ``metric``, ``period`` and ``subject`` of the figure ``span`` into ``fig``."""
    fig["metric"] = metric(span, covered, lex)
    fig["period"] = index.period_near(span)
    start, end = index.bounds(span.start_char)
    fig["subject"] = subject(span, index.places_in(start, end))


def metric(span: Span, covered: set[int], lex: Lexicon) -> str | None:
    """Return the noun phrase the figure measures, found by walking up the parse."""

    def usable(tok: Token) -> bool:
        """Return True for a noun that is no figure's token, no unit and no time word."""
        return (
            tok.pos_ in NOUN_POS
            and tok.i not in covered
            and tok.lower_ not in lex.suffix_units
            and tok.lower_ not in lex.time_words
        )

    def verb_argument(verb: Token) -> str | None:
        """Return the noun phrase of the verb's object or subject, or None."""
        for dep in ("dobj", "nsubjpass", "nsubj"):
            for child in verb.children:
                if child.dep_ == dep and usable(child):
                    return np_text(child, span)
        return None

    root = span.root
    node: Token = root
    if root.pos_ == "VERB":  # "tripled the number of bus flights", "tourism has doubled"
        found = verb_argument(root)
        if found is not None:
            return found
    for _ in range(4):
        head = node.head
        if head == node:
            break
        if head.i >= span.start and head.i < span.end:
            node = head
            continue
        directional = node.dep_ == "prep" and node.lower_ in DIRECTIONAL
        verb = None
        if directional and head.pos_ in NOUN_POS:  # the ancestors are walked only when needed
            verb = next((a for a in head.ancestors if a.pos_ == "VERB"), None)
        if verb is not None:
            # "increased the number of checkpoints to 78 units": "to 78 units" completes the
            # verb even when the parser hangs it on the noun before it
            node = head = verb
        if usable(head):
            return np_text(head, span)
        if head.pos_ in ("VERB", "AUX"):
            found = verb_argument(head)
            if found is not None:
                return found
        node = head
    return None


def np_text(head: Token, fig: Span) -> str:
    """Return a compact noun phrase around ``head``: modifiers + head + an "of" complement."""
    doc = head.doc
    left = head.i
    for child in head.lefts:
        if (
            child.dep_ in ("compound", "amod", "nmod", "poss")
            and not fig.start <= child.i < fig.end
        ):
            left = min(left, child.left_edge.i)
    right = head.i
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "between", "in"):
            sub = [t.i for t in child.subtree if not fig.start <= t.i < fig.end]
            if len(sub) <= 1:
                break  # "increase of 2.5 times": the complement is the figure itself
            stop = next(
                (t.i for t in child.subtree if t.is_punct or fig.start <= t.i < fig.end), None
            )
            last = max(sub) if sub else right
            if stop is not None and stop <= child.i + 1:
                break  # "adoption of 8 UN resolutions": the figure is the complement
            if stop is not None:
                last = min(last, stop - 1)
            right = max(right, last)
            break
    right = min(right, left + _MAX_METRIC_TOKENS - 1)
    while right > head.i and (doc[right].pos_ in ("ADP", "DET", "CCONJ") or doc[right].is_punct):
        right -= 1  # "number of checkpoints to [78 units]": drop the dangling preposition
    words = doc[left : right + 1]
    text = words.text
    if words[0].lower_ in ("the", "a", "an", "its", "their"):
        text = doc[left + 1 : right + 1].text
    return text


def subject(span: Span, ents: list[Span]) -> str | None:
    """Return the nearest place entity of the sentence (preferring one before the figure)."""
    before: Span | None = None
    after: Span | None = None
    for ent in ents:
        if ent.end <= span.start:
            before = ent
        elif ent.start >= span.end and after is None:
            after = ent
    chosen = before or after
    return chosen.text if chosen is not None else None
