"""The summit_figures factory and component: the stages of the package, run in order.

``__call__`` indexes the Doc, finds candidate matches in its text (:mod:`.patterns`), turns each
into a figure — value (:mod:`.values`), plausibility (:mod:`.filters`), unit (:mod:`.units`) or a
multiplier/fraction word (:mod:`.words`) — drops those inside quoted titles, writes the spans and
adds their context (:mod:`.context`). Reads the parse, entities and the ``quoted_names`` span
group; writes ``doc.spans["figures"]`` with ``span._.summit_figure``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.extensions import FIGURES_GROUP
from pipeline.resources import load_jsonl, parse_jsonl

from .context import FigureIndex, add_context, counted_noun_end
from .figure import Figure
from .filters import attendance, blocked_ranges, inside, plausible
from .furniture import furniture_ranges
from .lexicon import Lexicon, UnitEntry
from .numbers import WordNumberParser
from .patterns import Patterns, alternation
from .rates import Rates
from .units import decide_unit, glued_scale, unit_of_match
from .values import read_number, read_values
from .words import (
    from_fraction,
    from_multiplier_word,
    from_ratio,
    from_vague,
    ratio_regex,
    vague_regex,
)

_UNITS_FILE = "units.jsonl"
_HALF_BEFORE = re.compile(r"(?i)(?<![\w-])half\s+$")


class SummitFigures:
    """Finds figures and writes them to ``doc.spans["figures"]`` with ``span._.summit_figure``."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        units_file: str = _UNITS_FILE,
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
        """Compile the lexicon, the number-word parser and the expressions of ``entries``."""
        self.entries = entries
        self.lexicon = Lexicon(entries)
        self.words = WordNumberParser(entries)
        self.patterns = Patterns(self.lexicon, self.words)
        self.rates = Rates(self.lexicon)
        self.vague_re = vague_regex(self.lexicon)
        self.ratio_re = ratio_regex(
            [w for w in self.words.words() if w not in self.words.scales], self.lexicon.time_words
        )
        forms = self.lexicon.forms
        self.of_unit_re = re.compile(
            r"\s+of\s+(?:(?P<u>"
            + alternation(forms.ci_suffix, False)
            + "|"
            + alternation(forms.cs_suffix, True)
            + r")|(?=[^\W\d_]))",
            re.IGNORECASE,
        )

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

    # ---- the component
    def __call__(self, doc: Doc) -> Doc:
        """Return ``doc`` with ``doc.spans["figures"]`` set (one span per figure)."""
        index = FigureIndex(doc)
        blocked = blocked_ranges(doc) + furniture_ranges(index.text, self.lexicon)
        found = [f for f in self._candidates(doc, index) if not inside(f.start, f.end, blocked)]
        spans = self._spans(doc, found)
        # tokens of any figure never name what another figure measures ("reached USD 10.5 bn")
        covered = {i for span in spans for i in range(span.start, span.end)}
        for span in spans:
            add_context(span, span._.summit_figure, index, covered, self.lexicon)
        doc.spans[FIGURES_GROUP] = spans
        return doc

    def _candidates(self, doc: Doc, index: FigureIndex) -> Iterator[Figure]:
        """Yield a figure for every match of the expressions that is one."""
        vague = [
            f
            for f in map(lambda m: self._from_vague(doc, m), self.vague_re.finditer(index.text))
            if f
        ]
        vague += [f for f in map(self._from_ratio, self.ratio_re.finditer(index.text)) if f]
        yield from vague
        for kind, m in self.patterns.matches(index.text):
            if any(f.start <= m.start() < f.end or m.start() <= f.start < m.end() for f in vague):
                continue  # "thousands" inside "tens of thousands of people", "1" of "1/4"
            if kind == "number":
                fig = self._from_number(doc, m, index)
            elif kind == "fraction":
                fig = from_fraction(m, self.lexicon)
            else:
                fig = from_multiplier_word(doc, m, self.lexicon)
            if fig is not None:
                yield fig

    @staticmethod
    def _spans(doc: Doc, found: list[Figure]) -> list[Span]:
        """Return one span per figure, in text order, with its attributes attached."""
        spans = []
        for fig in sorted(found, key=lambda f: (f.start, f.end)):
            span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
            if span is not None:
                spans.append(span)
                span._.summit_figure = fig.as_dict()
                span.label_ = fig.kind
        return spans

    def _from_number(self, doc: Doc, m: re.Match[str], index: FigureIndex) -> Figure | None:
        """Return the figure of a match of the number expression, or None when it is none."""
        lex = self.lexicon
        unit = unit_of_match(m, lex)
        fig, halved = self._number_span(m)
        reading = read_values(m, lex, self.words, unit[0], glued_scale(m), halved)
        if reading is None:
            return None
        fig.set_value(reading.value, reading.value_max, reading.rule, reading.direction)
        if not plausible(
            doc, m, lex, reading.v1, reading.v2, unit[0], reading.has_scale, self.small_word_max
        ):
            return None
        if not decide_unit(
            fig, doc, m, unit, reading.has_scale, index, lex, self.default_bare_scaled
        ):
            return None
        if glued_scale(m) and unit[0] is None and fig.decided_by.get("unit") != "counted_noun":
            return None  # a bare "5m" is five metres, "28m users" a count
        self.rates.decide(fig, index.text)
        return fig

    def _from_vague(self, doc: Doc, m: re.Match[str]) -> Figure | None:
        """Return the range figure of a vague plural with what it counts or measures, or None:
        a unit or currency after "of" ("tens of millions of dollars") or a counted noun
        ("tens of thousands of people"); attendance nouns make it no figure, as for digits."""
        fig = from_vague(m, self.lexicon)
        of = self.of_unit_re.match(m.string, m.end())
        if fig is None or of is None:
            return None
        info = self.lexicon.unit(of.group("u"), self.lexicon.suffix_units)
        if info is not None:
            fig.set_value(
                fig.value * info.factor, (fig.value_max or 0) * info.factor, "vague_plural"
            )
            fig.set_unit(info.kind, info.unit, "unit_suffix")
            fig.end = of.end("u")
        else:
            noun_end = counted_noun_end(doc, of.end(), self.lexicon)
            if noun_end is None or attendance(doc, noun_end, self.lexicon):
                return None
            fig.end = noun_end
            fig.set_unit("count", "count", "counted_noun")
        self.rates.decide(fig, m.string)
        return fig

    def _from_ratio(self, m: re.Match[str]) -> Figure | None:
        """Return the percent figure of a ratio ("one in three"), or None."""
        return from_ratio(m, lambda raw: read_number(raw, self.words))

    def _number_span(self, m: re.Match[str]) -> tuple[Figure, bool]:
        """Return the figure's span and qualifier, and whether "half" halves an article.

        The span starts at the currency, the sign or the number; "half a million" and a
        range's "from"/"between" move it left, and so does a bound qualifier ("more than 10"),
        while an approximator ("about") stays outside.
        """
        lex, patterns = self.lexicon, self.patterns
        start = m.start("cur1") if m.group("cur1") else m.start("n1")
        if m.group("sign"):  # the sign belongs to the number: "+12%" (value 12)
            start = m.start("sign")
        qualifier, qual_start = lex.qualifier(m.group("qual")), m.start("qual")
        article = m.group("n1").strip().lower() in ("a", "an")
        half = _HALF_BEFORE.search(m.string[max(0, start - 8) : start])
        halved = bool(article and half and not m.group("qual"))
        if halved and half is not None:  # "half a million people"
            start -= len(half.group())
            tail = patterns.qualifier_tail_re.search(m.string, max(0, start - 30), start)
            if tail is not None:  # "over half a million tonnes"
                qualifier, qual_start = lex.qualifier(tail.group("qual")), tail.start("qual")
        if m.group("n2") is not None and (m.group("frm") or m.group("btw")):
            start = m.start("frm") if m.group("frm") else m.start("btw")
        if lex.in_span(qualifier):
            start = qual_start
        return Figure(start, m.end(), qualifier), halved


@Language.factory(
    "summit_figures",
    assigns=["doc.spans", "span._.summit_figure"],
    requires=["token.pos", "token.dep"],
    default_config={
        "units_file": _UNITS_FILE,
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
