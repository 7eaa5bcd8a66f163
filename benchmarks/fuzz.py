"""Fuzz summit-extract with hostile input: generate documents, run them, check the contract.

Usage:
  python benchmarks/fuzz.py --campaign 2000 --seed 13        # N generated docs through the CLI
  python benchmarks/fuzz.py --timing "one-"                  # time growth as a pattern doubles
  python benchmarks/fuzz.py --check OUT_DIR                  # contract check of an output folder
  python benchmarks/fuzz.py --generate 20 --seed 1 --out DIR # write generated docs, run nothing

Generators (issue 13): mutated corpus texts (separators swapped for U+2029/U+2028/CR, invisible
characters inside numbers, huge digit runs, spans deleted or duplicated, quote marks changed),
random text from weighted alphabets (quote marks, digits, invisible and separator characters,
number and scale words), pathological repetitions (the patterns of tests/data/fuzz/perf) and
Markdown front matter with good and bad dates. A campaign runs the documents through
``summit extract`` in batches (a subprocess, exactly as a user would) and checks every output
folder with ``pipeline.contract.check_output``: strict JSON, unique ids, value <= value_max, true
offsets, ISO-or-null dates; it also checks that every input is in documents.jsonl or errors.jsonl
and that no traceback was printed. Timing runs in process (``pipeline.runner.process_texts``),
so the model load is not counted; the growth ratio per doubling is the number to read (≈2 is
linear, ≈4 quadratic).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from pipeline.contract import check_output
from pipeline.io import InputDoc

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "raw"

QUOTES = "“”\"«»„‟‘’‹›'「」"
DIGITS = "0123456789"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u202a\u202c\u00ad\u200e"
SEPARATORS = ["\n", "\n\n", "\r", "\r\n", "\u2028", "\u2029", "\t", "\u00a0", "\u3000"]
WORDS = [
    "one",
    "two",
    "three",
    "ten",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "percent",
    "per",
    "cent",
    "dollars",
    "euros",
    "tenge",
    "som",
    "twice",
    "threefold",
    "between",
    "from",
    "to",
    "and",
    "or",
    "up",
    "about",
    "almost",
    "more",
    "than",
    "less",
    "Council",
    "Centre",
    "Platform",
    "Forum",
    "Fund",
    "agreed",
    "establish",
    "proposed",
    "said",
    "added",
    "noted",
    "President",
    "Tokayev",
    "Mirziyoyev",
    "Xi",
    "Putin",
    "Kazakhstan",
    "Uzbekistan",
    "China",
    "the",
    "of",
    "in",
    "on",
    "a",
    "by",
]
#: The repeated patterns the first campaign found superlinear (tests/data/fuzz/perf).
PATTERNS = [
    "one-",
    "Xi ",
    "Tokayev ",
    "“a” ",
    '"a" ',
    "“",
    '"',
    "(",
    "🙂",
    "„",
    "twice ",
    "5 projects, ",
    "$400 billion and ",
    "a Xyz Centre and ",
    "9",
]


def _corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


def mutate(text: str, rng: random.Random) -> str:
    """Return ``text`` with 1-8 random hostile edits."""
    chars = list(text)
    for _ in range(rng.randint(1, 8)):
        if not chars:
            break
        i = rng.randrange(len(chars))
        op = rng.randrange(7)
        if op == 0:  # a separator instead of a line break or space
            for j in range(i, min(len(chars), i + 400)):
                if chars[j] in "\n ":
                    chars[j] = rng.choice(SEPARATORS)
                    break
        elif op == 1:  # an invisible character, preferably inside a number
            j = next((k for k in range(i, min(len(chars), i + 400)) if chars[k].isdigit()), i)
            chars.insert(j, rng.choice(INVISIBLE))
        elif op == 2:  # a huge number
            chars[i:i] = list(rng.choice(["$", "", "€"]) + "9" * rng.randint(20, 400))
        elif op == 3:  # delete a span
            del chars[i : i + rng.randint(1, 200)]
        elif op == 4:  # duplicate a span
            chars[i:i] = chars[i : i + rng.randint(1, 300)]
        elif op == 5:  # change a quote mark
            j = next((k for k in range(i, min(len(chars), i + 400)) if chars[k] in QUOTES), i)
            chars[j] = rng.choice(QUOTES)
        else:  # every paragraph break becomes one separator kind
            sep = rng.choice(["\u2029", "\r", "\u2028", "\r\n\r\n"])
            return "".join(chars).replace("\n\n", sep)
    return "".join(chars)


def random_text(rng: random.Random, length: int = 600) -> str:
    """Return text drawn from a weighted alphabet of words, quotes, digits and odd characters."""
    kinds: list[tuple[float, Callable[[], str]]] = [
        (0.45, lambda: rng.choice(WORDS) + " "),
        (0.15, lambda: rng.choice(QUOTES)),
        (0.15, lambda: "".join(rng.choice(DIGITS + ".,-–") for _ in range(rng.randint(1, 6)))),
        (0.08, lambda: rng.choice(INVISIBLE)),
        (0.08, lambda: rng.choice(SEPARATORS)),
        (0.09, lambda: rng.choice(".,;:!?()[]%$€£-–— ")),
    ]
    weights = [w for w, _ in kinds]
    out: list[str] = []
    size = 0
    while size < length:
        piece = rng.choices(kinds, weights)[0][1]()
        out.append(piece)
        size += len(piece)
    return "".join(out)


def repetition(rng: random.Random, max_chars: int = 2000) -> str:
    """Return a pathological repetition of one pattern, sometimes inside a sentence."""
    pattern = rng.choice(PATTERNS)
    body = pattern * max(1, rng.randint(10, max_chars) // len(pattern))
    return rng.choice(["", "Leaders said: “", "Trade reached "]) + body + rng.choice(["", "."])


def front_matter(rng: random.Random, body: str) -> str:
    """Return ``body`` under Markdown front matter with a good, bad or odd date."""
    date = rng.choice(
        ["2024-07-04", "2019-11-29", "yesterday", "2024-13-40", "2024-02-30", "", "04.07.2024"]
    )
    return f"---\ntitle: Generated\ndate: {date}\n---\n{body}"


def generate(n: int, seed: int) -> list[tuple[str, str]]:
    """Return ``n`` generated documents as ``(file name, text)``, deterministic for ``seed``."""
    rng = random.Random(seed)
    corpus = _corpus_texts()
    docs = []
    for i in range(n):
        kind = rng.choices(["mutated", "random", "repeat", "markdown"], [0.4, 0.25, 0.2, 0.15])[0]
        if kind == "mutated":  # a slice from a paragraph start keeps a campaign affordable
            source = rng.choice(corpus)
            at = source.rfind("\n\n", 0, rng.randrange(len(source))) + 1
            text = mutate(source[at : at + rng.randint(300, 5000)], rng)
        elif kind == "random":
            text = random_text(rng, rng.randint(50, 3000))
        elif kind == "repeat":
            text = repetition(rng)
        else:
            text = front_matter(rng, mutate(rng.choice(corpus), rng)[: rng.randint(100, 3000)])
        suffix = ".md" if kind == "markdown" else ".txt"
        docs.append((f"fz{seed}_{i:06d}_{kind}{suffix}", text))
    return docs


def _write(folder: Path, docs: list[tuple[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs:
        # newline="" keeps CR, CRLF and U+2028/U+2029 exactly as generated
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)


def run_batch(folder: Path, out: Path, workers: int) -> tuple[int, str, float]:
    """Run ``summit extract folder --out out`` as a user would; return (exit code, stderr, s)."""
    start = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline.cli",
            "extract",
            str(folder),
            "--out",
            str(out),
            "--workers",
            str(workers),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return proc.returncode, proc.stderr, time.perf_counter() - start


_KINDS = {
    "not strict JSON": "JSON with NaN/Infinity or malformed",
    "appears twice": "duplicate id",
    "above value_max": "value > value_max",
    "> value_max": "value > value_max",
    "not a finite": "non-finite value",
    "not ISO": "date not ISO",
    "text != doc_text": "offset text mismatch",
    "cannot re-read": "input not re-readable",
    "has no document": "record without document",
}


def _problem_kind(problem: str) -> str:
    """Return ``<file>: <kind>`` for a check_output message."""
    kind = next((v for k, v in _KINDS.items() if k in problem), "other")
    return f"{problem.split(':')[0]}: {kind}"


def campaign(n: int, seed: int, batch: int, workers: int, keep: Path | None) -> int:
    """Run ``n`` generated documents through the CLI in batches; print a summary; return the
    number of contract problems (exit status)."""
    docs = generate(n, seed)
    stats: Counter[str] = Counter()
    problems: Counter[str] = Counter()
    examples: dict[str, str] = {}
    slowest = (0.0, "")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="summit-fuzz-") as tmp:
        for b in range(0, n, batch):
            part = docs[b : b + batch]
            src, out = Path(tmp) / f"in{b}", Path(tmp) / f"out{b}"
            _write(src, part)
            code, stderr, seconds = run_batch(src, out, workers)
            stats[f"exit {code}"] += 1
            slowest = max(slowest, (seconds, f"batch {b // batch} ({len(part)} docs)"))
            if "Traceback" in stderr:
                problems["traceback"] += 1
                examples.setdefault("traceback", stderr[-2000:])
            stats["warnings"] += sum(1 for line in stderr.splitlines() if "warning " in line)
            names = {name.rsplit(".", 1)[0] for name, _ in part}
            listed = set()
            for kind in ("documents", "errors"):
                path = out / f"{kind}.jsonl"
                lines = path.read_text(encoding="utf-8").split("\n") if path.exists() else []
                for line in filter(None, lines):
                    rec = json.loads(line)
                    listed.add(rec.get("doc_id") or Path(rec["path"]).stem)
                    stats[kind] += 1
                    if kind == "errors":
                        stats[f"error:{rec['kind']}"] += 1
            if names - listed:
                problems["lost input"] += len(names - listed)
            for name in ("leaders", "quotes", "bodies", "figures"):
                path = out / f"{name}.jsonl"
                if path.exists():
                    stats[name] += sum(1 for x in path.read_text(encoding="utf-8").split("\n") if x)
            for problem in check_output(out):
                kind = _problem_kind(problem)
                problems[kind] += 1
                examples.setdefault(kind, problem)
                if keep is not None:
                    keep.mkdir(parents=True, exist_ok=True)
                    for name, text in part:
                        if name.rsplit(".", 1)[0] in problem:
                            _write(keep, [(name, text)])
            print(
                f"batch {b // batch + 1}/{-(-n // batch)}: {len(part)} docs, exit {code}, "
                f"{seconds:.1f} s, problems so far {sum(problems.values())}",
                file=sys.stderr,
            )
    elapsed = time.perf_counter() - start
    print(f"campaign: {n} documents, seed {seed}, batches of {batch}, --workers {workers}")
    print(
        f"time: {elapsed:.0f} s ({n / elapsed:.1f} docs/s); slowest {slowest[1]}: {slowest[0]:.1f} s"
    )
    kinds = Counter(name.rsplit("_", 1)[-1].split(".")[0] for name, _ in docs)
    print("generated: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print("outputs: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.items())))
    if problems:
        print("contract problems:")
        for kind, count in problems.most_common():
            print(f"  {count} × {kind} — e.g. {examples.get(kind, '')[:300]}")
    else:
        print("contract problems: none")
    return sum(problems.values())


def timing(pattern: str, base_chars: int, factors: list[int]) -> None:
    """Print the in-process time of ``pattern`` repeated to base_chars × each factor."""
    from pipeline.nlp import build_nlp
    from pipeline.runner import process_texts

    nlp = build_nlp()
    previous = None
    print(f"pattern {pattern!r}, base {base_chars} characters")
    print("| factor | chars | seconds | ×previous |")
    print("|---|---|---|---|")
    for factor in factors:
        text = pattern * max(1, base_chars * factor // len(pattern))
        item = InputDoc(doc_id="t", path="t", text=text, sha256="", encoding="utf-8")
        start = time.perf_counter()
        for _ in process_texts(nlp, [item]):
            pass
        seconds = time.perf_counter() - start
        growth = f"{seconds / previous:.2f}" if previous else "–"
        print(f"| {factor}× | {len(text):,} | {seconds:.2f} | {growth} |")
        previous = seconds


def main() -> None:
    """Parse the command line and run one mode."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--campaign", type=int, metavar="N", help="generated documents to run")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--batch", type=int, default=250, help="documents per CLI run")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="copy inputs of failing batches here")
    parser.add_argument("--timing", metavar="PATTERN", help="time a pattern at 1×/2×/4×/8×")
    parser.add_argument("--base-chars", type=int, default=2400)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--check", type=Path, metavar="OUT_DIR", help="check an output folder")
    parser.add_argument("--generate", type=int, metavar="N", help="only write N documents")
    parser.add_argument("--out", type=Path, default=Path("fuzz-docs"))
    args = parser.parse_args()
    if args.check:
        problems = check_output(args.check)
        print("\n".join(problems) or "contract holds")
        sys.exit(1 if problems else 0)
    if args.generate:
        shutil.rmtree(args.out, ignore_errors=True)
        _write(args.out, generate(args.generate, args.seed))
        print(f"wrote {args.generate} documents to {args.out}")
    elif args.timing is not None:
        timing(args.timing, args.base_chars, args.factors)
    elif args.campaign:
        sys.exit(
            1 if campaign(args.campaign, args.seed, args.batch, args.workers, args.keep) else 0
        )
    else:
        parser.print_help()


if __name__ == "__main__":
    main()
