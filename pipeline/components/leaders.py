"""summit_leaders component (stub: being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class SummitLeaders:
    """Placeholder until the real component lands."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("summit_leaders", default_config={})
def make_leaders(nlp: Language, name: str) -> SummitLeaders:
    """Return the summit_leaders component."""
    return SummitLeaders(nlp, name)
