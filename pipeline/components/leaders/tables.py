"""Token-key tables: folding, the longest-match lookup every leaders stage matches names with.

Decides nothing about people; reads only token texts. A key is a tuple of folded token texts
(case, diacritics, apostrophes and inner dots removed, dash tokens skipped by the caller), so
"Kasym – Jomart Tokayev" and "Kassym-Jomart Tokayev" meet on one key. spaCy's PhraseMatcher cannot
skip the dash tokens that break names apart, hence a table of our own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

# letters that NFKD does not decompose into a base letter + combining mark
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})
_DROP = str.maketrans("", "", "'’ʻʼ`´‘.")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return ``text`` lower-cased, with diacritics, apostrophes and inner dots removed."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    stripped = text.translate(_DROP)
    return stripped if stripped else text  # a lone "." stays a key of its own


def slug(text: str) -> str:
    """Return the id part of a folded name ("Irakli Kobakhidze" -> "irakli-kobakhidze")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "unknown"


def variants(text: str) -> set[str]:
    """Return ``text`` and its common transliteration variant (-yev/-yeva after a vowel -> -ev)."""
    out = {text}
    out.add(re.sub(r"(?<=[aeiouAEIOU])ye", "e", text))
    return out


@dataclass(frozen=True)
class Entry:
    """A lexicon payload: what a token sequence is (name, surname, country, role, ...)."""

    kind: str
    value: str
    forms: tuple[str, ...] = ()  # original token texts, to honour acronym case (US vs us)


@dataclass
class Table:
    """Token-key sequence -> payloads, matched longest-first.

    ``prefixes`` holds every proper prefix of every key, so a scan stops extending a candidate
    as soon as no entry can start that way: most tokens cost a single set lookup.
    """

    entries: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    firsts: set[str] = field(default_factory=set)

    def add(self, key: tuple[str, ...], entry: Entry) -> None:
        """Add ``entry`` under ``key`` (an empty key is ignored, a repeated entry kept once)."""
        if not key:
            return
        self.firsts.add(key[0])
        bucket = self.entries.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        for length in range(1, len(key)):
            self.prefixes.add(key[:length])

    def word(self, text: str) -> list[Entry] | None:
        """Return the entries of the one-word key of ``text`` (folded), or None."""
        return self.entries.get((fold(text),))


@dataclass
class Hit:
    """A table match over doc tokens [start, end)."""

    start: int
    end: int
    entries: list[Entry]
    how: str = ""  # "fuzzy": a spelling close to a base name, not a table entry

    def first(self, kind: str) -> str | None:
        """Return the value of the first entry of ``kind``, or None."""
        return next((e.value for e in self.entries if e.kind == kind), None)


def scan(keys: Sequence[tuple[int, str]], table: Table) -> list[Hit]:
    """Return the longest non-overlapping matches of ``table`` over ``keys`` (left to right)."""
    hits: list[Hit] = []
    entries, prefixes, firsts = table.entries, table.prefixes, table.firsts
    i, n = 0, len(keys)
    while i < n:
        if keys[i][1] not in firsts:  # most tokens start no entry
            i += 1
            continue
        best = 0
        key: tuple[str, ...] = ()
        for j in range(i, n):
            key = (*key, keys[j][1])
            if key in entries:
                best = j - i + 1
            if key not in prefixes:
                break
        if best:
            hits.append(Hit(keys[i][0], keys[i + best - 1][0] + 1, entries[key[:best]]))
            i += best
        else:
            i += 1
    return hits
