"""Cross-document scoring: predicted initiatives against the gold grouping of gold bodies.

The gold is ``corpus/initiatives.json`` (:class:`models.crossdoc.GoldInitiatives`): groups of
gold bodies (doc_id + offsets) that are one initiative; every other gold body of the gold folders
it names (``gold_dirs``) is an initiative of its own.

**Elements** are gold bodies of documents present in the predictions (documents.jsonl). Each is
matched one-to-one to a predicted body of the same document by span overlap (exact spans first,
then the larger overlap — ``pipeline.evaluate.match_overlap``) and takes that body's initiative;
a gold body with no matching prediction is a predicted cluster of its own (a missed body costs
recall here as well as in the bodies score). Predicted bodies without gold are not elements:
they are scored by the bodies score.

**Scored** elements are those of the documents of the gold folder under evaluation: pairwise
precision/recall count the pairs with *at least one* scored element (so a held-out body wrongly
joined to a corpus body counts against the held-out score), B-cubed averages over the scored
elements with clusters taken over all elements (Bagga & Baldwin 1998).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from models.crossdoc import GoldInitiatives
from models.gold import GoldDocument
from pipeline.evaluate import EvaluationError, Item, match_overlap
from pipeline.io import read_jsonl
from pipeline.link import link_folder

Element = tuple[str, int, int]  # doc_id, start, end of a gold body


@dataclass(frozen=True)
class ClusterScore:
    """Pairwise and B-cubed precision/recall/F1 of a clustering."""

    elements: int
    gold_pairs: int
    pred_pairs: int
    common_pairs: int
    pairwise_p: float
    pairwise_r: float
    pairwise_f1: float
    bcubed_p: float
    bcubed_r: float
    bcubed_f1: float

    def to_dict(self) -> dict[str, Any]:
        """Return the numbers as plain JSON values."""
        return dict(self.__dict__)


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def score_clusters(
    gold: Mapping[Element, str], pred: Mapping[Element, str], scored: Iterable[Element]
) -> ClusterScore:
    """Return pairwise and B-cubed scores of ``pred`` against ``gold`` (element -> cluster).

    Both mappings cover the same elements. Pairs count when at least one of their elements is in
    ``scored``; B-cubed averages over ``scored``. A ratio with an empty denominator is 1.0.
    """
    scored_set = set(scored)
    elements = sorted(gold)

    def pairs(assign: Mapping[Element, str]) -> set[tuple[Element, Element]]:
        clusters: dict[str, list[Element]] = defaultdict(list)
        for e in elements:
            clusters[assign[e]].append(e)
        return {
            (a, b)
            for members in clusters.values()
            for a, b in combinations(members, 2)
            if a in scored_set or b in scored_set
        }

    gp, pp = pairs(gold), pairs(pred)
    common = len(gp & pp)
    p = common / len(pp) if pp else 1.0
    r = common / len(gp) if gp else 1.0
    by_gold: dict[str, set[Element]] = defaultdict(set)
    by_pred: dict[str, set[Element]] = defaultdict(set)
    for e in elements:
        by_gold[gold[e]].add(e)
        by_pred[pred[e]].add(e)
    ps, rs = [], []
    for e in sorted(scored_set & set(elements)):
        g, q = by_gold[gold[e]], by_pred[pred[e]]
        both = len(g & q)
        ps.append(both / len(q))
        rs.append(both / len(g))
    bp = sum(ps) / len(ps) if ps else 1.0
    br = sum(rs) / len(rs) if rs else 1.0
    return ClusterScore(
        elements=len(ps),
        gold_pairs=len(gp),
        pred_pairs=len(pp),
        common_pairs=common,
        pairwise_p=p,
        pairwise_r=r,
        pairwise_f1=_f1(p, r),
        bcubed_p=bp,
        bcubed_r=br,
        bcubed_f1=_f1(bp, br),
    )


def load_gold_initiatives(path: Path) -> tuple[GoldInitiatives, dict[str, GoldDocument]]:
    """Return the gold grouping and the gold documents of the folders it names."""
    try:
        gold = GoldInitiatives.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise EvaluationError(f"{path}: not a readable initiatives gold file: {err}") from err
    docs: dict[str, GoldDocument] = {}
    for folder in gold.gold_dirs:
        for file in sorted((path.parent / folder).glob("*.json")):
            doc = GoldDocument.model_validate_json(file.read_text(encoding="utf-8"))
            docs[doc.doc_id] = doc
    bodies = {(d.doc_id, b.start, b.end) for d in docs.values() for b in d.bodies}
    for group in gold.groups:
        for m in group.members:
            if (m.doc_id, m.start, m.end) not in bodies:
                raise EvaluationError(
                    f"{path}: group {group.id}: {m.doc_id} {m.start}-{m.end} is not a gold body"
                )
    return gold, docs


@dataclass
class CrossDocResult:
    """The cross-document score of one evaluation."""

    score: ClusterScore
    matched: int
    unmatched: int
    documents: int

    def to_dict(self) -> dict[str, Any]:
        """Return the numbers as plain JSON values."""
        return {
            **self.score.to_dict(),
            "matched": self.matched,
            "unmatched": self.unmatched,
            "documents": self.documents,
        }


def _pred_initiatives(pred_dir: Path) -> dict[str, str]:
    """Body id -> initiative id, from initiatives.jsonl, else linked now."""
    path = pred_dir / "initiatives.jsonl"
    if path.exists():
        return {
            str(ev["body_id"]): str(rec["id"])
            for rec in read_jsonl(path)
            for ev in rec.get("timeline", [])
        }
    return link_folder(pred_dir).body_initiative


def evaluate_crossdoc(
    initiatives_file: Path, gold_dir: Path, pred_dir: Path
) -> CrossDocResult | None:
    """Score the predicted initiatives of ``pred_dir``; None when nothing can be scored."""
    gold, docs = load_gold_initiatives(initiatives_file)
    scored_docs = {p.stem for p in gold_dir.glob("*.json")}
    predicted_docs = {str(d["doc_id"]) for d in read_jsonl(pred_dir / "documents.jsonl")}
    pred_bodies: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in read_jsonl(pred_dir / "bodies.jsonl"):
        pred_bodies[str(r["doc_id"])].append(r)
    initiative_of = _pred_initiatives(pred_dir)
    group_of = {(m.doc_id, m.start, m.end): g.id for g in gold.groups for m in g.members}
    gold_assign: dict[Element, str] = {}
    pred_assign: dict[Element, str] = {}
    for doc_id in sorted(set(docs) & predicted_docs):
        gold_items = [Item(b.start, b.end, b.text) for b in docs[doc_id].bodies]
        preds = pred_bodies.get(doc_id, [])
        pred_items = [Item(int(r["start"]), int(r["end"]), str(r["text"])) for r in preds]
        match = dict(match_overlap(gold_items, pred_items))
        for gi, g in enumerate(docs[doc_id].bodies):
            e = (doc_id, g.start, g.end)
            gold_assign[e] = group_of.get(e, f"single:{doc_id}:{g.start}-{g.end}")
            if gi in match:
                body_id = str(preds[match[gi]]["id"])
                pred_assign[e] = initiative_of.get(body_id, f"pred:{body_id}")
            else:
                pred_assign[e] = f"unmatched:{doc_id}:{g.start}-{g.end}"
    scored = [e for e in gold_assign if e[0] in scored_docs]
    if not scored:
        return None
    matched = sum(1 for e in scored if not pred_assign[e].startswith("unmatched:"))
    return CrossDocResult(
        score=score_clusters(gold_assign, pred_assign, scored),
        matched=matched,
        unmatched=len(scored) - matched,
        documents=len({e[0] for e in scored}),
    )


def render(result: CrossDocResult, console: Console) -> None:
    """Print the cross-document table: pairwise and B-cubed P/R/F1."""
    s = result.score
    table = Table(
        title=f"Initiatives across documents: {s.elements} gold bodies of {result.documents} "
        f"document(s), {result.matched} matched to predicted bodies, {result.unmatched} not",
        title_justify="left",
    )
    for col in ("score", "what", "gold", "pred", "common", "P", "R", "F1"):
        table.add_column(col, justify="left" if col in ("score", "what") else "right")
    table.add_row(
        "initiatives",
        "pairs of bodies in one initiative",
        str(s.gold_pairs),
        str(s.pred_pairs),
        str(s.common_pairs),
        f"{s.pairwise_p:.3f}",
        f"{s.pairwise_r:.3f}",
        Text(f"{s.pairwise_f1:.3f}", style="bold"),
    )
    table.add_row(
        "initiatives.bcubed",
        "per body: share of its clusters in common",
        "",
        "",
        "",
        f"{s.bcubed_p:.3f}",
        f"{s.bcubed_r:.3f}",
        Text(f"{s.bcubed_f1:.3f}", style="bold"),
    )
    console.print(table)


def write_json(result: CrossDocResult, path: Path) -> None:
    """Write the cross-document numbers to ``path`` as JSON."""
    path.write_text(json.dumps(result.to_dict(), indent=2) + "\n", encoding="utf-8")
