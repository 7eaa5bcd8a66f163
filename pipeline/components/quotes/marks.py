"""Mark pairing: which quotation marks open and close which, one pass over the characters.

Reads only the text (``doc.text``), never tokens. Decides the pairs of every style (“…”, "…",
«…», »…«, „…“, ‘…’, '…', ‹…›, 「…」) with a stack per paragraph, so a quotation may contain a
quoted name with the same marks. Pairing is confined to a paragraph (blank line, U+2029, or a
line break in texts without blank lines: ``common.text.paragraph_spans``): a quotation that runs
on re-opens at the start of the next paragraph (the typographic convention) and is reported one
segment per paragraph; a quotation the next paragraph closes without re-opening it (its first
double mark is a closer) is one pair across that one break; any other unbalanced mark is dropped
at the paragraph end instead of swallowing the rest of the document. Apostrophes and clitics (it's, region’s, O‘zbekiston, 's, '90s) are
not marks. Linear in the text: the stack finds the opener a closer closes in constant time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.components.common.text import paragraph_spans

# Opening mark -> the marks that may close it.
_CLOSERS: dict[str, str] = {
    "“": '”“"',  # a straight closer after a curly opener: careless but common
    "„": '“”"',
    "‚": "‘’",
    "«": "»",
    "»": "«",
    "‹": "›",
    "›": "‹",
    '"': '"”',  # a curly closer after a straight opener: real copy mixes them both ways
    "'": "'",
    "‘": "’",
    "”": "”",
    "「": "」",
    "『": "』",
}
# Closing mark -> the opening marks it may close (the inverse of _CLOSERS).
_OPENERS: dict[str, tuple[str, ...]] = {}
for _opener, _closers in _CLOSERS.items():
    for _closer in _closers:
        _OPENERS.setdefault(_closer, ())
        _OPENERS[_closer] += (_opener,)
_SINGLE = frozenset("'‘’‚‹›")
MARK_CHARS = frozenset("“”„‚«»‹›\"'‘’「」『』")
_MARK_RE = re.compile("[" + re.escape("".join(sorted(MARK_CHARS))) + "]")
_OPEN_CONTEXT = frozenset("([{<—–-/") | MARK_CHARS
_CLOSE_CONTEXT = frozenset(".,;:!?)]}>…—–-/") | MARK_CHARS
#: the longest quotation (characters) carried over hard-wrapped lines
_MAX_WRAPPED = 1200
_CONTRACTION = re.compile(r"(?:s|ll|re|ve|d|m|t|\d\ds?)(?![^\W_])", re.IGNORECASE)


@dataclass(frozen=True)
class MarkPair:
    """A pair of quotation marks: ``text[open]`` opens, ``text[close]`` closes.

    The quoted text is ``text[open + 1 : close]``; ``depth`` is 0 for an outermost pair. A
    quotation that runs over paragraphs is one segment per paragraph: every segment but the last
    has ``closed=False`` and ``close`` at the end of its paragraph's text, every segment but the
    first opens at the paragraph's re-opening mark; all share ``chain`` (the first mark's offset).
    """

    open: int
    close: int
    depth: int
    chain: int = -1
    closed: bool = True

    @property
    def reopened(self) -> bool:
        """True for a segment after the first of a quotation running over paragraphs."""
        return self.chain >= 0 and self.chain != self.open

    @property
    def continued(self) -> bool:
        """True when the quotation goes on in the next paragraph (a segment but the last)."""
        return not self.closed or self.reopened

    @property
    def start(self) -> int:
        """Return the offset of the first character between the marks."""
        return self.open + 1

    @property
    def end(self) -> int:
        """Return the offset just past the last character between the marks."""
        return self.close


class MarkStack:
    """The open marks of one paragraph, indexed by mark so a closer finds its opener in O(1).

    A plain list scan per closer is quadratic on a run of openers that nothing closes
    (``„„„…»»»``); here each mark is pushed and popped once.
    """

    def __init__(self) -> None:
        """Start empty."""
        self.items: list[tuple[str, int]] = []  # (mark, offset), bottom first
        self._by_mark: dict[str, list[int]] = {}  # mark -> its stack indices, ascending
        self._doubles: list[int] = []  # stack indices of double (non-single) marks, ascending

    def __len__(self) -> int:
        """Return the number of open marks."""
        return len(self.items)

    def __getitem__(self, k: int) -> tuple[str, int]:
        """Return the ``(mark, offset)`` at stack index ``k``."""
        return self.items[k]

    def push(self, mark: str, pos: int) -> None:
        """Open ``mark`` at offset ``pos``."""
        k = len(self.items)
        self.items.append((mark, pos))
        self._by_mark.setdefault(mark, []).append(k)
        if mark not in _SINGLE:
            self._doubles.append(k)

    def find(self, closer: str, single: bool) -> int:
        """Return the stack index of the nearest opener that ``closer`` closes, or -1.

        A single mark never closes across an open double one.
        """
        k = -1
        for opener in _OPENERS.get(closer, ()):
            found = self._by_mark.get(opener)
            if found:
                k = max(k, found[-1])
        if single and self._doubles and self._doubles[-1] > k:
            return -1
        return k

    def cut(self, k: int) -> None:
        """Drop the marks from stack index ``k`` up."""
        while len(self.items) > k:
            mark, _ = self.items.pop()
            self._by_mark[mark].pop()
            if mark not in _SINGLE:
                self._doubles.pop()


def _is_open_context(ch: str) -> bool:
    """True when ``ch`` may stand before an opening mark (start, space, bracket, dash, mark)."""
    return ch == "" or ch.isspace() or ch in _OPEN_CONTEXT


def _is_close_context(ch: str) -> bool:
    """True when ``ch`` may stand after a closing mark (end, space, punctuation, mark)."""
    return ch == "" or ch.isspace() or ch in _CLOSE_CONTEXT


def pair_marks(text: str) -> list[MarkPair]:
    """Return the quotation-mark pairs of ``text``, sorted by opening offset.

    One left-to-right pass with a stack per paragraph. Straight and ambiguous marks are read by
    their flanking characters (a mark after a space and before a letter opens; after a
    letter and before a space or punctuation it closes); curly marks by their shape.
    """
    pairs: list[MarkPair] = []
    chain_of: dict[int, int] = {}  # re-opening mark -> first mark of its quotation
    # The outermost opener still open at a paragraph end, and where that paragraph's text ends.
    carry: tuple[str, int, int] | None = None
    for p_start, p_end in paragraph_spans(text):
        para = _Paragraph(text, p_start, p_end, pairs, chain_of)
        first = para.reopen(carry) if carry is not None else p_start
        for match in _MARK_RE.finditer(text, first, p_end):
            para.step(match.start())
        carry = para.still_open()
    pairs.sort(key=lambda p: (p.open, -p.close))
    return pairs


@dataclass
class _Paragraph:
    """The pairing state of one paragraph: its bounds, its stack, the pairs found so far."""

    text: str
    p_start: int
    p_end: int
    pairs: list[MarkPair]
    chain_of: dict[int, int]
    stack: MarkStack = field(default_factory=MarkStack)
    #: offset of the previous paragraph's opener this paragraph closes without re-opening it
    bridged: int = -1
    #: an open quotation this mark-less wrapped line passes on to the next line
    passed: tuple[str, int, int] | None = None

    def reopen(self, carry: tuple[str, int, int]) -> int:
        """Continue a quotation left open by the previous paragraph; return where to scan from.

        It continues only if this paragraph re-opens it with the same mark: the previous
        segment is then recorded (unclosed) and the re-opening mark pushed.
        """
        text, first = self.text, self.p_start
        while first < self.p_end and text[first].isspace():
            first += 1
        if first < self.p_end and text[first] == carry[0]:
            chain = self.chain_of.get(carry[1], carry[1])
            self.pairs.append(MarkPair(carry[1], carry[2], 0, chain=chain, closed=False))
            self.chain_of[first] = chain
            self.stack.push(carry[0], first)
            return first + 1
        if carry[1] != self.chain_of.get(carry[1], carry[1]):
            return self.p_start  # a re-opened quotation continues only by re-opening
        if self.closes_first(carry[0]):
            # Not re-opened, but the paragraph's first mark closes the quotation: one quotation
            # over the paragraph break (agency copy that drops the re-opening mark).
            self.stack.push(carry[0], carry[1])
            self.bridged = carry[1]
        elif self.wrapped(carry):
            # A hard-wrapped line inside the quotation (wire copy re-wrapped at ~65 characters):
            # the quotation goes on to the next line.
            last = self.p_end
            while last > self.p_start and self.text[last - 1].isspace():
                last -= 1
            self.passed = (carry[0], carry[1], last)
        return self.p_start

    def wrapped(self, carry: tuple[str, int, int]) -> bool:
        """True when this paragraph is a mark-less line wrapped out of an open quotation.

        Only a single line break separates it from the previous line, it holds no double mark,
        and the quotation so far is short enough to be one wrapped paragraph.
        """
        gap = self.text[carry[2] : self.p_start]
        if gap.count("\n") + gap.count("\r") - gap.count("\r\n") != 1 or "\u2029" in gap:
            return False
        if self.p_end - carry[1] > _MAX_WRAPPED:
            return False
        marks = _MARK_RE.finditer(self.text, self.p_start, self.p_end)
        return all(m.group() in _SINGLE for m in marks)

    def closes_first(self, opener: str) -> bool:
        """True when this paragraph's first double mark closes ``opener`` (and cannot open).

        Single marks are skipped: apostrophes (each other's) and nested quotations.
        """
        match = next(
            (
                m
                for m in _MARK_RE.finditer(self.text, self.p_start, self.p_end)
                if m.group() not in _SINGLE
            ),
            None,
        )
        if match is None:
            return False
        i, ch = match.start(), match.group()
        if ch not in _CLOSERS.get(opener, ""):
            return False
        prev = self.text[i - 1] if i > self.p_start else ""
        nxt = self.text[i + 1] if i + 1 < self.p_end else ""
        if ch in "”»":
            return not (_is_open_context(prev) and not _is_close_context(nxt))
        return not _is_open_context(prev) and _is_close_context(nxt)

    def still_open(self) -> tuple[str, int, int] | None:
        """Return the outermost double mark still open at the paragraph end, with its text end."""
        if not self.stack:
            return self.passed  # a wrapped line passes an open quotation on
        if self.stack[0][0] in _SINGLE or self.stack[0][1] == self.bridged:
            return None  # a quotation bridged into this paragraph goes no further
        last = self.p_end
        while last > self.stack[0][1] + 1 and self.text[last - 1].isspace():
            last -= 1
        return (self.stack[0][0], self.stack[0][1], last)

    def close(self, k: int, i: int) -> None:
        """Pair the opener at stack index ``k`` with the closer at offset ``i``."""
        pos = self.stack[k][1]
        self.pairs.append(MarkPair(open=pos, close=i, depth=k, chain=self.chain_of.get(pos, -1)))
        self.stack.cut(k)

    def step(self, i: int) -> None:
        """Read the mark at offset ``i``: skip it, open a quotation or close one."""
        text, ch = self.text, self.text[i]
        prev = text[i - 1] if i > self.p_start else ""
        nxt = text[i + 1] if i + 1 < self.p_end else ""
        looks_open = _is_open_context(prev) and not _is_close_context(nxt)
        looks_close = not _is_open_context(prev) and _is_close_context(nxt)
        if ch in "'’‘" and self.not_a_mark(i, prev, nxt):
            return
        if ch in "'’":
            self.single_closer(ch, i, looks_open, looks_close)
        elif ch in "‘‚":
            if ch == "‘" or looks_open:
                self.stack.push(ch, i)
        elif ch == '"':
            k = self.stack.find(ch, single=False)
            if k >= 0 and not (looks_open and not looks_close):
                self.close(k, i)
            elif not (looks_close and not looks_open):
                self.stack.push(ch, i)
        elif ch == "“":
            k = self.stack.find(ch, single=False)
            if k >= 0 and (self.stack[k][0] == "„" or (looks_close and not looks_open)):
                self.close(k, i)
            else:
                self.stack.push(ch, i)
        elif ch in "”»›«‹":
            k = self.stack.find(ch, single=ch in _SINGLE)
            if k >= 0:
                self.close(k, i)
            elif ch in "«‹" or (looks_open and not looks_close):
                self.stack.push(ch, i)  # also the ”…” and »…« styles
        elif ch in "「『„":
            self.stack.push(ch, i)
        else:  # 」』
            k = self.stack.find(ch, single=False)
            if k >= 0:
                self.close(k, i)

    def not_a_mark(self, i: int, prev: str, nxt: str) -> bool:
        """True when the single mark at ``i`` is an apostrophe, a clitic or an elision."""
        text, ch = self.text, self.text[i]
        if prev.isalnum() and nxt.isalnum():
            return True  # apostrophe or a letter (it's, region’s, O‘zbekiston)
        if ch == "'" and _CONTRACTION.match(text, i + 1, self.p_end):
            return True  # "Lincoln 's Inn", "she 'll" in tokenised text: a clitic
        if ch == "’" and nxt.isalpha():
            return True  # elision (’tis, ’em; "she ’ll" when tokenised)
        # "‘The states’ interests come first,’": the states’ is not the closer
        return ch == "’" and prev in "sS" and self.plural_possessive(i)

    def single_closer(self, ch: str, i: int, looks_open: bool, looks_close: bool) -> None:
        """Read ' or ’: close a single quotation, open a straight one, or leave an apostrophe."""
        k = self.stack.find(ch, single=True)
        if k >= 0 and not (ch == "'" and looks_open and not looks_close):
            self.close(k, i)
        elif ch == "'" and looks_open:
            self.stack.push(ch, i)
        # a lone ’ is an apostrophe (the states’, ’90s)

    def plural_possessive(self, i: int) -> bool:
        """True when ``’`` at ``i`` (after an s) is a plural possessive inside an open ‘…’.

        It is when a lower-case word follows and another ’ closes the quotation later in the
        paragraph, before any new ‘ opens ("‘the states’ interests,’ he said").
        """
        text = self.text
        if not self.stack or self.stack[-1][0] != "‘" or text[i + 1 : i + 2] != " ":
            return False
        if not text[i + 2 : i + 3].islower():
            return False
        closer = text.find("’", i + 1, self.p_end)
        # an opener only matters before that closer: never search the paragraph's rest
        return closer != -1 and text.find("‘", i + 1, closer) == -1
