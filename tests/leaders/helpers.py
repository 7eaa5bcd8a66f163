"""Helpers for the leaders tests: run a pipeline on a text with a date, list the mentions."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import LEADERS_GROUP

SEED = Path(__file__).resolve().parents[2] / "corpus" / "raw" / "000_f6ddf534ac2df4fe.txt"


def run(nlp: Language, text: str, date: str | None = None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.summit_date = date
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def mentions(doc: Doc) -> list[tuple[str, str, str]]:
    """(text, kind, kb id) of every leader mention."""
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans[LEADERS_GROUP]]
