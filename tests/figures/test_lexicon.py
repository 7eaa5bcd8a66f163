"""The vocabulary: units.jsonl validates and holds every kind of line the stages read."""

from __future__ import annotations

from pipeline.components.figures import UnitEntry
from pipeline.resources import load_jsonl


def test_units_resource_is_valid() -> None:
    entries = load_jsonl("units.jsonl", UnitEntry)
    types = {e.kind for e in entries}
    assert {"currency", "percent", "multiplier", "scale", "number", "unit", "qualifier"} <= types
