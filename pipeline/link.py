"""Across documents: body records grouped into initiatives, leaders gathered into people.

``summit link OUT`` (and the end of ``summit extract``) reads the per-document JSONL files of an
output folder — never spaCy objects — and writes ``initiatives.jsonl`` and ``people.jsonl``.

How bodies become initiatives (the rules are general; the knowledge is data in
``resources/summit_series.jsonl`` and ``resources/initiative_words.jsonl``):

1. **Series.** A body belongs to the summit series whose partner word its name carries
   ("SCO Development Bank", "China–Central Asia Secretariat", "Turkic Youth Forum"); a name
   without one belongs to the series of its document, the series whose cues the document's text
   names most often. Bodies of different series are never one initiative, so the "Business
   Council" of the China format and the one of the EU format stay apart.
2. **Name key.** Casefolded, dashes and quotes folded, spellings unified (Center → Centre), the
   partner words, region words (Central Asian, Regional), ordinals and glue (articles,
   prepositions) dropped, plurals and derived forms cut to a six-letter stem (Educational =
   Education), the head noun and the years set aside. What is left are the *distinctive* words.
3. **Joins**, between bodies of different documents, of one kind family and one series:
   - the same distinctive words in any order ("Centre for Poverty Reduction Cooperation" =
     "Cooperation Centre on Poverty Reduction") and no conflicting period;
   - a short form: distinctive words that are an in-order subsequence of exactly one longer name
     ("Disaster Response Mechanism" → "Natural Disaster Response Mechanism"); a name with no
     distinctive word ("the Council", "the platform") never joins anything across documents;
   - an acronym equal to the initials of another name ("CAIF" → "Central Asian Investment Fund");
   - an *event document* (a declaration or joint statement without a topic: "Xi'an Declaration",
     "Joint Statement of the Sixth Consultative Meeting") is the document of one meeting: same
     head word, same series and same year.
   Two bodies of one document are never joined (the bodies component already merged what it
   could; what it kept apart are different bodies).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from models.crossdoc import (
    InitiativeEvent,
    InitiativeRecord,
    PersonOffice,
    PersonRecord,
)
from pipeline.components.common.text import bounded_literal, fold_dashes
from pipeline.io import atomic_write, dump_line, read_jsonl
from pipeline.resources import ResourceError, load_jsonl
from pipeline.resources.schemas import Person

STATUS_RANK = {"proposed": 0, "established": 1, "adopted": 2}
LINK_FILES = ("initiatives", "people")


# ------------------------------------------------------------------------------ knowledge


class SummitSeries(BaseModel):
    """One line of summit_series.jsonl."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+$")
    name: str
    doc_cues: list[str] = Field(min_length=1)
    name_cues: list[str] = Field(min_length=1)


WordList = Literal[
    "glue", "region", "ordinal", "event", "event_document", "topic", "spelling", "kind_family"
]


class WordLine(BaseModel):
    """One line of initiative_words.jsonl."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: WordList
    words: list[str] = Field(min_length=1)


@dataclass(frozen=True)
class Knowledge:
    """The linker's data: summit series and word lists, compiled once."""

    series: tuple[SummitSeries, ...]
    words: dict[str, frozenset[str]]
    spelling: dict[str, str]
    families: dict[str, str]
    doc_patterns: tuple[tuple[str, re.Pattern[str]], ...]
    name_patterns: tuple[tuple[str, re.Pattern[str]], ...]


def _cue_pattern(cue: str) -> re.Pattern[str]:
    # A cue in capitals (SCO, EU, ECO) is an acronym: case matters ("eco-friendly" is not ECO).
    # The boundaries also refuse "+": "C5" must not match inside "C5+1".
    flags = 0 if any(c.isupper() for c in cue) and not any(c.islower() for c in cue) else re.I
    return bounded_literal(cue, flags)


@cache
def knowledge() -> Knowledge:
    """Return the validated series and word lists of ``pipeline/resources``."""
    series = tuple(load_jsonl("summit_series.jsonl", SummitSeries))
    ids = [s.id for s in series]
    if len(set(ids)) != len(ids):
        raise ResourceError("summit_series.jsonl: duplicate series id")
    words: dict[str, set[str]] = defaultdict(set)
    spelling: dict[str, str] = {}
    families: dict[str, str] = {}
    for line in load_jsonl("initiative_words.jsonl", WordLine):
        if line.kind == "spelling":
            for pair in line.words:
                src, _, dst = pair.partition("=")
                if not dst:
                    raise ResourceError(f"initiative_words.jsonl: spelling {pair!r} is not a=b")
                spelling[src] = dst
        elif line.kind == "kind_family":
            for word in line.words:
                families[word] = line.words[0]
        else:
            words[line.kind].update(w.casefold() for w in line.words)

    def patterns(attr: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
        pairs = [(s.id, cue) for s in series for cue in getattr(s, attr)]
        pairs.sort(key=lambda p: -len(p[1]))  # longest first: "European Union" before "EU"
        return tuple((sid, _cue_pattern(_fold(cue))) for sid, cue in pairs)

    return Knowledge(
        series=series,
        words={k: frozenset(v) for k, v in words.items()},
        spelling=spelling,
        families=families,
        doc_patterns=patterns("doc_cues"),
        name_patterns=patterns("name_cues"),
    )


# ------------------------------------------------------------------------------ names

_QUOTES = '"“”„‟«»‹›‘’‚‛`´'
_YEAR = re.compile(r"(?<!\d)(1[89]\d{2}|20\d{2})(?!\d)")
_WORD = re.compile(r"[^\W_]+(?:\+\d+)?")


_QUOTE_TO_SPACE = str.maketrans({c: " " for c in _QUOTES})


def _fold(text: str) -> str:
    """NFKC, dashes to "-" with no spaces around them, quotes to spaces, possessives dropped."""
    text = fold_dashes(unicodedata.normalize("NFKC", text))
    text = re.sub(r"(?<=\w)['’]s\b|(?<=s)['’](?!\w)", "", text)  # Investors' / region's
    return text.translate(_QUOTE_TO_SPACE)


def stem(word: str) -> str:
    """Return a crude stem: plural s cut, then the first six letters (Educational = Education)."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:6]


def name_series(name: str, kb: Knowledge | None = None) -> tuple[list[str], str]:
    """Return the series ids whose partner words occur in ``name`` and the name without them."""
    kb = kb or knowledge()
    text = _fold(name)
    found: list[tuple[int, str]] = []
    for sid, pattern in kb.name_patterns:
        for m in pattern.finditer(text):
            found.append((m.start(), sid))
        text = pattern.sub(" ", text)
    ordered = [sid for _, sid in sorted(found)]
    return list(dict.fromkeys(ordered)), text


@dataclass(frozen=True)
class NameKey:
    """What the linker compares of a name."""

    series: tuple[str, ...]  # series named inside the name
    content: tuple[str, ...]  # distinctive stems, in order, head noun removed
    post: tuple[str, ...]  # the part of content after the head noun (its complement)
    period: int | None  # the last year named ("for 2025–2027" -> 2027)
    event_head: str | None  # declaration/statement of one meeting, else None
    words: tuple[str, ...]  # the name's words, folded, for acronyms


def name_key(name: str, kind: str, kb: Knowledge | None = None) -> NameKey:
    """Return the comparison key of a body name of ``kind``."""
    kb = kb or knowledge()
    series, text = name_series(name, kb)
    years = [int(y) for y in _YEAR.findall(text)]
    text = _YEAR.sub(" ", text)
    raw = [w.casefold() for w in _WORD.findall(text)]
    raw = [kb.spelling.get(w, w) for w in raw]
    heads = kb.words.get("event_document", frozenset())
    topics = kb.words.get("topic", frozenset())
    event_head: str | None = None
    for i, w in enumerate(raw):
        if w in heads:
            event_head = w
            if any(t in topics for t in raw[i + 1 :]):
                event_head = None
            break
    drop = kb.words.get("glue", frozenset()) | kb.words.get("region", frozenset())
    drop |= kb.words.get("ordinal", frozenset()) | {"until", "till", "by", "from"}
    if event_head is not None:
        drop |= kb.words.get("event", frozenset())
    head_stems = {stem(kb.spelling.get(kind, kind))}
    family = kb.families.get(kind)
    head_stems |= {stem(k) for k, f in kb.families.items() if family and f == family}
    if event_head is not None:  # "Joint Statement" is of kind declaration: its head is "statement"
        head_stems.add(stem(event_head))
    content: list[str] = []
    post: list[str] = []
    seen_head = False
    for w in raw:
        if w in drop:
            continue
        s = stem(w)
        if s in head_stems:
            seen_head = True
            continue
        content.append(s)
        if seen_head:
            post.append(s)
    return NameKey(
        series=tuple(series),
        content=tuple(content),
        post=tuple(post),
        period=max(years) if years else None,
        event_head=event_head,
        words=tuple(_WORD.findall(_fold(name))),
    )


def initials(words: Sequence[str], glue: frozenset[str]) -> set[str]:
    """Return the acronyms a name's words can make: with and without its glue words."""
    out = set()
    for skip in (True, False):
        letters = [w[0] for w in words if w and not (skip and w.casefold() in glue)]
        if len(letters) >= 2:
            out.add("".join(letters).upper())
    return out


def is_subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    """Return True when every item of ``short`` occurs in ``long`` in the same order."""
    it = iter(long)
    return all(any(x == y for y in it) for x in short)


# ------------------------------------------------------------------------------ documents


def document_series(text: str, kb: Knowledge | None = None) -> str | None:
    """Return the series a text reports: most cue hits, ties to the earliest hit; None if none."""
    kb = kb or knowledge()
    folded = _fold(text)
    hits: dict[str, int] = Counter()
    first: dict[str, int] = {}
    for sid, pattern in kb.doc_patterns:
        for m in pattern.finditer(folded):
            hits[sid] += 1
            first[sid] = min(first.get(sid, m.start()), m.start())
    if not hits:
        return None
    return min(hits, key=lambda s: (-hits[s], first[s], s))


def _document_text(doc: dict[str, Any], records: Iterable[dict[str, Any]], base: Path) -> str:
    """The document's own text when its path is readable, else the text its records carry."""
    for candidate in (Path(str(doc.get("path", ""))), base / str(doc.get("path", ""))):
        try:
            if candidate.is_file():
                return candidate.read_text(encoding=str(doc.get("encoding") or "utf-8"))
        except (OSError, UnicodeError, LookupError):
            continue
    parts = [str(doc.get("title") or "")]
    parts += [str(r.get("text") or "") for r in records]
    return "\n".join(parts)


# ------------------------------------------------------------------------------ linking


@dataclass
class _Body:
    record: dict[str, Any]
    date: str | None
    series: str | None
    family: str
    key: NameKey

    @property
    def doc_id(self) -> str:
        return str(self.record["doc_id"])

    @property
    def year(self) -> str | None:
        return self.date[:4] if self.date else None

    def order(self) -> tuple[Any, ...]:
        return (self.date is None, self.date or "", self.doc_id, self.record["start"])


@dataclass
class _Clusters:
    """Union-find that refuses to put two bodies of one document in one initiative."""

    docs: list[set[str]]
    parent: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.parent = list(range(len(self.docs)))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.docs[ra] & self.docs[rb]:
            return False
        lo, hi = min(ra, rb), max(ra, rb)
        self.parent[hi] = lo
        self.docs[lo] |= self.docs[hi]
        return True


def _generic(b: _Body) -> bool:
    """A name with nothing distinctive ("the Council", "the platform"): it joins nothing."""
    return not b.key.content and not b.key.series


def _slot_pairs(idxs: list[int], bodies: list[_Body], glue: frozenset[str]) -> set[tuple[int, int]]:
    """Return the candidate joins among the bodies of one (kind family, series) slot.

    Indexed (by meeting, by word bag, by word, by initials), so a slot of n bodies costs about
    n times its candidates, not n squared.
    """
    pairs: set[tuple[int, int]] = set()
    meetings: dict[tuple[str, str], list[int]] = defaultdict(list)
    bags: dict[tuple[str, ...], list[int]] = defaultdict(list)
    postings: dict[str, set[int]] = defaultdict(set)
    by_initials: dict[str, list[int]] = defaultdict(list)
    for i in idxs:
        b = bodies[i]
        for acronym in initials(b.key.words, glue):
            by_initials[acronym].append(i)
        if b.key.event_head is not None:
            if b.series is not None and b.year is not None:
                meetings[(b.key.event_head, b.year)].append(i)
        elif not _generic(b):
            bags[tuple(sorted(b.key.content))].append(i)
            for word in b.key.content:
                postings[word].add(i)

    def add(i: int, j: int) -> None:
        if i != j and bodies[i].doc_id != bodies[j].doc_id:
            pairs.add((min(i, j), max(i, j)))

    # Documents of one meeting: same head word, series and year, and not two different places
    # ("Budapest Declaration" and "Gabala Declaration" are two meetings).
    for members in meetings.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                one, two = bodies[i].key.content, bodies[j].key.content
                if not one or not two or one == two:
                    add(i, j)
    for i in idxs:
        a = bodies[i]
        if a.key.event_head is not None or _generic(a):
            continue
        longer: list[int] = []
        for j in bags[tuple(sorted(a.key.content))]:  # the same words in any order
            b = bodies[j]
            if j == i or b.doc_id == a.doc_id:
                continue
            if a.key.period == b.key.period:
                add(i, j)
            elif a.key.period is None:
                longer.append(j)
        if a.key.content:  # a short form: its words, in order, inside a longer name
            for j in sorted(set.intersection(*(postings[w] for w in set(a.key.content)))):
                b = bodies[j]
                if (
                    b.doc_id != a.doc_id
                    and len(a.key.content) < len(b.key.content)
                    and is_subsequence(a.key.content, b.key.content)
                    and (a.key.period is None or a.key.period == b.key.period)
                    # A short form may drop a complement, not extend it: "Council of Foreign
                    # Ministers" is not "Council of Foreign Ministers' Deputies on Transport".
                    and (not a.key.post or a.key.post == b.key.post)
                ):
                    longer.append(j)
        if len({(bodies[j].key.content, bodies[j].key.period) for j in longer}) == 1:
            for j in longer:  # a short form of exactly one longer name
                add(i, j)
        # Acronyms: a capitalised word of this name that spells another name's initials.
        for word in sorted({w for w in a.key.words if len(w) >= 2 and w.isupper() and w.isalpha()}):
            for j in by_initials.get(word, []):
                add(i, j)
    return pairs


def group_bodies(bodies: list[_Body], kb: Knowledge | None = None) -> list[list[_Body]]:
    """Return the bodies grouped into initiatives (each group in timeline order)."""
    kb = kb or knowledge()
    glue = kb.words.get("glue", frozenset())
    bodies = sorted(bodies, key=_Body.order)
    uf = _Clusters([{b.doc_id} for b in bodies])
    by_slot: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for i, b in enumerate(bodies):
        by_slot[(b.family, b.series)].append(i)
    pairs: set[tuple[int, int]] = set()
    for idxs in by_slot.values():
        pairs |= _slot_pairs(idxs, bodies, glue)
    # Joins by the strongest evidence first, so that a refused union (two bodies of one
    # document) keeps the better-founded group.
    for i, j in sorted(pairs, key=lambda p: (_strength(bodies[p[0]], bodies[p[1]]), p)):
        uf.union(i, j)
    groups: dict[int, list[_Body]] = defaultdict(list)
    for i, b in enumerate(bodies):
        groups[uf.find(i)].append(b)
    return [sorted(g, key=_Body.order) for _, g in sorted(groups.items())]


def _strength(a: _Body, b: _Body) -> int:
    if a.key.content == b.key.content and a.key.period == b.key.period:
        return 0
    if sorted(a.key.content) == sorted(b.key.content):
        return 1
    return 2


def _slug(text: str, limit: int = 48) -> str:
    folded = unicodedata.normalize("NFKD", _fold(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.casefold()).strip("-")
    return slug[:limit].rstrip("-") or "initiative"


def canonical_name(members: Sequence[_Body]) -> str:
    """Return the initiative's name: among full forms, the most frequent, then longest, then A-Z.

    A full form is a name whose distinctive words are not a proper subsequence of another
    member's (short forms such as "the Platform for Critical Minerals" are not canonical).
    """
    names = Counter(str(b.record["name"]) for b in members)
    keys = {str(b.record["name"]): b.key.content for b in members}

    def is_short(name: str) -> bool:
        mine = keys[name]
        return any(
            len(mine) < len(other) and is_subsequence(mine, other) for other in keys.values()
        )

    full = [n for n in names if not is_short(n)] or list(names)
    return min(full, key=lambda n: (-names[n], -len(n), n))


def initiative_id(members: Sequence[_Body]) -> str:
    """Return '<slug of the first name>-<8 hex>' from the initiative's earliest body record.

    The earliest record (by date, doc_id, start) founds the initiative: a later document that
    joins it does not change the id, and neither does a change of canonical name.
    """
    first = members[0]
    digest = hashlib.sha1(str(first.record["id"]).encode()).hexdigest()[:8]
    return f"{_slug(str(first.record['name']))}-{digest}"


@dataclass
class LinkResult:
    """The cross-document records of one output folder."""

    initiatives: list[InitiativeRecord]
    people: list[PersonRecord]
    body_initiative: dict[str, str]  # body record id -> initiative id


def _read(out: Path, name: str) -> list[dict[str, Any]]:
    return list(read_jsonl(out / f"{name}.jsonl"))


def link_records(
    documents: list[dict[str, Any]],
    bodies: list[dict[str, Any]],
    leaders: list[dict[str, Any]],
    quotes: list[dict[str, Any]],
    base: Path = Path("."),
    kb: Knowledge | None = None,
) -> LinkResult:
    """Return the initiatives and people of the records of one output folder."""
    kb = kb or knowledge()
    docs = {str(d["doc_id"]): d for d in documents}
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in [*bodies, *quotes]:
        by_doc[str(r["doc_id"])].append(r)
    doc_series = {  # decided at extraction (documents.jsonl `series`); older folders: re-read
        doc_id: d["series"]
        if "series" in d
        else document_series(_document_text(d, by_doc[doc_id], base), kb)
        for doc_id, d in sorted(docs.items())
    }
    items: list[_Body] = []
    for r in bodies:
        doc_id = str(r["doc_id"])
        doc = docs.get(doc_id, {})
        kind = str(r.get("kind") or "body")
        key = name_key(str(r["name"]), kind, kb)
        home = doc_series.get(doc_id)
        series = home if home in key.series or not key.series else key.series[0]
        family = kb.families.get(kb.spelling.get(kind, kind), kb.spelling.get(kind, kind))
        items.append(_Body(r, doc.get("date"), series, family, key))
    initiatives: list[InitiativeRecord] = []
    body_initiative: dict[str, str] = {}
    for members in group_bodies(items, kb):
        record = _initiative(members)
        initiatives.append(record)
        for b in members:
            body_initiative[str(b.record["id"])] = record.id
    initiatives.sort(key=lambda r: r.id)
    people = _people(documents, leaders, quotes, initiatives)
    return LinkResult(initiatives, people, body_initiative)


def _initiative(members: list[_Body]) -> InitiativeRecord:
    name = canonical_name(members)
    canon = next(b for b in members if b.record["name"] == name)
    dates = [b.date for b in members if b.date]
    timeline = [
        InitiativeEvent(
            doc_id=b.doc_id,
            date=b.date,
            status=b.record["status"],
            name=str(b.record["name"]),
            proposers=list(b.record.get("proposers") or []),
            supporters=list(b.record.get("supporters") or []),
            body_id=str(b.record["id"]),
        )
        for b in members
    ]
    return InitiativeRecord(
        id=initiative_id(members),
        name=name,
        names=sorted({str(b.record["name"]) for b in members}),
        kind=str(canon.record.get("kind") or "body"),
        series=canon.series,
        status=max((e.status for e in timeline), key=STATUS_RANK.__getitem__),
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        documents=sorted({b.doc_id for b in members}),
        timeline=timeline,
    )


@cache
def _officeholders() -> dict[str, Person]:
    return {p.id: p for p in load_jsonl("officeholders.jsonl", Person)}


def _people(
    documents: list[dict[str, Any]],
    leaders: list[dict[str, Any]],
    quotes: list[dict[str, Any]],
    initiatives: list[InitiativeRecord],
) -> list[PersonRecord]:
    dates = {str(d["doc_id"]): d.get("date") for d in documents}
    records: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in leaders:
        records[str(r["kb_id"])].append(r)
    quote_count = Counter(str(q["speaker_id"]) for q in quotes if q.get("speaker_id"))
    # (doc_id, canonical name) -> kb_id: proposers are canonical names within a document.
    who = {(str(r["doc_id"]), str(r["name"])): str(r["kb_id"]) for r in leaders}
    proposed: dict[str, set[str]] = defaultdict(set)
    supported: dict[str, set[str]] = defaultdict(set)
    for ini in initiatives:
        for ev in ini.timeline:
            for p in ev.proposers:
                if (ev.doc_id, p) in who:
                    proposed[who[(ev.doc_id, p)]].add(ini.id)
            for s in ev.supporters:
                if (ev.doc_id, s) in who:
                    supported[who[(ev.doc_id, s)]].add(ini.id)
    kb = _officeholders()
    out: list[PersonRecord] = []
    for kb_id, recs in sorted(records.items()):
        doc_ids = sorted({str(r["doc_id"]) for r in recs})
        seen = sorted(d for d in (dates.get(x) for x in doc_ids) if d)
        person = kb.get(kb_id)
        names = Counter(str(r["name"]) for r in recs)
        countries = Counter(r.get("country") for r in recs)
        out.append(
            PersonRecord(
                kb_id=kb_id,
                name=person.name if person else min(names, key=lambda n: (-names[n], n)),
                country=min(countries, key=lambda c: (-countries[c], str(c))),
                in_kb=person is not None,
                offices=_offices(person, seen[0] if seen else None, seen[-1] if seen else None),
                documents=doc_ids,
                first_date=seen[0] if seen else None,
                last_date=seen[-1] if seen else None,
                mentions=sum(len(r.get("mentions") or []) for r in recs),
                quotes=sum(quote_count[str(r["id"])] for r in recs),
                proposed=sorted(proposed[kb_id]),
                supported=sorted(supported[kb_id]),
            )
        )
    return out


def _offices(person: Person | None, first: str | None, last: str | None) -> list[PersonOffice]:
    """Offices overlapping [first, last]; every office when the documents have no dates."""
    if person is None:
        return []
    lo = dt.date.fromisoformat(first) if first else None
    hi = dt.date.fromisoformat(last) if last else None
    out = []
    for o in sorted(person.offices, key=lambda o: (o.start, o.office)):
        if lo is not None and hi is not None and (o.start > hi or (o.end and o.end <= lo)):
            continue
        out.append(
            PersonOffice(
                office=o.office,
                country=o.country,
                organisation=o.organisation,
                start=o.start.isoformat(),
                end=o.end.isoformat() if o.end else None,
            )
        )
    return out


def link_folder(out: Path, base: Path | None = None) -> LinkResult:
    """Return the initiatives and people of the output folder ``out``.

    Relative input paths in documents.jsonl are looked up from the working directory, then from
    ``base`` (default: the folder above ``out``, where ``outputs/`` and ``corpus/`` sit side by
    side).
    """
    return link_records(
        _read(out, "documents"),
        _read(out, "bodies"),
        _read(out, "leaders"),
        _read(out, "quotes"),
        base=base if base is not None else out.resolve().parent,
    )


def write_links(out: Path, base: Path | None = None) -> LinkResult:
    """Write initiatives.jsonl and people.jsonl into ``out`` (atomically); return them."""
    result = link_folder(out, base)
    atomic_write(out / "initiatives.jsonl", (dump_line(r) for r in result.initiatives))
    atomic_write(out / "people.jsonl", (dump_line(r) for r in result.people))
    return result
