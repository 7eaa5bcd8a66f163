"""`summit bench`: words/second of the bare base model and of the full pipeline, side by side.

Both run in one process on the same texts, interleaved text by text (bare, full, bare, full…),
so machine noise hits both alike; the ratio is the number to read, not the absolute speeds.
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
    rounds: int = 5,
    batch_size: int = 8,
    on_round: Callable[[int, float, float], None] | None = None,
) -> BenchResult:
    """Return words/second of the bare model and of the full pipeline on ``texts``.

    Each text is timed with the bare model and right after with the full pipeline, every round;
    a text's time is its fastest round. Pairing the two so closely, and keeping minima, keeps a
    noisy 2-core machine's bursts out of the ratio.
    """
    bare = load_base_model(model)
    full = build_nlp(model)
    missing = [c for c in COMPONENTS if c not in full.pipe_names]
    if missing:
        raise RuntimeError(f"pipeline lacks components {missing}")
    words = sum(1 for text in texts for t in bare.make_doc(text) if not t.is_space)
    # Warm-up: first calls pay for lazy initialisation in both pipelines.
    _time_pipe(bare, texts[:1], batch_size)
    _time_pipe(full, texts[:1], batch_size)
    bare_best = [float("inf")] * len(texts)
    full_best = [float("inf")] * len(texts)
    for i in range(rounds):
        b_total = f_total = 0.0
        for j, text in enumerate(texts):
            b = _time_pipe(bare, [text], batch_size)
            f = _time_pipe(full, [text], batch_size)
            bare_best[j], full_best[j] = min(bare_best[j], b), min(full_best[j], f)
            b_total, f_total = b_total + b, f_total + f
        if on_round:
            on_round(i + 1, words / b_total, words / f_total)
    bare_time, full_time = sum(bare_best), sum(full_best)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return BenchResult(
        docs=len(texts),
        words=words,
        rounds=rounds,
        bare_wps=words / bare_time,
        full_wps=words / full_time,
        peak_rss_mb=peak_kb / 1024,
        machine=f"{platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {_cpu_count()} CPUs",
    )


@dataclass
class WholeResult:
    """Whole-process throughput: reading, parsing, exporting and writing, not per-text timings."""

    docs: int
    words: int
    workers: int
    rounds: int
    bare_wps: float  # read the inputs + bare model nlp.pipe over them
    full_wps: float  # summit's whole extract (run_extract into a temporary folder)

    @property
    def ratio(self) -> float:
        """Whole extract speed as a fraction of the bare model's speed."""
        return self.full_wps / self.bare_wps if self.bare_wps else 0.0


def run_whole(
    inputs: list[str],
    model: str,
    workers: int = 1,
    rounds: int = 3,
    on_round: Callable[[int, float, float], None] | None = None,
) -> WholeResult:
    """Return whole-process words/second of the bare model and of ``summit extract``.

    Both read the same inputs from disk with ``workers`` processes; the two are run alternately
    (bare, full, bare, full…) and each keeps its median round. Model loading is not timed.
    """
    import statistics
    import tempfile
    from pathlib import Path

    from pipeline.io import InputError, discover, read_input
    from pipeline.runner import run_extract

    files, _ = discover(inputs)
    bare = load_base_model(model)
    full = build_nlp(model)

    def read_all() -> list[str]:
        texts = []
        for path in files:
            try:
                texts.append(read_input(path).text)
            except InputError:
                continue
        return texts

    words = sum(1 for text in read_all() for t in bare.make_doc(text) if not t.is_space)
    bare_times, full_times = [], []
    for i in range(rounds):
        start = time.perf_counter()
        for _ in bare.pipe(read_all(), batch_size=8, n_process=workers):
            pass
        bare_times.append(time.perf_counter() - start)
        with tempfile.TemporaryDirectory(prefix="summit-bench-") as tmp:
            start = time.perf_counter()
            run_extract(inputs, Path(tmp), nlp_factory=lambda: full, model=model, workers=workers)
            full_times.append(time.perf_counter() - start)
        if on_round:
            on_round(i + 1, words / bare_times[-1], words / full_times[-1])
    return WholeResult(
        docs=len(files),
        words=words,
        workers=workers,
        rounds=rounds,
        bare_wps=words / statistics.median(bare_times),
        full_wps=words / statistics.median(full_times),
    )


def _cpu_count() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
