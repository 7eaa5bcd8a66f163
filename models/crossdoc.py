"""Cross-document records: initiatives.jsonl and people.jsonl (``summit link``), and their gold.

These are made from the per-document output files, never from spaCy objects: an initiative
groups body records of several documents, a person gathers one leader's records of every
document. Field order here is the key order in the JSONL files.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

BodyStatus = Literal["proposed", "established", "adopted"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class InitiativeEvent(_Record):
    """One body record of one document, as a step in an initiative's timeline."""

    doc_id: str
    date: str | None = Field(description="The document's date (documents.jsonl), or null.")
    status: BodyStatus
    name: str = Field(description="The body's name as written in this document.")
    proposers: list[str]
    supporters: list[str]
    body_id: str = Field(description="Id of the bodies.jsonl record: '<doc_id>:body:<s>-<e>'.")


class InitiativeRecord(_Record):
    """One line of initiatives.jsonl: the same body proposed, established or adopted over time."""

    id: str = Field(
        description="Stable id: '<slug of the canonical name>-<8 hex of sha1 of the sorted body "
        "ids>'; it changes only when the initiative's members change."
    )
    name: str = Field(description="Canonical name: the most frequent full form (see README).")
    names: list[str] = Field(description="Every distinct name seen, sorted.")
    kind: str = Field(description="Kind of the canonical name's body (council, centre, ...).")
    series: str | None = Field(
        description="Summit series id from resources/summit_series.jsonl, or null."
    )
    status: BodyStatus = Field(description="The furthest status reached: adopted > established.")
    first_date: str | None
    last_date: str | None
    documents: list[str] = Field(description="Sorted doc ids.")
    timeline: list[InitiativeEvent] = Field(
        description="Sorted by (date, doc_id, start); undated documents last."
    )


class PersonOffice(_Record):
    """An office a person held during the period of the corpus (from officeholders.jsonl)."""

    office: str
    country: str | None
    organisation: str | None
    start: str
    end: str | None


class PersonRecord(_Record):
    """One line of people.jsonl: one leader across every document."""

    kb_id: str
    name: str = Field(description="Canonical name (knowledge base, else the records' name).")
    country: str | None
    in_kb: bool
    offices: list[PersonOffice] = Field(
        description="Knowledge-base offices overlapping the dates of the person's documents."
    )
    documents: list[str] = Field(description="Sorted doc ids of the documents naming the person.")
    first_date: str | None
    last_date: str | None
    mentions: int = Field(description="Mentions over all documents.")
    quotes: int = Field(description="Quotations attributed to the person.")
    proposed: list[str] = Field(description="Ids of initiatives the person proposed, sorted.")
    supported: list[str] = Field(description="Ids of initiatives the person supported, sorted.")


CROSSDOC_TYPES: dict[str, type[BaseModel]] = {
    "initiatives": InitiativeRecord,
    "people": PersonRecord,
}
"""The files ``summit link`` writes next to the six per-document files."""


# ------------------------------------------------------------------------------------- gold


class GoldBodyRef(BaseModel):
    """A gold body, named as the gold files give it: document and character offsets."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class GoldInitiative(BaseModel):
    """Gold bodies of several documents that are one initiative."""

    model_config = ConfigDict(extra="forbid")

    id: str
    members: list[GoldBodyRef] = Field(min_length=2)


class GoldInitiatives(BaseModel):
    """corpus/initiatives.json: the cross-document grouping of the gold bodies.

    Only groups of two or more bodies are listed; every other gold body is its own initiative.
    """

    model_config = ConfigDict(extra="forbid")

    description: str = ""
    gold_dirs: list[str] = Field(
        description="Gold folders (relative to this file) whose bodies are the elements."
    )
    groups: list[GoldInitiative]
