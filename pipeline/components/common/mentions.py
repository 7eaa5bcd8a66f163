"""One index of the leader mentions of a Doc, for any component that reads the leaders' output.

Built from ``doc.spans["leaders"]`` and ``doc._.summit_leaders``: token -> canonical leader
name, leader -> country, a country's one leader, and the pronoun rule "the leader last
mentioned within the last sentences" as a named method. Linear to build; every lookup is a
dictionary access or a bounded backwards scan.

The quotes component's pronoun rule reads the same mentions through :class:`MentionTimeline`
(char offsets, bisect lookups) and :func:`reporting_subjects`; it differs from
:meth:`MentionIndex.previous_leader` on purpose: a quote's speaker record needs the mention
itself (offsets, label) and a PERSON who is no leader may win, while the bodies' proposer
needs only the leader's name within a short window.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from pipeline.extensions import LEADERS_GROUP

from .docindex import DocIndex


class MentionIndex:
    """Leader mentions of one ``Doc``: who each token names and where each leader is from."""

    def __init__(self, doc: Doc, index: DocIndex) -> None:
        self.index = index
        people: dict[str, dict[str, Any]] = doc._.summit_leaders or {}
        #: leader key (kb id) -> its info dict as the leaders component wrote it
        self.people = people
        #: canonical leader name -> country (None for an organisation's head)
        self.leader_country: dict[str, str | None] = {
            info["name"]: info.get("country") for info in people.values() if info.get("name")
        }
        #: token index -> canonical name of the leader that token's mention names
        self.leader_at: dict[int, str] = {}
        for span in doc.spans.get(LEADERS_GROUP, []):
            info = people.get(span.kb_id_)
            name = (info or {}).get("name") or span.kb_id_
            if not name:
                continue
            for i in range(span.start, span.end):
                self.leader_at[i] = name

    def person(self, kb_id: str | None) -> dict[str, Any]:
        """Return the leader info dict for ``kb_id`` ({} when unknown or None)."""
        return (self.people.get(kb_id) or {}) if kb_id else {}

    def leader_of(self, country: str) -> str:
        """Return the one leader of ``country`` mentioned in the document, or the country itself
        when none or several are."""
        names = [n for n, c in self.leader_country.items() if c == country]
        return names[0] if len(names) == 1 else country

    def previous_leader(self, i: int, sentences: int = 2) -> str | None:
        """Return the leader last mentioned before token ``i``, looking back over its own
        sentence and the ``sentences`` before it (the pronoun rule for "he"/"she"/"the
        President"); None when there is none that close."""
        ss = self.index.sent_start
        floor = ss[i]
        for _ in range(sentences):
            if floor > 0:
                floor = ss[floor - 1]
        for k in range(i - 1, floor - 1, -1):
            if k in self.leader_at:
                return self.leader_at[k]
        return None


@dataclass(frozen=True)
class CharMention:
    """A leader mention as plain character offsets (a span of ``doc.spans["leaders"]``)."""

    start: int
    end: int
    kb_id: str
    label: str


class MentionTimeline:
    """Mentions in text order with bisect lookups: what overlaps a range, what came last.

    Every lookup starts at a bisection of the start offsets and walks back only over mentions
    that could still qualify (at most the longest mention's length for overlaps), so a
    document with many quotes and many mentions is not quadratic.
    """

    def __init__(self, mentions: Iterable[CharMention]) -> None:
        self.items = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.items]
        self.max_len = max((m.end - m.start for m in self.items), default=0)
        #: kb id -> its mentions in text order (for "the latest naming mention of X")
        self.by_kb: dict[str, list[CharMention]] = {}
        for m in self.items:
            self.by_kb.setdefault(m.kb_id, []).append(m)
        self._kb_starts = {kb: [m.start for m in ms] for kb, ms in self.by_kb.items()}

    def __iter__(self) -> Iterator[CharMention]:
        """Iterate the mentions in text order."""
        return iter(self.items)

    def overlapping(self, start: int, end: int) -> list[CharMention]:
        """Return the mentions overlapping characters ``start``-``end``, in text order."""
        k = bisect.bisect_left(self.starts, end)
        out: list[CharMention] = []
        while k > 0 and self.items[k - 1].start > start - self.max_len - 1:
            k -= 1
            if self.items[k].end > start:
                out.append(self.items[k])
        out.reverse()
        return out

    def latest_before(
        self,
        before: int,
        accept: Callable[[CharMention], bool] = lambda m: True,
        kb_id: str | None = None,
    ) -> CharMention | None:
        """Return the mention starting last among those ending at or before ``before`` that
        ``accept`` takes (only ``kb_id``'s mentions when given), or None."""
        items = self.items if kb_id is None else self.by_kb.get(kb_id, [])
        starts = self.starts if kb_id is None else self._kb_starts.get(kb_id, [])
        for k in range(bisect.bisect_left(starts, before) - 1, -1, -1):
            m = items[k]
            if m.end <= before and accept(m):
                return m
        return None


def reporting_subjects(
    doc: Doc, index: DocIndex, cue_verbs: Iterable[int], is_person: Callable[[Token], bool]
) -> set[int]:
    """Return the tokens of the subjects of sentence-final reporting clauses ("…, X said.").

    In "The President addressed the forum, his spokesman Ivanov said." the reporting clause
    comes after the reported one: the sentence is about the President, and a "he" in the next
    sentence is the President, not the spokesman. Read on the surface, because the parser
    attaches such a tail in many ways: a cue verb (token index in ``cue_verbs``) with only a
    short verbless tail to the sentence end ("wrote on Telegram."), a verbless noun phrase
    between it and a comma before it, and before the comma a clause whose subject
    ``is_person`` (the person the sentence is about). "The talks will go on, Tokayev said."
    keeps Tokayev: its clause is about the talks. Needs POS tags and a parse; empty without.
    """
    out: set[int] = set()
    if not (doc.has_annotation("DEP") and doc.has_annotation("POS")):
        return out
    for i in cue_verbs:
        s0, s1 = index.sent_start[i], index.sent_end[i]
        tail = [t for t in doc[i + 1 : s1] if not t.is_punct]
        if len(tail) > 6 or any(t.pos_ in _VERBS for t in tail):
            continue
        comma = i - 1
        while comma > s0 and i - comma <= 9 and doc[comma].text != ",":
            if doc[comma].pos_ in _VERBS or (doc[comma].is_punct and doc[comma].text not in "-‐"):
                comma = s0
                break
            comma -= 1
        if comma <= s0 or doc[comma].text != "," or comma + 1 >= i:
            continue
        topic = any(
            doc[t].dep_ in ("nsubj", "nsubjpass") and is_person(doc[t]) for t in range(s0, comma)
        )
        if topic:
            out.update(range(comma + 1, i))
    return out


_VERBS = frozenset({"VERB", "AUX"})
