"""Helpers shared by the bodies tests: body dicts and (name, status, proposers) triples."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from pipeline.extensions import BODIES_GROUP

Body = tuple[str, str, list[str]]  # (name, status, proposers)


def bodies(doc: Doc) -> list[dict[str, Any]]:
    """Return the body dicts of ``doc`` with their name added, in text order."""
    out = []
    for span in doc.spans[BODIES_GROUP]:
        body = dict(span._.summit_body)
        body["name"] = doc.text[body["start"] : body["end"]]
        out.append(body)
    return sorted(out, key=lambda b: b["start"])


def triples(doc: Doc) -> list[Body]:
    """Return (name, status, proposers) per body."""
    return [(b["name"], b["status"], b["proposers"]) for b in bodies(doc)]


def triples_of(found: list[dict[str, Any]]) -> list[Body]:
    """Return (name, status, proposers) of body dicts."""
    return [(b["name"], b["status"], b["proposers"]) for b in found]
