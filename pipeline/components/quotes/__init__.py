"""summit_quotes: direct quotations, told apart from quoted names, with their speakers.

A package of stages (see ``component.py`` for the order):

- :mod:`.marks` — pair quotation marks of every style, one pass, per paragraph;
- :mod:`.classify` — quotation vs quoted name / title vs scare quote;
- :mod:`.attribution` and :mod:`.lead_in` — which mention speaks, and by which rule
  (``attribution``), set only through ``set_speaker``;
- :mod:`.speaker` — the mention resolved to a canonical leader or a written name;
- :mod:`.lexicon` — ``quote_cues.jsonl``: its schema and word sets; :mod:`.docstate` and
  :mod:`.syntax` — the per-document state and parse helpers the stages share.

Quote triples follow textacy's ``DQTriple`` and citron's cue/source/content records.
"""

from .component import SummitQuotes, make_quotes
from .lexicon import CueKind, Lexicon, QuoteCue
from .marks import MARK_CHARS, MarkPair, pair_marks

__all__ = [
    "MARK_CHARS",
    "CueKind",
    "Lexicon",
    "MarkPair",
    "QuoteCue",
    "SummitQuotes",
    "make_quotes",
    "pair_marks",
]
