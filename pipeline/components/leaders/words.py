"""Token-level tests the leaders stages share: neighbours, capitals as written, headlines, quotes.

Decides nothing on its own; reads token texts, whitespace and line breaks of the Doc.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from pipeline.components.common.text import is_capitalised, is_dash

from .tables import Hit, fold

_OPEN_MARKS = "\"“«„‘'"
_CLOSE_MARKS = "\"”»“’'"


def next_word(doc: Doc, i: int) -> Token | None:
    """Return the first non-space token at or after ``i``, or None."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i] if i < len(doc) else None


def prev_word(doc: Doc, i: int) -> Token | None:
    """Return the last non-space token before ``i``, or None."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


def headline(token: Token) -> bool:
    """Return True when ``token`` sits in a title-case line ("Tokayev Meets Mirziyoyev")."""
    doc, i = token.doc, token.i
    start, end = i, i + 1
    while start > 0 and i - start < 8 and "\n" not in doc[start - 1].text:
        start -= 1
    while end < len(doc) and end - i < 8 and "\n" not in doc[end].text:
        end += 1
    words = [t for t in doc[start:end] if t.is_alpha]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def written_as(tokens: Sequence[Token], forms: Sequence[str], particles: frozenset[str]) -> bool:
    """Return True when name tokens are capitalised like the base form (particles excepted)."""
    for token, form in zip(tokens, forms, strict=False):
        if fold(token.text) in particles and not form[:1].isupper():
            continue
        if not is_capitalised(token):
            return False
        if len(form) > 1 and form.isupper() and not token.text.isupper():
            return False  # acronym aliases (MBS) only in capitals
    return True


def case_ok(doc: Doc, hit: Hit, kind: str) -> bool:
    """Return True when a country/organisation atom is written as a name (capitals honoured)."""
    entry = next(e for e in hit.entries if e.kind == kind)
    tokens = [t for t in doc[hit.start : hit.end] if not is_dash(t.text)]
    if not tokens or not is_capitalised(tokens[0]):
        return False
    for token, form in zip(tokens, entry.forms, strict=False):
        if len(form) > 1 and form.isupper() and not token.text.isupper():
            return False
    return True


def quoted_title(doc: Doc, start: int, end: int) -> bool:
    """Return True when the tokens ``start:end`` (after an optional "the") fill a pair of
    quotation marks: a title reported as a title, not a reference to a person."""
    i = start
    if i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    return (
        i > 0
        and end < len(doc)
        and doc[i - 1].text in _OPEN_MARKS
        and doc[end].text in _CLOSE_MARKS
        and not doc[i - 1].whitespace_
        and doc[end - 1].whitespace_ == ""
    )


def other_given_name(before: Token | None, honorifics: set[str]) -> bool:
    """Return True when ``before`` looks like another person's given name before a surname
    ("Jamshid Karimov"): a capitalised content word that is no honorific and no headline word.
    Callers add their own exceptions (time words, atoms)."""
    return (
        before is not None
        and before.is_alpha
        and is_capitalised(before)
        and not before.is_stop
        and (not before.is_sent_start or before.pos_ == "PROPN")
        and fold(before.text) not in honorifics
        and not headline(before)
    )
