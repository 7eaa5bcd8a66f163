"""Fixtures of the leaders tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.nlp import load_base_model


@pytest.fixture(scope="module")
def lnlp() -> Language:
    """Base model + summit_leaders only (the component must not depend on later ones)."""
    nlp = load_base_model()
    nlp.add_pipe("summit_leaders")
    return nlp
