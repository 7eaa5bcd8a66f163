"""summit_figures component (stub: being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class SummitFigures:
    """Placeholder until the real component lands."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("summit_figures", default_config={})
def make_figures(nlp: Language, name: str) -> SummitFigures:
    """Return the summit_figures component."""
    return SummitFigures(nlp, name)
