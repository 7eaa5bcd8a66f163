"""Gold vs predicted scoring: ``summit evaluate``.

Gold is ``corpus/gold/<doc_id>.json`` (:class:`models.gold.GoldDocument`); predictions are an
output folder written by ``summit extract`` (the JSONL files of :mod:`models.records`).

Counting is done with spaCy's :class:`spacy.scorer.PRFScore` rather than with
``Scorer.score_spans`` over ``Example`` objects, for three reasons:

* gold and predicted offsets are character offsets that need not fall on token boundaries (a quote
  is "exactly the characters between the marks" and often starts with a space), so building
  ``Doc`` spans would have to snap them to tokens and would change what "exact span" means;
* the lenient (overlap) match and the combined scores (a true positive only when the span overlaps
  *and* an attribute is right) are one-to-one matchings that ``score_spans`` does not do;
* leaders are matched by canonical name per document, which is a set comparison, not spans.

So this module does the matching and ``PRFScore`` does the arithmetic (``score_set`` for the exact
set comparisons, ``tp``/``fp``/``fn`` counts for the matchings), which keeps P/R/F1 the same numbers
spaCy reports everywhere else.

Score names (keys of :data:`SCORE_NAMES`, accepted by ``--min-f1``)::

    leaders                  people per document, matched by canonical name
    leaders+country          ... and the country is right
    leaders.mentions         leader mentions, lenient (overlapping span)
    leaders.mentions.strict  leader mentions, exact span
    leaders.mentions+name    mention overlaps and is attributed to the right person
    quotes / quotes.strict   quotes, lenient / exact span
    quotes+speaker           quote overlaps and the speaker is right
    bodies / bodies.strict   bodies, lenient / exact span
    bodies+proposers         body overlaps and the proposer set is equal
    figures / figures.strict figures, lenient / exact span
    figures+value_unit       figure overlaps and value, value_max and unit are right

``<name>.lenient`` is accepted as an alias of the lenient names. Attribute accuracies (keys of
:data:`ATTRIBUTE_NAMES`) are computed over the lenient-matched pairs.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from rich.console import Console
from rich.table import Table
from rich.text import Text
from spacy.scorer import PRFScore

from models.gold import GoldDocument
from models.records import (
    BodyRecord,
    DocumentRecord,
    FigureRecord,
    LeaderRecord,
    QuoteRecord,
)

SPAN_TYPES = ("quotes", "bodies", "figures")
RECORD_TYPES = ("leaders", *SPAN_TYPES)
VALUE_REL_TOL = 1e-6
"""Relative tolerance for comparing figure values (value and value_max)."""

SCORE_NAMES: dict[str, str] = {
    "leaders": "people per document, matched by canonical name",
    "leaders+country": "people matched by name whose country is right",
    "leaders.mentions": "leader mentions, overlapping span",
    "leaders.mentions.strict": "leader mentions, exact span",
    "leaders.mentions+name": "mention overlaps and names the right person",
    "quotes": "quotes, overlapping span",
    "quotes.strict": "quotes, exact span",
    "quotes+speaker": "quote overlaps and the speaker is right",
    "bodies": "bodies, overlapping span (any mention)",
    "bodies.strict": "bodies, exact span",
    "bodies+proposers": "body overlaps and the proposer set is equal",
    "figures": "figures, overlapping span",
    "figures.strict": "figures, exact span",
    "figures+value_unit": "figure overlaps and value, value_max, unit are right",
}
"""Every score this module computes, with what counts as a true positive."""

ATTRIBUTE_NAMES: dict[str, str] = {
    "leaders.country": "country of people matched by name",
    "leaders.name": "person of overlapping mentions",
    "quotes.speaker": "speaker of overlapping quotes",
    "bodies.proposers": "proposer set of overlapping bodies",
    "bodies.status": "status of overlapping bodies",
    "figures.value": "value and value_max (rel. tol. 1e-6) of overlapping figures",
    "figures.unit": "unit of overlapping figures",
}
"""Every attribute accuracy this module computes."""

# Columns of the per-document table: the headline score of each type and its combined score.
DOC_COLUMNS = (
    "leaders",
    "leaders.mentions",
    "quotes",
    "quotes+speaker",
    "bodies",
    "bodies+proposers",
    "figures",
    "figures+value_unit",
)


M = TypeVar("M", bound=BaseModel)


class EvaluationError(Exception):
    """Inputs that cannot be scored (missing folder, invalid gold or output file, bad option)."""


# --------------------------------------------------------------------------- reading


def read_output_file(path: Path) -> list[dict[str, Any]]:
    """Return the JSON objects of one JSONL output file ([] when the file does not exist).

    Raises EvaluationError naming the file and line of a line that is not JSON.
    """
    if not path.exists():
        return []
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise EvaluationError(f"{path}:{number}: not valid JSON ({err.msg})") from err
            if not isinstance(row, dict):
                raise EvaluationError(f"{path}:{number}: expected a JSON object")
            rows.append(row)
    return rows


def _validated(path: Path, model: type[M]) -> list[M]:
    out: list[M] = []
    for number, row in enumerate(read_output_file(path), 1):
        try:
            out.append(model.model_validate(row))
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise EvaluationError(
                f"{path}: record {number} is not a valid {model.__name__}: {where}: {first['msg']}"
            ) from err
    return out


@dataclass
class Predictions:
    """The records of one output folder, grouped by document id."""

    folder: Path
    documents: dict[str, DocumentRecord] = field(default_factory=dict)
    leaders: dict[str, list[LeaderRecord]] = field(default_factory=dict)
    quotes: dict[str, list[QuoteRecord]] = field(default_factory=dict)
    bodies: dict[str, list[BodyRecord]] = field(default_factory=dict)
    figures: dict[str, list[FigureRecord]] = field(default_factory=dict)

    def doc_ids(self) -> set[str]:
        """Return every document id that has a documents.jsonl line or any record."""
        ids = set(self.documents)
        for name in RECORD_TYPES:
            ids.update(getattr(self, name))
        return ids


def load_predictions(folder: Path) -> Predictions:
    """Return the validated records of an output folder written by ``summit extract``.

    Missing JSONL files count as empty (a component that has not run yet writes nothing).
    Raises EvaluationError when the folder does not exist or a record is invalid.
    """
    if not folder.is_dir():
        raise EvaluationError(
            f"prediction folder {folder} does not exist; run `summit extract --out {folder}` first"
        )
    pred = Predictions(folder=folder)
    for doc in _validated(folder / "documents.jsonl", DocumentRecord):
        pred.documents[doc.doc_id] = doc
    models: dict[str, type[BaseModel]] = {
        "leaders": LeaderRecord,
        "quotes": QuoteRecord,
        "bodies": BodyRecord,
        "figures": FigureRecord,
    }
    for name, model in models.items():
        grouped: dict[str, list[Any]] = getattr(pred, name)
        for record in _validated(folder / f"{name}.jsonl", model):
            grouped.setdefault(record.doc_id, []).append(record)  # type: ignore[attr-defined]
    return pred


def load_gold(folder: Path) -> dict[str, GoldDocument]:
    """Return the gold documents of ``folder`` (every ``*.json``) keyed by doc id.

    Raises EvaluationError for a missing or empty folder, an invalid file, or a file whose name
    is not its doc id.
    """
    if not folder.is_dir():
        raise EvaluationError(f"gold folder {folder} does not exist")
    files = sorted(folder.glob("*.json"))
    if not files:
        raise EvaluationError(f"gold folder {folder} holds no *.json gold files")
    gold: dict[str, GoldDocument] = {}
    for path in files:
        try:
            doc = GoldDocument.model_validate_json(path.read_text(encoding="utf-8"))
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise EvaluationError(f"{path}: invalid gold file: {where}: {first['msg']}") from err
        if doc.doc_id != path.stem:
            raise EvaluationError(f"{path}: doc_id {doc.doc_id!r} differs from the file name")
        gold[doc.doc_id] = doc
    return gold


def find_raw_text(doc_id: str, raw: Path | None, document: DocumentRecord | None) -> str | None:
    """Return the decoded text of a document, or None when it cannot be found.

    Looks for ``<raw>/<doc_id>.txt`` or ``.md``, then at the input path in documents.jsonl. The
    text is decoded exactly as ``summit extract`` decodes it, so record offsets index it.
    """
    from pipeline.io import InputError, read_input

    candidates: list[Path] = []
    if raw is not None:
        candidates += [raw / f"{doc_id}.txt", raw / f"{doc_id}.md"]
    if document is not None:
        candidates.append(Path(document.path))
    for path in candidates:
        if path.is_file():
            try:
                return read_input(path).text
            except InputError:
                continue
    return None


# --------------------------------------------------------------------------- sentences

_LEFT_BOUNDARY = re.compile(r"[.!?…]+[)\"”’»']*\s+(?=\S)|\n[ \t]*\n|\n(?=\s*[-•*#])")
_RIGHT_BOUNDARY = re.compile(r"[.!?…]+[)\"”’»']*(?=\s|$)|\n[ \t]*\n")
_SPACES = re.compile(r"\s+")


def sentence_window(text: str, start: int, end: int, limit: int = 200) -> tuple[str, str, str]:
    """Return ``(before, span, after)``: the sentence(s) around ``text[start:end]``.

    A cheap regex window (sentence-final punctuation or a blank line), good enough to show a
    reviewer where a span sits; each side is capped at ``limit`` characters and whitespace runs
    are collapsed to one space.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    lo = max(0, start - limit)
    left = lo
    for match in _LEFT_BOUNDARY.finditer(text, lo, start):
        left = match.end()
    hi = min(len(text), end + limit)
    right = hi
    # A span that ends with its own full stop (a quote) may end the sentence: look from there.
    stop = _RIGHT_BOUNDARY.search(text, end - 1 if end > start else end, hi)
    if stop:
        right = stop.end() if not stop.group().startswith("\n") else stop.start()
    before = _SPACES.sub(" ", text[left:start]).lstrip()
    after = _SPACES.sub(" ", text[end:right]).rstrip()
    if left == lo and lo > 0:
        before = "…" + before
    if right == hi and hi < len(text):
        after = after + "…"
    return before, _SPACES.sub(" ", text[start:end]), after


# --------------------------------------------------------------------------- matching


@dataclass
class Item:
    """A span to be matched: offsets, text, comparable attributes, alternative spans."""

    start: int
    end: int
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)
    alternatives: list[tuple[int, int]] = field(default_factory=list)

    def overlap(self, other: Item) -> int:
        """Return the largest character overlap of any of the two items' spans (0 = none)."""
        best = 0
        for s1, e1 in [(self.start, self.end), *self.alternatives]:
            for s2, e2 in [(other.start, other.end), *other.alternatives]:
                if s1 == s2 and e1 == e2:
                    best = max(best, max(1, e1 - s1))
                else:
                    best = max(best, min(e1, e2) - max(s1, s2))
        return best


Check = Callable[[Item, Item], bool]


def match_overlap(
    gold: Sequence[Item], pred: Sequence[Item], check: Check | None = None
) -> list[tuple[int, int]]:
    """Return one-to-one ``(gold_index, pred_index)`` pairs of overlapping items.

    Exact matches are taken first, then larger overlaps; ``check`` (when given) must also hold
    for a pair to be eligible, which is how the combined scores are computed.
    """
    candidates: list[tuple[int, int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            size = g.overlap(p)
            if size > 0 and (check is None or check(g, p)):
                exact = g.start == p.start and g.end == p.end
                candidates.append((0 if exact else 1, -size, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _counts(tp: int, n_gold: int, n_pred: int) -> PRFScore:
    return PRFScore(tp=tp, fp=n_pred - tp, fn=n_gold - tp)


def _values_equal(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=VALUE_REL_TOL, abs_tol=0.0)


@dataclass(frozen=True)
class _Spec:
    """How one span type is compared: attribute checks and combined scores."""

    attributes: dict[str, Check]
    combined: dict[str, tuple[str, ...]]
    describe: Callable[[Item], str]


def _same(key: str) -> Check:
    return lambda g, p: g.attrs.get(key) == p.attrs.get(key)


def _all(checks: Sequence[Check]) -> Check:
    return lambda g, p: all(check(g, p) for check in checks)


def _figure_value(g: Item, p: Item) -> bool:
    return _values_equal(g.attrs["value"], p.attrs["value"]) and _values_equal(
        g.attrs["value_max"], p.attrs["value_max"]
    )


def format_number(value: float) -> str:
    """Return ``value`` for people: thousands separators, no exponent, no trailing zeros."""
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text if text not in {"-0", ""} else "0"


def _fmt_value(item: Item) -> str:
    value, value_max = item.attrs["value"], item.attrs["value_max"]
    shown = format_number(value)
    if value_max is not None:
        shown += f"–{format_number(value_max)}"
    return f"{shown} {item.attrs['unit']}"


SPECS: dict[str, _Spec] = {
    "mentions": _Spec(
        attributes={"leaders.name": _same("name")},
        combined={"leaders.mentions+name": ("leaders.name",)},
        describe=lambda i: f"person: {i.attrs['name']}",
    ),
    "quotes": _Spec(
        attributes={"quotes.speaker": _same("speaker")},
        combined={"quotes+speaker": ("quotes.speaker",)},
        describe=lambda i: f"speaker: {i.attrs['speaker']}",
    ),
    "bodies": _Spec(
        attributes={"bodies.proposers": _same("proposers"), "bodies.status": _same("status")},
        combined={"bodies+proposers": ("bodies.proposers",)},
        describe=lambda i: (
            f"status: {i.attrs['status']}; proposers: {sorted(i.attrs['proposers']) or '[]'}"
        ),
    ),
    "figures": _Spec(
        attributes={"figures.value": _figure_value, "figures.unit": _same("unit")},
        combined={"figures+value_unit": ("figures.value", "figures.unit")},
        describe=_fmt_value,
    ),
}


def gold_items(doc: GoldDocument) -> dict[str, list[Item]]:
    """Return the gold spans of a document as items keyed by mentions/quotes/bodies/figures."""
    return {
        "mentions": [
            Item(m.start, m.end, m.text, {"name": leader.name})
            for leader in doc.leaders
            for m in leader.mentions
        ],
        "quotes": [Item(q.start, q.end, q.text, {"speaker": q.speaker}) for q in doc.quotes],
        "bodies": [
            Item(b.start, b.end, b.text, {"proposers": frozenset(b.proposers), "status": b.status})
            for b in doc.bodies
        ],
        "figures": [
            Item(
                f.start, f.end, f.text, {"value": f.value, "value_max": f.value_max, "unit": f.unit}
            )
            for f in doc.figures
        ],
    }


def pred_items(pred: Predictions, doc_id: str) -> dict[str, list[Item]]:
    """Return the predicted spans of a document as items keyed like :func:`gold_items`.

    A predicted body carries all its mentions as alternative spans, so the lenient match accepts
    a gold body annotated at another mention of the same body. Pronoun mentions (written by the
    quotes component when it resolves "he said") are left out: the gold does not annotate
    pronouns (corpus/README.md), so scoring them would only count them as false positives.
    """
    return {
        "mentions": [
            Item(m.start, m.end, m.text, {"name": r.name})
            for r in pred.leaders.get(doc_id, [])
            for m in r.mentions
            if m.kind != "pronoun"
        ],
        "quotes": [
            Item(q.start, q.end, q.text, {"speaker": q.speaker})
            for q in pred.quotes.get(doc_id, [])
        ],
        "bodies": [
            Item(
                b.start,
                b.end,
                b.text,
                {"proposers": frozenset(b.proposers), "status": b.status},
                [(m.start, m.end) for m in b.mentions],
            )
            for b in pred.bodies.get(doc_id, [])
        ],
        "figures": [
            Item(
                f.start, f.end, f.text, {"value": f.value, "value_max": f.value_max, "unit": f.unit}
            )
            for f in pred.figures.get(doc_id, [])
        ],
    }


# --------------------------------------------------------------------------- results


@dataclass
class Accuracy:
    """Attribute accuracy: how many matched pairs have the attribute right."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """Return correct / total, or None when nothing was matched."""
        return self.correct / self.total if self.total else None

    def __iadd__(self, other: Accuracy) -> Accuracy:
        self.correct += other.correct
        self.total += other.total
        return self


@dataclass
class Finding:
    """A false positive (FP), false negative (FN) or wrong attribute (ATTR), for review."""

    doc_id: str
    type: str
    kind: str
    start: int
    end: int
    text: str
    detail: str
    sentence: tuple[str, str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as plain JSON values (sentence joined, span text separate)."""
        return {
            "doc_id": self.doc_id,
            "type": self.type,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "detail": self.detail,
            "sentence": "".join(self.sentence) if self.sentence else None,
        }


@dataclass
class DocResult:
    """Scores, attribute accuracies and findings of one gold document."""

    doc_id: str
    predicted: bool
    scores: dict[str, PRFScore] = field(default_factory=dict)
    attributes: dict[str, Accuracy] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def prf_dict(score: PRFScore) -> dict[str, Any]:
    """Return tp/fp/fn and p/r/f1; a ratio with an empty denominator is None, not 0."""
    return {
        "tp": score.tp,
        "fp": score.fp,
        "fn": score.fn,
        "p": score.precision if score.tp + score.fp else None,
        "r": score.recall if score.tp + score.fn else None,
        "f1": score.fscore if len(score) else None,
    }


@dataclass
class Evaluation:
    """The result of scoring an output folder against a gold folder."""

    gold_dir: Path
    pred_dir: Path
    documents: list[DocResult]
    ignored: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, PRFScore]:
        """Return every score of :data:`SCORE_NAMES`, micro-averaged over the documents."""
        total = {name: PRFScore() for name in SCORE_NAMES}
        for doc in self.documents:
            for name, score in doc.scores.items():
                total[name] += score
        return total

    def attributes(self) -> dict[str, Accuracy]:
        """Return every attribute accuracy of :data:`ATTRIBUTE_NAMES`, over all documents."""
        total = {name: Accuracy() for name in ATTRIBUTE_NAMES}
        for doc in self.documents:
            for name, acc in doc.attributes.items():
                total[name] += acc
        return total

    def findings(self) -> list[Finding]:
        """Return every finding, by document, type and offset."""
        return [f for doc in self.documents for f in doc.findings]

    def to_dict(self, floors: Sequence[FloorResult] = ()) -> dict[str, Any]:
        """Return all numbers as plain JSON values (what ``--json`` writes)."""
        return {
            "gold": str(self.gold_dir),
            "pred": str(self.pred_dir),
            "documents": [d.doc_id for d in self.documents],
            "missing_predictions": [d.doc_id for d in self.documents if not d.predicted],
            "ignored_predictions": self.ignored,
            "scores": {name: prf_dict(s) for name, s in self.scores().items()},
            "attributes": {
                name: {"correct": a.correct, "total": a.total, "accuracy": a.value}
                for name, a in self.attributes().items()
            },
            "per_document": {
                d.doc_id: {
                    "predicted": d.predicted,
                    "scores": {name: prf_dict(s) for name, s in d.scores.items()},
                    "attributes": {
                        name: {"correct": a.correct, "total": a.total, "accuracy": a.value}
                        for name, a in d.attributes.items()
                    },
                }
                for d in self.documents
            },
            "findings": [f.to_dict() for f in self.findings()],
            "floors": [f.to_dict() for f in floors],
        }


# --------------------------------------------------------------------------- scoring


AddFinding = Callable[[str, str, int, int, str, str], None]
"""add(type, kind, start, end, text, detail): record a finding of the document being scored."""


def _score_leaders(
    gold: GoldDocument, pred: Sequence[LeaderRecord], result: DocResult, add: AddFinding
) -> None:
    gold_by_name = {leader.name: leader for leader in gold.leaders}
    pred_by_name: dict[str, LeaderRecord] = {}
    for record in pred:
        if record.name in pred_by_name:
            # Two records for one person (e.g. two kb ids resolving to one name): the extra one
            # is a false positive, or the set comparison below would hide it.
            add("leaders", "FP", record.start, record.end, record.text, f"{record.name} (again)")
        else:
            pred_by_name[record.name] = record
    people = PRFScore()
    people.score_set(set(pred_by_name), set(gold_by_name))
    people.fp += len(pred) - len(pred_by_name)
    result.scores["leaders"] = people
    country = Accuracy()
    for name in sorted(gold_by_name.keys() & pred_by_name.keys()):
        g, p = gold_by_name[name], pred_by_name[name]
        country.total += 1
        if g.country == p.country:
            country.correct += 1
        else:
            add(
                "leaders",
                "ATTR",
                p.start,
                p.end,
                p.text,
                f"{name}: country {g.country!r} → {p.country!r}",
            )
    result.attributes["leaders.country"] = country
    result.scores["leaders+country"] = _counts(country.correct, len(gold_by_name), len(pred))
    for name in sorted(gold_by_name.keys() - pred_by_name.keys()):
        mentions = gold_by_name[name].mentions
        first = min(mentions, key=lambda m: m.start) if mentions else None
        if first is None:
            add("leaders", "FN", 0, 0, "", f"{name} (no mentions in gold)")
        else:
            add("leaders", "FN", first.start, first.end, first.text, name)
    for name in sorted(pred_by_name.keys() - gold_by_name.keys()):
        p = pred_by_name[name]
        add("leaders", "FP", p.start, p.end, p.text, name)


def _score_spans(
    kind: str, gold: list[Item], pred: list[Item], result: DocResult, add: AddFinding
) -> None:
    spec = SPECS[kind]
    prefix = shown = "leaders.mentions" if kind == "mentions" else kind
    strict = PRFScore()
    strict.score_set({(p.start, p.end) for p in pred}, {(g.start, g.end) for g in gold})
    result.scores[f"{prefix}.strict"] = strict
    pairs = match_overlap(gold, pred)
    result.scores[prefix] = _counts(len(pairs), len(gold), len(pred))
    for name, check in spec.attributes.items():
        acc = Accuracy(total=len(pairs))
        for gi, pi in pairs:
            if check(gold[gi], pred[pi]):
                acc.correct += 1
        result.attributes[name] = acc
    for name, attrs in spec.combined.items():
        checks = [spec.attributes[a] for a in attrs]
        ok = match_overlap(gold, pred, _all(checks))
        result.scores[name] = _counts(len(ok), len(gold), len(pred))
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            add(shown, "FN", g.start, g.end, g.text, spec.describe(g))
    for pi, p in enumerate(pred):
        if pi not in matched_p:
            add(shown, "FP", p.start, p.end, p.text, spec.describe(p))
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        wrong = [n for n, check in spec.attributes.items() if not check(g, p)]
        bounds = "" if (g.start, g.end) == (p.start, p.end) else f" [pred span {p.start}-{p.end}]"
        if wrong:
            detail = f"gold {spec.describe(g)} | pred {spec.describe(p)}{bounds}"
            add(shown, "ATTR", g.start, g.end, g.text, detail)


def score_document(gold: GoldDocument, pred: Predictions, text: str | None) -> DocResult:
    """Return the scores, attribute accuracies and findings of one gold document.

    A document missing from the predictions scores as all false negatives.
    """
    doc_id = gold.doc_id
    result = DocResult(doc_id=doc_id, predicted=doc_id in pred.doc_ids())

    def add(kind: str, what: str, start: int, end: int, span_text: str, detail: str) -> None:
        sentence = sentence_window(text, start, end) if text is not None and end > 0 else None
        result.findings.append(Finding(doc_id, kind, what, start, end, span_text, detail, sentence))

    _score_leaders(gold, pred.leaders.get(doc_id, []), result, add)
    golds, preds = gold_items(gold), pred_items(pred, doc_id)
    for kind in ("mentions", *SPAN_TYPES):
        _score_spans(kind, golds[kind], preds[kind], result, add)
    order = {"leaders": 0, "leaders.mentions": 1, "quotes": 2, "bodies": 3, "figures": 4}
    result.findings.sort(key=lambda f: (order.get(f.type, 9), f.start, f.end, f.kind))
    return result


def evaluate(gold_dir: Path, pred_dir: Path, raw_dir: Path | None = None) -> Evaluation:
    """Return the evaluation of the output folder ``pred_dir`` against ``gold_dir``.

    Predicted documents without gold are ignored (listed in ``Evaluation.ignored``); gold
    documents without predictions count as all false negatives. ``raw_dir`` (default: the
    ``raw`` folder next to ``gold_dir``) supplies the texts for the sentences of findings.
    """
    gold = load_gold(gold_dir)
    pred = load_predictions(pred_dir)
    if raw_dir is None:
        raw_dir = gold_dir.parent / "raw"
    docs = []
    for doc_id in sorted(gold):
        text = find_raw_text(doc_id, raw_dir, pred.documents.get(doc_id))
        docs.append(score_document(gold[doc_id], pred, text))
    ignored = sorted(pred.doc_ids() - gold.keys())
    return Evaluation(gold_dir=gold_dir, pred_dir=pred_dir, documents=docs, ignored=ignored)


# --------------------------------------------------------------------------- floors


def canonical_score_name(name: str) -> str:
    """Return the :data:`SCORE_NAMES` key for ``name`` (``X.lenient`` is an alias of ``X``).

    Raises EvaluationError listing the accepted names for an unknown one.
    """
    key = name.strip().lower()
    if key.endswith(".lenient"):
        key = key.removesuffix(".lenient")
    if key not in SCORE_NAMES:
        raise EvaluationError(
            f"unknown score {name!r} in --min-f1; choose from {', '.join(SCORE_NAMES)}"
        )
    return key


def parse_floor(spec: str) -> tuple[str, float]:
    """Return ``(score_name, floor)`` for a ``--min-f1`` value like ``quotes+speaker=0.8``."""
    name, sep, value = spec.partition("=")
    if not sep:
        raise EvaluationError(f"--min-f1 expects SCORE=F (e.g. quotes=0.9), got {spec!r}")
    try:
        floor = float(value)
    except ValueError as err:
        raise EvaluationError(f"--min-f1 {spec!r}: {value!r} is not a number") from err
    if not 0.0 <= floor <= 1.0:
        raise EvaluationError(f"--min-f1 {spec!r}: the floor must be between 0 and 1")
    return canonical_score_name(name), floor


@dataclass
class FloorResult:
    """One ``--min-f1`` check: passes when F1 ≥ floor or nothing was there to score."""

    score: str
    floor: float
    f1: float | None

    @property
    def passed(self) -> bool:
        """Return True when the floor holds (an undefined F1 — no gold, no predictions — passes)."""
        return self.f1 is None or self.f1 + 1e-12 >= self.floor

    def to_dict(self) -> dict[str, Any]:
        """Return the check as plain JSON values."""
        return {"score": self.score, "floor": self.floor, "f1": self.f1, "passed": self.passed}


def check_floors(evaluation: Evaluation, floors: Iterable[tuple[str, float]]) -> list[FloorResult]:
    """Return the result of each floor against the micro-averaged scores."""
    scores = evaluation.scores()
    return [FloorResult(name, floor, prf_dict(scores[name])["f1"]) for name, floor in floors]


def write_json(evaluation: Evaluation, path: Path, floors: Sequence[FloorResult] = ()) -> None:
    """Write every number of the evaluation (and the floor checks) to ``path`` as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(evaluation.to_dict(floors), indent=2, ensure_ascii=False)
    path.write_text(data + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- printing


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def render(
    evaluation: Evaluation,
    console: Console,
    show_findings: bool = True,
    floors: Sequence[FloorResult] = (),
) -> None:
    """Print the score, attribute, per-document and (optionally) findings tables to ``console``."""
    n = len(evaluation.documents)
    missing = [d.doc_id for d in evaluation.documents if not d.predicted]
    table = Table(title=f"Scores over {n} gold document(s) (micro-averaged)", title_justify="left")
    for col in ("score", "true positive when", "gold", "pred", "TP", "FP", "FN", "P", "R", "F1"):
        numeric = col in {"gold", "pred", "TP", "FP", "FN", "P", "R", "F1"}
        table.add_column(col, justify="right" if numeric else "left")
    for name, score in evaluation.scores().items():
        d = prf_dict(score)
        table.add_row(
            name,
            SCORE_NAMES[name],
            str(score.tp + score.fn),
            str(score.tp + score.fp),
            str(score.tp),
            str(score.fp),
            str(score.fn),
            _pct(d["p"]),
            _pct(d["r"]),
            Text(_pct(d["f1"]), style="bold"),
            end_section=name in {"leaders.mentions+name", "quotes+speaker", "bodies+proposers"},
        )
    console.print(table)

    attrs = Table(title="Attribute accuracy over overlapping pairs", title_justify="left")
    for col in ("attribute", "what", "correct", "matched", "accuracy"):
        attrs.add_column(
            col, justify="right" if col in {"correct", "matched", "accuracy"} else "left"
        )
    for name, acc in evaluation.attributes().items():
        attrs.add_row(
            name, ATTRIBUTE_NAMES[name], str(acc.correct), str(acc.total), _pct(acc.value)
        )
    console.print(attrs)

    per_doc = Table(title="F1 per document", title_justify="left")
    per_doc.add_column("doc_id")
    for col in DOC_COLUMNS:
        per_doc.add_column(col, justify="right")
    for doc in evaluation.documents:
        label = doc.doc_id if doc.predicted else f"{doc.doc_id} *"
        per_doc.add_row(label, *(_pct(prf_dict(doc.scores[c])["f1"]) for c in DOC_COLUMNS))
    console.print(per_doc)
    if missing:
        console.print(
            f"[yellow]* {len(missing)} gold document(s) not in the predictions "
            "(scored as all false negatives)[/]"
        )
    if evaluation.ignored:
        console.print(
            f"[dim]{len(evaluation.ignored)} predicted document(s) without gold ignored[/]"
        )

    if show_findings:
        render_findings(evaluation.findings(), console)

    for check in floors:
        status = "[green]ok[/]" if check.passed else "[bold red]FAIL[/]"
        console.print(f"floor {check.score} F1 {_pct(check.f1)} ≥ {check.floor:.3f}: {status}")


_KIND_STYLE = {"FN": "red", "FP": "magenta", "ATTR": "yellow"}


def render_findings(findings: Sequence[Finding], console: Console) -> None:
    """Print every finding grouped by document: kind, type, offsets, text, detail, sentence."""
    if not findings:
        console.print("No false positives, false negatives or wrong attributes.")
        return
    console.rule("Findings (FN = missed gold, FP = spurious prediction, ATTR = wrong attribute)")
    current = None
    for f in findings:
        if f.doc_id != current:
            current = f.doc_id
            console.print(Text(f.doc_id, style="bold underline"))
        line = Text("  ")
        line.append(f"{f.kind:<4}", style=f"bold {_KIND_STYLE.get(f.kind, '')}")
        line.append(f" {f.type:<16} {f.start}-{f.end} ")
        line.append(repr(f.text), style="bold")
        line.append(f"  {f.detail}", style="dim")
        console.print(line, soft_wrap=True)
        if f.sentence is not None:
            before, span, after = f.sentence
            sent = Text("       ")
            sent.append(before)
            sent.append(span, style="reverse")
            sent.append(after)
            console.print(sent, soft_wrap=True)
