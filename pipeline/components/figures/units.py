"""The unit decision: what a matched number measures (kind and unit), and where a count ends.

Decides ``kind`` (money, percent, multiplier, quantity, count) and ``unit`` (ISO currency,
``percent``, ``times``, a unit name, ``count``, ``unspecified``) of a figure, through
:meth:`.figure.Figure.set_unit` with the rule that decided:

- ``currency_prefix`` / ``unit_suffix``: a currency or unit written with the number (units.jsonl);
  an ambiguous currency word takes another code from a cue word of its sentence
  (``currency_cue``: "manat" near "Baku" is AZN);
- ``counted_noun``: a bare number with a noun phrase after it ("78 units") is a count, and its
  span runs to the end of the noun phrase; attendance nouns make it no figure;
- ``sentence_context``: a scaled amount without unit ("225 billion") in a sentence whose words
  say it counts people or things; else ``default_bare_scaled`` (money, unit ``unspecified``:
  the currency is never guessed);
- ``bare_count``: a bare number in digits (or "a dozen") with nothing counted after it.

Reads the match, the parse after the number (counted noun) and the sentence's words.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .context import FigureIndex, counted_noun_end
from .figure import Figure
from .filters import attendance
from .lexicon import Lexicon, UnitInfo

_GLUED_SCALES = ("k", "m", "b")


def unit_of_match(m: re.Match[str], lex: Lexicon) -> tuple[UnitInfo | None, str]:
    """Return the currency or unit written in the match (a prefix wins), and its rule name."""
    cur = lex.unit(m.group("cur1"), lex.prefix_units) or lex.unit(m.group("cur2"), lex.prefix_units)
    if cur is not None:
        return cur, "currency_prefix"
    suf = lex.unit(m.group("u2"), lex.suffix_units) or lex.unit(m.group("u1"), lex.suffix_units)
    return suf, "unit_suffix"


def glued_scale(m: re.Match[str]) -> bool:
    """Return True when a scale is a letter glued to the digits ("5m", "10k")."""
    return any(
        g is not None and g.strip() and g.strip().lower() in _GLUED_SCALES
        for g in (m.group("s1"), m.group("s2"))
    )


def decide_unit(
    fig: Figure,
    doc: Doc,
    m: re.Match[str],
    found: tuple[UnitInfo | None, str],
    has_scale: bool,
    index: FigureIndex,
    lex: Lexicon,
    default_bare_scaled: str,
) -> bool:
    """Set the figure's kind and unit (and a count's span end); return False for no figure."""
    info, rule = found
    if info is not None:
        code, cue_rule = _currency_code(m, info, index)
        fig.set_unit(info.kind, code, cue_rule or rule)
        return True
    end = m.end()
    noun_end = counted_noun_end(doc, end, lex)
    if noun_end is not None:
        if attendance(doc, noun_end, lex):
            return False
        fig.end = noun_end
        fig.set_unit("count", "count", "counted_noun")
        return True
    if has_scale:
        if _context_kind(index, m.start(), lex) == "count":
            fig.set_unit("count", "count", "sentence_context")
        else:
            fig.set_unit(default_bare_scaled, "unspecified", "default_bare_scaled")
        return True
    words_only = not m.group("n1")[:1].isdigit()
    if words_only and not re.fullmatch(r"(?i)an?\s+dozen", m.group("n1").strip()):
        return False  # a bare word number with nothing counted is rarely a figure
    fig.set_unit("count", "count", "bare_count")
    return True


def _context_kind(index: FigureIndex, char: int, lex: Lexicon) -> str | None:
    """Return "money" or "count" from the words of the sentence holding ``char`` (cached)."""
    first, end = index.bounds(char)
    if first not in index.context_kind:
        found = {lex.context.get(t.lower_) for t in index.doc[first:end]}
        kind = "money" if "money" in found else "count" if "count" in found else None
        index.context_kind[first] = kind
    return index.context_kind[first]


def _currency_code(m: re.Match[str], info: UnitInfo, index: FigureIndex) -> tuple[str, str]:
    """Return the unit and "" — or, for an ambiguous currency word (manat, ¥), the code a cue
    word of the sentence picks and "currency_cue"."""
    if not info.cues:
        return info.unit, ""
    first = index.bounds(m.start())[0]
    sent: str | None = None
    for cue, code in info.cues:
        key = (first, cue)
        if key not in index.cue_found:
            if sent is None:
                sent = index.sentence_text(m.start())[1]
            index.cue_found[key] = re.search(rf"\b{re.escape(cue)}", sent) is not None
        if index.cue_found[key]:
            return code, "currency_cue"
    return info.unit, ""
