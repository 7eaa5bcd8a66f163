"""The figure expressions, compiled once from the lexicon, and where in a text they are tried.

Decides which stretches of ``doc.text`` are candidate figures (a regex match each); reads only
the text, never the parse. The main expression reads

``[qualifier] [from|between] [sign] [currency] NUMBER [scale] [unit]
[(-|–|to|and) [currency] NUMBER [scale]] [unit]``

with numbers in digits (``1,200``, ``10.5``) or words (``seventy``, ``one and a half``,
``a dozen``). Two more find multiplier words (twice, doubled, halved) and fraction words
(a third, half).

Linear time: no group that repeats over number words can backtrack without bound. The
repetition inside a word number is bounded (:data:`MAX_WORD_ATOMS`), whitespace runs inside it
are possessive, and invisible format characters inside a digit run are read possessively, so a
run of 800 hyphenated number words costs one bounded attempt per start, not a quadratic search
(``tests/figures/test_patterns.py`` checks the compiled pattern's structure).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .lexicon import Lexicon
from .numbers import FORMAT_CHARS, WordNumberParser

_MAX_WORDS_BEFORE = 3  # "more than", "between", "from", "USD" before the number
#: how many number words may follow the first one in a word number ("nine hundred and
#: ninety-nine" needs 3; scale words such as "thousand" are not counted, they end the number)
MAX_WORD_ATOMS = 8
_CHUNK = re.compile(r"\S+")
WORD_PARTS = re.compile(r"[^\W\d_]+")
_OPENERS = "([{\"'“‘«"
_CF = "[" + re.escape(FORMAT_CHARS) + "]"
#: a digit, and after it any invisible format characters when another digit follows ("3\u200b5")
_DIGIT = rf"(?>\d(?:{_CF}++(?=\d))?)"  # atomic: nothing in it is ever given back


def alternation(forms: list[str], case_sensitive: bool) -> str:
    """Return a regex alternation of ``forms``, longest first, bounded where a form is a word."""
    parts = []
    for form in sorted(set(forms), key=len, reverse=True):
        pat = re.escape(form).replace(r"\ ", r"\s+")
        if form[:1].isalnum():
            pat = r"(?<![^\W\d_])" + pat
        if form[-1:].isalnum():
            pat = pat + r"(?![^\W\d_])"
        parts.append(pat if not case_sensitive else f"(?-i:{pat})")
    return "|".join(parts) if parts else r"(?!x)x"


def digits_pattern() -> str:
    """Return the expression of a number written in digits (separators, decimal comma)."""
    d = _DIGIT
    return (
        rf"{d}{{1,3}}(?:[,\u00a0\u202f]{d}{{3}})+(?:\.{d}+)?(?!\d)"  # 1,200,000.5
        rf"|{d}{{1,3}}(?:\.{d}{{3}}){{2,}}(?![\d.])"  # 1.200.000 (dots as separators)
        rf"|{d}{{1,3}},{d}{{1,2}}(?![\d,])"  # 10,5 (decimal comma)
        rf"|{d}+(?:\.{d}+)?"
        rf"|\.{d}+"  # ".25 per cent": a decimal written without its leading zero
    )


def word_number_pattern(words: WordNumberParser) -> str:
    """Return the expression of a number written in words ("seventy-five", "a dozen")."""
    word_forms = [w for w in words.words() if w not in ("half", "quarter")]
    atom = alternation([w for w in word_forms if w not in words.scales], False)
    scales = alternation(list(words.scales), False)
    return (
        # "a million visitors": the article is the number, the scale word follows
        rf"(?:an?(?=\s+(?:{scales})))"
        rf"|(?:(?:(?:an?\s++)(?=(?:dozen|hundred|{scales})))?"
        rf"(?:{atom})(?:(?:\s++|-)(?:and\s++)?(?:{atom})){{0,{MAX_WORD_ATOMS}}}"
        rf"(?:\s+and\s+an?\s+(?:half|quarter)(?![^\W\d_]))?)"
    )


class Patterns:
    """The compiled expressions of one lexicon."""

    def __init__(self, lex: Lexicon, words: WordNumberParser) -> None:
        """Compile the figure, multiplier-word and fraction-word expressions of ``lex``."""
        forms = lex.forms
        qual = alternation(forms.qualifiers, False)
        self.figure_re = self._figure(lex, words, qual)
        self.multiplier_re = re.compile(
            rf"(?:(?P<qual>{qual})\s+)?"
            rf"(?<![\w-])(?P<mw>{alternation(forms.multipliers, False)})(?![\w-])",
            re.IGNORECASE,
        )
        fraction_forms = list(lex.fractions)
        self.fraction_re = re.compile(
            rf"(?:(?P<qual>{qual})\s+)?(?<![\w-])(?P<fw>{alternation(fraction_forms, False)})"
            # "half a century", "half an hour", "half a million" (an amount read elsewhere)
            r"(?![\w-]|\s+an?\s)",
            re.IGNORECASE,
        )
        self.fraction_words = frozenset(
            w for f in fraction_forms for w in WORD_PARTS.findall(f.lower())
        ) - {"a", "one", "two", "three"}
        self.anchor_words = frozenset(words.words())
        self.multiplier_words = frozenset(lex.multiplier_words)
        # a qualifier written before "half a million" (the match itself starts at "a")
        self.qualifier_tail_re = re.compile(rf"(?<![^\W\d_])(?P<qual>{qual})\s+$", re.IGNORECASE)

    @staticmethod
    def _figure(lex: Lexicon, words: WordNumberParser, qual: str) -> re.Pattern[str]:
        """Return the main expression: qualifier, range words, currency, number, scale, unit."""
        forms = lex.forms
        number = rf"(?:{digits_pattern()}|{word_number_pattern(words)})"
        prefix = f"(?:{alternation(forms.ci_prefix, False)}|{alternation(forms.cs_prefix, True)})"
        suffix = f"(?:{alternation(forms.ci_suffix, False)}|{alternation(forms.cs_suffix, True)})"
        scale = (
            rf"(?:\s*-?\s*(?:{alternation(forms.spaced_scales, False)})"
            rf"|(?:{'|'.join(re.escape(g) for g in forms.glued_scales)})(?![^\W\d_]))"
        )
        one = (
            rf"(?:(?P<cur@>{prefix})\s?)?(?P<n@>{number})(?P<s@>{scale})?"
            # "1 bln 200 mln dollars": a smaller scaled part added to the first (translations)
            rf"(?(s@)(?:\s+(?P<x@>\d{{1,3}})(?P<xs@>{scale}))?|)"
            rf"(?:[\s-]?(?P<u@>{suffix}))?"
        )
        # the second end of "12 per cent to 18 per cent" repeats the first end's unit
        same_unit = rf"(?=(?:{prefix}\s?)?{number}(?:{scale})?[\s-]?(?P=u1)(?![^\W\d_]))"
        return re.compile(
            # "rose by $4 billion to $40 billion": a change and a level, never a range ("by")
            r"(?:(?<=\bby\s)(?P<by>))?"
            rf"(?<![\w.+/#№$€£¥₽₸:-])(?:(?P<qual>{qual})\s+)?"
            rf"(?:(?P<btw>between)\s+|(?P<frm>from)\s+)?"
            # a signed change "(+12%)", "−3.5%": kept only when a unit follows (see values)
            # "minus 40 degrees", "-$5.2 billion": the sign may be a word or stand before a currency
            + r"(?P<sign>[+\u2212-](?=\d|[$€£¥₹])|minus[\s-]+(?=\d))?"
            + one.replace("@", "1")
            # "to" joins a range only after "from" or when the first number has no unit of its own:
            # "1.5 times to 5 billion dollars" is a multiplier and an amount, not a range
            # a bare year never starts a range: "from USD 5.5 billion in 2016 to USD 13.5 billion"
            + r"(?:(?<!(?:1[89]|20)\d\d)(?P<sep>(?(btw)\s+and\s+|(?:\s*[-–—]\s*|(?(by)(?!)|"
            + rf"(?(u1)(?(frm)\s+to\s+|\s+to\s+{same_unit})|\s+to\s+)))))"
            + one.replace("@", "2")
            # "from"/"between" belong to a range only: without a second number, match without them
            + r")?(?(btw)(?(n2)|(?!))|)(?(frm)(?(n2)|(?!))|)"
            # "48,000 barrel-a-day": a rate's joiner may follow the unit (see rates)
            + r"(?![\w+]|-(?!(?:an?|per)-)[^\W\d_]|[.,]\d|[:/]\d)",
            re.IGNORECASE,
        )

    # ---- where the expressions are tried
    def matches(self, text: str) -> Iterator[tuple[str, re.Match[str]]]:
        """Yield (kind, match) left to right, trying the expressions only near anchors.

        kind is "number", "multiplier" or "fraction" (which expression matched).

        Running the big expression at every character costs more than the rest of the
        component; it is only tried at the starts of the few words before a chunk that holds a
        digit, a currency sign, a number word or a multiplier word (the figure may start with a
        qualifier, "from"/"between" or a currency code up to three words earlier).
        """
        chunks = [(c.start(), c.group()) for c in _CHUNK.finditer(text)]
        cursor = 0
        for i, (c_start, chunk) in enumerate(chunks):
            if c_start + len(chunk) <= cursor:
                continue
            kind = self._anchor_kind(chunk)
            if kind is None:
                continue
            first = max(0, i - _MAX_WORDS_BEFORE)
            regexes = ([("number", self.figure_re)] if kind == "number" else []) + [
                ("multiplier", self.multiplier_re)
            ]
            if any(p in self.fraction_words for p in WORD_PARTS.findall(chunk.lower())):
                regexes.append(("fraction", self.fraction_re))
            for found, regex in regexes:
                m = _match_from(text, regex, chunks[first : i + 1], cursor, c_start)
                if m is not None:
                    cursor = m.end()
                    yield found, m
                    break

    def _anchor_kind(self, chunk: str) -> str | None:
        """Return "number" if ``chunk`` can hold a figure's number, "word" for a multiplier or
        fraction word."""
        if any(ch.isdigit() for ch in chunk):
            return "number"
        kind = None
        for part in WORD_PARTS.findall(chunk.lower()):
            if part in self.anchor_words:
                return "number"
            if part in self.multiplier_words or part in self.fraction_words:
                kind = "word"
        return kind


def _match_from(
    text: str,
    regex: re.Pattern[str],
    chunks: list[tuple[int, str]],
    cursor: int,
    anchor: int,
) -> re.Match[str] | None:
    """Return the earliest match of ``regex`` starting in ``chunks`` and reaching ``anchor``."""
    for c_start, chunk in chunks:
        lead = len(chunk) - len(chunk.lstrip(_OPENERS))
        for start in (c_start, c_start + lead) if lead else (c_start,):
            if start < cursor:
                continue
            m = regex.match(text, start)
            if m is not None and m.end() > anchor:
                return m
    return None
