"""One index of the leader mentions of a Doc, for any component that reads the leaders' output.

Built from ``doc.spans["leaders"]`` and ``doc._.summit_leaders``: token -> canonical leader
name, leader -> country, a country's one leader, and the pronoun rule "the leader last
mentioned within the last sentences" as a named method. Linear to build; every lookup is a
dictionary access or a bounded backwards scan.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

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
