"""The summit_quotes component: the factory, its settings, and the stages in order.

``SummitQuotes.__call__`` reads as the list of stages: pair the marks (``marks``), classify each
pair (``classify``), attribute the quotations (``attribution``, ``lead_in``), carry speakers over
paragraph segments, resolve each speaker mention to a leader (``speaker``) and write
``doc.spans["quotes"]`` / ``doc.spans["quoted_names"]``. Reads the text, the parse and
``doc.spans["leaders"]``; adds ``pronoun`` mentions to ``doc.spans["leaders"]`` when a pronoun
speaker resolves to a leader.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from pipeline.extensions import LEADERS_GROUP, QUOTED_NAMES_GROUP, QUOTES_GROUP
from pipeline.resources import parse_jsonl, read_text

from .classify import Classifier
from .docstate import QuoteItem
from .lead_in import LeadIn
from .lexicon import Lexicon, QuoteCue, build_matcher
from .marks import MarkPair, pair_marks
from .speaker import Speaker

_SETTINGS = (
    "max_fragment_words",
    "max_modifier_words",
    "max_name_words",
    "min_sentence_words",
    "post_window",
)


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
        """Load and compile the cue lexicon ``cues_file``; keep the settings."""
        self.nlp = nlp
        self.name = name
        self.cues_file = cues_file
        self.max_fragment_words = max_fragment_words
        self.max_modifier_words = max_modifier_words
        self.max_name_words = max_name_words
        self.min_sentence_words = min_sentence_words
        self.post_window = post_window
        self._cues_text = read_text(cues_file)
        self._build()

    def _build(self) -> None:
        """Validate the cue lexicon and compile its word sets and matcher."""
        cues = parse_jsonl(self._cues_text, QuoteCue, self.cues_file)
        self.lexicon = Lexicon.from_cues(cues)
        self.matcher = build_matcher(self.nlp, cues)

    # ------------------------------------------------------------------ entry point
    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["quotes"]`` and ``doc.spans["quoted_names"]``; return the doc."""
        pairs = pair_marks(doc.text)
        quotes: list[Span] = []
        names: list[Span] = []
        if pairs and len(doc):
            run = QuoteRun(self, doc)
            items = run.build(pairs)
            live = run.classify(items)
            run.attribute_all(items, live)
            run.share_over_paragraphs(live)
            quotes, names = run.emit(items)
        doc.spans[QUOTES_GROUP] = quotes
        doc.spans[QUOTED_NAMES_GROUP] = names
        return doc

    # ------------------------------------------------------------------ serialisation
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the cue lexicon (JSONL) and the settings (JSON) into directory ``path``."""
        directory = ensure_path(path)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "quote_cues.jsonl").write_text(self._cues_text, encoding="utf-8")
        cfg = {key: getattr(self, key) for key in _SETTINGS}
        (directory / "cfg.json").write_text(json.dumps(cfg, sort_keys=True), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SummitQuotes:
        """Load the lexicon and settings written by ``to_disk``; return self."""
        directory = ensure_path(path)
        self._cues_text = (directory / "quote_cues.jsonl").read_text(encoding="utf-8")
        cfg: dict[str, Any] = json.loads((directory / "cfg.json").read_text(encoding="utf-8"))
        for key in _SETTINGS:
            setattr(self, key, int(cfg[key]))
        self._build()
        return self


class QuoteRun(Classifier, LeadIn, Speaker):
    """One Doc's pass: the stages' methods over the per-document state."""

    def build(self, pairs: Sequence[MarkPair]) -> list[QuoteItem]:
        """Return one work item per mark pair, each knowing its enclosing pair."""
        items: list[QuoteItem] = []
        open_stack: list[int] = []  # indices of items enclosing the current pair
        for pair in pairs:
            while open_stack and items[open_stack[-1]].pair.close < pair.open:
                open_stack.pop()
            parent = open_stack[-1] if open_stack else None
            o_tok = self.tok_at(pair.open)
            # An unclosed segment ends at its paragraph's last token, not at a mark.
            c_tok = self.tok_at(pair.close) if pair.closed else self.tok_at(pair.close - 1) + 1
            items.append(QuoteItem(pair, o_tok, c_tok, parent, self.para_of(pair.open)))
            open_stack.append(len(items) - 1)
        return items

    def classify(self, items: list[QuoteItem]) -> list[QuoteItem]:
        """Label every pair QUOTE / NAME / SCARE / SKIP; mark the quotations' tokens; return them.

        Names first (no attribution needed), so that they do not bound attribution windows.
        """
        for q in items:
            if self.in_furniture(q):
                q.label = "SKIP"  # headlines of this page or of others, not speech
                continue
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
        return live

    def attribute_all(self, items: list[QuoteItem], live: list[QuoteItem]) -> None:
        """Attribute each quotation among its siblings, then settle its final label.

        A quotation that shares the cue standing between it and the previous one is a split
        quote; one with no cue continues the previous quotation of the paragraph, or takes the
        sentence announcing it.
        """
        siblings: dict[int | None, list[QuoteItem]] = {}
        for q in live:
            siblings.setdefault(q.parent, []).append(q)
        for group in siblings.values():
            for k, q in enumerate(group):
                prev = group[k - 1] if k > 0 else None
                nxt = group[k + 1] if k + 1 < len(group) else None
                parent = items[q.parent] if q.parent is not None else None
                self.attribute(q, prev, nxt, parent)
                if self.shares_cue(q, prev):  # “A,” he said, “B.”
                    self.set_speaker(q, q.speaker_head, q.speaker, "split")
                q.label = self.final_label(q)
                if q.label == "QUOTE" and q.attribution == "none" and prev is not None:
                    self.inherit(q, prev)
                if q.label == "QUOTE" and q.attribution == "none" and parent is None:
                    self.by_lead_in(q)

    def share_over_paragraphs(self, live: list[QuoteItem]) -> None:
        """Give every segment of a quotation running over paragraphs the speaker one has."""
        chains: dict[int, list[QuoteItem]] = {}
        for q in live:
            if q.pair.continued:
                chains.setdefault(q.pair.chain, []).append(q)
        for segments in chains.values():
            # The cue of a quotation over paragraphs may come with any of its segments.
            source = next((g for g in segments if g.speaker is not None), None)
            for g in segments:
                if source is not None and g.speaker is None:
                    self.inherit(g, source, same_paragraph=False)

    def emit(self, items: Iterable[QuoteItem]) -> tuple[list[Span], list[Span]]:
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
