"""Merge: one record per body.

Decides which candidates are mentions of the same body: a later mention joins the body of the
same kind whose words it shares in order (a lower-case definite back-reference, "the minerals
centre", in any order); its status may raise the body's, its proposers fill an empty list and
its supporters join. Writes the span group's spans with their plain-dict ``summit_body``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Span

from .context import STATUS_RANK, Candidate
from .lists import Lists


class Merge(Lists):
    """The merge stage; the last class of the chain, run by the component."""

    def merge(self, cands: list[Candidate]) -> list[Span]:
        """Return one span per body, its dict holding every mention of it."""
        doc = self.doc
        records: list[dict[str, Any]] = []
        mains: list[Candidate] = []
        for cand in sorted((c for c in cands if c.linked), key=lambda c: c.start_char):
            same = self.same_body(cand, mains, loose=self.back_reference(cand))
            if same is not None:
                rec = records[mains.index(same)]
                rec["mentions"].append([cand.start_char, cand.end_char])
                if STATUS_RANK[cand.status or "proposed"] > STATUS_RANK[rec["status"]]:
                    rec["status"] = cand.status
                if not rec["proposers"] and cand.proposers:
                    rec["proposers"] = list(cand.proposers)
                for name in cand.supporters:  # "the initiative on the X was supported by Y"
                    if name not in rec["supporters"] and name not in rec["proposers"]:
                        rec["supporters"].append(name)
                continue
            mains.append(cand)
            cue_span = cand.cue
            records.append(
                {
                    "start": cand.start_char,
                    "end": cand.end_char,
                    "kind": cand.kind,
                    "status": cand.status,
                    "proposers": list(cand.proposers),
                    "supporters": list(cand.supporters),
                    "cue": self.text[cue_span[0] : cue_span[1]] if cue_span else None,
                    "cue_start": cue_span[0] if cue_span else None,
                    "cue_end": cue_span[1] if cue_span else None,
                    "mentions": [[cand.start_char, cand.end_char]],
                }
            )
        for cand in cands:
            if cand.linked:
                continue
            same = self.same_body(cand, mains)
            if same is not None:
                rec = records[mains.index(same)]
                if [cand.start_char, cand.end_char] not in rec["mentions"]:
                    rec["mentions"].append([cand.start_char, cand.end_char])
        spans: list[Span] = []
        for rec in records:
            rec["mentions"].sort()
            span = doc.char_span(
                rec["start"], rec["end"], label=rec["kind"], alignment_mode="expand"
            )
            if span is None:
                continue
            span._.summit_body = rec
            spans.append(span)
        return spans

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


def _subsequence(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    """Return True when the words of ``small`` occur in ``big`` in the same order."""
    it = iter(big)
    return all(word in it for word in small)
