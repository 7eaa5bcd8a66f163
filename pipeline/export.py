"""Doc -> pydantic records: the only place spaCy objects become records.

A document may have been processed in several pieces (texts longer than the model's
``max_length``); ``doc_records`` takes each piece with its character offset in the whole text and
merges the pieces' leaders by kb id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

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
        out.figures.extend(_figures(doc_id, doc, offset, text))
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
    out.leaders.sort(key=lambda r: (r.start, r.end, r.id))
    out.quotes.sort(key=lambda r: (r.start, r.end))
    out.bodies.sort(key=lambda r: (r.start, r.end))
    out.figures.sort(key=lambda r: (r.start, r.end))
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


def _figures(doc_id: str, doc: Doc, offset: int, text: str) -> list[FigureRecord]:
    records = []
    for span in doc.spans.get(FIGURES_GROUP, []):
        f: dict[str, Any] = span._.summit_figure or {}
        start = f.get("start", span.start_char) + offset
        end = f.get("end", span.end_char) + offset
        records.append(
            FigureRecord(
                doc_id=doc_id,
                id=record_id(doc_id, "figure", start, end),
                text=text[start:end],
                start=start,
                end=end,
                value=float(f["value"]),
                value_max=None if f.get("value_max") is None else float(f["value_max"]),
                unit=f.get("unit") or "unspecified",
                qualifier=f.get("qualifier"),
                kind=f.get("kind") or "count",
                metric=f.get("metric"),
                period=f.get("period"),
                subject=f.get("subject"),
            )
        )
    return records
