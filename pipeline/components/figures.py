"""summit_figures: every number that matters in a summit text, normalised, with what it measures.

How it works
- One regular expression, compiled once from the vocabulary in ``resources/units.jsonl``, runs over
  ``doc.text`` near anchors (digits, currency signs, number words) — not over tokens: spaCy
  splits "$400", "1.6%", "5-6" and "1.5-fold" but keeps "3–4", "10bn" and "KZT500bn" whole, so
  character-level matching is the robust level. It reads
  ``[qualifier] [from|between] [currency] NUMBER [scale] [unit] [(-|–|to|and) [currency] NUMBER
  [scale]] [unit]``, with numbers in digits (``1,200``, ``10.5``) or words (``seventy``,
  ``one and a half``, ``a dozen``). A second expression finds multiplier words (twice, doubled,
  tripled, quadrupled, halved).
- The parse of the sentence then decides what the match is: the counted noun ("78 units",
  "8 UN resolutions"), whether a bare number is a year, a date, a clock time, a duration, a list
  marker or a label ("Article 5", "C5+1"), and the context fields.

Kinds and units: money (ISO 4217 code; ``unspecified`` when the text names no currency — never
guessed), percent (``percent``), multiplier (``times``), quantity (as the corpus gold writes
them: ``km``, ``GW``, ``kWh`` where texts use the symbol; ``tonne``, ``cubic_metre``,
``hectare`` where they use the word), count (``count``). A range has ``value`` and
``value_max``; a scale word written once applies to both ends ("from 5.5 to 13.5 billion"), and
so does a currency or unit written once.

Span convention (follows the reference gold of the seed article and the corpus gold)
- The span is the number with its currency, scale and unit: "$400 billion", "45%", "5-6 percent",
  "2.5 times". A range includes its "from"/"between": "from 5.5 to 13.5 billion".
- A count includes the counted noun phrase that directly follows it ("78 units",
  "8 UN resolutions", "nearly 70 million people"); a quotation mark or any other punctuation ends
  it ("more than 10 “Central Asia Plus” formats" gives "more than 10").
- The qualifier is always reported in ``qualifier`` (about, almost, more_than, up_to, at_least,
  less_than). A bound (almost/nearly, more than/over, up to, at least, less than) is part of the
  span whatever the kind: it changes what the number claims ("more than 10", "almost doubled",
  "almost 30 percent", "more than 40 billion cubic metres"). An approximator (about, around,
  approximately, some) only hedges it and stays outside ("about $400 billion" gives
  "$400 billion", "about 12 percent" gives "12 percent"). Which is which is data:
  ``in_span`` on the qualifier lines of units.jsonl.

Not figures: years (a four-digit 1800–2100 without unit or scale), dates (next to a month),
durations ("30 years"), clock times, ordinals ("fifth", "5th"), number-noun compounds
("five-party", "10-year"), list markers, labels and names ("Article 5", "C5+1", "G20",
"Central Asia – 2040", "C5 + 1", "top 10"), phone numbers, numbers inside quoted titles (the
quotes component's ``quoted_names``), the bare word "one" ("one example", "one of the", the
pronoun), and small numbers spelled out without scale or unit ("the five states", "two
declarations": a set of participants or documents, not a statistic; ``small_word_max`` in the
config, default 10) — unless the counted noun is measured over a period ("four meetings in five
years"), which the corpus gold counts, and it does not follow a set word ("the", "all", "our")
or count the participants ("five leaders"); both word lists are in units.jsonl.

Attendance is never a figure, however the number is written: a count whose counted noun is in
the ``attendee`` lexicon ("more than 1,500 delegates", "some 3,000 journalists", "10 member
states"); population nouns ("170 million people") stay counts. Inline list markers ("proposals:
1) a council; 2) a centre") and an all-capital name before a number ("KHABAR 24") are labels.
Fractions that state a share or a change are percentages (``fraction`` lines: "roughly a third of"
-> 33.33, qualifier about; "grow by half" -> 50), never ordinals ("a third summit") or periods
("the first half of 2025", "half a century").

A sign written on a number with a unit belongs to the span: "(+12%)" gives "+12%", value 12;
"-3.5%" gives value -3.5. An article before a scale word is the number one ("a million
visitors"), halved after "half" ("half a million people"); "a billion-dollar fund" is no amount.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.components.numbers import (
    NumberParseError,
    UnitEntry,
    WordNumberParser,
    parse_digits,
)
from pipeline.extensions import FIGURES_GROUP, QUOTED_NAMES_GROUP
from pipeline.resources import load_jsonl, parse_jsonl

_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_PERIOD_PATTERNS = [
    rf"\bfrom\s+{_YEAR}\s+(?:to|till|until|through)\s+{_YEAR}\b",
    rf"\bbetween\s+{_YEAR}\s+and\s+{_YEAR}\b",
    rf"\b{_YEAR}\s*[-–—/]\s*{_YEAR}\b",
    rf"\bsince\s+{_YEAR}\b",
    rf"\b(?:in|by|for|during|until|till|through|as\s+of|at\s+the\s+end\s+of|in\s+early|in\s+late)"
    rf"\s+{_YEAR}(?:\s*[-–—/]\s*{_YEAR})?\b",
]
_PERIOD_RE = re.compile("|".join(f"(?:{p})" for p in _PERIOD_PATTERNS), re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]|\s[–—]\s")
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_NP_INNER_POS = frozenset({"ADJ", "NOUN", "PROPN"})
_UNITS_FILE = "units.jsonl"
_MAX_COUNTED_NOUN = 6
_MAX_WORDS_BEFORE = 3  # "more than", "between", "from", "USD" before the number
_CHUNK = re.compile(r"\S+")
_WORD_PARTS = re.compile(r"[^\W\d_]+")
_OPENERS = "([{\"'“‘«"
_DIRECTIONAL = frozenset({"to", "by", "from"})
_FREQUENCY = re.compile(r"\s+(?:a|an|per|every|each)\s+(?:year|month|week|day|decade)\b", re.I)
_MAX_METRIC_TOKENS = 10
# "four meetings in (the past) five years": how far after a counted noun its period may end
_PERIOD_LOOKAHEAD = 5
_PERIOD_PREPOSITIONS = frozenset({"in", "over", "within", "during", "since", "per", "across"})


@dataclass(frozen=True)
class _UnitInfo:
    kind: str  # money | percent | multiplier | quantity
    unit: str
    factor: float = 1.0  # e.g. "bcm" = 1e9 cubic metres
    cues: tuple[tuple[str, str], ...] = ()


def _alternation(forms: list[str], case_sensitive: bool) -> str:
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


class SummitFigures:
    """Finds figures and writes them to ``doc.spans["figures"]`` with ``span._.summit_figure``."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        units_file: str = "units.jsonl",
        small_word_max: float = 10,
        default_bare_scaled: str = "money",
    ) -> None:
        """Load the vocabulary and compile the expressions.

        ``units_file``: resource with the vocabulary; ``small_word_max``: spelled-out numbers up
        to this value are figures only with a unit or scale; ``default_bare_scaled``: the kind of
        a scaled amount without unit ("225 billion") when its sentence does not say it counts
        people or things (its unit is always ``unspecified``).
        """
        self.name = name
        self.small_word_max = small_word_max
        self.default_bare_scaled = default_bare_scaled
        self._setup(load_jsonl(units_file, UnitEntry))

    def _setup(self, entries: list[UnitEntry]) -> None:
        self.entries = entries
        self.words = WordNumberParser(entries)
        self._build(entries)

    # ---- serialisation: the vocabulary travels with a saved pipeline
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the component's vocabulary to ``path/units.jsonl``."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        lines = [e.model_dump_json(exclude_defaults=True) for e in self.entries]
        (folder / _UNITS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SummitFigures:
        """Load the vocabulary written by ``to_disk`` from ``path``; return the component."""
        file = Path(path) / _UNITS_FILE
        if not file.exists():
            raise FileNotFoundError(f"{file} is missing: save the pipeline with nlp.to_disk first")
        self._setup(parse_jsonl(file.read_text(encoding="utf-8"), UnitEntry, str(file)))
        return self

    # ---- vocabulary -> compiled expressions (once)
    def _build(self, entries: list[UnitEntry]) -> None:
        self.prefix_units: dict[str, _UnitInfo] = {}
        self.suffix_units: dict[str, _UnitInfo] = {}
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
        cs_prefix: list[str] = []
        ci_prefix: list[str] = []
        cs_suffix: list[str] = []
        ci_suffix: list[str] = []
        spaced_scales: list[str] = []
        glued_scales: list[str] = []
        qual_forms: list[str] = []
        mult_forms: list[str] = []
        for e in entries:
            kind = {
                "currency": "money",
                "percent": "percent",
                "multiplier": "multiplier",
                "unit": "quantity",
            }.get(e.type)
            if kind is not None:
                info = _UnitInfo(kind, e.norm, e.value or 1.0, tuple(e.cues.items()))
                for f in e.prefix:
                    self.prefix_units[self._key(f, e.case_sensitive)] = info
                    (cs_prefix if e.case_sensitive else ci_prefix).append(f)
                for f in e.suffix:
                    self.suffix_units[self._key(f, e.case_sensitive)] = info
                    (cs_suffix if e.case_sensitive else ci_suffix).append(f)
                if e.type == "multiplier" and e.value is not None:
                    for f in e.forms:
                        self.multiplier_words[f.lower()] = (e.value, e.verb_only)
                        mult_forms.append(f)
            elif e.type == "scale" and e.value is not None:
                for f in e.forms:
                    self.scales[f.lower()] = e.value
                    (glued_scales if e.glued_only else spaced_scales).append(f)
            elif e.type == "qualifier":
                for f in e.forms:
                    self.qualifiers[" ".join(f.lower().split())] = e.norm
                    if not e.in_span:
                        self.outside_qualifiers.add(e.norm)
                    qual_forms.append(f)
            elif e.type == "month":
                self.months.update(f.lower() for f in e.forms)
            elif e.type == "time":
                self.time_words.update(f.lower() for f in e.forms)
            elif e.type == "reference":
                self.reference_words.update(f.lower() for f in e.forms)
            elif e.type == "set_word":
                self.set_words.update(f.lower() for f in e.forms)
            elif e.type == "participant":
                self.participants.update(f.lower() for f in e.forms)
            elif e.type == "attendee":
                self.attendees.update(" ".join(f.lower().split()) for f in e.forms)
            elif e.type == "fraction" and e.value is not None:
                for f in e.forms:
                    self.fractions[" ".join(f.lower().split())] = e.value
            elif e.type == "context":
                for f in e.forms:
                    self.context[f.lower()] = e.norm

        word_forms = [w for w in self.words.words() if w not in ("half", "quarter")]
        word_atom = _alternation([w for w in word_forms if w not in self.words.scales], False)
        word_scales = _alternation(list(self.words.scales), False)
        word_num = (
            # "a million visitors": the article is the number, the scale word follows
            rf"(?:an?(?=\s+(?:{word_scales})))"
            rf"|(?:(?:(?:an?\s+)(?=(?:dozen|hundred|{word_scales})))?"
            rf"(?:{word_atom})(?:(?:\s+|-)(?:and\s+)?(?:{word_atom}))*"
            rf"(?:\s+and\s+an?\s+(?:half|quarter)(?![^\W\d_]))?)"
        )
        digits = (
            r"\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?(?!\d)"  # 1,200,000.5
            r"|\d{1,3}(?:\.\d{3}){2,}(?![\d.])"  # 1.200.000 (dots as separators)
            r"|\d{1,3},\d{1,2}(?![\d,])"  # 10,5 (decimal comma)
            r"|\d+(?:\.\d+)?"
        )
        number = rf"(?:{digits}|{word_num})"
        prefix = f"(?:{_alternation(ci_prefix, False)}|{_alternation(cs_prefix, True)})"
        suffix = f"(?:{_alternation(ci_suffix, False)}|{_alternation(cs_suffix, True)})"
        scale = (
            rf"(?:\s*-?\s*(?:{_alternation(spaced_scales, False)})"
            rf"|(?:{'|'.join(re.escape(g) for g in glued_scales)})(?![^\W\d_]))"
        )
        qual = _alternation(qual_forms, False)
        one = (
            rf"(?:(?P<cur@>{prefix})\s?)?(?P<n@>{number})(?P<s@>{scale})?"
            # "1 bln 200 mln dollars": a smaller scaled part added to the first (translations)
            rf"(?(s@)(?:\s+(?P<x@>\d{{1,3}})(?P<xs@>{scale}))?|)"
            rf"(?:[\s-]?(?P<u@>{suffix}))?"
        )
        self.figure_re = re.compile(
            rf"(?<![\w.+/#№$€£¥₽₸:-])(?:(?P<qual>{qual})\s+)?"
            rf"(?:(?P<btw>between)\s+|(?P<frm>from)\s+)?"
            # a signed change "(+12%)", "−3.5%": kept only when a unit follows (see _from_number)
            + r"(?P<sign>[+\u2212-](?=\d))?"
            + one.replace("@", "1")
            # "to" joins a range only after "from" or when the first number has no unit of its own:
            # "1.5 times to 5 billion dollars" is a multiplier and an amount, not a range
            # a bare year never starts a range: "from USD 5.5 billion in 2016 to USD 13.5 billion"
            + r"(?:(?<!(?:1[89]|20)\d\d)(?P<sep>(?(btw)\s+and\s+|(?:\s*[-–—]\s*|"
            + r"(?(u1)(?(frm)\s+to\s+|(?!))|\s+to\s+))))"
            + one.replace("@", "2")
            # "from"/"between" belong to a range only: without a second number, match without them
            + r")?(?(btw)(?(n2)|(?!))|)(?(frm)(?(n2)|(?!))|)"
            + r"(?![\w+]|-[^\W\d_]|[.,]\d|[:/]\d)",
            re.IGNORECASE,
        )
        self.multiplier_re = re.compile(
            rf"(?:(?P<qual>{qual})\s+)?"
            rf"(?<![\w-])(?P<mw>{_alternation(mult_forms, False)})(?![\w-])",
            re.IGNORECASE,
        )
        fraction_forms = list(self.fractions)
        self.fraction_re = re.compile(
            rf"(?:(?P<qual>{qual})\s+)?(?<![\w-])(?P<fw>{_alternation(fraction_forms, False)})"
            # "half a century", "half an hour", "half a million" (an amount read elsewhere)
            r"(?![\w-]|\s+an?\s)",
            re.IGNORECASE,
        )
        self.fraction_words = frozenset(
            w for f in fraction_forms for w in _WORD_PARTS.findall(f.lower())
        ) - {"a", "one", "two", "three"}
        self.anchor_words = frozenset(self.words.words())
        # a qualifier written before "half a million" (the match itself starts at "a")
        self.qualifier_tail_re = re.compile(rf"(?<![^\W\d_])(?P<qual>{qual})\s+$", re.IGNORECASE)

    @staticmethod
    def _key(form: str, case_sensitive: bool) -> str:
        form = " ".join(form.split())
        return form if case_sensitive else form.lower()

    def _unit(self, text: str | None, table: dict[str, _UnitInfo]) -> _UnitInfo | None:
        if not text:
            return None
        key = " ".join(text.split())
        return table.get(key) or table.get(key.lower())

    # ---- the component
    def __call__(self, doc: Doc) -> Doc:
        """Return ``doc`` with ``doc.spans["figures"]`` set (one span per figure)."""
        text = doc.text
        index = _DocIndex(doc)
        blocked = self._blocked_ranges(doc)
        found: list[dict[str, Any]] = []
        for kind, m in self._matches(text):
            if kind == "number":
                fig = self._from_number(doc, m, index)
            elif kind == "fraction":
                fig = self._from_fraction(doc, m)
            else:
                fig = self._from_multiplier_word(doc, m)
            if fig is not None and not _inside(fig["start"], fig["end"], blocked):
                found.append(fig)
        spans = []
        for fig in sorted(found, key=lambda f: (f["start"], f["end"])):
            span = doc.char_span(fig["start"], fig["end"], alignment_mode="expand")
            if span is not None:
                spans.append(span)
                span._.summit_figure = fig
                span.label_ = fig["kind"]
        # tokens of any figure never name what another figure measures ("reached USD 10.5 bn")
        covered = {i for span in spans for i in range(span.start, span.end)}
        for span in spans:
            self._add_context(span, span._.summit_figure, index, covered)
        doc.spans[FIGURES_GROUP] = spans
        return doc

    def _matches(self, text: str) -> Iterator[tuple[str, re.Match[str]]]:
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
            if any(p in self.fraction_words for p in _WORD_PARTS.findall(chunk.lower())):
                regexes.append(("fraction", self.fraction_re))
            for found, regex in regexes:
                m = self._match_from(text, regex, chunks[first : i + 1], cursor, c_start)
                if m is not None:
                    cursor = m.end()
                    yield found, m
                    break

    @staticmethod
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

    def _anchor_kind(self, chunk: str) -> str | None:
        """Return "number" if ``chunk`` can hold a figure's number, "word" for a multiplier or
        fraction word."""
        if any(ch.isdigit() for ch in chunk):
            return "number"
        kind = None
        for part in _WORD_PARTS.findall(chunk.lower()):
            if part in self.anchor_words:
                return "number"
            if part in self.multiplier_words or part in self.fraction_words:
                kind = "word"
        return kind

    def _blocked_ranges(self, doc: Doc) -> list[tuple[int, int]]:
        """Return char ranges of quoted names/titles: numbers there are part of a name."""
        out = []
        for span in doc.spans.get(QUOTED_NAMES_GROUP, []):
            q = span._.summit_quote or {}
            out.append((q.get("start", span.start_char), q.get("end", span.end_char)))
        return out

    def _value(self, raw: str) -> float | None:
        raw = raw.strip()
        if raw.lower() in ("a", "an"):
            return 1.0  # only before a scale word: "a million"
        try:
            if raw[:1].isdigit():
                return parse_digits(raw)
            return self.words.parse(raw)
        except NumberParseError:
            return None

    def _scale(self, raw: str | None) -> float:
        if not raw:
            return 1.0
        return self.scales.get(raw.strip().lstrip("-").strip().lower(), 1.0)

    def _from_number(self, doc: Doc, m: re.Match[str], index: _DocIndex) -> dict[str, Any] | None:
        v1 = self._value(m.group("n1"))
        if v1 is None:
            return None
        ranged = m.group("n2") is not None
        v2 = self._value(m.group("n2")) if ranged else None
        if ranged and v2 is None:
            return None
        s1, s2 = self._scale(m.group("s1")), self._scale(m.group("s2"))
        glued = any(
            g is not None and g.strip() and g.strip().lower() in ("k", "m", "b")
            for g in (m.group("s1"), m.group("s2"))
        )
        cur = self._unit(m.group("cur1"), self.prefix_units) or self._unit(
            m.group("cur2"), self.prefix_units
        )
        suf = self._unit(m.group("u2"), self.suffix_units) or self._unit(
            m.group("u1"), self.suffix_units
        )
        info = cur or suf
        if glued and info is None:
            return None  # a bare "5m" is five metres; "$5m" and "4.5m tonnes" carry a unit
        if ranged and v2 is not None and v2 < v1 and not (m.group("frm") or m.group("btw")):
            return None  # "3-2" is a score or a label, never a range running downwards
        article = m.group("n1").strip().lower() in ("a", "an")
        if article and m.string[m.end("s1") : m.end("s1") + 1] == "-":
            return None  # "a billion-dollar fund" is an adjective, not an amount
        sign = m.group("sign")
        if sign and (info is None or ranged):
            return None  # "+7 7172 ..." is a phone number, "-3" alone a label or a dash
        negative = sign in ("-", "\u2212")
        has_scale = bool(m.group("s1") or m.group("s2"))
        words_only = not m.group("n1")[:1].isdigit()
        # a scale or unit written once covers both ends of a range
        if ranged and not m.group("s1"):
            s1 = s2
        if ranged and not m.group("s2"):
            s2 = s1
        value = v1 * s1 + self._extra(m, "1", s1)
        value_max = v2 * s2 + self._extra(m, "2", s2) if v2 is not None else None
        if info is not None:
            value *= info.factor
            if value_max is not None:
                value_max *= info.factor
        if negative:
            value = -value

        n1_start = m.start("n1")
        start = m.start("cur1") if m.group("cur1") else n1_start
        if sign:  # the sign belongs to the number: "+12%" (value 12), "-3.5%" (value -3.5)
            start = m.start("sign")
        qualifier = self._qualifier(m.group("qual"))
        qual_start = m.start("qual")
        half = re.search(r"(?i)(?<![\w-])half\s+$", m.string[max(0, start - 8) : start])
        if article and half and not m.group("qual"):  # "half a million people"
            start -= len(half.group())
            value /= 2
            tail = self.qualifier_tail_re.search(m.string, max(0, start - 30), start)
            if tail is not None:  # "over half a million tonnes"
                qualifier, qual_start = self._qualifier(tail.group("qual")), tail.start("qual")
        if ranged and (m.group("frm") or m.group("btw")):
            start = m.start("frm") if m.group("frm") else m.start("btw")
        end = m.end()

        if not self._plausible(doc, m, v1, v2, info, has_scale, words_only):
            return None
        if info is None:
            kind, unit, end = self._bare(doc, m, value, has_scale, index)
            if kind is None:
                return None
        else:
            kind, unit = info.kind, self._currency_code(m, info, index)
        if qualifier and qualifier not in self.outside_qualifiers:
            start = qual_start
        return {
            "start": start,
            "end": end,
            "value": float(value),
            "value_max": None if value_max is None else float(value_max),
            "unit": unit,
            "qualifier": qualifier,
            "kind": kind,
        }

    def _extra(self, m: re.Match[str], end: str, scale: float) -> float:
        """Return the smaller scaled part of "1 bln 200 mln" (0 when there is none)."""
        extra, extra_scale = m.group(f"x{end}"), self._scale(m.group(f"xs{end}"))
        if extra is None or extra_scale >= scale:
            return 0.0
        return float(extra) * extra_scale

    def _qualifier(self, raw: str | None) -> str | None:
        if not raw:
            return None
        return self.qualifiers.get(" ".join(raw.lower().split()))

    def _currency_code(self, m: re.Match[str], info: _UnitInfo, index: _DocIndex) -> str:
        """Return the unit; an ambiguous currency word (manat) takes its code from the sentence."""
        if not info.cues:
            return info.unit
        sent = index.sent_at(m.start()).text
        for cue, code in info.cues:
            if re.search(rf"\b{re.escape(cue)}", sent):
                return code
        return info.unit

    def _plausible(
        self,
        doc: Doc,
        m: re.Match[str],
        v1: float,
        v2: float | None,
        info: _UnitInfo | None,
        has_scale: bool,
        words_only: bool,
    ) -> bool:
        """Return False for years, dates, clock times, durations, labels and list markers."""
        text = m.string  # doc.text is rebuilt from the tokens on every access
        n1 = m.group("n1")
        plain_year = re.fullmatch(_YEAR, n1.strip()) is not None
        second_year = v2 is None or re.fullmatch(_YEAR, (m.group("n2") or "").strip())
        if info is None and not has_scale and plain_year and second_year:
            return False  # a year or a year range is a period, not a figure
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end() : m.end() + 30]
        prev_word = re.search(r"([^\W\d_][\w.]*)\W*$", before)
        next_word = re.match(r"\W*([^\W\d_][\w.']*)", after)
        pw = prev_word.group(1) if prev_word else ""
        nw = next_word.group(1) if next_word else ""
        if nw.endswith(".") and nw.lower() not in self.time_words:
            nw = nw[:-1]  # "10 years." ends a sentence; "p.m." keeps its dot
        if info is not None and info.kind == "multiplier" and _FREQUENCY.match(after):
            return False  # "three times a year" is how often, not how much
        if info is None or info.kind not in ("money", "percent", "multiplier"):
            # a number next to a month is a date: "September 14", "1 September"
            gap_before = before[prev_word.end(1) :] if prev_word else "?"
            gap_after = after[: next_word.start(1)] if next_word else "?"
            month_before = pw.lower() in self.months and not gap_before.strip()
            month_after = nw.lower() in self.months and not gap_after.strip()
            if (month_before or month_after) and not has_scale:
                return False
            if nw.lower() in self.time_words and not has_scale:
                return False  # durations and clock times: "30 years", "10 a.m."
            if re.match(r"\s*[.:]\d{2}\b", text[m.end() : m.end() + 4]):
                return False
        if info is None and not has_scale:
            if re.search(r"[+×]\s*$", before):
                return False  # a format's name: "C5 + 1", "5 + 1"
            # labels: "Article 5", "Resolution 2231", "Summit 2024", "Central Asia – 2040"
            gap = before[prev_word.end(1) :] if prev_word else ""
            if (
                pw
                and gap.strip() in ("", "–", "—", "-", "№")
                and (
                    pw.lower() in self.reference_words
                    or (
                        pw[:1].isupper()
                        and not pw.endswith("'s")
                        # an all-capital word names even at a line start: "KHABAR 24 — News"
                        and (not _sentence_start(before) or (len(pw) > 1 and pw.isupper()))
                        and self._counted_noun_end(doc, m.end()) is None
                    )
                )
            ):
                return False
            # digit groups in a row are a phone, account or reference number: "+7 7172 74 56 12"
            if re.search(r"\d[\s\d]*$", before[-4:]) or re.match(r"\s?\d", after):
                return False
            # numbered list markers: "1." or "2)" at the start of a line
            line_start = text.rfind("\n", 0, m.start()) + 1
            if not text[line_start : m.start()].strip() and re.match(r"[.)]\s", after):
                return False
            # ... or after a sentence end when paragraphs were joined: "... alone. 3. The Heads"
            if before.rstrip()[-1:] in (".", ";", ":") and re.match(r"[.)]\s+[A-Z]", after):
                return False
            # ... or inside a running sentence: "proposals: 1) a council; 2) a centre" (a closing
            # parenthesis that no opening one on the line before it matches)
            line = text[line_start : m.start()]
            if after[:1] == ")" and line.count("(") <= line.count(")"):
                return False
        if words_only and not has_scale and info is None:
            if m.group("n1").strip().lower() in ("one", "a", "an") and v2 is None:
                return False  # "one example", "one of the", the pronoun "one"
            after_set_word = (
                prev_word is not None
                and not before[prev_word.end(1) :].strip()
                and pw.lower() in self.set_words
            )
            if v1 <= self.small_word_max and (after_set_word or not self._small_count(doc, m)):
                # "the five states", "all six leaders": small numbers spelled out name a set
                # of participants, not a statistic (house styles spell out < 10)
                return False
            if re.match(r"\s+of\b", after):
                return False  # "two of the leaders"
        return True

    def _small_count(self, doc: Doc, m: re.Match[str]) -> bool:
        """Return True when a small spelled-out number is a statistic: "four meetings in five
        years", "three summits since 2018".

        A small number spelled out usually names a set ("adopted two declarations", "three
        rounds of talks"); it states a quantity when its counted noun is measured over a
        period, written right after it ("in/over/within/since/per ..."). It never counts the
        participants ("five leaders in two days"). The caller has already refused one after a
        set word: "the five states", "all six countries".
        """
        if m.group("n2") is not None:
            return False
        noun_end = self._counted_noun_end(doc, m.end())
        if noun_end is None:
            return False
        noun = _token_at_or_after(doc, noun_end - 1)
        if noun is None or noun.lower_ in self.participants:
            return False
        return self._over_a_period(doc, noun.i + 1)

    def _over_a_period(self, doc: Doc, i: int) -> bool:
        """Return True when the tokens from ``i`` say "in/over/since ... <time word or year>"."""
        preposition = False
        for t in doc[i : i + _PERIOD_LOOKAHEAD]:
            if t.is_punct:
                return False
            if t.lower_ in _PERIOD_PREPOSITIONS:
                preposition = True
            elif preposition and (
                t.lower_ in self.time_words or re.fullmatch(_YEAR, t.text) is not None
            ):
                return True
            elif not preposition:
                return False
        return False

    def _bare(
        self, doc: Doc, m: re.Match[str], value: float, has_scale: bool, index: _DocIndex
    ) -> tuple[str | None, str, int]:
        """Classify a number without unit: count with its noun, or an amount without currency.

        Returns (kind, unit, span end); kind None means "not a figure".
        """
        end = m.end()
        noun_end = self._counted_noun_end(doc, end)
        if noun_end is not None:
            if self._attendance(doc, noun_end):
                return None, "", end
            return "count", "count", noun_end
        words_only = not m.group("n1")[:1].isdigit()
        if has_scale:
            ctx = self._context_kind(index.sent_at(m.start()))
            if ctx == "count":
                return "count", "count", end
            return self.default_bare_scaled, "unspecified", end
        if words_only and not re.fullmatch(r"(?i)an?\s+dozen", m.group("n1").strip()):
            return None, "", end  # a bare word number with nothing counted is rarely a figure
        return "count", "count", end

    def _attendance(self, doc: Doc, noun_end: int) -> bool:
        """Return True when the counted noun ending at ``noun_end`` counts the attendance.

        "more than 1,500 delegates", "20 foreign leaders", "10 member states": the corpus
        guidelines do not count participants, whoever they are and however the number is
        written; the head noun (or its last two words, "member states") is in the ``attendee``
        lexicon of units.jsonl.
        """
        noun = _token_at_or_after(doc, noun_end - 1)
        if noun is None:
            return False
        if noun.lower_ in self.attendees:
            return True
        pair = f"{doc[noun.i - 1].lower_} {noun.lower_}" if noun.i > 0 else ""
        return pair in self.attendees

    def _counted_noun_end(self, doc: Doc, end: int) -> int | None:
        """Return the end of the noun phrase right after ``end`` ("UN resolutions"), or None."""
        tok = _token_at_or_after(doc, end)
        if tok is not None and tok.idx < end:  # the match ends inside a token ("3–4")
            tok = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok is None:
            return None
        last: Token | None = None
        inner = False  # the previous token belongs to the noun phrase
        for t in doc[tok.i : tok.i + _MAX_COUNTED_NOUN]:
            # "high-tech projects", "intergovernmental and interagency documents"
            joiner = inner and (
                (t.text == "-" and not t.whitespace_)
                or (t.pos_ == "CCONJ" and (last is None or self._coordinated_plural(doc, t)))
            )
            if t.pos_ not in _NP_INNER_POS and not joiner:
                break
            if t.pos_ == "ADJ" and last is not None:
                break  # "58 documents worth USD 3.2 bln": an adjective after the noun starts a new
                # phrase (the noun phrase's modifiers come before its head)
            if t.pos_ == "PROPN" and last is not None and last.pos_ == "NOUN":
                break  # "2 presidents Tokayev and ...": the name is not part of what is counted
            inner = True
            if t.lower_ in self.time_words or t.lower_ in self.months:
                return None
            if t.pos_ in _NOUN_POS:
                last = t
            glued = t.whitespace_ == "" and t.i + 1 < len(doc)
            if glued and doc[t.i + 1].is_punct and doc[t.i + 1].text != "-":
                break
        if last is None:
            return None
        return last.idx + len(last.text)

    @staticmethod
    def _coordinated_plural(doc: Doc, conj: Token) -> bool:
        """Return True for "12 decisions and orders": two bare plural nouns joined by ``conj``
        are one counted thing (corpus DECISIONS 503); "300 agreements and Tokayev" is not."""
        prev = doc[conj.i - 1]
        nxt = doc[conj.i + 1] if conj.i + 1 < len(doc) else None
        return (
            prev.tag_ == "NNS"
            and nxt is not None
            and nxt.tag_ == "NNS"
            and conj.lower_ in ("and", "or")
        )

    def _context_kind(self, sent: Span) -> str | None:
        """Return "money" or "count" from the words of the sentence ``sent``."""
        found = [self.context.get(t.lower_) for t in sent]
        if "money" in found:
            return "money"
        if "count" in found:
            return "count"
        return None

    def _from_multiplier_word(self, doc: Doc, m: re.Match[str]) -> dict[str, Any] | None:
        word = m.group("mw").lower()
        value, verb_only = self.multiplier_words[word]
        tok = _token_at_or_after(doc, m.start("mw"))
        if tok is None:
            return None
        if verb_only and tok.pos_ != "VERB":
            return None  # "double taxation", "triple helix"
        if word == "twice" and _FREQUENCY.match(m.string, m.end()):
            return None  # "twice a year" is a frequency
        qualifier = self._qualifier(m.group("qual"))
        return {
            "start": m.start("qual")
            if qualifier and qualifier not in self.outside_qualifiers
            else m.start("mw"),
            "end": m.end("mw"),
            "value": float(value),
            "value_max": None,
            "unit": "times",
            "qualifier": qualifier,
            "kind": "multiplier",
        }

    def _from_fraction(self, doc: Doc, m: re.Match[str]) -> dict[str, Any] | None:
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
        if pw in self.set_words or pw in ("and", "second", "third", "fourth") or pw in self.months:
            return None  # "the first half", "a year and a half", "its third"
        after = text[m.end("fw") : m.end("fw") + 40]
        of = re.match(r"\s+of\s+(?:an?\s+|the\s+)?([^\W_]+)", after)
        if of is not None:
            following = of.group(1).lower()
            if following in self.time_words or re.fullmatch(_YEAR, following):
                return None  # "half of 2025", "a quarter of a century", "a third of the year"
        by = pw in _DIRECTIONAL or pw == "in" or pw in ("than", "nearly", "almost", "over")
        if of is None and not by:
            return None
        if of is None and re.match(r"\s*[^\W\d_]", after) and not word.startswith("half"):
            return None  # "by a third round" is not a share
        qualifier = self._qualifier(m.group("qual"))
        return {
            "start": m.start("qual")
            if qualifier and qualifier not in self.outside_qualifiers
            else m.start("fw"),
            "end": m.end("fw"),
            "value": float(self.fractions[word]),
            "value_max": None,
            "unit": "percent",
            "qualifier": qualifier,
            "kind": "percent",
        }

    # ---- context: metric, period, subject
    def _add_context(
        self, span: Span, fig: dict[str, Any], index: _DocIndex, covered: set[int]
    ) -> None:
        fig["metric"] = self._metric(span, covered)
        sent = index.sent_at(span.start_char)
        fig["period"] = _period(span, sent)
        fig["subject"] = _subject(span, index.ents_in(sent))

    def _metric(self, span: Span, covered: set[int]) -> str | None:
        """Return the noun phrase the figure measures, found by walking up the parse."""

        def usable(tok: Token) -> bool:
            return (
                tok.pos_ in _NOUN_POS
                and tok.i not in covered
                and tok.lower_ not in self.suffix_units
                and tok.lower_ not in self.time_words
            )

        root = span.root
        node: Token = root
        if root.pos_ == "VERB":  # "tripled the number of bus flights", "tourism has doubled"
            for dep in ("dobj", "nsubjpass", "nsubj"):
                for child in root.children:
                    if child.dep_ == dep and usable(child):
                        return _np_text(child, span)
        for _ in range(4):
            head = node.head
            if head == node:
                break
            if head.i >= span.start and head.i < span.end:
                node = head
                continue
            directional = node.dep_ == "prep" and node.lower_ in _DIRECTIONAL
            verb = next((a for a in head.ancestors if a.pos_ == "VERB"), None)
            if directional and head.pos_ in _NOUN_POS and verb is not None:
                # "increased the number of checkpoints to 78 units": "to 78 units" completes the
                # verb even when the parser hangs it on the noun before it
                node = head = verb
            if usable(head):
                return _np_text(head, span)
            if head.pos_ in ("VERB", "AUX"):
                for dep in ("dobj", "nsubjpass", "nsubj"):
                    for child in head.children:
                        if child.dep_ == dep and usable(child):
                            return _np_text(child, span)
            node = head
        return None


def _np_text(head: Token, fig: Span) -> str:
    """Return a compact noun phrase around ``head``: modifiers + head + an "of" complement."""
    doc = head.doc
    left = head.i
    for child in head.lefts:
        if (
            child.dep_ in ("compound", "amod", "nmod", "poss")
            and not fig.start <= child.i < fig.end
        ):
            left = min(left, child.left_edge.i)
    right = head.i
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "between", "in"):
            sub = [t.i for t in child.subtree if not fig.start <= t.i < fig.end]
            if len(sub) <= 1:
                break  # "increase of 2.5 times": the complement is the figure itself
            stop = next(
                (t.i for t in child.subtree if t.is_punct or fig.start <= t.i < fig.end), None
            )
            last = max(sub) if sub else right
            if stop is not None and stop <= child.i + 1:
                break  # "adoption of 8 UN resolutions": the figure is the complement
            if stop is not None:
                last = min(last, stop - 1)
            right = max(right, last)
            break
    right = min(right, left + _MAX_METRIC_TOKENS - 1)
    while right > head.i and (doc[right].pos_ in ("ADP", "DET", "CCONJ") or doc[right].is_punct):
        right -= 1  # "number of checkpoints to [78 units]": drop the dangling preposition
    words = doc[left : right + 1]
    text = words.text
    if words[0].lower_ in ("the", "a", "an", "its", "their"):
        text = doc[left + 1 : right + 1].text
    return text


def _period(span: Span, sent: Span) -> str | None:
    """Return the year expression in the same clause nearest to the figure, or None."""
    base = sent.start_char
    s_text = sent.text
    # the clause: the part of the sentence between ";" / ":" / dash breaks holding the figure
    lo, hi = 0, len(s_text)
    for b in _CLAUSE_BREAK.finditer(s_text):
        if b.end() <= span.start_char - base:
            lo = b.end()
        elif b.start() >= span.end_char - base:
            hi = b.start()
            break
    best: tuple[int, str] | None = None
    for p in _PERIOD_RE.finditer(s_text, lo, hi):
        if p.start() + base < span.end_char and p.end() + base > span.start_char:
            continue
        dist = min(abs(p.start() + base - span.start_char), abs(p.end() + base - span.end_char))
        if best is None or dist < best[0]:
            best = (dist, p.group(0))
    if best is None:
        return None
    text = best[1]
    return re.sub(r"^(?:in|for|during)\s+(?=from|between)", "", text, flags=re.IGNORECASE)


def _subject(span: Span, ents: list[Span]) -> str | None:
    """Return the nearest place entity of the sentence (preferring one before the figure)."""
    before: Span | None = None
    after: Span | None = None
    for ent in ents:
        if ent.end <= span.start:
            before = ent
        elif ent.start >= span.end and after is None:
            after = ent
    chosen = before or after
    return chosen.text if chosen is not None else None


def _token_at_or_after(doc: Doc, char: int) -> Token | None:
    if not len(doc) or char >= doc[-1].idx + len(doc[-1]):
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    for t in doc:
        if t.idx >= char:
            return t
    return None


class _DocIndex:
    """Sentences and place entities of one doc, computed once per call.

    ``token.sent`` and ``span.ents`` walk the whole doc on every access; figures ask for them
    several times each, so they are looked up here by character offset instead.
    """

    def __init__(self, doc: Doc) -> None:
        if doc.has_annotation("SENT_START"):
            self.sents = list(doc.sents)
        else:
            self.sents = [doc[:]]
        self.starts = [s.start_char for s in self.sents]
        self.places = [e for e in doc.ents if e.label_ in ("GPE", "LOC", "NORP")]

    def sent_at(self, char: int) -> Span:
        """Return the sentence holding character ``char``."""
        return self.sents[max(0, bisect_right(self.starts, char) - 1)]

    def ents_in(self, sent: Span) -> list[Span]:
        """Return the place entities inside ``sent``."""
        return [e for e in self.places if sent.start <= e.start and e.end <= sent.end]


def _sentence_start(before: str) -> bool:
    """Return True when the text before a word ends a sentence (so its capital says nothing)."""
    stripped = before.rstrip()
    m = re.search(r"([^\W\d_][\w.]*)$", stripped)
    head = stripped[: m.start()] if m else stripped
    return not head.strip() or head.rstrip()[-1:] in ".!?\n"


def _inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


@Language.factory(
    "summit_figures",
    assigns=["doc.spans", "span._.summit_figure"],
    requires=["token.pos", "token.dep"],
    default_config={
        "units_file": "units.jsonl",
        "small_word_max": 10,
        "default_bare_scaled": "money",
    },
)
def make_figures(
    nlp: Language,
    name: str,
    units_file: str,
    small_word_max: float,
    default_bare_scaled: str,
) -> SummitFigures:
    """Return the summit_figures component reading its vocabulary from ``units_file``."""
    return SummitFigures(nlp, name, units_file, small_word_max, default_bare_scaled)
