"""Shared fixtures: one full pipeline per test session, a blank English pipeline for pure rules."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline.nlp import build_nlp

ROOT = Path(__file__).resolve().parent.parent
CORPUS_RAW = ROOT / "corpus" / "raw"
CORPUS_GOLD = ROOT / "corpus" / "gold"
SEED_ID = "000_f6ddf534ac2df4fe"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full pipeline (base model + our four components), loaded once."""
    return build_nlp()


@pytest.fixture(scope="session")
def blank() -> Language:
    """A blank English pipeline for rules that need no statistical model."""
    return spacy.blank("en")


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article as the pipeline decodes it."""
    return (CORPUS_RAW / f"{SEED_ID}.txt").read_text(encoding="utf-8")
