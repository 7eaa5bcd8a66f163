"""Lists: bodies that share the act of a list's lead-in or of a coordinated name.

Decides the cue, status and proposers of the items of a dashed/bulleted/numbered list ("The
President put forward initiatives:" / "– to create X;"), of an enumeration run inside a
paragraph ("First, X. Second, Y.", "1) X; 2) Y"), and of a named body coordinated after a
linked one ("adopted A, as well as B and the C"). Reads line breaks, list markers, the parse
and the candidates already linked.
"""

from __future__ import annotations

import re

from models.records import BodyRule
from pipeline.components.common.text import is_capitalised

from .context import DETS, Candidate, Cue
from .fallbacks import Fallbacks

# list-item markers at the start of a line
_BULLETS = frozenset({"–", "-", "—", "•", "*", "·", "▪"})
_NUMBERED = re.compile(r"\d{1,2}[.)]?")


class Lists(Fallbacks):
    """The list stage."""

    def bullet_lists(self, cands: list[Candidate]) -> None:
        """Link the items of a dashed/bulleted/numbered list to the act of its lead-in line.

        "The President put forward a number of initiatives:" followed by "– to create X;",
        "– to elaborate Y." lines: each item's first body (and any body already linked in
        it) is a proposal of the lead-in's agent, with the lead-in's cue. Under "The following
        documents were signed:" an unlinked item's body is adopted, collectively.
        """
        doc = self.doc
        lead: tuple[Cue, list[str]] | None = None
        items: list[tuple[int, int, tuple[Cue, list[str]], BodyRule]] = []
        prev_line: tuple[int, int] | None = None  # token range of the previous non-blank line
        prev_was_item = False
        i = 0
        n = len(doc)
        while i < n:
            if doc[i].is_space:
                i += 1
                continue
            start = i
            while i < n and not (doc[i].is_space and "\n" in doc[i].text):
                i += 1
            end = i  # [start, end): one line
            first = start  # the marker: "– ...", "• ...", "1) ...", "2. ..."
            if _NUMBERED.fullmatch(doc[start].text) and start + 1 < end:
                if doc[start + 1].text in (")", "."):
                    first = start + 1
                is_item = doc[first].text[-1] in ").:" and end - first > 1
            else:
                is_item = doc[start].text in _BULLETS and end - start > 1
            if not is_item and self.unmarked_item(start, end, prev_line, prev_was_item):
                is_item, first = True, start - 1  # "Charter of the Turkic World;" on its own line
            if is_item:
                if prev_line is not None and (
                    doc[prev_line[1] - 1].text == ":" or not doc[prev_line[1] - 1].is_punct
                ):
                    lead = self.lead_in(prev_line[0], prev_line[1])
                elif not prev_was_item:
                    lead = None
                if lead is not None:
                    items.append((first + 1, end, lead, "list_item"))
            prev_line, prev_was_item = (start, end), is_item
        items.extend((a, b, lead, "enumeration_item") for a, b, lead in self.inline_enumerations())
        if not items:
            return
        ordered = sorted(cands, key=lambda c: c.start_char)
        for start, end, (cue, agents), rule in items:
            lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
            inside = [c for c in ordered if lo <= c.start_char and c.end_char <= hi]
            for k, cand in enumerate(inside):
                if k > 0 and not cand.linked:
                    continue
                first = self._char_tokens(cand)[0]
                if any(
                    t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.dep_ not in ("aux", "auxpass")
                    for t in doc[start:first]
                ):
                    if cand.linked and cand.status == "proposed" and not cand.proposers:
                        # "1. It is important to adopt X" under "X put forward initiatives:":
                        # the item argues for X, the lead-in's agent proposes it
                        self.decide(cand, rule, proposers=agents)
                    break  # an item with its own finite clause reports something else
                if not cand.linked and not self.item_object(start, first):
                    continue  # "– the work of the Council of X": about another noun
                if cue.status != "proposed" and cand.linked:
                    continue  # "The leaders signed:": an item's own cue stands
                self.decide(cand, rule, status=cue.status, cue=(cue.start, cue.end))
                if not cand.proposers:
                    self.decide(cand, rule, proposers=agents)

    def enumeration_marker(self, i: int) -> tuple[int, int] | None:
        """Return (ordinal, first token after the marker) when an enumeration marker starts at
        token ``i`` ("First,", "Secondly,", "3)", "(2)") at the start of a sentence or after a
        colon/semicolon, else None."""
        doc = self.doc
        t = doc[i]
        rank = self.c.ordinal_adverbs.get(t.lower_)
        if rank is not None:
            if i + 1 >= len(doc) or doc[i + 1].text != ",":
                return None
            after = i + 2
        elif t.text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")":
            if not doc[i + 1].text.isdigit() or len(doc[i + 1].text) > 2:
                return None
            rank, after = int(doc[i + 1].text), i + 3
        elif t.text[:-1].isdigit() and t.text[-1] == ")" and len(t.text) <= 3:
            rank, after = int(t.text[:-1]), i + 1
        elif t.text.isdigit() and len(t.text) <= 2 and i + 1 < len(doc) and doc[i + 1].text == ")":
            rank, after = int(t.text), i + 2
        else:
            return None
        prev = doc[i - 1] if i > 0 else None
        opens = prev is None or prev.text in (":", ";", ".") or "\n" in prev.text or t.is_sent_start
        return (rank, after) if opens and after < len(doc) else None

    def inline_enumerations(self) -> list[tuple[int, int, tuple[Cue, list[str]]]]:
        """Return the items of enumerations run inside a paragraph ("put forward several
        proposals: First, X. Second, Y." / "1) X; 2) Y") with the act of their lead-in: the
        clause before the first marker, or the sentence before it when the marker opens a
        sentence ("X put forward proposals. Firstly, ..."). A series ends at a paragraph break."""
        doc = self.doc
        markers: list[tuple[int, int, int]] = []  # (marker token, rank, first item token)
        ordinals = self.c.ordinal_adverbs
        for i, word in enumerate(self.words):
            # what enumeration_marker can open with: an ordinal adverb, "(", "3)" or "3"
            if not (
                self.lowers[i] in ordinals or word == "(" or word.endswith(")") or word.isdigit()
            ):
                continue
            found = self.enumeration_marker(i)
            if found is not None:
                markers.append((i, found[0], found[1]))
        items: list[tuple[int, int, tuple[Cue, list[str]]]] = []
        lead: tuple[Cue, list[str]] | None = None
        expect = 0
        per_paragraph = False  # the series runs one item per paragraph under its lead-in
        for k, (i, rank, after) in enumerate(markers):
            if rank == 1:
                s = self.ss[i]
                per_paragraph = False
                if s == i and s > 0 and not self.index.line_break_between(s - 1, i):
                    lead = self.lead_in(self.ss[s - 1], s)  # "... proposals. Firstly, ..."
                elif s == i and s > 0 and self.only_space(self.se[s - 1], i):
                    # "X put forward several proposals.\n\nFirst, to adopt ...": one paragraph
                    # per item under the paragraph announcing them
                    lead = self.lead_in(self.ss[s - 1], s)
                    per_paragraph = True
                else:
                    lead = self.lead_in(s, i) if s < i else None
                if lead is None:
                    # "Aliyev set out his ideas. Firstly, he proposed X. Secondly, Y.": the first
                    # item's own proposal leads the series
                    found_lead = self.lead_in(after, self.se[after])
                    lead = found_lead if found_lead and found_lead[0].status == "proposed" else None
                expect = 2
            elif rank != expect or lead is None:
                lead, expect = None, 0
                continue
            else:
                expect += 1
            if lead is None:
                continue
            end = self.se[after]
            if k + 1 < len(markers) and markers[k + 1][0] < end:
                end = markers[k + 1][0]
            while end > after and doc[end - 1].text in (";", ".", ","):
                end -= 1
            if end > after:
                items.append((after, end, lead))
            nxt_marker = markers[k + 1][0] if k + 1 < len(markers) else None
            if (
                nxt_marker is not None
                and self.index.line_break_between(i, nxt_marker)
                and not (
                    per_paragraph
                    and self.se[after] <= nxt_marker
                    and self.only_space(self.se[after], nxt_marker)
                )
            ):
                lead, expect = None, 0  # a paragraph of something else ends the series
        return items

    def unmarked_item(
        self, start: int, end: int, prev_line: tuple[int, int] | None, prev_was_item: bool
    ) -> bool:
        """Return True for a list item written without a marker: a short capitalised line with
        no finite verb, ending in ";" or ".", after a lead-in line left open ("Documents adopted
        at the summit included the") or ending in a colon, or after another item."""
        doc = self.doc
        if prev_line is None or end - start > 25 or not doc[start].is_title:
            return False
        if doc[end - 1].text not in (";", "."):
            return False
        last = doc[prev_line[1] - 1]
        if not (prev_was_item or last.text == ":" or not last.is_punct):
            return False
        return not any(
            t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.dep_ not in ("aux", "auxpass")
            for t in doc[start:end]
        )

    def only_space(self, start: int, end: int) -> bool:
        """Return True when tokens [start, end) are all whitespace (line breaks between two
        paragraphs that follow each other)."""
        return all(t.is_space for t in self.doc[start:end])

    def item_object(self, start: int, first: int) -> bool:
        """Return True when the name at token ``first`` is what its list item (from ``start``)
        is about: nothing but its verb, articles and adjuncts before it, or a cue noun + "of"
        ("– the creation of X")."""
        doc = self.doc
        i = first - 1
        while i >= start and (doc[i].lower_ in DETS or doc[i].pos_ == "ADJ"):
            i -= 1
        if i < start or doc[i].pos_ != "ADP":
            return True
        return doc[i].lower_ == "of" and i - 1 >= start and (i - 1) in self.cue_at

    def lead_in(self, start: int, end: int) -> tuple[Cue, list[str]] | None:
        """Return the lead-in cue of line [start, end) and its agents: the main verb's act when
        it reports one ("The following documents were signed:", no agents), else the first
        proposal cue ("The President put forward initiatives:"); None for a decision ("The
        leaders agreed:") or a line with neither."""
        for t in self.doc[start:end]:
            root = t.head.i == t.i or not (start <= t.head.i < end)
            cue = self.cue_at.get(t.i)
            if root and cue is not None and cue.status == "commit":
                return None  # "The leaders agreed:": each item's own verb decides
            if root and cue is not None and cue.status in ("established", "adopted"):
                return cue, []  # "The following documents were signed:": a collective act
            if root and cue is not None and cue.status == "linking":
                # "Documents adopted at the summit included:": the act on the subject
                for u in self.doc[start : t.i]:
                    act = self.cue_at.get(u.i)
                    if act is not None and act.status in ("established", "adopted"):
                        return act, []
        for t in self.doc[start:end]:
            cue = self.cue_at.get(t.i)
            if cue is not None and cue.status == "proposed" and t.i == cue.start:
                return cue, self.agent_of(t) or []
        return None

    def coordinated_lists(self, cands: list[Candidate]) -> None:
        """Link a named body coordinated after a linked one ("adopted the Astana Statement on X,
        as well as the CICA Statement on Y and the Statement on Z"): same cue, status and
        proposers. Only conjunctions, commas and articles may stand between the two names."""
        doc = self.doc
        ordered = sorted(cands, key=lambda c: c.start_char)
        for k in range(1, len(ordered)):
            cand, prev = ordered[k], ordered[k - 1]
            if cand.linked or not prev.linked or prev.sent_start != cand.sent_start:
                continue
            head = doc[cand.head]
            if not (cand.quoted or is_capitalised(head)) or head.dep_ in ("nsubj", "nsubjpass"):
                continue
            gap = doc[self._char_tokens(prev)[1] : self._char_tokens(cand)[0]]
            words = [t.lower_ for t in gap]
            if not any(w in (",", "and", "or") for w in words) or not all(
                w in self.c.list_glue or w in DETS for w in words
            ):
                continue
            self.decide(
                cand,
                "coordinated",
                status=prev.status,
                cue=prev.cue_tokens,
                proposers=prev.proposers,
            )
