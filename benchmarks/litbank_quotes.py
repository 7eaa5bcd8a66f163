"""LitBank quotations: quote-span P/R/F1 and speaker accuracy, ours next to textacy's.

    .venv/bin/python benchmarks/litbank_quotes.py [--limit N] [--data DIR] [--no-textacy]

LitBank (Sims & Bamman 2020; CC BY 4.0) is English fiction, not our genre: use it to check that
mark pairing and speaker linking hold up, not to tune for novels. Texts are tokenised, one
sentence per line, with no paragraph breaks; we join the lines with spaces, so a whole excerpt is
one paragraph for the pairing.

Scoring follows the dataset README (so the textacy numbers there are comparable):
- a predicted quote matches a gold one when they share at least one token (one-to-one, in text
  order); "exact" needs the same first and last token (marks included);
- the speaker is right when the predicted speaker mention overlaps any coreference MENTION of the
  gold speaker entity (so a correct pronoun counts);
- end-to-end: a matched quote with the right speaker.

Our component runs without the leaders component (fiction speakers are not leaders), so the
speaker is the mention as written or a pronoun. textacy's ``direct_quotations`` (optional
``compare`` extra: ``pip install textacy==0.13.0``) runs on the same parsed Doc; it raises on
files with an odd number of marks, which count as files with no predictions ("as-is").
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components import quotes as _quotes  # noqa: F401  (registers the factory)
from pipeline.extensions import QUOTES_GROUP
from pipeline.nlp import DEFAULT_MODEL, load_base_model

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "litbank_quotations"
MARKS = "“”\"'‘’«»„"


@dataclass
class GoldQuote:
    start: int
    end: int  # exclusive; marks included, as LitBank annotates
    entity: str


@dataclass
class LitDoc:
    """One LitBank excerpt: text, gold quotes and the coreference mentions of each entity."""

    name: str
    text: str
    quotes: list[GoldQuote]
    mentions: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


@dataclass
class Pred:
    start: int
    end: int
    speaker: tuple[int, int] | None


@dataclass
class Score:
    """Counts for one system over the files."""

    gold: int = 0
    pred: int = 0
    overlap: int = 0
    exact: int = 0
    speaker_right: int = 0
    speaker_named: int = 0  # matched quotes for which the system named any speaker
    failed_files: int = 0

    def prf(self, hits: int) -> tuple[float, float, float]:
        """Return precision, recall, F1 for ``hits`` matches."""
        p = hits / self.pred if self.pred else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _offsets(lines: list[list[str]]) -> tuple[str, dict[tuple[int, int], tuple[int, int]]]:
    """Join sentences with spaces; return the text and (sent, tok) -> (start, end) chars."""
    pieces: list[str] = []
    where: dict[tuple[int, int], tuple[int, int]] = {}
    pos = 0
    for s, toks in enumerate(lines):
        for t, tok in enumerate(toks):
            where[(s, t)] = (pos, pos + len(tok))
            pieces.append(tok)
            pos += len(tok) + 1
    return " ".join(pieces), where


def read_doc(data: Path, ann: Path) -> LitDoc:
    """Return one excerpt with its gold quotes and coreference mentions."""
    stem = ann.name[: -len(".ann")]
    raw = (data / "quotations" / f"{stem}.txt").read_text(encoding="utf-8")
    lines = [line.split(" ") if line else [] for line in raw.split("\n")]
    text, where = _offsets(lines)
    spans: dict[str, tuple[int, int]] = {}
    attrib: dict[str, str] = {}
    for line in ann.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if cols[0] == "QUOTE":
            s1, t1, s2, t2 = (int(x) for x in cols[2:6])
            spans[cols[1]] = (where[(s1, t1)][0], where[(s2, t2)][1])
        elif cols[0] == "ATTRIB":
            attrib[cols[1]] = cols[2]
    quotes = [GoldQuote(s, e, attrib.get(q, "")) for q, (s, e) in spans.items()]
    quotes.sort(key=lambda q: q.start)
    mentions: dict[str, list[tuple[int, int]]] = defaultdict(list)
    coref = data / "coref" / ann.name
    if coref.exists():
        boxes: dict[str, tuple[int, int]] = {}
        for line in coref.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if cols[0] == "MENTION":
                s1, t1, s2, t2 = (int(x) for x in cols[2:6])
                if (s1, t1) in where and (s2, t2) in where:
                    boxes[cols[1]] = (where[(s1, t1)][0], where[(s2, t2)][1])
            elif cols[0] == "COREF" and cols[1] in boxes:
                mentions[cols[2]].append(boxes[cols[1]])
    return LitDoc(stem, text, quotes, dict(mentions))


def ours(doc: Doc) -> list[Pred]:
    """Our quotes as mark-inclusive spans (LitBank's convention) with the speaker mention."""
    out = []
    for span in doc.spans[QUOTES_GROUP]:
        q = span._.summit_quote
        start, end = q["start"] - 1, q["end"]
        if end < len(doc.text) and doc.text[end] in MARKS:
            end += 1  # the closing mark (an unclosed paragraph segment has none)
        spk = None if q["speaker_start"] is None else (q["speaker_start"], q["speaker_end"])
        out.append(Pred(start, end, spk))
    return out


def textacy_quotes(doc: Doc) -> list[Pred]:
    """textacy's direct_quotations on the same Doc (raises ValueError on odd mark counts)."""
    from textacy.extract.triples import direct_quotations  # optional `compare` extra

    out = []
    for triple in direct_quotations(doc):
        content = triple.content
        spk = None
        if triple.speaker:
            spk = (triple.speaker[0].idx, triple.speaker[-1].idx + len(triple.speaker[-1]))
        out.append(Pred(content.start_char, content.end_char, spk))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(lit: LitDoc, preds: list[Pred], acc: Score) -> None:
    """Add one file's counts to ``acc`` (greedy one-to-one matching in text order)."""
    acc.gold += len(lit.quotes)
    acc.pred += len(preds)
    used: set[int] = set()
    for g in lit.quotes:
        for k, p in enumerate(preds):
            if k in used or not _overlaps((g.start, g.end), (p.start, p.end)):
                continue
            used.add(k)
            acc.overlap += 1
            gs, ps = lit.text[g.start : g.end].strip(), lit.text[p.start : p.end].strip()
            acc.exact += gs == ps
            ok = p.speaker is not None and any(
                _overlaps(p.speaker, m) for m in lit.mentions.get(g.entity, [])
            )
            acc.speaker_right += ok
            acc.speaker_named += p.speaker is not None
            break


def _row(name: str, s: Score) -> str:
    po, ro, fo = s.prf(s.overlap)
    pe, re_, fe = s.prf(s.exact)
    pp, rp, fp = s.prf(s.speaker_right)
    acc = s.speaker_right / s.overlap if s.overlap else 0.0
    named = s.speaker_right / s.speaker_named if s.speaker_named else 0.0
    return (
        f"| {name} | {po:.3f}/{ro:.3f}/{fo:.3f} | {pe:.3f}/{re_:.3f}/{fe:.3f} | "
        f"{acc:.3f} ({s.speaker_right}/{s.overlap}) | {named:.3f} ({s.speaker_named}) | "
        f"{pp:.3f}/{rp:.3f}/{fp:.3f} | {s.failed_files} |"
    )


def run(files: Iterable[Path], data: Path, nlp: Language, with_textacy: bool) -> dict[str, Score]:
    """Return the scores of our component (and textacy's) over ``files``.

    Each system is scored twice: on all files, and on the files with at least one gold quote
    (14 excerpts have quotation marks in the text but no QUOTE rows).
    """
    systems = ["summit_quotes"] + (["textacy direct_quotations"] if with_textacy else [])
    scores = {f"{s}{suffix}": Score() for s in systems for suffix in ("", " (annotated files)")}
    for ann in files:
        lit = read_doc(data, ann)
        doc = nlp(lit.text)
        for system in systems:
            if system == "summit_quotes":
                preds = ours(doc)
            else:
                try:
                    preds = textacy_quotes(doc)
                except ValueError:
                    preds = []
                    scores[system].failed_files += 1
                    if lit.quotes:
                        scores[f"{system} (annotated files)"].failed_files += 1
            score(lit, preds, scores[system])
            if lit.quotes:
                score(lit, preds, scores[f"{system} (annotated files)"])
    return scores


def main(argv: list[str] | None = None) -> int:
    """Print the benchmark table; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--no-textacy", action="store_true")
    args = parser.parse_args(argv)
    files = sorted((args.data / "quotations").glob("*.ann"))
    if not files:
        print(f"no LitBank .ann files under {args.data / 'quotations'}", file=sys.stderr)
        return 2
    if args.limit:
        files = files[: args.limit]
    with_textacy = not args.no_textacy
    if with_textacy:
        try:
            import textacy  # noqa: F401
        except ImportError:
            print(
                "textacy not installed (pip install textacy==0.13.0); README baseline: "
                "overlap F1 .393, speaker acc. .707 (as-is, 100 files)",
                file=sys.stderr,
            )
            with_textacy = False
    nlp = load_base_model(args.model)
    nlp.add_pipe("summit_quotes")  # no leaders: speakers stay as written
    t0 = time.perf_counter()
    scores = run(files, args.data, nlp, with_textacy)
    print(f"LitBank quotations, {len(files)} files, {time.perf_counter() - t0:.0f}s\n")
    print(
        "| system | quote P/R/F1 (overlap) | quote P/R/F1 (exact) | speaker acc. on matched "
        "| speaker acc. where named | end-to-end P/R/F1 | files failed |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, s in scores.items():
        print(_row(name, s))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
