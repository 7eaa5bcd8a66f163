"""The gold-annotation format: one JSON file per document in corpus/gold/<doc_id>.json.

Every span carries character offsets into the raw text (corpus/raw/<doc_id>.txt, decoded as the
pipeline decodes it). `GoldDocument.check_against(text)` verifies every span's text.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Genre = Literal["analysis", "communique", "news", "press_release", "speech_report", "brief"]


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldSpan(_Gold):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class GoldMention(GoldSpan):
    kind: Literal["name", "surname", "role", "pronoun"]


class GoldLeader(_Gold):
    name: str = Field(description="Canonical name, as in the office-holder base.")
    country: str | None
    office: str | None = None
    mentions: list[GoldMention] = Field(description="Every mention (name, surname, role).")


class GoldQuote(GoldSpan):
    speaker: str | None = Field(
        description="Canonical leader name, a non-leader as written, or null."
    )
    speaker_mention: GoldSpan | None = None


class GoldBody(GoldSpan):
    kind: str | None = None
    status: Literal["proposed", "established", "adopted"]
    proposers: list[str]
    supporters: list[str] = Field(default_factory=list)


class GoldFigure(GoldSpan):
    value: float
    value_max: float | None = None
    unit: str
    qualifier: str | None = None


class GoldDocument(_Gold):
    doc_id: str
    genre: Genre
    date: str | None = None
    summit: str | None = Field(default=None, description="Which summit the text is about.")
    leaders: list[GoldLeader] = Field(default_factory=list)
    quotes: list[GoldQuote] = Field(default_factory=list)
    bodies: list[GoldBody] = Field(default_factory=list)
    figures: list[GoldFigure] = Field(default_factory=list)

    def spans(self) -> list[GoldSpan]:
        """Return every span in the document (mentions, quotes, speakers, bodies, figures)."""
        out: list[GoldSpan] = []
        for leader in self.leaders:
            out.extend(leader.mentions)
        for quote in self.quotes:
            out.append(quote)
            if quote.speaker_mention is not None:
                out.append(quote.speaker_mention)
        out.extend(self.bodies)
        out.extend(self.figures)
        return out

    def check_against(self, text: str) -> list[str]:
        """Return a list of problems: spans whose offsets do not select their text."""
        problems = []
        for span in self.spans():
            if span.end < span.start or span.end > len(text):
                problems.append(f"{span.start}-{span.end}: offsets out of range")
            elif text[span.start : span.end] != span.text:
                got = text[span.start : span.end]
                problems.append(
                    f"{span.start}-{span.end}: expected {span.text!r}, text has {got!r}"
                )
        return problems
