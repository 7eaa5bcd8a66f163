"""Merge: one record per body.

Decides which candidates are mentions of the same body: a later mention joins the body of the
same kind whose words it shares in order (a lower-case definite back-reference, "the minerals
centre", in any order); its status may raise the body's, its proposers fill an empty list and
its supporters join. Writes the span group's spans with their plain-dict ``summit_body``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Span

from .context import STATUS_RANK, Candidate
from .lists import Lists


class Merge(Lists):
    """The merge stage; the last class of the chain, run by the component."""

    def merge(self, cands: list[Candidate]) -> list[Span]:
        """Return one span per body, its dict holding every mention of it."""
        mains = _Mains(cands)
        mentions: list[list[list[int]]] = []
        for cand in sorted((c for c in cands if c.linked), key=lambda c: c.start_char):
            same = mains.find(cand, loose=self.back_reference(cand))
            if same is None:
                mains.add(cand)
                mentions.append([[cand.start_char, cand.end_char]])
                continue
            mentions[mains.position[id(same)]].append([cand.start_char, cand.end_char])
            self.absorb(same, cand)
        for cand in cands:
            if cand.linked:
                continue
            same = mains.find(cand)
            if same is not None:
                found = mentions[mains.position[id(same)]]
                if [cand.start_char, cand.end_char] not in found:
                    found.append([cand.start_char, cand.end_char])
        spans: list[Span] = []
        for main, seen in zip(mains.items, mentions, strict=True):
            span = self.doc.char_span(
                main.start_char, main.end_char, label=main.kind, alignment_mode="expand"
            )
            if span is None:
                continue
            span._.summit_body = self.record(main, sorted(seen))
            spans.append(span)
        return spans

    def absorb(self, main: Candidate, cand: Candidate) -> None:
        """Let a later mention ``cand`` of the body ``main`` raise its status, fill its empty
        proposers and add its supporters ("the initiative on the X was supported by Y")."""
        if STATUS_RANK[cand.status or "proposed"] > STATUS_RANK[main.status or "proposed"]:
            self.decide(main, "merge", status=cand.status)
        if not main.proposers and cand.proposers:
            self.decide(main, "merge", proposers=cand.proposers)
        added = [n for n in cand.supporters if n not in main.proposers]
        added = [n for k, n in enumerate(added) if n not in main.supporters and n not in added[:k]]
        if added:
            self.decide(main, "merge", supporters=[*main.supporters, *added])

    def record(self, main: Candidate, mentions: list[list[int]]) -> dict[str, Any]:
        """Return the plain-value dict of ``span._.summit_body`` for the body ``main``."""
        cue_span = main.cue
        return {
            "start": main.start_char,
            "end": main.end_char,
            "kind": main.kind,
            "status": main.status,
            "proposers": list(main.proposers),
            "supporters": list(main.supporters),
            "cue": self.text[cue_span[0] : cue_span[1]] if cue_span else None,
            "cue_start": cue_span[0] if cue_span else None,
            "cue_end": cue_span[1] if cue_span else None,
            "mentions": mentions,
            "attribution": {
                "status": main.rules["status"],
                "proposers": main.rules["proposers"],
                "supporters": main.rules["supporters"],
            },
        }

    def back_reference(self, cand: Candidate) -> bool:
        """Return True for a lower-case definite name ("the proposal on the critical minerals
        centre"): a short way of referring back to a body named earlier in full."""
        text = self.text[cand.start_char : cand.end_char]
        first = self._char_tokens(cand)[0]
        return (
            not cand.quoted
            and text == text.lower()
            and first > 0
            and self.doc[first - 1].lower_ == "the"
        )

    @staticmethod
    def same_body(
        cand: Candidate, mains: Iterable[Candidate], loose: bool = False
    ) -> Candidate | None:
        """Return the earlier body ``cand`` is a mention of, or None; ``loose``: the words of a
        back-reference may come in another order ("the minerals centre" for "Centre for
        Minerals")."""
        for main in mains:
            if main.kind != cand.kind or (main.start_char == cand.start_char):
                continue
            small, big = sorted((cand.key, main.key), key=len)
            if len(small) >= 2 and _subsequence(small, big):
                return main
            if loose and len(cand.key) >= 2 and set(cand.key) <= set(main.key):
                return main
        return None


class _Mains:
    """The bodies found so far, indexed so that a mention is compared only with the bodies
    that can match it (a linear merge for a sentence listing a thousand names).

    A body ``same_body`` accepts either holds every word of the mention (found through the
    mention's rarest word) or has all its own words in the mention (found through the body's
    rarest word); "rarest" counts the keys of all candidates of the document.
    """

    def __init__(self, cands: list[Candidate]) -> None:
        self.items: list[Candidate] = []
        self.position: dict[int, int] = {}  # id(candidate) -> index in items
        self.freq: Counter[str] = Counter(w for c in cands for w in set(c.key))
        self.by_word: dict[str, list[int]] = {}
        self.by_rarest: dict[str, list[int]] = {}

    def rarest(self, key: tuple[str, ...]) -> str | None:
        """Return the word of ``key`` fewest candidates share (None for an empty key)."""
        return min(key, key=lambda w: (self.freq[w], w)) if key else None

    def add(self, main: Candidate) -> None:
        """Add the body ``main``."""
        k = len(self.items)
        self.items.append(main)
        self.position[id(main)] = k
        for w in set(main.key):
            self.by_word.setdefault(w, []).append(k)
        rare = self.rarest(main.key)
        if rare is not None:
            self.by_rarest.setdefault(rare, []).append(k)

    def find(self, cand: Candidate, loose: bool = False) -> Candidate | None:
        """Return the earliest body ``cand`` is a mention of (``Merge.same_body``), or None."""
        rare = self.rarest(cand.key)
        if rare is None:
            return None
        found = set(self.by_word.get(rare, ()))
        for w in set(cand.key):
            found.update(self.by_rarest.get(w, ()))
        return Merge.same_body(cand, [self.items[k] for k in sorted(found)], loose=loose)


def _subsequence(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    """Return True when the words of ``small`` occur in ``big`` in the same order."""
    it = iter(big)
    return all(word in it for word in small)
