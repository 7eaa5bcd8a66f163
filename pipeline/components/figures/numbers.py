"""Reading numbers for summit_figures: digit strings and English number words.

Decides the value of the number a match holds (before scale and unit); reads no Doc, only the
matched characters and the ``number``/``scale`` lines of units.jsonl.

Why our own parser: measured on the forms these texts use, ``word2number`` 1.1, ``text2num`` 3.1
and ``number-parser`` 0.3 all read "seventy" or "two hundred and fifty", but none reads
"one and a half" (word2number returns 1, the others fail or return None) or "a dozen"; the words
we need are a closed set of ~35 that live in units.jsonl, so a 40-line rule parser keeps the
component dependency-free and data-driven.
"""

from __future__ import annotations

import re
import unicodedata

from .lexicon import UnitEntry


class NumberParseError(ValueError):
    """A string that the figure grammar matched could not be read as a number."""


# Thousands separators: comma, narrow/normal no-break space, apostrophe (Swiss style).
_SEPARATORS = re.compile(r"[,\u00a0\u202f\u2009']")


def _format_characters() -> str:
    """Return every invisible format character (Unicode category Cf) as one string."""
    planes = (range(0x20000), range(0xE0000, 0xE0080))  # Cf lives in the BMP, SMP and tags
    return "".join(chr(c) for r in planes for c in r if unicodedata.category(chr(c)) == "Cf")


#: Invisible format characters (zero-width space U+200B, bidi controls U+202A-U+202E, soft
#: hyphen, BOM, ...): a text may carry them inside a number, which they never split.
FORMAT_CHARS = _format_characters()
_FORMAT_RE = re.compile("[" + re.escape(FORMAT_CHARS) + "]")


def strip_format(text: str) -> str:
    """Return ``text`` without invisible format characters ("3\u200b5" -> "35")."""
    return _FORMAT_RE.sub("", text)


_WORD_SPLIT = re.compile(r"[\s\-]+")


def parse_digits(text: str) -> float:
    """Return the value of a digit string such as ``1,200``, ``10.5`` or ``10,5`` (decimal comma).

    A comma followed by exactly three digits is a thousands separator; any other single comma
    (``10,5``) is a decimal comma, as written in Russian- and German-style texts; two or more
    dot groups (``1.200.000``) are thousands separators.
    """
    s = strip_format(text).strip()
    if re.fullmatch(r"\d+,\d{1,2}", s):
        s = s.replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", s):
        s = s.replace(".", "")  # 1.200.000: two or more dot groups cannot be a decimal
    s = _SEPARATORS.sub("", s)
    try:
        return float(s)
    except ValueError as err:
        raise NumberParseError(f"not a digit number: {text!r}") from err


class WordNumberParser:
    """Reads English number words ("seventy", "two hundred and fifty", "one and a half").

    Built from the ``number`` and ``scale`` entries of units.jsonl so that the vocabulary is data.
    """

    def __init__(self, entries: list[UnitEntry]) -> None:
        """Collect the number words and spelled-out scales of ``entries``."""
        self.small: dict[str, float] = {}
        self.scales: dict[str, float] = {}
        for e in entries:
            if e.kind == "number" and e.value is not None:
                for f in e.forms:
                    self.small[f.lower()] = e.value
            elif e.kind == "scale" and e.value is not None and not e.glued_only:
                for f in e.forms:
                    if len(f) > 2:  # only spelled-out scale words take part in word numbers
                        self.scales[f.lower()] = e.value

    def words(self) -> list[str]:
        """Return every word the parser knows (number words and spelled-out scales)."""
        return sorted({*self.small, *self.scales}, key=len, reverse=True)

    def parse(self, text: str) -> float:
        """Return the value of ``text`` ("seventy-five", "a dozen", "one and a half").

        Raises NumberParseError when a word is not a number word.
        """
        low = text.strip().lower()
        fraction = 0.0
        m = _AND_A_FRACTION.search(low)
        if m:  # "one and a half": the fraction is added to the whole number before it
            fraction = self.small.get(m.group(1), 0.0)
            low = low[: m.start()]
        low = _LEADING_ARTICLE.sub("one ", low)  # "a dozen", "a hundred" = one dozen, one hundred
        total = 0.0
        current = 0.0
        seen = False
        for word in _WORD_SPLIT.split(low):
            if not word or word == "and":
                continue
            if word in self.scales:
                total += (current or 1.0) * self.scales[word]
                current = 0.0
            elif word in ("hundred", "dozen"):
                current = (current or 1.0) * self.small[word]
            elif word in self.small:
                current += self.small[word]
            else:
                raise NumberParseError(f"not a number word: {word!r} in {text!r}")
            seen = True
        if not seen:
            raise NumberParseError(f"no number word in {text!r}")
        return total + current + fraction


_AND_A_FRACTION = re.compile(r"\s+and\s+an?\s+(half|quarter)$")
_LEADING_ARTICLE = re.compile(r"^an?\s+")
