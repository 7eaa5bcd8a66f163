"""Figures on a general-news quantity benchmark: summit_figures next to quantulum3 (issue 12).

Usage::

    .venv/bin/python benchmarks/newsquant_compare.py PATH/NewsQuant.json \\
        [--figures-only] [--json OUT.json] [--dump MISSES.jsonl] [--no-quantulum]

The benchmark is the NewsQuant test set published with CQE (Almasian et al., EMNLP 2023;
``satya77/CQE_Evaluation``, ``data/formatted_test_set/NewsQuant.json``): general news sentences,
each with its quantities (``value``, ``unit``, ``normalized_unit``, ``change``). It is a third
party's data and is never stored in this repository: pass its path. Only this code and the unit
mapping (``benchmarks/newsquant_units.json``) live here.

Each sentence is run through our pipeline (``--figures-only``: base model + summit_figures) and,
when the ``compare`` extra is installed, through quantulum3 (reusing the helpers of
``quantulum_compare.py``). The gold has no character offsets, so predictions are aligned with the
gold quantities of the same sentence by value, one to one (a maximum bipartite matching):

- **value**: the values agree within a relative ``TOLERANCE``; a gold range ``a-b`` needs a
  predicted range with the same two ends (either order, since the benchmark writes a fall
  ``36040-34935`` high end first); a gold single value needs a single prediction.
- **value+unit**: the value matches and the predicted unit is one of the gold unit's names in
  our vocabulary (``newsquant_units.json``; a gold ``A per B`` becomes ``A/B``; a counted noun
  becomes ``count``; a gold fraction ``% X`` becomes ``percent`` times 100).

Scores: precision, recall and F1 for value and for value+unit, overall and per category (the
category of a gold quantity for recall, of a prediction for precision), and the same overall
scores with what our contract excludes on purpose taken out (``EXCLUDED_RULE``): the excluded
gold quantities leave the gold, and a prediction matched to one of them leaves the predictions.
``--dump`` writes every sentence with its gold, predictions and match flags as JSON lines, for
the miss analysis (write it outside the repository: it holds the benchmark's sentences).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.quantulum_compare import (  # noqa: E402  (path set up above)
    Figure,
    ours_figures_factory,
    quantulum_figures,
)

UNITS_FILE = Path(__file__).with_name("newsquant_units.json")
TOLERANCE = 1e-3  # relative: the benchmark rounds some values ("$1.762bn" -> 1762000000.0)
SMALL_WORD_MAX = 10  # summit_figures' small_word_max: spelled-out numbers up to ten name a set

EXCLUDED_RULE = (
    "A gold quantity is out of our contract when (1) its unit is an age (`year of age`, "
    "`month of age`: `a 50-year-old`, `Jones, 58`), (2) its unit is a plain duration (`year`, "
    "`month`, `week`, `day`, `hour`, `minute`, `second`, `decade`, `century`: `in 15 years`; a "
    "rate such as `hours a week` stays in), or (3) it is a small number spelled out: an "
    f"integer up to {SMALL_WORD_MAX} whose digits do not occur in the sentence (`one of the "
    "best`, `two sides`, `four bosses`), which the contract reads as naming a set, not a "
    "statistic."
)

_NUM = r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?"
_RANGE = re.compile(rf"^\s*({_NUM})\s*-\s*({_NUM})\s*$")

CATEGORIES = ("money", "percent", "count", "multiplier", "quantity", "rate", "duration", "age")


@dataclass
class UnitTable:
    """The gold-to-ours unit mapping read from ``newsquant_units.json``."""

    units: dict[str, Any]
    denominators: dict[str, str]
    by_surface: dict[str, str]
    durations: set[str]
    ages: set[str]

    @classmethod
    def load(cls, path: Path = UNITS_FILE) -> UnitTable:
        """Read the mapping file."""
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            units=raw["units"],
            denominators=raw["denominators"],
            by_surface=raw["by_surface"],
            durations=set(raw["durations"]),
            ages=set(raw["ages"]),
        )

    def _one(self, name: str) -> tuple[set[str], float] | None:
        """Map one gold unit name; None when the table does not know it."""
        if name.startswith("%"):
            return {"percent"}, 100.0  # "a third of those screened": a fraction read as percent
        entry = self.units.get(name)
        if entry is None:
            return None
        if isinstance(entry, str):
            return {entry}, 1.0
        if isinstance(entry, list):
            return set(entry), 1.0
        return {entry["unit"]}, float(entry.get("factor", 1.0))

    def map(self, unit: str, normalized: str) -> tuple[set[str], float, str]:
        """Return (accepted unit names, factor for the gold value, category) of a gold unit."""
        if unit.strip().lower() in self.by_surface:
            return {self.by_surface[unit.strip().lower()]}, 1.0, "multiplier"
        if normalized in self.ages:
            return {"age"}, 1.0, "age"
        if normalized in self.durations:
            return {"duration"}, 1.0, "duration"
        if " per " in normalized:
            head, _, tail = normalized.partition(" per ")
            mapped = self._one(head)
            if head in self.durations:
                mapped = {head}, 1.0  # "hours a week": a duration per period is a rate
            names, factor = mapped if mapped is not None else ({"count"}, 1.0)
            denom = self.denominators.get(tail, tail.replace(" ", "_"))
            if normalized in self.units:  # a rate that is one unit by itself: mph, rpm, Mbps
                names2, factor2 = self._one(normalized) or (names, factor)
                return names2, factor2, _category(next(iter(names2)))
            return {f"{n}/{denom}" for n in names}, factor, "rate"
        mapped = self._one(normalized)
        if mapped is None:
            return {"count"}, 1.0, "count"  # a counted noun: workers, goals, headsets
        names, factor = mapped
        return names, factor, _category(sorted(names)[0])


def _category(unit: str) -> str:
    """Return the category of one of our unit names."""
    if unit == "unspecified" or re.fullmatch(r"[A-Z]{3}", unit):
        return "money"
    if unit in ("percent", "basis_point"):
        return "percent"
    if unit == "times":
        return "multiplier"
    if unit in ("count", "duration", "age"):
        return unit
    if "/" in unit and unit not in ("km/h", "m/s", "kV/cm", "A/cm2"):
        return "rate"
    return "quantity"


@dataclass
class Gold:
    """One gold quantity, mapped onto our vocabulary."""

    value: float
    value_max: float | None
    units: set[str]
    category: str
    excluded: str | None
    raw: dict[str, Any]


@dataclass
class Sentence:
    """A benchmark sentence and its gold quantities."""

    text: str
    gold: list[Gold] = field(default_factory=list)


def _parse_value(raw: str) -> tuple[float, float | None]:
    m = _RANGE.match(raw)
    if m:
        return float(m.group(1)), float(m.group(2))
    return float(raw), None


def _spelled_small(text: str, value: float) -> bool:
    """Return True when ``value`` is a small integer not written in digits in ``text``."""
    if value != int(value) or not 0 <= value <= SMALL_WORD_MAX:
        return False
    return re.search(rf"(?<![\d.,]){int(value)}(?![\d]|[.,]\d)", text) is None


def excluded_reason(text: str, g: Gold) -> str | None:
    """Return why the contract leaves ``g`` out (``EXCLUDED_RULE``), or None."""
    if g.category == "age":
        return "age"
    if g.category == "duration":
        return "duration"
    if g.value_max is None and _spelled_small(text, g.value):
        return "small_spelled"
    return None


def load_benchmark(path: Path, table: UnitTable) -> list[Sentence]:
    """Read the benchmark file (a JSON list of {text, quantities}) and map its gold."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for item in data:
        sent = Sentence(item["text"])
        for q in item["quantities"]:
            v1, v2 = _parse_value(q["value"])
            names, factor, category = table.map(q["unit"], q["normalized_unit"])
            g = Gold(
                value=v1 * factor,
                value_max=None if v2 is None else v2 * factor,
                units=names,
                category=category,
                excluded=None,
                raw=q,
            )
            g.excluded = excluded_reason(sent.text, g)
            sent.gold.append(g)
        out.append(sent)
    return out


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=1e-9)


def same_value(g: Gold, p: Figure) -> bool:
    """Return True when prediction ``p`` has the value (or the two range ends) of ``g``."""
    p_max = None if p.value_max is None or _close(p.value, p.value_max) else p.value_max
    if g.value_max is None:
        return p_max is None and _close(p.value, g.value)
    if p_max is None:
        return False
    return (_close(p.value, g.value) and _close(p_max, g.value_max)) or (
        _close(p.value, g.value_max) and _close(p_max, g.value)
    )


def match(gold: list[Gold], pred: list[Figure], with_unit: bool) -> dict[int, int]:
    """Return a maximum one-to-one matching {gold index: prediction index}."""
    edges = [
        [j for j, p in enumerate(pred) if same_value(g, p) and (not with_unit or p.unit in g.units)]
        for g in gold
    ]
    owner: dict[int, int] = {}  # prediction -> gold

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


@dataclass
class Counts:
    """Gold, predictions and hits for one slice of the scores."""

    gold: int = 0
    pred: int = 0
    gold_hits: int = 0  # gold quantities matched (recall numerator)
    pred_hits: int = 0  # predictions matched (precision numerator)

    def prf(self) -> tuple[float, float, float]:
        """Return precision, recall and F1."""
        p = self.pred_hits / self.pred if self.pred else 0.0
        r = self.gold_hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Scores:
    """All counts of one system: overall, per category, and without the contract's exclusions."""

    overall: dict[str, Counts] = field(
        default_factory=lambda: {"value": Counts(), "unit": Counts()}
    )
    in_contract: dict[str, Counts] = field(
        default_factory=lambda: {"value": Counts(), "unit": Counts()}
    )
    by_category: dict[tuple[str, str], Counts] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, sent: Sentence, pred: list[Figure]) -> dict[str, dict[int, int]]:
        """Score one sentence; return the value and value+unit matchings."""
        found = {"value": match(sent.gold, pred, False), "unit": match(sent.gold, pred, True)}
        for key, pairs in found.items():
            c = self.overall[key]
            c.gold += len(sent.gold)
            c.pred += len(pred)
            c.gold_hits += len(pairs)
            c.pred_hits += len(pairs)
            kept = [i for i, g in enumerate(sent.gold) if g.excluded is None]
            dropped_pred = {j for i, j in pairs.items() if sent.gold[i].excluded is not None}
            k = self.in_contract[key]
            k.gold += len(kept)
            k.pred += len(pred) - len(dropped_pred)
            hits = sum(1 for i in kept if i in pairs)
            k.gold_hits += hits
            k.pred_hits += hits
            for i, g in enumerate(sent.gold):
                cat = self.by_category.setdefault((key, g.category), Counts())
                cat.gold += 1
                cat.gold_hits += i in pairs
            matched = set(pairs.values())
            for j, p in enumerate(pred):
                cat = self.by_category.setdefault((key, _category(p.unit)), Counts())
                cat.pred += 1
                cat.pred_hits += j in matched
        return found


def remap_quantulum(fig: Figure, table: UnitTable) -> Figure:
    """Map a quantulum3 unit name that ``quantulum_compare`` left as is onto our vocabulary.

    quantulum3 names units as the benchmark's ``normalized_unit`` does ("mile per hour",
    "gigabyte"), so the same table applies; its value is rescaled by the table's factor (cents).
    Durations keep a name of their own, as in the gold, so they are scored like the gold's.
    """
    if fig.unit in ("count", "unspecified", "times", "percent") or re.fullmatch(
        r"[A-Z]{3}", fig.unit
    ):
        return fig
    names, factor, category = table.map(fig.unit, fig.unit)
    if category == "count":
        return fig  # a name the table does not know stays quantulum's own
    v2 = None if fig.value_max is None else fig.value_max * factor
    return Figure(fig.start, fig.end, fig.value * factor, v2, sorted(names)[0])


def _row(name: str, c: Counts) -> str:
    p, r, f = c.prf()
    return f"| {name} | {c.gold} | {c.pred} | {c.gold_hits} | {p:.3f} | {r:.3f} | {f:.3f} |"


def report(results: dict[str, Scores], n_sent: int, n_gold: int, excluded: Counter[str]) -> str:
    """Return the markdown tables printed by ``main``."""
    out = [f"{n_sent} sentences, {n_gold} gold quantities (tolerance {TOLERANCE:g} relative)", ""]
    head = "| system / slice | gold | pred | hits | P | R | F1 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    for key, title in (("value", "value"), ("unit", "value+unit")):
        out += [f"### {title}", "", head]
        for name, s in results.items():
            out.append(_row(f"{name}", s.overall[key]))
            out.append(_row(f"{name}, in contract", s.in_contract[key]))
        out.append("")
    out += [
        "### per category (recall by gold category, precision by predicted category)",
        "",
        head,
    ]
    for name, s in results.items():
        for key, title in (("value", "value"), ("unit", "value+unit")):
            for cat in CATEGORIES:
                c = s.by_category.get((key, cat))
                if c is not None:
                    out.append(_row(f"{name} {title} · {cat}", c))
    out += ["", "Out of contract: " + ", ".join(f"{k} {v}" for k, v in sorted(excluded.items()))]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run the systems over the benchmark and print the tables; 2 when quantulum3 is missing."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("benchmark", type=Path, help="path to NewsQuant.json (not in this repository)")
    ap.add_argument("--figures-only", action="store_true", help="base model + summit_figures only")
    ap.add_argument("--no-quantulum", action="store_true", help="score summit_figures only")
    ap.add_argument("--json", type=Path, help="also write the overall numbers as JSON here")
    ap.add_argument("--dump", type=Path, help="write per-sentence gold/predictions (JSON lines)")
    args = ap.parse_args(argv)

    table = UnitTable.load()
    sentences = load_benchmark(args.benchmark, table)
    systems: dict[str, Callable[[str], list[Figure]]] = {}
    systems["summit_figures"] = ours_figures_factory(args.figures_only)
    missing_quantulum = False
    if not args.no_quantulum:
        try:
            import quantulum3  # noqa: F401

            systems["quantulum3 0.10.0"] = lambda text: [
                remap_quantulum(f, table) for f in quantulum_figures(text)
            ]
        except ImportError:
            missing_quantulum = True
            print("quantulum3 is not installed: pip install -e '.[compare]'", file=sys.stderr)

    results: dict[str, Scores] = {}
    dump: list[dict[str, Any]] = [{"text": s.text, "gold": [], "systems": {}} for s in sentences]
    for name, run in systems.items():
        scores = Scores()
        started = time.perf_counter()
        for k, sent in enumerate(sentences):
            pred = run(sent.text)
            found = scores.add(sent, pred)
            dump[k]["systems"][name] = [
                {
                    "text": sent.text[p.start : p.end] if p.start is not None else None,
                    "value": p.value,
                    "value_max": p.value_max,
                    "unit": p.unit,
                    "value_hit": j in found["value"].values(),
                    "unit_hit": j in found["unit"].values(),
                }
                for j, p in enumerate(pred)
            ]
            dump[k].setdefault("hits", {})[name] = {
                "value": sorted(found["value"]),
                "unit": sorted(found["unit"]),
            }
        scores.seconds = time.perf_counter() - started
        results[name] = scores
    for k, sent in enumerate(sentences):
        dump[k]["gold"] = [
            {
                "value": g.value,
                "value_max": g.value_max,
                "units": sorted(g.units),
                "category": g.category,
                "excluded": g.excluded,
                "unit": g.raw["unit"],
                "normalized_unit": g.raw["normalized_unit"],
            }
            for g in sent.gold
        ]

    excluded = Counter(g.excluded for s in sentences for g in s.gold if g.excluded)
    n_gold = sum(len(s.gold) for s in sentences)
    print(report(results, len(sentences), n_gold, excluded))
    print("\nRule: " + EXCLUDED_RULE)
    if args.json:
        summary = {
            name: {
                f"{slice_}_{key}_{m}": round(v, 4)
                for slice_, counts in (("all", s.overall), ("contract", s.in_contract))
                for key, c in counts.items()
                for m, v in zip("prf", c.prf(), strict=True)
            }
            | {"seconds": round(s.seconds, 2)}
            for name, s in results.items()
        }
        args.json.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for row in dump:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 2 if missing_quantulum else 0


if __name__ == "__main__":
    raise SystemExit(main())
