"""Property tests over the whole pipeline: arbitrary text never crashes extraction, and every
record's span selects exactly its text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.export import doc_records

# Pieces that exercise every component: names, roles, cues, marks, numbers, body heads.
FRAGMENTS = [
    "President",
    "Tokayev",
    "Kasym – Jomart",
    "Mirziyoev",
    "the leader of Uzbekistan",
    "he",
    "said",
    "noted",
    "according to",
    "proposed",
    "to establish",
    "a Regional Council",
    "of",
    "Central Asia",
    "“",
    "”",
    '"',
    "«",
    "»",
    "„",
    "‘",
    "’",
    "'",
    ":",
    ",",
    ".",
    " – ",
    "$",
    "400",
    "billion",
    "5-6",
    "percent",
    "%",
    "twice",
    "doubled",
    "from 5.5 to 13.5",
    "2023",
    "fifth",
    "five-party",
    "\n\n",
    "\r\n",
    "\t",
    "Ж",
    "é",
    "🙂",
    "0",
    "1,200",
    "km",
]

texts = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map(" ".join),
    st.text(max_size=300),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=texts)
def test_arbitrary_text_never_crashes_and_offsets_are_true(nlp: Language, text: str) -> None:
    doc = nlp(text)
    records = doc_records("p", text, [(doc, 0)])
    for rec in [*records.quotes, *records.bodies, *records.figures]:
        assert text[rec.start : rec.end] == rec.text
        assert 0 <= rec.start <= rec.end <= len(text)
    for leader in records.leaders:
        for m in leader.mentions:
            assert text[m.start : m.end] == m.text
    for quote in records.quotes:
        if quote.speaker_start is not None:
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_text
