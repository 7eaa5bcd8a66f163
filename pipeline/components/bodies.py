"""summit_bodies component (stub: being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class SummitBodies:
    """Placeholder until the real component lands."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("summit_bodies", default_config={})
def make_bodies(nlp: Language, name: str) -> SummitBodies:
    """Return the summit_bodies component."""
    return SummitBodies(nlp, name)
