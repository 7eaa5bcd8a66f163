"""Figures written as words: multipliers (twice, doubled, halved), fractions (a third) and vague
plurals of scale words ("tens of thousands" -> 1e4..1e5, "hundreds of" -> 100..1000) and
ratios read as a percentage ("1/4 of" -> 25, "one in three" -> 33.33).

Decides whether a multiplier word is a figure (a verb where the lexicon says ``verb_only``:
"doubled" yes, "double taxation" no; "twice a year" is a frequency) and whether a fraction word
states a share or a change ("a third of the trade", "fell by half") rather than an ordinal or a
period ("a third summit", "the first half of 2025"). Reads the POS of the word's token and the
characters around it; value and unit come from units.jsonl (``multiplier``/``fraction`` lines).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from .context import DIRECTIONAL, YEAR, token_at_or_after
from .figure import Figure
from .filters import FREQUENCY
from .lexicon import Lexicon


def _start(m: re.Match[str], group: str, qualifier: str | None, lex: Lexicon) -> int:
    """Return where the span starts: at a bound qualifier ("almost doubled"), else the word."""
    return m.start("qual") if lex.in_span(qualifier) else m.start(group)


def from_multiplier_word(doc: Doc, m: re.Match[str], lex: Lexicon) -> Figure | None:
    """Return the multiplier figure of a word such as "doubled" or "twice", or None."""
    word = m.group("mw").lower()
    value, verb_only = lex.multiplier_words[word]
    tok = token_at_or_after(doc, m.start("mw"))
    if tok is None:
        return None
    if verb_only and tok.pos_ != "VERB":
        return None  # "double taxation", "triple helix"
    if word == "twice" and FREQUENCY.match(m.string, m.end()):
        return None  # "twice a year" is a frequency
    qualifier = lex.qualifier(m.group("qual"))
    fig = Figure(_start(m, "mw", qualifier, lex), m.end("mw"), qualifier)
    fig.set_value(value, None, "multiplier_word")
    fig.set_unit("multiplier", "times", "multiplier_word")
    return fig


def from_fraction(m: re.Match[str], lex: Lexicon) -> Figure | None:
    """Return a percent figure for a fraction that states a share or a change, else None.

    "roughly a third of what was promised", "could grow by half", "more than half of the
    trade": a share ("of", not of a period) or a change ("by", "in half"). Not: ordinals
    ("a third summit", "the first half"), periods ("half of 2025", "a quarter of a
    century"), "a year and a half".
    """
    text = m.string
    word = " ".join(m.group("fw").lower().split())
    before = text[max(0, m.start("fw") - 30) : m.start("fw")].lower()
    prev = re.search(r"([^\W\d_]+)\W*$", before)
    pw = prev.group(1) if prev else ""
    if pw in lex.set_words or pw in ("and", "second", "third", "fourth") or pw in lex.months:
        return None  # "the first half", "a year and a half", "its third"
    after = text[m.end("fw") : m.end("fw") + 40]
    of = re.match(r"\s+of\s+(?:an?\s+|the\s+)?([^\W_]+)", after)
    if of is not None:
        following = of.group(1).lower()
        if following in lex.time_words or re.fullmatch(YEAR, following):
            return None  # "half of 2025", "a quarter of a century", "a third of the year"
    by = pw in DIRECTIONAL or pw == "in" or pw in ("than", "nearly", "almost", "over")
    if of is None and not by:
        return None
    if of is None and re.match(r"\s*[^\W\d_]", after) and not word.startswith("half"):
        return None  # "by a third round" is not a share
    qualifier = lex.qualifier(m.group("qual"))
    fig = Figure(_start(m, "fw", qualifier, lex), m.end("fw"), qualifier)
    fig.set_value(lex.fractions[word], None, "fraction_word")
    fig.set_unit("percent", "percent", "fraction_word")
    return fig


def vague_regex(lex: Lexicon) -> re.Pattern[str]:
    """Return the expression of a vague plural: "tens of thousands of", "hundreds of"."""
    words = sorted(lex.vague, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words) or r"(?!x)x"
    return re.compile(
        rf"(?<![\w-])(?P<vw>(?:{alt}))(?:\s+of\s+(?P<inner>{alt}))?(?=\s+of\s+[^\W\d_])",
        re.IGNORECASE,
    )


def from_vague(m: re.Match[str], lex: Lexicon) -> Figure | None:
    """Return the range figure of a vague plural ("tens of thousands" -> 1e4..1e5), or None.

    The lower end is the word's value times the inner plural ("tens" 10 x "thousands" 1e3), the
    upper end ten times that ("dozens" 12..120); the unit is decided by the caller from what
    follows "of" (a currency, a unit, a counted noun). A plural alone ("tens of years") is
    refused by the caller when nothing countable follows.
    """
    if m.group("vw").lower() in lex.vague_inner_only and not m.group("inner"):
        return None  # "millions of migrants" alone is rhetoric; "tens of millions" a range
    low = lex.vague[m.group("vw").lower()]
    if m.group("inner"):
        low *= lex.vague[m.group("inner").lower()]
    fig = Figure(m.start(), m.end())
    fig.set_value(low, low * 10, "vague_plural")
    return fig


#: "1/4 of the funds", "3⁄4 of": a fraction in digits before "of"
_SLASH = r"(?<![\w./⁄-])(?P<a>\d{1,2})\s?[/⁄]\s?(?P<b>\d{1,3})(?=\s+of\s)"


def ratio_regex(number_words: list[str], time_words: set[str]) -> re.Pattern[str]:
    """Return the expression of a ratio: "1/4 of", "one in three", "one out of five" (not "3 in
    10 minutes", a count of a time)."""
    word = "|".join(re.escape(w) for w in sorted(number_words, key=len, reverse=True))
    times = "|".join(re.escape(w) for w in sorted(time_words, key=len, reverse=True))
    return re.compile(
        rf"{_SLASH}|(?<![\w-])(?P<c>one|\d{{1,3}})\s+(?:in|out\s+of)\s+"
        rf"(?P<d>\d{{1,3}}|(?:{word}))(?![\w-]|\s+(?:{times})(?![\w]))",
        re.IGNORECASE,
    )


def from_ratio(m: re.Match[str], parse: Callable[[str], float | None]) -> Figure | None:
    """Return a percent figure for "1/4 of" (25) or "one in three" (33.33), else None.

    ``parse`` reads a number written in digits or words. A zero or larger-than-one ratio
    ("5 in 3") is no share.
    """
    a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
    num, den = parse(a), parse(b)
    if num is None or den is None or den == 0 or not 0 < num < den:
        return None
    fig = Figure(m.start(), m.end())
    fig.set_value(100.0 * num / den, None, "ratio")
    fig.set_unit("percent", "percent", "ratio")
    return fig
