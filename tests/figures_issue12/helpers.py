"""Shared checks for the issue-12 tables: one expected figure (or none) per surface string."""

from __future__ import annotations

import math
from typing import Any

import pytest
from spacy.language import Language

from pipeline.extensions import FIGURES_GROUP

PHASE2 = pytest.mark.xfail(strict=True, reason="issue 12 phase 2")

# (surface, value, value_max, unit): the figure overlapping the first occurrence of ``surface``
# has these values; value None means no figure may overlap ``surface``.
Expect = tuple[str, float | None, float | None, str | None]


def figures(nlp: Language, text: str) -> list[dict[str, Any]]:
    """Return the figure dicts of ``text``."""
    doc = nlp(text)
    return [dict(span._.summit_figure) for span in doc.spans[FIGURES_GROUP]]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-3)


def check(nlp: Language, text: str, expected: list[Expect]) -> None:
    """Assert every expectation of ``expected`` on the figures of ``text``."""
    found = figures(nlp, text)
    for surface, value, value_max, unit in expected:
        start = text.find(surface)
        assert start >= 0, f"bad table: {surface!r} is not in the text"
        end = start + len(surface)
        over = [f for f in found if f["start"] < end and start < f["end"]]
        shown = [(text[f["start"] : f["end"]], f["value"], f["value_max"], f["unit"]) for f in over]
        if value is None:
            assert not over, f"{surface!r} is not a figure, got {shown}"
            continue
        assert len(over) == 1, f"{surface!r}: expected one figure, got {shown}"
        fig = over[0]
        got = (fig["value"], fig["value_max"], fig["unit"])
        assert _close(fig["value"], value), f"{surface!r}: value {got}"
        assert _close(fig["value_max"], value_max), f"{surface!r}: value_max {got}"
        assert fig["unit"] == unit, f"{surface!r}: unit {got}"
