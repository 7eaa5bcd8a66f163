"""Build gold JSON (models/gold.py: GoldDocument) from a human-readable annotation source.

A source is ``corpus/tools/src/<doc_id>.json``; the raw text is ``corpus/raw/<doc_id>.txt`` (or ``.md``);
the output is ``corpus/gold/<doc_id>.json``. Annotators write spans as *text*, never as offsets,
and this tool turns them into offsets, refusing anything ambiguous.

Span locators (a JSON string):

* ``"Tokayev"`` -- the text must occur exactly once (at word boundaries) in the document;
* ``"doubled#2"`` -- the 2nd occurrence (1-based) of ``doubled``;
* ``"the [[President of Uzbekistan]] Shavkat"`` -- the bracketed part, located by the context
  around it; the whole string without brackets must occur exactly once;
* ``{"from": LOCATOR, "to": "TEXT"}`` -- from the start of LOCATOR to the end of the first
  occurrence of TEXT at or after it (for long quotes).

A leader's ``mentions`` maps a kind (name, surname, role) to a list of locators; an item
``{"every": "Tokayev"}`` means every occurrence not already inside another leader mention.
After building, every occurrence of a leader's name/surname mention text must be covered by a
mention (exhaustiveness check), unless its offset start is listed in ``"not_mentions"``.

Usage: ``python corpus/tools/annotate.py [--check] [DOC_ID ...]`` (default: every source).
``--check`` exits 1 when a committed gold file differs from what the source builds.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script from anywhere: make `models` importable
    sys.path.insert(0, str(ROOT))

from models.gold import GoldDocument  # noqa: E402

SRC_DIR = ROOT / "corpus" / "tools" / "src"
RAW_DIR = ROOT / "corpus" / "raw"
GOLD_DIR = ROOT / "corpus" / "gold"
# The held-out set keeps its sources beside its texts, away from the development corpus.
HELDOUT = ROOT / "corpus" / "heldout"
REALSTYLE = ROOT / "corpus" / "realstyle"
SETS = {
    "corpus": (SRC_DIR, RAW_DIR, GOLD_DIR),
    "heldout": (HELDOUT / "src", HELDOUT / "raw", HELDOUT / "gold"),
    # Texts written in the styles of real coverage (a development set, not scored in CI floors).
    "realstyle": (REALSTYLE / "src", REALSTYLE / "raw", REALSTYLE / "gold"),
}

OPENING_MARKS = "“\"«„‘'"
CLOSING_MARKS = "”\"»“’'"
_OCCURRENCE = re.compile(r"^(?P<text>.*?)#(?P<n>\d+)$", re.DOTALL)
_BRACKETS = re.compile(r"^(?P<left>.*?)\[\[(?P<span>.+?)\]\](?P<right>.*)$", re.DOTALL)


class AnnotationError(ValueError):
    """A source that cannot be turned into unambiguous, valid gold."""


def _occurrences(text: str, needle: str) -> list[int]:
    """Return start offsets of ``needle`` in ``text`` that sit on word boundaries.

    A boundary is only required where the needle itself begins/ends with a word character, so
    that "Japarov" does not match inside "Japarova" while "“to make" still matches anywhere.
    """
    if not needle:
        raise AnnotationError("empty locator")
    starts = []
    i = text.find(needle)
    while i != -1:
        j = i + len(needle)
        left_ok = not (needle[0].isalnum() and _continues(text, i - 1, -1))
        right_ok = not (needle[-1].isalnum() and _continues(text, j, 1))
        if left_ok and right_ok:
            starts.append(i)
        i = text.find(needle, i + 1)
    return starts


def _continues(text: str, i: int, step: int) -> bool:
    """Return True when ``text[i]`` continues the word or number next to it.

    A decimal point or thousands separator between digits continues a number, so "6%" does not
    match inside "1.6%" and "5" does not match inside "5.5".
    """
    if i < 0 or i >= len(text):
        return False
    if text[i].isalnum():
        return True
    beyond = i + step
    if step > 0 and text[i] in "'’" and beyond < len(text) and text[beyond].isalpha():
        # "Xi'an" continues "Xi", but the possessive "Xi's" does not
        return not (text[beyond] == "s" and not _continues(text, beyond + 1, 1))
    return text[i] in ".," and 0 <= beyond < len(text) and text[beyond].isdigit()


def locate(text: str, loc: str | dict[str, Any], what: str) -> tuple[int, int]:
    """Return ``(start, end)`` of the span a locator denotes; raise AnnotationError otherwise."""
    if isinstance(loc, dict):
        if set(loc) != {"from", "to"}:
            raise AnnotationError(f"{what}: a dict locator needs exactly 'from' and 'to': {loc}")
        start, _ = locate(text, loc["from"], what)
        end_at = text.find(loc["to"], start)
        if end_at == -1:
            raise AnnotationError(f"{what}: 'to' text {loc['to']!r} not found after {start}")
        return start, end_at + len(loc["to"])
    if not isinstance(loc, str):
        raise AnnotationError(f"{what}: locator must be a string or a from/to dict, got {loc!r}")
    bracket = _BRACKETS.match(loc)
    if bracket:
        left, span, right = bracket.group("left", "span", "right")
        hits = _occurrences(text, left + span + right)
        if len(hits) != 1:
            raise AnnotationError(f"{what}: context {loc!r} occurs {len(hits)} times (need 1)")
        start = hits[0] + len(left)
        return start, start + len(span)
    occ = _OCCURRENCE.match(loc)
    needle, index = (occ.group("text"), int(occ.group("n"))) if occ else (loc, 0)
    hits = _occurrences(text, needle)
    if index:
        if index > len(hits):
            raise AnnotationError(f"{what}: {needle!r} occurs {len(hits)} times, not {index}")
        start = hits[index - 1]
    elif len(hits) != 1:
        raise AnnotationError(
            f"{what}: {needle!r} occurs {len(hits)} times; add '#N' or [[context]]"
        )
    else:
        start = hits[0]
    return start, start + len(needle)


def _span(text: str, loc: str | dict[str, Any], what: str) -> dict[str, Any]:
    start, end = locate(text, loc, what)
    return {"start": start, "end": end, "text": text[start:end]}


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _leaders(text: str, leaders: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Resolve leader mentions: explicit locators first, then ``every`` items, then coverage."""
    explicit: list[tuple[int, int]] = []
    resolved: list[dict[str, Any]] = []
    for leader in leaders:
        mentions = []
        for kind, locs in leader["mentions"].items():
            for loc in locs:
                if isinstance(loc, dict) and "every" in loc:
                    continue
                span = _span(text, loc, f"{leader['name']} {kind}")
                span["kind"] = kind
                mentions.append(span)
                explicit.append((span["start"], span["end"]))
        resolved.append({"leader": leader, "mentions": mentions})
    for item in resolved:
        leader = item["leader"]
        for kind, locs in leader["mentions"].items():
            for loc in locs:
                if not (isinstance(loc, dict) and "every" in loc):
                    continue
                needle = loc["every"]
                found = 0
                for start in _occurrences(text, needle):
                    pos = (start, start + len(needle))
                    if _overlaps(pos, explicit):
                        continue
                    item["mentions"].append(
                        {"start": pos[0], "end": pos[1], "text": needle, "kind": kind}
                    )
                    explicit.append(pos)
                    found += 1
                if not found:
                    raise AnnotationError(f"{leader['name']}: every {needle!r} matched nothing")
    out = []
    for item in resolved:
        leader = item["leader"]
        mentions = sorted(item["mentions"], key=lambda m: (m["start"], m["end"]))
        exempt = set(leader.get("not_mentions", []))
        for needle in {m["text"] for m in mentions if m["kind"] in ("name", "surname")}:
            for start in _occurrences(text, needle):
                if start in exempt or _overlaps((start, start + len(needle)), explicit):
                    continue
                raise AnnotationError(
                    f"{leader['name']}: {needle!r} at {start} is not annotated as a mention; "
                    "annotate it or list its offset in not_mentions"
                )
        out.append(
            {
                "name": leader["name"],
                "country": leader.get("country"),
                "office": leader.get("office"),
                "mentions": mentions,
            }
        )
    return out


def _check_quote(text: str, span: dict[str, Any], open_end: bool) -> None:
    """A quote must sit between marks (or run to a paragraph end when ``open_end``)."""
    start, end = span["start"], span["end"]
    if start == 0 or text[start - 1] not in OPENING_MARKS:
        raise AnnotationError(f"quote at {start} is not preceded by an opening mark")
    closed = end < len(text) and text[end] in CLOSING_MARKS
    para_end = text[end : end + 2] == "\n\n" or end == len(text)
    if not (closed or (open_end and para_end)):
        raise AnnotationError(f"quote at {start}-{end} does not end at a closing mark")


def build(source: dict[str, Any], text: str) -> GoldDocument:
    """Return the validated GoldDocument a source describes over ``text``."""
    quotes = []
    for q in source.get("quotes", []):
        span = _span(text, q["at"], "quote")
        _check_quote(text, span, bool(q.get("open_end", False)))
        mention = q.get("speaker_mention")
        span["speaker"] = q["speaker"]
        span["speaker_mention"] = _span(text, mention, "speaker") if mention else None
        quotes.append(span)
    bodies = []
    for b in source.get("bodies", []):
        span = _span(text, b["at"], "body")
        span.update(
            kind=b.get("kind"),
            status=b["status"],
            proposers=b.get("proposers", []),
            supporters=b.get("supporters", []),
        )
        bodies.append(span)
    figures = []
    for f in source.get("figures", []):
        span = _span(text, f["at"], "figure")
        span.update(
            value=f["value"],
            value_max=f.get("value_max"),
            unit=f["unit"],
            qualifier=f.get("qualifier"),
        )
        figures.append(span)
    for name, group in (("quote", quotes), ("body", bodies), ("figure", figures)):
        seen = [(s["start"], s["end"]) for s in group]
        if len(seen) != len(set(seen)):
            raise AnnotationError(f"the same {name} span is annotated twice")
    doc = GoldDocument.model_validate(
        {
            "doc_id": source["doc_id"],
            "genre": source["genre"],
            "date": source.get("date"),
            "summit": source.get("summit"),
            "leaders": _leaders(text, source.get("leaders", [])),
            "quotes": sorted(quotes, key=lambda s: s["start"]),
            "bodies": sorted(bodies, key=lambda s: s["start"]),
            "figures": sorted(figures, key=lambda s: s["start"]),
        }
    )
    problems = doc.check_against(text)
    if problems:  # cannot happen unless the text changed under us; keep the guard explicit
        raise AnnotationError("; ".join(problems))
    return doc


def render(doc: GoldDocument) -> str:
    """Return the gold file content: stable, human-diffable JSON."""
    return json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def raw_path(raw_dir: Path, doc_id: str) -> Path:
    """Return ``<doc_id>.txt`` or, failing that, ``<doc_id>.md`` (front matter carries a date)."""
    txt = raw_dir / f"{doc_id}.txt"
    md = raw_dir / f"{doc_id}.md"
    return md if not txt.exists() and md.exists() else txt


def build_file(doc_id: str, which: str = "corpus") -> str:
    """Return the gold JSON text built from the source and raw text of ``doc_id``."""
    src_dir, raw_dir, _ = SETS[which]
    source = json.loads((src_dir / f"{doc_id}.json").read_text(encoding="utf-8"))
    if source.get("doc_id") != doc_id:
        raise AnnotationError(f"{doc_id}: source doc_id is {source.get('doc_id')!r}")
    text = raw_path(raw_dir, doc_id).read_text(encoding="utf-8")
    try:
        return render(build(source, text))
    except AnnotationError as err:
        raise AnnotationError(f"{doc_id}: {err}") from err


def main(argv: list[str] | None = None) -> int:
    """Build (or with --check, compare) gold files; return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("doc_ids", nargs="*", help="documents to build (default: all sources)")
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--set", choices=sorted(SETS), default="corpus", help="which gold set")
    args = parser.parse_args(argv)
    src_dir, _, gold_dir = SETS[args.set]
    doc_ids = args.doc_ids or sorted(p.stem for p in src_dir.glob("*.json"))
    status = 0
    for doc_id in doc_ids:
        try:
            content = build_file(doc_id, args.set)
        except AnnotationError as err:
            print(f"error: {err}", file=sys.stderr)
            status = 1
            continue
        target = gold_dir / f"{doc_id}.json"
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != content:
                print(f"stale: {target} (run corpus/tools/annotate.py {doc_id})", file=sys.stderr)
                status = 1
        else:
            target.write_text(content, encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
