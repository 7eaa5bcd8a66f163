"""summit_figures: every number that matters in a summit text, normalised, with what it measures.

The package is the component's stages, in the order ``SummitFigures.__call__`` runs them:

- :mod:`.lexicon` — the schema of ``units.jsonl`` and the tables compiled from it;
- :mod:`.numbers` — digits and number words read as numbers;
- :mod:`.patterns` — the compiled expressions and where in the text they are tried;
- :mod:`.values` — value, scale, range normalisation (``value``/``value_max``);
- :mod:`.units` — the unit decision (``kind``/``unit``, the counted noun of a count);
- :mod:`.filters` — plausibility: years, dates, labels, list markers, small sets, attendance;
- :mod:`.words` — multiplier and fraction words;
- :mod:`.context` — metric, period, subject (and the per-document index);
- :mod:`.figure` — one figure under construction, recording the rule behind value and unit;
- :mod:`.component` — the factory and the component.

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

from .component import SummitFigures, make_figures
from .lexicon import UnitEntry
from .numbers import NumberParseError, WordNumberParser, parse_digits

__all__ = [
    "NumberParseError",
    "SummitFigures",
    "UnitEntry",
    "WordNumberParser",
    "make_figures",
    "parse_digits",
]
