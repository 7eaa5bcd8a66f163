"""One figure under construction: its attributes and which rule decided each.

Every stage writes a figure's ``value``/``value_max`` only through :meth:`Figure.set_value` and
its ``kind``/``unit`` only through :meth:`Figure.set_unit`; each call names the rule that decided,
kept in ``decided_by`` (internal: it reaches ``span._.summit_figure`` for debugging, not the
records). Reads nothing from the Doc.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Figure:
    """A figure's span, value, unit and qualifier, with the rule behind value and unit."""

    start: int
    end: int
    qualifier: str | None = None
    value: float = 0.0
    value_max: float | None = None
    #: "down" for a range written high to low ("fell from 10 to 5 billion"); stored low-high
    direction: str | None = None
    kind: str = ""
    unit: str = ""
    decided_by: dict[str, str] = field(default_factory=dict)

    def set_value(
        self, value: float, value_max: float | None, rule: str, direction: str | None = None
    ) -> None:
        """Set value (and the upper end of a range), saying which rule read them."""
        self.value = float(value)
        self.value_max = None if value_max is None else float(value_max)
        self.direction = direction
        self.decided_by["value"] = rule

    def set_unit(self, kind: str, unit: str, rule: str) -> None:
        """Set the figure's kind and unit, saying which rule decided them."""
        self.kind, self.unit = kind, unit
        self.decided_by["unit"] = rule

    def as_dict(self) -> dict[str, Any]:
        """Return the plain dict stored in ``span._.summit_figure`` (context fields come later)."""
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "value_max": self.value_max,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "kind": self.kind,
            "decided_by": dict(self.decided_by),
        }
        if self.direction is not None:
            out["direction"] = self.direction
        return out
