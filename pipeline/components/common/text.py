"""Character- and string-level helpers: capitals, dashes, paragraph boundaries.

Paragraph breaks: a blank line (``\\n\\n`` with optional blanks between), U+2029 PARAGRAPH
SEPARATOR, or — in a text that has none of these — a single line break (``\\n``, a bare ``\\r``
or U+2028 LINE SEPARATOR). CRLF is folded to ``\\n`` when a file is decoded (``pipeline.io``),
so a ``\\r`` that reaches a component is a bare one and counts as a line break.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

#: Hyphen, the Unicode hyphens, figure dash, en/em dashes, horizontal bar and minus sign.
DASHES = frozenset("-‐‑‒–—―−")

_BLANK_LINE = re.compile(
    r"(?:\r\n|[\n\r\u2028])[ \t]*(?:\r\n|[\n\r\u2028])[ \t\r\n\u2028]*|\u2029+"
)
_LINE = re.compile(r"\r\n|[\n\r\u2028]")


_DASH_TO_HYPHEN = str.maketrans({c: "-" for c in DASHES})
_SPACED_HYPHEN = re.compile(r"\s*-\s*")


def fold_dashes(text: str) -> str:
    """Return ``text`` with every dash as "-" and no blanks around it ("Central Asia – China" ->
    "Central Asia-China"), the form in which series cues and body names are compared."""
    return _SPACED_HYPHEN.sub("-", text.translate(_DASH_TO_HYPHEN))


@lru_cache(maxsize=4096)
def is_dash(text: str) -> bool:
    """Return True when ``text`` is made only of dash characters ("-", "–", "—", "--")."""
    return bool(text) and all(c in DASHES for c in text)


def is_capitalised(token: Token) -> bool:
    """Return True for a word that starts with a capital letter or is an acronym ("UN", "Xi'an")."""
    return token.text[:1].isupper()


def paragraph_breaks(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of every paragraph separator in ``text``, in order.

    Blank lines and U+2029 separate paragraphs when the text has any; otherwise every line break
    does (texts that mark paragraphs with single newlines).
    """
    splitter = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE
    return [(m.start(), m.end()) for m in splitter.finditer(text)]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph of ``text`` (possibly empty ones), in order."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for start, end in paragraph_breaks(text):
        spans.append((pos, start))
        pos = end
    spans.append((pos, len(text)))
    return spans


def bounded_literal(word: str, flags: int = 0) -> re.Pattern[str]:
    """Compile ``word`` as a literal on word boundaries that also refuse "+" ("C5" is not in
    "C5+1"): the pattern of ``(?<![\\w+])word(?![\\w+])``.

    The left boundary is checked after the word's first character ("C(?<![\\w+]C)onference"):
    a pattern that opens with a literal lets ``re`` skip ahead to that character, one that
    opens with a lookbehind is tried at every position of the text (2.5-4x slower).
    """
    first, rest = re.escape(word[:1]), re.escape(word[1:])
    return re.compile(first + r"(?<![\w+]" + first + ")" + rest + r"(?![\w+])", flags)
