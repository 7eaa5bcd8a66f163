"""`summit bench`: words/second of the bare base model and of the full pipeline, side by side.

Both run in one process on the same texts, interleaved round by round (bare, full, bare, full…),
so machine noise hits both alike; the ratio of the best rounds is the number to read.
"""

from __future__ import annotations

import platform
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language

from pipeline.nlp import COMPONENTS, build_nlp, load_base_model


@dataclass
class BenchResult:
    """Throughput of the bare model and the full pipeline on the same texts."""

    docs: int
    words: int
    rounds: int
    bare_wps: float
    full_wps: float
    peak_rss_mb: float
    machine: str

    @property
    def ratio(self) -> float:
        """Full-pipeline speed as a fraction of the bare model's speed."""
        return self.full_wps / self.bare_wps if self.bare_wps else 0.0


def _time_pipe(nlp: Language, texts: list[str], batch_size: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def run_bench(
    texts: list[str],
    model: str,
    rounds: int = 3,
    batch_size: int = 8,
    on_round: Callable[[int, float, float], None] | None = None,
) -> BenchResult:
    """Return the best-of-``rounds`` words/second of the bare model and the full pipeline."""
    bare = load_base_model(model)
    full = build_nlp(model)
    missing = [c for c in COMPONENTS if c not in full.pipe_names]
    if missing:
        raise RuntimeError(f"pipeline lacks components {missing}")
    words = sum(1 for doc in bare.tokenizer.pipe(texts) for t in doc if not t.is_space)
    # Warm-up: first calls pay for lazy initialisation in both pipelines.
    _time_pipe(bare, texts[:1], batch_size)
    _time_pipe(full, texts[:1], batch_size)
    bare_best = full_best = float("inf")
    for i in range(rounds):
        b = _time_pipe(bare, texts, batch_size)
        f = _time_pipe(full, texts, batch_size)
        bare_best, full_best = min(bare_best, b), min(full_best, f)
        if on_round:
            on_round(i + 1, words / b, words / f)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return BenchResult(
        docs=len(texts),
        words=words,
        rounds=rounds,
        bare_wps=words / bare_best,
        full_wps=words / full_best,
        peak_rss_mb=peak_kb / 1024,
        machine=f"{platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {_cpu_count()} CPUs",
    )


def _cpu_count() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
