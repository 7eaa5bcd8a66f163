"""Doc -> pydantic records: the only place spaCy objects become records.

A document may have been processed in several pieces (texts longer than the model's
``max_length``); ``doc_records`` takes each piece with its character offset in the whole text and
merges the pieces' leaders by kb id.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel
from spacy.tokens import Doc

from models.records import (
    BodyAttribution,
    BodyMention,
    BodyRecord,
    FigureRecord,
    LeaderMention,
    LeaderRecord,
    QuoteRecord,
)
from pipeline.extensions import BODIES_GROUP, FIGURES_GROUP, LEADERS_GROUP, QUOTES_GROUP


def record_id(doc_id: str, kind: str, start: int, end: int) -> str:
    """Return the stable id of a span record: derived from doc id, record type and offsets."""
    return f"{doc_id}:{kind}:{start}-{end}"


def leader_id(doc_id: str, kb_id: str) -> str:
    """Return the stable id of a leader record (one person per document)."""
    return f"{doc_id}:leader:{kb_id}"


@dataclass
class DocRecords:
    """All records extracted from one document."""

    leaders: list[LeaderRecord] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    bodies: list[BodyRecord] = field(default_factory=list)
    figures: list[FigureRecord] = field(default_factory=list)
    #: ``(kind, message)`` of what the export edge dropped or merged; the run summary shows them.
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def by_type(self) -> dict[str, Sequence[Any]]:
        """Return the records keyed by output file stem."""
        return {
            "leaders": self.leaders,
            "quotes": self.quotes,
            "bodies": self.bodies,
            "figures": self.figures,
        }


def _shift(value: int | None, offset: int) -> int | None:
    return None if value is None else value + offset


def doc_records(doc_id: str, text: str, pieces: Iterable[tuple[Doc, int]]) -> DocRecords:
    """Return the records of one document from its processed pieces ``(doc, char_offset)``.

    ``text`` is the whole decoded document; every record's span text is taken from it, so
    ``text[start:end] == record.text`` holds by construction.
    """
    out = DocRecords()
    leaders: dict[str, dict[str, Any]] = {}
    for doc, offset in pieces:
        _collect_leaders(doc, offset, text, leaders)
        out.quotes.extend(_quotes(doc_id, doc, offset, text))
        out.bodies.extend(_bodies(doc_id, doc, offset, text))
        out.figures.extend(_figures(doc_id, doc, offset, text, out.warnings))
    for kb_id, info in leaders.items():
        mentions = sorted(info["mentions"].values(), key=lambda m: (m.start, m.end))
        first = mentions[0]
        out.leaders.append(
            LeaderRecord(
                doc_id=doc_id,
                id=leader_id(doc_id, kb_id),
                kb_id=kb_id,
                name=info["name"],
                country=info.get("country"),
                office=info.get("office"),
                organisation=info.get("organisation"),
                in_kb=bool(info.get("in_kb", True)),
                start=first.start,
                end=first.end,
                text=first.text,
                mentions=mentions,
            )
        )
    out.leaders = _unique(out.leaders, "leaders", out.warnings)
    out.quotes = _unique(out.quotes, "quotes", out.warnings)
    out.bodies = _unique(out.bodies, "bodies", out.warnings)
    out.figures = _unique(out.figures, "figures", out.warnings)
    return out


R = TypeVar("R", bound=BaseModel)


def _unique(records: list[R], kind: str, warnings: list[tuple[str, str]]) -> list[R]:
    """Return ``records`` sorted by offsets with one record per id.

    Ids are primary keys for a database. Identical records under one id (a component reporting
    the same span twice) collapse silently; records that share an id but differ keep the first in
    sort order (offsets, then the record's JSON) and leave a warning, so the run never crashes
    and the same input always keeps the same record.
    """
    keyed = sorted(
        records,
        key=lambda r: (
            getattr(r, "start", 0),
            getattr(r, "end", 0),
            getattr(r, "id", ""),
            json.dumps(r.model_dump(mode="json"), sort_keys=True, ensure_ascii=False),
        ),
    )
    kept: dict[str, R] = {}
    out: list[R] = []
    for record in keyed:
        rid = getattr(record, "id", "")
        first = kept.get(rid)
        if first is None:
            kept[rid] = record
            out.append(record)
        elif first != record:
            warnings.append(
                ("duplicate_id", f"{kind}: two different records share id {rid!r}; kept the first")
            )
    return out


def _collect_leaders(doc: Doc, offset: int, text: str, acc: dict[str, dict[str, Any]]) -> None:
    """Add the leader mentions of one piece to ``acc`` (kb id -> person info + mentions).

    Mentions are keyed by (start, end, kind), which decides a mention record (its text is
    ``text[start:end]``): a set lookup per mention keeps a document with thousands of mentions
    of one person linear (list membership over pydantic models made it quadratic).
    """
    people: dict[str, dict[str, Any]] = doc._.summit_leaders or {}
    for span in doc.spans.get(LEADERS_GROUP, []):
        kb_id = span.kb_id_
        if kb_id not in people:
            continue
        entry = acc.setdefault(kb_id, {**people[kb_id], "mentions": {}})
        start, end = span.start_char + offset, span.end_char + offset
        key = (start, end, span.label_)
        if key not in entry["mentions"]:
            entry["mentions"][key] = LeaderMention(
                start=start, end=end, text=text[start:end], kind=span.label_
            )


def _quotes(doc_id: str, doc: Doc, offset: int, text: str) -> list[QuoteRecord]:
    people: dict[str, dict[str, Any]] = doc._.summit_leaders or {}
    records = []
    for span in doc.spans.get(QUOTES_GROUP, []):
        q: dict[str, Any] = span._.summit_quote or {}
        start = q.get("start", span.start_char) + offset
        end = q.get("end", span.end_char) + offset
        kb_id = q.get("speaker_kb_id")
        speaker = people[kb_id]["name"] if kb_id in people else q.get("speaker")
        s_start, s_end = (
            _shift(q.get("speaker_start"), offset),
            _shift(q.get("speaker_end"), offset),
        )
        c_start, c_end = _shift(q.get("cue_start"), offset), _shift(q.get("cue_end"), offset)
        records.append(
            QuoteRecord(
                doc_id=doc_id,
                id=record_id(doc_id, "quote", start, end),
                text=text[start:end],
                start=start,
                end=end,
                speaker=speaker,
                speaker_id=leader_id(doc_id, kb_id) if kb_id in people else None,
                speaker_text=None if s_start is None or s_end is None else text[s_start:s_end],
                speaker_start=s_start,
                speaker_end=s_end,
                cue=None if c_start is None or c_end is None else text[c_start:c_end],
                cue_start=c_start,
                cue_end=c_end,
                attribution=q.get("attribution") or "none",
            )
        )
    return records


# a body span set by other code than summit_bodies carries no attribution
_NO_ATTRIBUTION = {"status": "none", "proposers": "none", "supporters": "none"}


def _bodies(doc_id: str, doc: Doc, offset: int, text: str) -> list[BodyRecord]:
    records = []
    for span in doc.spans.get(BODIES_GROUP, []):
        b: dict[str, Any] = span._.summit_body or {}
        start = b.get("start", span.start_char) + offset
        end = b.get("end", span.end_char) + offset
        c_start, c_end = _shift(b.get("cue_start"), offset), _shift(b.get("cue_end"), offset)
        raw_mentions = b.get("mentions") or [[start - offset, end - offset]]
        mentions = sorted(
            {(s + offset, e + offset) for s, e in raw_mentions} | {(start, end)},
        )
        records.append(
            BodyRecord(
                doc_id=doc_id,
                id=record_id(doc_id, "body", start, end),
                name=text[start:end],
                text=text[start:end],
                kind=b.get("kind") or "body",
                start=start,
                end=end,
                status=b.get("status", "proposed"),
                proposers=list(b.get("proposers") or []),
                supporters=list(b.get("supporters") or []),
                cue=None if c_start is None or c_end is None else text[c_start:c_end],
                cue_start=c_start,
                cue_end=c_end,
                mentions=[BodyMention(start=s, end=e, text=text[s:e]) for s, e in mentions],
                attribution=BodyAttribution.model_validate(b.get("attribution") or _NO_ATTRIBUTION),
            )
        )
    return records


def _figure_values(f: dict[str, Any]) -> tuple[float, float | None] | None:
    """Return ``(value, value_max)`` as finite floats with ``value <= value_max``, or None.

    None for a value that is not a finite number (309 nines overflow to Infinity, which is not
    JSON): such a figure is not representable and is dropped. A downward range ("from 10 to 5")
    is stored low-high, as the contract promises whatever the component reported.
    """
    try:
        value = float(f["value"])
        value_max = None if f.get("value_max") is None else float(f["value_max"])
    except (KeyError, TypeError, ValueError, OverflowError):
        return None
    if not math.isfinite(value) or (value_max is not None and not math.isfinite(value_max)):
        return None
    if value_max is not None and value > value_max:
        value, value_max = value_max, value
    return value, value_max


def _figures(
    doc_id: str, doc: Doc, offset: int, text: str, warnings: list[tuple[str, str]]
) -> list[FigureRecord]:
    records = []
    for span in doc.spans.get(FIGURES_GROUP, []):
        f: dict[str, Any] = span._.summit_figure or {}
        start = f.get("start", span.start_char) + offset
        end = f.get("end", span.end_char) + offset
        values = _figure_values(f)
        if values is None:
            warnings.append(
                (
                    "non_finite_figure",
                    f"figure {text[start:end][:40]!r} at {start}-{end} has no finite value; dropped",
                )
            )
            continue
        value, value_max = values
        records.append(
            FigureRecord(
                doc_id=doc_id,
                id=record_id(doc_id, "figure", start, end),
                text=text[start:end],
                start=start,
                end=end,
                value=value,
                value_max=value_max,
                unit=f.get("unit") or "unspecified",
                qualifier=f.get("qualifier"),
                kind=f.get("kind") or "count",
                metric=f.get("metric"),
                period=f.get("period"),
                subject=f.get("subject"),
            )
        )
    return records
