"""The summit_bodies component: factory, configuration and the list of stages.

Reads a parsed Doc with the leaders' and quotes' output; writes ``doc.spans["bodies"]`` (one
span per body) with ``span._.summit_body`` (plain values). The stages, in order: candidates
(:mod:`.candidates`), cue linking (:mod:`.status`) and its fallbacks (:mod:`.fallbacks`), lists
(:mod:`.lists`), "it was signed" back-references, later support statements (:mod:`.support`), merge
(:mod:`.merge`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import BODIES_GROUP

from .lexicon import BodyLexicon
from .merge import Merge


class BodiesInputError(ValueError):
    """The Doc given to summit_bodies lacks the annotation it needs."""


class SummitBodies:
    """Find bodies proposed, established or adopted; write ``doc.spans["bodies"]``."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        heads_file: str,
        cues_file: str,
        countries_file: str,
        max_name_tokens: int,
        carry_over: bool,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.heads_file = heads_file
        self.cues_file = cues_file
        self.countries_file = countries_file
        self.max_name_tokens = max_name_tokens
        self.carry_over = carry_over
        self.lexicon = BodyLexicon(nlp, heads_file, cues_file, countries_file)

    def __call__(self, doc: Doc) -> Doc:
        """Return ``doc`` with ``doc.spans["bodies"]`` and ``span._.summit_body`` set."""
        if len(doc) == 0 or not any(not t.is_space for t in doc):
            doc.spans[BODIES_GROUP] = []
            return doc
        if not doc.has_annotation("DEP"):
            raise BodiesInputError(
                "summit_bodies needs a dependency parse: add it after a pipeline with a parser "
                "(e.g. build_nlp() or spacy.load('en_core_web_sm'))."
            )
        ctx = Merge(self.lexicon, doc, self.max_name_tokens, self.carry_over)
        candidates = ctx.candidates()
        for cand in candidates:
            ctx.link(cand)
        ctx.link_fallbacks(candidates)
        ctx.bullet_lists(candidates)
        ctx.coordinated_lists(candidates)
        ctx.resolve_pronoun_objects(candidates)
        ctx.support_statements(candidates)
        doc.spans[BODIES_GROUP] = ctx.merge(candidates)
        return doc

    # ------------------------------------------------------------------ serialisation
    def _settings(self) -> dict[str, Any]:
        """Return the factory settings, the component's whole state."""
        return {
            "heads_file": self.heads_file,
            "cues_file": self.cues_file,
            "countries_file": self.countries_file,
            "max_name_tokens": self.max_name_tokens,
            "carry_over": self.carry_over,
        }

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Write the component's settings (``cfg.json``) to the folder ``path``.

        The lexicons are bundled package resources named by the settings, so the settings are
        all the component's state.
        """
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        srsly.write_json(folder / "cfg.json", self._settings())

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> SummitBodies:
        """Return the component with the settings read from ``path`` and its lexicons reloaded."""
        cfg = srsly.read_json(Path(path) / "cfg.json")
        self.heads_file = cfg["heads_file"]
        self.cues_file = cfg["cues_file"]
        self.countries_file = cfg["countries_file"]
        self.max_name_tokens = int(cfg["max_name_tokens"])
        self.carry_over = bool(cfg["carry_over"])
        self.lexicon = BodyLexicon(self.nlp, self.heads_file, self.cues_file, self.countries_file)
        return self


@Language.factory(
    "summit_bodies",
    assigns=["doc.spans", "span._.summit_body"],
    requires=["token.dep", "token.lemma", "token.pos"],
    default_config={
        "heads_file": "body_heads.jsonl",
        "cues_file": "body_cues.jsonl",
        "countries_file": "leader_roles.jsonl",
        "max_name_tokens": 40,
        "carry_over": True,
    },
)
def make_bodies(
    nlp: Language,
    name: str,
    heads_file: str,
    cues_file: str,
    countries_file: str,
    max_name_tokens: int,
    carry_over: bool,
) -> SummitBodies:
    """Return the summit_bodies component configured from its factory config."""
    return SummitBodies(
        nlp,
        name,
        heads_file=heads_file,
        cues_file=cues_file,
        countries_file=countries_file,
        max_name_tokens=max_name_tokens,
        carry_over=carry_over,
    )
