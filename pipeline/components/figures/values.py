"""Value normalisation: number × scale (× unit factor), signs, ranges, "half a million".

Decides ``value`` and ``value_max`` of a figure from the characters of its match; reads no Doc.
The rule names it reports (recorded through :meth:`.figure.Figure.set_value`):

- ``number`` — one number, with its scale ("$400 billion" → 4e11) and unit factor (bcm → 1e9 m³);
- ``half_article`` — "half a million" (the article is one, halved);
- ``range`` — two ends; a scale or unit written once covers both ("from 5.5 to 13.5 billion"),
  except an end written with its magnitude in full ("from $600,000 to $2.5 million": 6e5-2.5e6);
- ``range_downward`` — a range written high to low after "from"/"between" ("fell from 10 to
  5 billion dollars"), compared after scaling: stored low-high (``value`` ≤ ``value_max``), with
  ``direction: "down"`` in the span's attributes (the record has no direction field).

A match whose number cannot be read is not a figure (``None``): a non-number word, a scale glued
to bare digits without unit ("5m" is five metres), "a billion-dollar fund", a sign without a
unit, a range running downwards without "from"/"between" ("3-2" is a score, "5 billion-6
million" garbled), or a number too large for a float (309 nines: the value would be Infinity,
which is not JSON — an unrepresentable number is no figure).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .lexicon import Lexicon, UnitInfo
from .numbers import NumberParseError, WordNumberParser, parse_digits


@dataclass(frozen=True)
class Reading:
    """The numbers a match holds: raw ends (for the filters) and normalised value and range."""

    v1: float  # the first number as written, before scale
    v2: float | None  # the second number of a range as written
    value: float
    value_max: float | None
    has_scale: bool
    rule: str
    direction: str | None = None


def read_number(raw: str, words: WordNumberParser) -> float | None:
    """Return the value of a number written in digits or words, None when it is not one."""
    raw = raw.strip()
    if raw.lower() in ("a", "an"):
        return 1.0  # only before a scale word: "a million"
    try:
        if raw[:1].isdigit() or raw[:2].lstrip(".")[:1].isdigit():
            return parse_digits(raw)
        return words.parse(raw)
    except NumberParseError:
        return None


def _extra(m: re.Match[str], end: str, scale: float, lex: Lexicon) -> float:
    """Return the smaller scaled part of "1 bln 200 mln" (0 when there is none)."""
    extra, extra_scale = m.group(f"x{end}"), lex.scale(m.group(f"xs{end}"))
    if extra is None or extra_scale >= scale:
        return 0.0
    return float(extra) * extra_scale


def read_values(
    m: re.Match[str],
    lex: Lexicon,
    words: WordNumberParser,
    info: UnitInfo | None,
    glued: bool,
    halved: bool,
) -> Reading | None:
    """Return the value (and range end) of the match ``m``, or None when it is no figure.

    ``info`` is the unit written with the number (None for a bare number), ``glued`` whether
    its scale is a letter glued to the digits ("5m"), ``halved`` whether "half" comes before
    an article ("half a million").
    """
    v1 = read_number(m.group("n1"), words)
    if v1 is None:
        return None
    ranged = m.group("n2") is not None
    v2 = read_number(m.group("n2"), words) if ranged else None
    if ranged and v2 is None:
        return None
    # a bare "5m" is five metres; "$5m" and "4.5m tonnes" carry a unit, and "28m users" is
    # a count: the unit stage keeps a glued scale without unit only before a counted noun
    article = m.group("n1").strip().lower() in ("a", "an")
    if article and m.string[m.end("s1") : m.end("s1") + 1] == "-":
        return None  # "a billion-dollar fund" is an adjective, not an amount
    sign = m.group("sign")
    if sign and (info is None or ranged):
        return None  # "+7 7172 ..." is a phone number, "-3" alone a label or a dash
    s1, s2 = lex.scale(m.group("s1")), lex.scale(m.group("s2"))
    # a scale or unit written once covers both ends of a range ("from 5.5 to 13.5 billion"),
    # but never an end that has a magnitude of its own: "from $600,000 to $2.5 million"
    # "$300 to $3 million": an end written with its own currency sign and larger than the
    # scaled end's number is a complete amount, not "300 million"
    complete = bool(m.group("cur1") and m.group("cur2")) and v2 is not None and v1 > v2
    if v2 is not None and not m.group("s1") and not _own_magnitude(v1) and not complete:
        s1 = s2
    if v2 is not None and not m.group("s2") and not _own_magnitude(v2):
        s2 = s1
    factor = info.factor if info is not None else 1.0
    value = (v1 * s1 + _extra(m, "1", s1, lex)) * factor
    value_max = (v2 * s2 + _extra(m, "2", s2, lex)) * factor if v2 is not None else None
    if sign and (sign in ("-", "\u2212") or sign.lower().startswith("minus")):
        value = -value
    rule, direction = ("range" if ranged else "number"), None
    if halved:
        value /= 2
        rule = "half_article"
    if not math.isfinite(value) or (value_max is not None and not math.isfinite(value_max)):
        return None  # 309 nines overflow a float: an unrepresentable number is no figure
    if value_max is not None and value_max < value:
        # compared after scaling: "5 billion-6 million" runs downwards although 5 < 6
        if not (m.group("frm") or m.group("btw")):
            return None  # "3-2" is a score or a label, never a range running downwards
        # "fell from 10 to 5 billion": stored low-high, the direction kept beside it
        value, value_max, rule, direction = value_max, value, "range_downward", "down"
    has_scale = bool(m.group("s1") or m.group("s2"))
    return Reading(v1, v2, value, value_max, has_scale, rule, direction)


def _own_magnitude(number: float) -> bool:
    """Return True for a range end written with its magnitude in full (1,000 or more): a scale
    word written at the other end does not multiply it."""
    return abs(number) >= 1000
