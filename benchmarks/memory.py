"""Peak memory of `summit extract` as the corpus grows: 1x, 10x, 100x the bundled corpus.

Usage: python benchmarks/memory.py [--factors 1 10 100] [--workers 1]
Each run is a separate process; its peak resident set size is read from the kernel
(getrusage of the finished child), so the numbers include the model and every component.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def peak_rss_mb(cmd: list[str]) -> tuple[float, float]:
    """Run ``cmd`` in a fresh process (via a tiny wrapper) and return (peak MiB, seconds)."""
    wrapper = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], check=True, capture_output=True, text=True
    )
    return int(out.stdout.strip()) / 1024, time.perf_counter() - start


def main() -> None:
    """Print a markdown table of peak memory per corpus size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    raw = sorted((ROOT / "corpus" / "raw").glob("*.txt"))
    print("| corpus | documents | peak RSS | time |")
    print("|---|---|---|---|")
    for factor in args.factors:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "in"
            src.mkdir()
            for i in range(factor):
                for path in raw:
                    shutil.copy(
                        path, src / f"{i:04d}_{path.stem}.txt"
                    )  # copies interleave, as a real stream does
            cmd = [
                sys.executable,
                "-m",
                "pipeline.cli",
                "extract",
                str(src),
                "--out",
                str(Path(tmp) / "out"),
                "--workers",
                str(args.workers),
            ]
            mb, secs = peak_rss_mb(cmd)
            print(
                f"| {factor}x | {factor * len(raw)} | {mb:,.0f} MiB | {secs:,.0f} s |", flush=True
            )


if __name__ == "__main__":
    main()
