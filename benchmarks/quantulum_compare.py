"""Side by side: quantulum3 and summit_figures on the same texts, scored against the same gold.

Usage: ``.venv/bin/python benchmarks/quantulum_compare.py [--raw DIR] [--gold DIR] [--seed]``

quantulum3 is the optional ``compare`` extra (``pip install quantulum3==0.10.0``), not a runtime
dependency. The texts are every ``corpus/raw/<id>.txt`` that has ``corpus/gold/<id>.json``; when
there is no corpus gold, the seed article with the reference gold in ``../shared/seed``.

A prediction matches a gold figure when the spans overlap (for the seed's reference gold, which
has no offsets, any prediction) and the value (and value_max) agree to a relative 1e-6;
"value+unit" also needs the same unit. Each gold figure is matched at most once.

quantulum3 runs without its optional scikit-learn classifier (see ``quantulum_figures``).
Quantulum's output is mapped onto our unit vocabulary as kindly as we can: a range
(value ± uncertainty) becomes value..value_max, "times"/"fold" surfaces become ``times``, a
currency its ISO code, "percentage" ``percent``, a dimensionless number ``count`` — or
``unspecified`` when it is a million or more (the gold's name for an amount without currency).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEED_ID = "000_f6ddf534ac2df4fe"
SEED_GOLD = ROOT.parent / "shared" / "seed" / f"{SEED_ID}.gold.json"

# quantulum unit names -> our unit vocabulary
_Q_UNITS = {
    "dollar": "USD",
    "united states dollar": "USD",
    "euro": "EUR",
    "pound sterling": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "japanese yen": "JPY",
    "yen": "JPY",
    "russian ruble": "RUB",
    "ruble": "RUB",
    "kazakhstani tenge": "KZT",
    "tenge": "KZT",
    "turkish lira": "TRY",
    "indian rupee": "INR",
    "percentage": "percent",
    "tonne": "tonne",
    "metric ton": "tonne",
    "ton": "tonne",
    "kilometre": "km",
    "cubic metre": "cubic_metre",
    "gigawatt": "GW",
    "megawatt": "MW",
    "kilowatt": "kW",
    "kilowatt hour": "kWh",
    "hectare": "hectare",
}


@dataclass
class Figure:
    """A predicted or gold figure reduced to what is scored."""

    start: int | None
    end: int | None
    value: float
    value_max: float | None
    unit: str


@dataclass
class Tally:
    """Counts for one system: predictions, gold, and matches by value and by value+unit."""

    pred: int = 0
    gold: int = 0
    value_hits: int = 0
    unit_hits: int = 0

    def f1(self, hits: int) -> float:
        """Return F1 for ``hits`` matches among ``pred`` predictions and ``gold`` gold figures."""
        if not self.pred or not self.gold or not hits:
            return 0.0
        p, r = hits / self.pred, hits / self.gold
        return 2 * p * r / (p + r)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6)


def _matches(pred: list[Figure], gold: list[Figure], with_unit: bool) -> int:
    used: set[int] = set()
    hits = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i in used:
                continue
            overlap = g.start is None or (
                p.start is not None
                and p.end is not None
                and g.end is not None
                and p.start < g.end
                and g.start < p.end
            )
            same = _close(p.value, g.value) and _close(p.value_max, g.value_max)
            if overlap and same and (not with_unit or p.unit == g.unit):
                used.add(i)
                hits += 1
                break
    return hits


def quantulum_figures(text: str) -> list[Figure]:
    """Return quantulum3's quantities in ``text`` mapped onto our vocabulary."""
    from quantulum3 import classifier, parser  # optional `compare` extra

    # quantulum's bundled classifier is a pickle of an old scikit-learn: with a newer one in the
    # environment (textacy pulls it in) loading it fails, so use its rule-based disambiguation,
    # which is what a plain `pip install quantulum3` (without [classifier]) runs anyway
    classifier.USE_CLF = False
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantities = parser.parse(text)
    for q in quantities:
        value, value_max = float(q.value), None
        unc = getattr(q, "uncertainty", None)
        if unc and re.search(r"\d\s*(?:-|–|to|and)\s*\d", q.surface):
            value, value_max = value - float(unc), value + float(unc)
        name = q.unit.name.lower()
        if re.search(r"\b(?:times|fold)\b|-fold", q.surface):
            unit = "times"
        elif name in _Q_UNITS:
            unit = _Q_UNITS[name]
        elif name in ("dimensionless", "count"):
            unit = "unspecified" if value >= 1e6 else "count"
        else:
            unit = name
        out.append(Figure(q.span[0], q.span[1], value, value_max, unit))
    return out


def ours_figures_factory(figures_only: bool) -> Callable[[str], list[Figure]]:
    """Return a function running our pipeline on a text and returning its figures."""
    from pipeline.extensions import FIGURES_GROUP
    from pipeline.nlp import build_nlp, load_base_model

    if figures_only:
        import pipeline.components.figures  # noqa: F401  (registers the factory)

        nlp = load_base_model()
        nlp.add_pipe("summit_figures")
    else:
        nlp = build_nlp()

    def run(text: str) -> list[Figure]:
        doc = nlp(text)
        out = []
        for span in doc.spans[FIGURES_GROUP]:
            f: dict[str, Any] = span._.summit_figure
            out.append(Figure(f["start"], f["end"], f["value"], f["value_max"], f["unit"]))
        return out

    return run


def load_documents(
    raw_dir: Path, gold_dir: Path, seed_only: bool = False
) -> list[tuple[str, str, list[Figure]]]:
    """Return (doc id, text, gold figures) for every raw text with gold, or the seed."""
    docs = []
    for path in [] if seed_only else sorted(gold_dir.glob("*.json")):
        raw = raw_dir / f"{path.stem}.txt"
        if not raw.exists():
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        figs = [
            Figure(f["start"], f["end"], f["value"], f.get("value_max"), f["unit"])
            for f in gold.get("figures", [])
        ]
        docs.append((path.stem, raw.read_text(encoding="utf-8"), figs))
    if docs:
        return docs
    text = (raw_dir / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    ref = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    figs = [Figure(None, None, f["value"], f.get("value_max"), f["unit"]) for f in ref["figures"]]
    return [(SEED_ID, text, figs)]


def main(argv: list[str] | None = None) -> int:
    """Run both systems, print a markdown table; return 0 (2 when quantulum3 is missing)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", type=Path, default=ROOT / "corpus" / "raw")
    ap.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold")
    ap.add_argument("--figures-only", action="store_true", help="base model + summit_figures only")
    ap.add_argument(
        "--seed", action="store_true", help="score the seed against the reference gold only"
    )
    ap.add_argument("--json", type=Path, help="also write the numbers as JSON here")
    args = ap.parse_args(argv)

    docs = load_documents(args.raw, args.gold, seed_only=args.seed)
    systems: dict[str, Callable[[str], list[Figure]]] = {}
    try:
        import quantulum3  # noqa: F401

        systems["quantulum3 0.10.0"] = quantulum_figures
    except ImportError:
        print("quantulum3 is not installed: pip install quantulum3==0.10.0", file=sys.stderr)
    systems["summit_figures"] = ours_figures_factory(args.figures_only)

    results: dict[str, dict[str, float]] = {}
    for name, run in systems.items():
        tally = Tally()
        started = time.perf_counter()
        for _doc_id, text, gold in docs:
            pred = run(text)
            tally.pred += len(pred)
            tally.gold += len(gold)
            tally.value_hits += _matches(pred, gold, with_unit=False)
            tally.unit_hits += _matches(pred, gold, with_unit=True)
        results[name] = {
            "predicted": tally.pred,
            "gold": tally.gold,
            "value_f1": round(tally.f1(tally.value_hits), 3),
            "value_unit_f1": round(tally.f1(tally.unit_hits), 3),
            "seconds": round(time.perf_counter() - started, 2),
        }

    print(f"{len(docs)} documents, {sum(len(g) for _, _, g in docs)} gold figures\n")
    print("| system | predicted | value F1 | value+unit F1 |")
    print("| --- | ---: | ---: | ---: |")
    for name, r in results.items():
        print(f"| {name} | {r['predicted']} | {r['value_f1']:.3f} | {r['value_unit_f1']:.3f} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0 if "quantulum3 0.10.0" in results else 2


if __name__ == "__main__":
    raise SystemExit(main())
