"""Cross-document scoring: metrics on a hand-computed example, the gold file, the corpus floor."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from models.gold import GoldDocument
from pipeline.crossdoc_eval import evaluate_crossdoc, load_gold_initiatives, score_clusters
from tests.conftest import ROOT
from tests.crossdoc.synthetic import body, document, write_folder

INITIATIVES = ROOT / "corpus" / "initiatives.json"

# Six elements. Gold clusters {a,b,c} {d} {e,f}; predicted {a,b} {c,d} {e} {f}.
E = {x: (x, 0, 1) for x in "abcdef"}
GOLD = {E["a"]: "1", E["b"]: "1", E["c"]: "1", E["d"]: "2", E["e"]: "3", E["f"]: "3"}
PRED = {E["a"]: "x", E["b"]: "x", E["c"]: "y", E["d"]: "y", E["e"]: "z", E["f"]: "w"}


def test_pairwise_and_bcubed_computed_by_hand() -> None:
    s = score_clusters(GOLD, PRED, GOLD)
    # gold pairs ab ac bc ef; predicted ab cd; common ab
    assert (s.gold_pairs, s.pred_pairs, s.common_pairs) == (4, 2, 1)
    assert s.pairwise_p == pytest.approx(1 / 2) and s.pairwise_r == pytest.approx(1 / 4)
    assert s.pairwise_f1 == pytest.approx(1 / 3)
    # per element P: a 1, b 1, c 1/2, d 1/2, e 1, f 1; R: 2/3 2/3 1/3 1 1/2 1/2
    p = Fraction(5, 6)
    r = Fraction(11, 18)
    assert s.bcubed_p == pytest.approx(float(p)) and s.bcubed_r == pytest.approx(float(r))
    assert s.bcubed_f1 == pytest.approx(float(2 * p * r / (p + r)))  # 55/78


def test_only_pairs_touching_scored_elements_count() -> None:
    s = score_clusters(GOLD, PRED, [E["d"], E["e"], E["f"]])
    # gold pairs touching d/e/f: ef; predicted: cd; none in common
    assert (s.gold_pairs, s.pred_pairs, s.common_pairs) == (1, 1, 0)
    assert s.pairwise_f1 == 0.0
    assert s.elements == 3


def test_perfect_clustering_scores_one() -> None:
    s = score_clusters(GOLD, GOLD, GOLD)
    assert s.pairwise_f1 == 1.0 and s.bcubed_f1 == 1.0


def test_gold_file_names_gold_bodies_once_each() -> None:
    gold, docs = load_gold_initiatives(INITIATIVES)  # raises on a reference to no gold body
    seen: set[tuple[str, int, int]] = set()
    for group in gold.groups:
        doc_ids = [m.doc_id for m in group.members]
        assert len(doc_ids) == len(set(doc_ids)), f"{group.id}: one document twice"
        for m in group.members:
            key = (m.doc_id, m.start, m.end)
            assert key not in seen, f"{key} in two groups"
            seen.add(key)
            text = next(b.text for b in docs[m.doc_id].bodies if (b.start, b.end) == key[1:])
            assert m.text == text
    heldout = {p.stem for p in (ROOT / "corpus" / "heldout" / "gold").glob("*.json")}
    assert any(m.doc_id in heldout for g in gold.groups for m in g.members)


def test_evaluate_matches_predicted_bodies_by_overlap(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    texts = {"d1": "xx SCO Development Bank yy", "d2": "the SCO Development Bank here"}
    for doc_id, text in texts.items():
        start = text.index("SCO")
        name = "SCO Development Bank"
        g = GoldDocument(
            doc_id=doc_id,
            genre="news",
            bodies=[
                {
                    "start": start,
                    "end": start + len(name),
                    "text": name,
                    "status": "proposed",
                    "proposers": [],
                }  # type: ignore[list-item]
            ],
        )
        (gold_dir / f"{doc_id}.json").write_text(g.model_dump_json(), encoding="utf-8")
    members = [
        {
            "doc_id": d,
            "start": t.index("SCO"),
            "end": t.index("SCO") + 20,
            "text": "SCO Development Bank",
        }
        for d, t in texts.items()
    ]
    spec = tmp_path / "initiatives.json"
    spec.write_text(
        json.dumps({"gold_dirs": ["gold"], "groups": [{"id": "bank", "members": members}]}),
        encoding="utf-8",
    )
    pred = tmp_path / "pred"
    pred.mkdir()
    # d1's prediction is wider than the gold span (overlap, not exact); d2's is exact
    write_folder(
        pred,
        [
            document("d1", "2024-01-01", "SCO summit"),
            body("d1", 0, "xx SCO Development Bank", "bank"),
            document("d2", "2025-01-01", "SCO summit"),
            body("d2", 4, "SCO Development Bank", "bank"),
        ],
    )
    result = evaluate_crossdoc(spec, gold_dir, pred)
    assert result is not None
    assert result.matched == 2 and result.score.pairwise_f1 == 1.0


def test_corpus_floor_on_the_committed_outputs() -> None:
    """The linker on the committed bodies of corpus/raw reaches the issue's target."""
    result = evaluate_crossdoc(INITIATIVES, ROOT / "corpus" / "gold", ROOT / "outputs")
    assert result is not None
    assert result.score.pairwise_f1 >= 0.95
    assert result.score.bcubed_f1 >= 0.95
