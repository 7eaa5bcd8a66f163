"""Quotes on the corpus gold: summit_quotes (full pipeline) next to textacy's direct_quotations.

    .venv/bin/python benchmarks/textacy_compare.py [--raw corpus/raw] [--gold corpus/gold]

Both systems read the same parsed Doc. textacy 0.13.0 is the optional ``compare`` extra
(``pip install textacy==0.13.0``); it raises ValueError on a text with an odd number of
quotation marks, and such a text counts as one with no textacy quotes.

Scores, over all gold files with a raw text:
- quote span P/R/F1, exact (the characters between the marks, stripped of spaces) and overlap;
- speaker accuracy on matched quotes, two ways: by mention (the predicted speaker mention
  overlaps the gold speaker mention or any gold mention of that leader; both systems) and by name
  (the canonical name equals the gold speaker; ours only, textacy has no names);
- quotes + speaker F1 (a quote counts when its span matches and its speaker is right).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from models.gold import GoldDocument, GoldQuote
from pipeline.extensions import QUOTES_GROUP
from pipeline.nlp import DEFAULT_MODEL, build_nlp

ROOT = Path(__file__).resolve().parent.parent
MARKS = "“”\"'‘’«»„‹›"


@dataclass
class Pred:
    start: int
    end: int
    speaker: str | None
    mention: tuple[int, int] | None


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    exact: int = 0
    overlap: int = 0
    by_mention: int = 0
    by_name: int = 0
    failed: int = 0

    def f1(self, hits: int) -> float:
        """Return F1 for ``hits`` matches against this tally's gold and predicted counts."""
        p = hits / self.pred if self.pred else 0.0
        r = hits / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def ours(doc: Doc) -> list[Pred]:
    """Our quotes with the canonical speaker and the speaker mention."""
    people: dict[str, dict[str, Any]] = doc._.summit_leaders or {}
    out = []
    for span in doc.spans[QUOTES_GROUP]:
        q = span._.summit_quote
        kb = q["speaker_kb_id"]
        name = people[kb]["name"] if kb in people else q["speaker"]
        mention = None if q["speaker_start"] is None else (q["speaker_start"], q["speaker_end"])
        out.append(Pred(q["start"], q["end"], name, mention))
    return out


def textacy_preds(doc: Doc) -> list[Pred]:
    """textacy's quotes, content reduced to the characters between the marks."""
    from textacy.extract.triples import direct_quotations  # optional `compare` extra

    out = []
    for triple in direct_quotations(doc):
        start, end = triple.content.start_char, triple.content.end_char
        while start < end and doc.text[start] in MARKS:
            start += 1
        while end > start and doc.text[end - 1] in MARKS:
            end -= 1
        mention = None
        if triple.speaker:
            mention = (triple.speaker[0].idx, triple.speaker[-1].idx + len(triple.speaker[-1]))
        text = None if mention is None else doc.text[mention[0] : mention[1]]
        out.append(Pred(start, end, text, mention))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _mentions(gold: GoldDocument, quote: GoldQuote) -> list[tuple[int, int]]:
    spans = [(m.start, m.end) for p in gold.leaders if p.name == quote.speaker for m in p.mentions]
    if quote.speaker_mention is not None:
        spans.append((quote.speaker_mention.start, quote.speaker_mention.end))
    return spans


def score(gold: GoldDocument, text: str, preds: list[Pred], t: Tally) -> None:
    """Add one document's counts to ``t`` (one-to-one, gold order)."""
    t.gold += len(gold.quotes)
    t.pred += len(preds)
    used: set[int] = set()
    for g in gold.quotes:
        for k, p in enumerate(preds):
            if k in used or not _overlaps((g.start, g.end), (p.start, p.end)):
                continue
            used.add(k)
            t.overlap += 1
            t.exact += text[g.start : g.end].strip() == text[p.start : p.end].strip()
            if g.speaker is None and g.speaker_mention is None:
                t.by_mention += p.mention is None  # an unnamed source: no speaker is right
            else:
                t.by_mention += p.mention is not None and any(
                    _overlaps(p.mention, m) for m in _mentions(gold, g)
                )
            t.by_name += p.speaker == g.speaker
            break


def main(argv: list[str] | None = None) -> int:
    """Print the comparison table; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=ROOT / "corpus" / "raw")
    parser.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args(argv)
    try:
        import textacy  # noqa: F401

        with_textacy = True
    except ImportError:
        print("textacy not installed (pip install textacy==0.13.0): ours only", file=sys.stderr)
        with_textacy = False
    golds = sorted(args.gold.glob("*.json"))
    if not golds:
        print(f"no gold files under {args.gold}", file=sys.stderr)
        return 2
    nlp = build_nlp(args.model)
    tallies = {"summit_quotes": Tally()}
    if with_textacy:
        tallies["textacy direct_quotations"] = Tally()
    n_docs = 0
    for path in golds:
        gold = GoldDocument.model_validate_json(path.read_text(encoding="utf-8"))
        raw = args.raw / f"{gold.doc_id}.txt"
        if not raw.exists():
            continue
        n_docs += 1
        text = raw.read_text(encoding="utf-8")
        doc = nlp(text)
        score(gold, text, ours(doc), tallies["summit_quotes"])
        if with_textacy:
            t = tallies["textacy direct_quotations"]
            try:
                preds = textacy_preds(doc)
            except ValueError:
                preds, t.failed = [], t.failed + 1
            score(gold, text, preds, t)
    print(f"Corpus gold: {n_docs} documents, {tallies['summit_quotes'].gold} quotes\n")
    print(
        "| system | span F1 exact | span F1 overlap | speaker acc. (mention) "
        "| speaker acc. (name) | quotes+speaker F1 | texts failed |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, t in tallies.items():
        m = t.overlap or 1
        has_names = name == "summit_quotes"
        by_name = f"{t.by_name / m:.3f}" if has_names else "n/a"
        e2e = t.f1(t.by_name if has_names else t.by_mention)
        print(
            f"| {name} | {t.f1(t.exact):.3f} | {t.f1(t.overlap):.3f} | {t.by_mention / m:.3f} "
            f"| {by_name} | {e2e:.3f} | {t.failed} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
