"""The rate decision: "a"/"an"/"per" + a time or unit noun after a figure makes a compound unit.

Decides, after the unit stage, whether a figure is an amount per something: ``$2,000 a month``
is ``USD/month``, ``600,000 barrels a day`` ``barrel/day``, ``33 bcm per year``
``cubic_metre/year`` (the value keeps its normalisation: 3.3e10), ``40 cents per share``
``USD/share``. The denominator is a ``rate`` line of units.jsonl (time nouns, share, person) or a
unit of measure (barrel, ounce, square metre, MMBtu); its name is the line's ``norm``. The span
grows over the rate words, and the unit is set through :meth:`.figure.Figure.set_unit` with the
rule ``rate``.

Left alone: percentages (``5% a year`` is a percentage), multipliers (``three times a year``
is a frequency, no figure, decided elsewhere) and a figure whose unit is already a speed or rate
of its own (``km/h``, ``mph``). Reads only the text after the figure.
"""

from __future__ import annotations

import re

from .figure import Figure
from .lexicon import Lexicon
from .patterns import alternation

_NOT_RATED = ("percent", "multiplier")


class Rates:
    """The compiled rate expression of one lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        """Compile the rate tail: a joiner ("a", "an", "per", "/") and a denominator noun."""
        self.nouns: dict[str, str] = dict(lex.rate_nouns)
        for key, info in lex.suffix_units.items():
            if info.kind == "quantity" and "/" not in info.unit and info.factor == 1.0:
                self.nouns.setdefault(key, info.unit)
        forms = list(self.nouns)
        self.tail_re = re.compile(
            # "$90 a barrel", "33 bcm per year", "48,000 barrel-a-day", "$5/share"
            rf"(?:[\s-]+(?:an?|per|each)[\s-]+|\s?/\s?)(?P<noun>{alternation(forms, False)})"
            # "$2 billion a year earlier" dates the amount, it is no rate
            r"(?![\w/-]|\s+(?:ago|earlier|before|later|prior|previously)(?![^\W\d_]))",
            re.IGNORECASE,
        )

    def decide(self, fig: Figure, text: str) -> None:
        """Turn ``fig`` into a rate when a denominator follows it in ``text``."""
        if fig.kind in _NOT_RATED or "/" in fig.unit or fig.unit in ("mph", "rpm", "mpg"):
            return
        m = self.tail_re.match(text, fig.end)
        if m is None:
            return
        noun = " ".join(m.group("noun").split())
        per = self.nouns.get(noun) or self.nouns.get(noun.lower())
        if per is None or per == fig.unit:
            return
        fig.end = m.end()
        fig.set_unit(fig.kind, f"{fig.unit}/{per}", "rate")
