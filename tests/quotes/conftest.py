"""Fixtures of the summit_quotes tests: the base model with the component, with and without a
hand-made leaders layer (so kb-id linking is tested on its own)."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import LEADERS_GROUP
from pipeline.nlp import load_base_model


@pytest.fixture(scope="session")
def quotes_nlp() -> Language:
    """Base model + summit_quotes only: speakers stay as written (no leaders component)."""
    nlp = load_base_model()
    nlp.add_pipe("summit_quotes")
    return nlp


# A stand-in for the leaders component, so the kb-id linking is tested on its own: it marks
# the mentions listed here, the way the real component writes doc.spans["leaders"].
_FAKE_PEOPLE = {
    "kg-japarov": {
        "name": "Sadyr Japarov",
        "country": "Kyrgyzstan",
        "office": "President of Kyrgyzstan",
    },
    "kz-tokayev": {
        "name": "Kassym-Jomart Tokayev",
        "country": "Kazakhstan",
        "office": "President of Kazakhstan",
    },
}
_FAKE_MENTIONS = [
    (r"President of Kyrgyzstan", "kg-japarov", "role"),
    (r"Sadyr Japarov", "kg-japarov", "name"),
    (r"(?<!Sadyr )Japarov", "kg-japarov", "surname"),
    (r"leader of Kazakhstan", "kz-tokayev", "role"),
    (r"Kassym-Jomart Tokayev", "kz-tokayev", "name"),
    (r"(?<!Jomart )Tokayev", "kz-tokayev", "surname"),
]


@Language.component("test_fake_leaders")
def _fake_leaders(doc: Doc) -> Doc:
    spans = []
    for pattern, kb_id, label in _FAKE_MENTIONS:
        for m in re.finditer(pattern, doc.text):
            span = doc.char_span(m.start(), m.end(), label=label, kb_id=kb_id)
            if span is not None:
                spans.append(span)
    doc.spans[LEADERS_GROUP] = spans
    doc._.summit_leaders = {
        k: {**v, "organisation": None, "in_kb": True} for k, v in _FAKE_PEOPLE.items()
    }
    return doc


@pytest.fixture(scope="session")
def linked_nlp() -> Language:
    """Base model + a hand-made leaders layer + summit_quotes."""
    nlp = load_base_model()
    nlp.add_pipe("test_fake_leaders")
    nlp.add_pipe("summit_quotes")
    return nlp
