"""summit_quotes component (stub: being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class SummitQuotes:
    """Placeholder until the real component lands."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("summit_quotes", default_config={})
def make_quotes(nlp: Language, name: str) -> SummitQuotes:
    """Return the summit_quotes component."""
    return SummitQuotes(nlp, name)
