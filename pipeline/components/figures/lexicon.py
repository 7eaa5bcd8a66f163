"""The vocabulary of summit_figures: the schema of ``units.jsonl`` and the tables compiled from it.

Decides nothing about a Doc and reads nothing from one: it turns the validated data lines into
lookup tables (currency and unit forms, scales, qualifiers, multiplier and fraction words, the
word lists the filters use) and the form lists :mod:`.patterns` compiles into expressions.

Every line of ``units.jsonl`` names what it is in its ``kind`` field (the same field name as in
the other resource files). Where each kind is used:

- ``currency``, ``percent``, ``multiplier``, ``unit``: prefixes/suffixes that give a figure its
  kind and unit (:mod:`.units`); ``scale``: million, bn, "m" after digits (:mod:`.values`);
- ``number``: number words (:mod:`.numbers`); ``qualifier``: about, more than, up to;
- ``month``, ``time``, ``reference``, ``set_word``, ``participant``, ``attendee``: the words the
  plausibility filters read (:mod:`.filters`); ``context``: sentence words that tell what a bare
  scaled amount counts (:mod:`.units`); ``fraction``: "a third" read as a percentage;
- ``rate``: the nouns after "a"/"per" that make an amount a rate ("a month", "per share";
  :mod:`.rates`), besides the units of measure ("a barrel");
- ``label_noun``, ``index_name``, ``street``, ``age_word``: the words that make a number a name, an address
  or an age (:mod:`.filters`: "Stoxx 600 index", "12 Elm Road", "aged 21 to 49");
- ``vague``: plurals of scale words read as a range ("tens of thousands"; :mod:`.words`);
- ``counter``: words of page furniture lines ("views", "min read"; :mod:`.furniture`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntryKind = Literal[
    "currency",
    "percent",
    "multiplier",
    "scale",
    "number",
    "unit",
    "qualifier",
    "time",
    "month",
    "reference",
    "context",
    "set_word",
    "participant",
    "attendee",
    "fraction",
    "rate",
    "label_noun",
    "street",
    "age_word",
    "counter",
    "vague",
    "index_name",
]

#: the kind of figure a unit-bearing line gives
_FIGURE_KIND = {
    "currency": "money",
    "percent": "percent",
    "multiplier": "multiplier",
    "unit": "quantity",
}


class UnitEntry(BaseModel):
    """One line of units.jsonl: a currency, unit, scale, number word, qualifier or date word."""

    model_config = ConfigDict(extra="forbid")

    kind: EntryKind = Field(description="What the line is (currency, unit, scale, number, ...).")
    norm: str = Field(description="Normalised name written to the record (ISO code, unit, ...).")
    value: float | None = Field(default=None, description="Number the word stands for.")
    prefix: list[str] = Field(default_factory=list, description="Forms before the number.")
    suffix: list[str] = Field(default_factory=list, description="Forms after the number.")
    forms: list[str] = Field(default_factory=list, description="Stand-alone forms.")
    case_sensitive: bool = False
    verb_only: bool = Field(default=False, description="A figure only when tagged VERB.")
    glued_only: bool = Field(default=False, description="Only directly after digits ('5m').")
    in_span: bool = Field(default=True, description="A qualifier written inside the figure's span.")
    inner_only: bool = Field(
        default=False, description="A vague plural only after another ('tens of millions')."
    )
    cues: dict[str, str] = Field(
        default_factory=dict, description="Sentence word -> other code (ambiguous currencies)."
    )


@dataclass(frozen=True)
class UnitInfo:
    """What a currency, percent, multiplier or unit form means."""

    kind: str  # money | percent | multiplier | quantity
    unit: str
    factor: float = 1.0  # e.g. "bcm" = 1e9 cubic metres
    cues: tuple[tuple[str, str], ...] = ()


def form_key(form: str, case_sensitive: bool) -> str:
    """Return the lookup key of a written form: blanks folded, lower case unless case matters."""
    form = " ".join(form.split())
    return form if case_sensitive else form.lower()


def _folded(form: str) -> str:
    """Return ``form`` in lower case with blanks folded (multi-word keys)."""
    return " ".join(form.lower().split())


@dataclass
class FormLists:
    """The written forms the expressions are compiled from, grouped the way patterns need them."""

    cs_prefix: list[str] = field(default_factory=list)
    ci_prefix: list[str] = field(default_factory=list)
    cs_suffix: list[str] = field(default_factory=list)
    ci_suffix: list[str] = field(default_factory=list)
    spaced_scales: list[str] = field(default_factory=list)
    glued_scales: list[str] = field(default_factory=list)
    qualifiers: list[str] = field(default_factory=list)
    multipliers: list[str] = field(default_factory=list)


class Lexicon:
    """Lookup tables compiled once from the ``units.jsonl`` entries."""

    def __init__(self, entries: list[UnitEntry]) -> None:
        """Build every table from ``entries`` (one pass, dispatched on each line's ``kind``)."""
        self.entries = entries
        self.prefix_units: dict[str, UnitInfo] = {}
        self.suffix_units: dict[str, UnitInfo] = {}
        self.scales: dict[str, float] = {}
        self.multiplier_words: dict[str, tuple[float, bool]] = {}
        self.qualifiers: dict[str, str] = {}
        self.outside_qualifiers: set[str] = set()
        self.months: set[str] = set()
        self.time_words: set[str] = set()
        self.reference_words: set[str] = set()
        self.set_words: set[str] = set()
        self.participants: set[str] = set()
        self.attendees: set[str] = set()
        self.fractions: dict[str, float] = {}
        self.context: dict[str, str] = {}
        self.rate_nouns: dict[str, str] = {}
        self.age_words: set[str] = set()
        self.counter_words: set[str] = set()
        #: vague plurals of scale words and their lower value ("tens" 10, "dozens" 12)
        self.vague: dict[str, float] = {}
        self.vague_inner_only: set[str] = set()
        #: the three-letter currency codes ("USD"), for exchange-rate tickers (furniture)
        self.currency_codes: set[str] = set()
        label_nouns: list[str] = []
        index_names: list[str] = []
        streets: list[str] = []
        self.forms = FormLists()
        word_sets = {
            "month": self.months,
            "time": self.time_words,
            "reference": self.reference_words,
            "set_word": self.set_words,
            "participant": self.participants,
            "age_word": self.age_words,
            "counter": self.counter_words,
        }
        readers: dict[str, Callable[[UnitEntry], None]] = {
            "scale": self._add_scale,
            "qualifier": self._add_qualifier,
            "attendee": self._add_attendee,
            "fraction": self._add_fraction,
            "context": self._add_context,
            "rate": self._add_rate,
        }
        for e in entries:
            if e.kind in _FIGURE_KIND:
                self._add_unit(e)
            elif e.kind in word_sets:
                word_sets[e.kind].update(f.lower() for f in e.forms)
            elif e.kind in readers:
                readers[e.kind](e)
            elif e.kind == "vague" and e.value is not None:
                self.vague.update({f.lower(): e.value for f in e.forms})
                if e.inner_only:
                    self.vague_inner_only.update(f.lower() for f in e.forms)
            elif e.kind == "index_name":
                index_names.extend(e.forms)
            elif e.kind == "label_noun":
                label_nouns.extend(e.forms)
            elif e.kind == "street":
                streets.extend(e.forms)
        # imported here: patterns compiles from this module's tables
        from .patterns import alternation

        #: "Stoxx 600 index", "the 10027 ZIP code": the number names what follows it
        self.label_noun_re = re.compile(rf"\s+(?:{alternation(label_nouns, False)})", re.I)
        #: "S&P 500", "Nikkei 225": the name of a stock index right before the number
        self.index_name_re = re.compile(rf"(?:{alternation(index_names, False)})\s*$", re.I)
        #: "12 Elm Road": one or two capitalised words, then a street noun
        self.street_re = re.compile(
            rf"\s+(?:[A-Z][\w'-]*\s+){{1,2}}(?:{alternation(streets, True)})(?![\w])"
        )

    # ---- one reader per line kind
    def _add_unit(self, e: UnitEntry) -> None:
        """Read a currency, percent, multiplier or unit line: its prefix and suffix forms."""
        info = UnitInfo(_FIGURE_KIND[e.kind], e.norm, e.value or 1.0, tuple(e.cues.items()))
        forms = self.forms
        if e.kind == "currency" and len(e.norm) == 3 and e.norm.isupper():
            self.currency_codes.add(e.norm)
        for f in e.prefix:
            self.prefix_units[form_key(f, e.case_sensitive)] = info
            (forms.cs_prefix if e.case_sensitive else forms.ci_prefix).append(f)
        for f in e.suffix:
            self.suffix_units[form_key(f, e.case_sensitive)] = info
            (forms.cs_suffix if e.case_sensitive else forms.ci_suffix).append(f)
        if e.kind == "multiplier" and e.value is not None:
            for f in e.forms:
                self.multiplier_words[f.lower()] = (e.value, e.verb_only)
                forms.multipliers.append(f)

    def _add_scale(self, e: UnitEntry) -> None:
        """Read a scale line (million, bn; ``glued_only`` forms such as "m" after digits)."""
        if e.value is None:
            return
        for f in e.forms:
            self.scales[f.lower()] = e.value
            (self.forms.glued_scales if e.glued_only else self.forms.spaced_scales).append(f)

    def _add_qualifier(self, e: UnitEntry) -> None:
        """Read a qualifier line; ``in_span: false`` marks a hedge written outside the span."""
        for f in e.forms:
            self.qualifiers[_folded(f)] = e.norm
            if not e.in_span:
                self.outside_qualifiers.add(e.norm)
            self.forms.qualifiers.append(f)

    def _add_attendee(self, e: UnitEntry) -> None:
        """Read the nouns whose count is the attendance (one or two words)."""
        self.attendees.update(_folded(f) for f in e.forms)

    def _add_fraction(self, e: UnitEntry) -> None:
        """Read a fraction line ("a third" -> 33.33 percent)."""
        if e.value is None:
            return
        for f in e.forms:
            self.fractions[_folded(f)] = e.value

    def _add_context(self, e: UnitEntry) -> None:
        """Read the sentence words that say what a bare scaled amount counts."""
        for f in e.forms:
            self.context[f.lower()] = e.norm

    def _add_rate(self, e: UnitEntry) -> None:
        """Read the nouns that make "a"/"per" + noun a rate's denominator ("a month" -> month)."""
        for f in e.forms:
            self.rate_nouns[_folded(f)] = e.norm

    # ---- lookups
    @staticmethod
    def unit(text: str | None, table: dict[str, UnitInfo]) -> UnitInfo | None:
        """Return the unit ``text`` names in ``table`` (exact case first, then folded), or None."""
        if not text:
            return None
        key = " ".join(text.split())
        return table.get(key) or table.get(key.lower())

    def qualifier(self, raw: str | None) -> str | None:
        """Return the canonical qualifier (about, more_than, ...) of ``raw``, or None."""
        if not raw:
            return None
        return self.qualifiers.get(_folded(raw))

    def in_span(self, qualifier: str | None) -> bool:
        """Return True when a qualifier is written inside the figure's span (a bound, not a hedge)."""
        return bool(qualifier) and qualifier not in self.outside_qualifiers

    def scale(self, raw: str | None) -> float:
        """Return the factor of a scale word ("billion", "-bn", "m"), 1 when there is none."""
        if not raw:
            return 1.0
        return self.scales.get(raw.strip().lstrip("-").strip().lower(), 1.0)
