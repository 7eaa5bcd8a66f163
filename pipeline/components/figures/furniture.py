"""Scraped-page furniture: the lines of a page that carry numbers but no figures (issue 11).

Decides which stretches of ``doc.text`` are page furniture, so that no figure is taken from
them. Each rule reads one line (text between line breaks) and holds for any page:

- an exchange-rate ticker: a line made only of currency codes and numbers ("USD 89.10 EUR
  97.35", or one pair per line), with arrows, signs and percent changes, nothing else;
- a line without a single letter ("7468 / 3", "366", "− 14"): counters and page numbers, never
  a sentence (a line with a currency or percent sign is kept: "$5bn" alone is a pull figure);
- a short line (at most :data:`_SHORT_LINE` words) with a counter word ("Views: 1245",
  "view-icon 366", "3 min read"; ``counter`` lines of units.jsonl).

Time stamps, "GMT +6", dates in bylines and "No. 52" are years, clock times and labels the
filters already refuse; "No. 52 (431)" is refused there too (a running number in brackets).
Reads only the text.
"""

from __future__ import annotations

import re

from .lexicon import Lexicon

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_WORD = re.compile(r"[^\W\d_]+")
_SHORT_LINE = 6
#: what may stand between the codes and numbers of a ticker: signs, arrows, separators
_TICKER_NOISE = re.compile(r"^[\s\d.,:;/|+\-−–—%▲▼↑↓()]*$")
_KEEP_SIGNS = re.compile(r"[%$€£¥₽₸₹]")


def furniture_ranges(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Return the character ranges of the lines of ``text`` that are page furniture."""
    out: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if not _is_furniture(line.group(), lex):
            continue
        if out and not text[out[-1][1] : line.start()].strip():
            # furniture lines in a row are one block: a match may run over their line breaks
            out[-1] = (out[-1][0], line.end())
        else:
            out.append((line.start(), line.end()))
    return out


def _is_furniture(line: str, lex: Lexicon) -> bool:
    """Return True when ``line`` is a ticker, a line without letters or a counter line."""
    if not any(ch.isdigit() for ch in line):
        return False
    words = _WORD.findall(line)
    if not words:
        return _KEEP_SIGNS.search(line) is None
    if all(w in lex.currency_codes for w in words):
        # a ticker: codes and numbers only ("USD 89.10 ▲ EUR 97.35")
        return _TICKER_NOISE.match(_WORD.sub(" ", line)) is not None
    if len(line.split()) <= _SHORT_LINE:
        lowered = " ".join(w.lower() for w in words)
        return any(re.search(rf"\b{re.escape(c)}\b", lowered) for c in lex.counter_words)
    return False
