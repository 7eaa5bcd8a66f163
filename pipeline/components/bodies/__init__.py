"""summit_bodies: bodies (councils, centres, platforms, agreements, ...) proposed, established or
adopted in the text, with the cue, the proposers and the supporters.

A package of stages run in this order by :class:`~.component.SummitBodies` (one pass over the
parsed Doc, no re-parsing):

- :mod:`.lexicon` — schemas and loading of ``body_heads.jsonl`` / ``body_cues.jsonl``;
- :mod:`.context` — per-document indexes (cues, leaders, countries, quote speakers, sentences);
- :mod:`.candidates` — names: head noun, left/right edge, quoted names;
- :mod:`.status` — the cue governing a name (parse climbing and fallbacks) and the status;
- :mod:`.fallbacks` — links the parse path missed (participles, relatives, gapping, "it");
- :mod:`.agents` — proposers: agent of the cue, resolved to leaders or countries;
- :mod:`.support` — supporters;
- :mod:`.lists` — bullets, inline enumerations, coordinated names;
- :mod:`.merge` — one record per body;
- :mod:`.component` — the spaCy factory ``summit_bodies``.
"""

from .component import BodiesInputError, SummitBodies, make_bodies
from .lexicon import BodyCueEntry, BodyHeadEntry, BodyLexicon
from .merge import _subsequence

__all__ = [
    "BodiesInputError",
    "BodyCueEntry",
    "BodyHeadEntry",
    "BodyLexicon",
    "SummitBodies",
    "_subsequence",
    "make_bodies",
]
