"""The JSONL contract: one pydantic model per output file.

Field order here is the key order in the JSONL files; changing it changes every output line.
Every span-bearing record has `start`/`end` character offsets into the decoded document text,
and `text[start:end] == record.text`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

MentionKind = Literal["name", "surname", "role", "pronoun"]
BodyStatus = Literal["proposed", "established", "adopted"]
DateSource = Literal[
    "text", "text_dateline_year", "summit_calendar", "front_matter", "option", "none"
]
# The date sources that mean the text dated itself (pipeline/components/leaders/dates.py).
TEXT_DATE_SOURCES: tuple[str, ...] = ("text", "text_dateline_year", "summit_calendar")
#: The rules that may decide a body's status, proposers or supporters (README, "Bodies":
#: attribution). One closed set for the three attributes; the README's table says which
#: attribute each value can decide.
BodyRule = Literal[
    "cue_path",
    "nominal_cue",
    "owned_idea",
    "supported_idea",
    "joint_decision",
    "earlier_proposal",
    "advocated",
    "participle",
    "relative_clause",
    "gapping",
    "list_item",
    "enumeration_item",
    "coordinated",
    "pronoun_object",
    "agent",
    "unnamed_agent",
    "quote_speaker",
    "reporting_leader",
    "according_to",
    "carry_over",
    "dash_gapping",
    "support_clause",
    "idea_backer",
    "support_statement",
    "endorsement",
    "merge",
    "none",
]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RecordCounts(_Record):
    """How many records of each type a document produced."""

    leaders: int = 0
    quotes: int = 0
    bodies: int = 0
    figures: int = 0


class DocumentRecord(_Record):
    """One line of documents.jsonl: a successfully processed input file."""

    doc_id: str
    path: str = Field(description="Input path as given (relative paths stay relative).")
    sha256: str = Field(description="sha256 of the raw input bytes.")
    encoding: str = Field(description="Encoding the bytes were decoded with, e.g. utf-8, cp1251.")
    chars: int = Field(description="Length of the decoded text; all offsets index this text.")
    date: str | None = Field(description="ISO date used to resolve role mentions, or null.")
    date_source: DateSource = Field(
        default="none",
        description=(
            "Where date came from: text (a full date in the text), text_dateline_year (the "
            "opening's day and month, the year from the text), summit_calendar (the opening's "
            "day and month, the year from the calendar meeting the text names), front_matter, "
            "option (--date), none."
        ),
    )
    date_raw: str | None = Field(
        default=None,
        description="A front-matter date that is not YYYY-MM-DD, as written (date is then not it).",
    )
    title: str | None = None
    source: str | None = None
    series: str | None = Field(
        default=None,
        description="The summit series the text reports (ids of summit_series.jsonl), or null.",
    )
    counts: RecordCounts
    pipeline_version: str
    model: str


class LeaderMention(_Record):
    start: int
    end: int
    text: str
    kind: MentionKind


class LeaderRecord(_Record):
    """One line of leaders.jsonl: one person per document, with every mention."""

    doc_id: str
    id: str = Field(description="Stable id: '<doc_id>:leader:<kb_id>'.")
    kb_id: str = Field(
        description="Knowledge-base id of the person ('x-<slug>' when not in the base)."
    )
    name: str = Field(description="Canonical name.")
    country: str | None = Field(description="Country; null for an international organisation.")
    office: str | None = Field(description="e.g. 'President of Uzbekistan'.")
    organisation: str | None = Field(description="International organisation, for its officials.")
    in_kb: bool = Field(description="False when found only through a title in the text.")
    start: int = Field(description="Start of the first mention.")
    end: int = Field(description="End of the first mention.")
    text: str = Field(description="Text of the first mention.")
    mentions: list[LeaderMention]


class QuoteRecord(_Record):
    """One line of quotes.jsonl: a direct quotation with its speaker."""

    doc_id: str
    id: str = Field(description="Stable id: '<doc_id>:quote:<start>-<end>'.")
    text: str = Field(description="Exactly the characters between the quotation marks.")
    start: int
    end: int
    speaker: str | None = Field(description="Canonical leader name, the name as written, or null.")
    speaker_id: str | None = Field(description="Id of the speaker's leaders.jsonl record, or null.")
    speaker_text: str | None = Field(description="The speaker mention as written.")
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None = Field(description="The cue (verb or phrase) as written.")
    cue_start: int | None
    cue_end: int | None
    attribution: str = Field(
        description="How the speaker was found, e.g. cue_subject, according_to, pronoun, "
        "clause_subject, byline, split, none."
    )


class BodyMention(_Record):
    start: int
    end: int
    text: str


class BodyAttribution(_Record):
    """Which rule decided each of a body's attributes (the last rule that wrote it)."""

    status: BodyRule
    proposers: BodyRule
    supporters: BodyRule


class BodyRecord(_Record):
    """One line of bodies.jsonl: a body proposed, established or adopted in the text."""

    doc_id: str
    id: str = Field(description="Stable id: '<doc_id>:body:<start>-<end>'.")
    name: str = Field(description="The body's name as written at its main mention.")
    text: str = Field(description="Same as name; text[start:end].")
    kind: str = Field(description="Class of the head noun: council, centre, platform, ...")
    start: int
    end: int
    status: BodyStatus
    proposers: list[str] = Field(
        description="Canonical leader names or country names; [] = collective."
    )
    supporters: list[str] = Field(default_factory=list)
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    mentions: list[BodyMention]
    attribution: BodyAttribution = Field(
        default_factory=lambda: BodyAttribution(status="none", proposers="none", supporters="none"),
        description="The rule that decided status, proposers and supporters (README: Bodies); "
        "all 'none' when read from a file written before the field existed.",
    )


class FigureRecord(_Record):
    """One line of figures.jsonl: a number, normalised."""

    doc_id: str
    id: str = Field(description="Stable id: '<doc_id>:figure:<start>-<end>'.")
    text: str
    start: int
    end: int
    value: float = Field(
        allow_inf_nan=False, description="Finite; the low end of a range (value <= value_max)."
    )
    value_max: float | None = Field(
        allow_inf_nan=False, description="High end of a range, or null; never below value."
    )
    unit: str = Field(description="ISO currency code, percent, times, count, SI unit, unspecified.")
    qualifier: str | None = Field(
        description="about, almost, more_than, less_than, at_least, up_to, or null."
    )
    kind: str = Field(description="money, percent, multiplier, count, quantity.")
    metric: str | None = Field(description="What is measured, from the governing noun phrase.")
    period: str | None = Field(description="Years or year range stated in the same clause.")
    subject: str | None = Field(description="Country or region the figure is about, when stated.")

    @model_validator(mode="after")
    def _low_high(self) -> FigureRecord:
        """A range is stored low-high: the export edge swaps a downward pair before this."""
        if self.value_max is not None and self.value > self.value_max:
            raise ValueError(f"value {self.value} is above value_max {self.value_max}")
        return self


class ErrorRecord(_Record):
    """One line of errors.jsonl: an input that could not be processed."""

    path: str
    kind: str = Field(description="e.g. binary, decode, read, duplicate_doc_id, pipeline.")
    message: str


class WarningRecord(_Record):
    """A problem a run worked around (a bad front-matter date, a dropped non-finite figure, two
    records under one id). Shown in the run summary; the document is still processed."""

    path: str
    kind: str = Field(description="e.g. bad_date, non_finite_figure, duplicate_id.")
    message: str


RECORD_TYPES: dict[str, type[BaseModel]] = {
    "documents": DocumentRecord,
    "leaders": LeaderRecord,
    "quotes": QuoteRecord,
    "bodies": BodyRecord,
    "figures": FigureRecord,
    "errors": ErrorRecord,
}
