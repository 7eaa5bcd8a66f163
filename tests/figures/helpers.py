"""Helpers shared by the figures tests: run the pipeline, compare values, assert one figure."""

from __future__ import annotations

import math
from typing import Any

from spacy.language import Language

from pipeline.extensions import FIGURES_GROUP


def figures(nlp: Language, text: str) -> list[dict[str, Any]]:
    """Return the figure dicts of ``text`` with their span text added."""
    doc = nlp(text)
    out = []
    for span in doc.spans[FIGURES_GROUP]:
        fig = dict(span._.summit_figure)
        fig["text"] = doc.text[fig["start"] : fig["end"]]
        out.append(fig)
    return out


def close(a: float | None, b: float | None) -> bool:
    """Return True when two optional values are equal within 1e-9 (None only equals None)."""
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9)


def assert_one_figure(
    nlp: Language,
    text: str,
    span: str,
    value: float,
    value_max: float | None,
    unit: str,
    qualifier: str | None,
) -> None:
    """Assert that ``text`` holds exactly one figure, with these span and attributes."""
    found = figures(nlp, text)
    assert [f["text"] for f in found] == [span]
    assert close(found[0]["value"], value)
    assert close(found[0]["value_max"], value_max)
    assert found[0]["unit"] == unit
    assert found[0]["qualifier"] == qualifier
