"""Property tests: random texts with random quotation marks never break summit_quotes."""

from __future__ import annotations

import re

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.components import quotes as _quotes  # noqa: F401  (registers the factory)
from pipeline.components.quotes import MARK_CHARS, pair_marks
from pipeline.extensions import QUOTED_NAMES_GROUP, QUOTES_GROUP
from pipeline.nlp import load_base_model

_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_NLP: Language = spacy.blank("en")
_NLP.add_pipe("summit_quotes")

# Words (some of them cues and title nouns), every mark style, punctuation and paragraph breaks.
_PIECES = st.sampled_from(
    [
        "Tokayev",
        "he",
        "said",
        "noted",
        "according to",
        "in his words",
        "the",
        "format",
        "green",
        "Central Asia",
        "it's",
        "region’s",
        "O‘zbekiston",
        ",",
        ".",
        ":",
        " – ",
        "\n",
        "\n\n",
        " ",
        *sorted(MARK_CHARS),
    ]
)
_TEXTS = st.lists(_PIECES, max_size=40).map(" ".join) | st.text(
    alphabet=st.sampled_from(sorted(MARK_CHARS) + list("ab .,\n'")), max_size=60
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_pairs_are_nested_and_open_on_marks(text: str) -> None:
    pairs = pair_marks(text)
    for p in pairs:
        assert text[p.open] in MARK_CHARS
        assert p.open < p.close <= len(text)
        if p.closed:
            assert text[p.close] in MARK_CHARS
        else:  # an unclosed segment stops at its paragraph's end, never further
            assert not _BLANK_LINE.search(text[p.start : p.end])
    for a in pairs:
        for b in pairs:
            # pairs never cross: disjoint or one inside the other
            assert (
                a.close < b.open
                or b.close < a.open
                or (
                    (a.open <= b.open and b.close <= a.close)
                    or (b.open <= a.open and a.close <= b.close)
                )
            )


def _check_offsets(text: str, nlp: Language) -> None:
    doc = nlp(text)
    for span in doc.spans[QUOTES_GROUP]:
        q = span._.summit_quote
        start, end = q["start"], q["end"]
        assert 0 < start <= end <= len(text)
        assert text[start - 1] in MARK_CHARS
        inner = text[start:end]
        assert inner.strip(), "empty quotations are not reported"
        # the span is the tokens covering exactly the quoted characters
        assert span.start_char <= start + len(inner) - len(inner.lstrip())
        assert span.end_char >= start + len(inner.rstrip())
        if q["speaker_start"] is not None:
            assert text[q["speaker_start"] : q["speaker_end"]] == q["speaker_text"]
        if q["cue_start"] is not None:
            assert text[q["cue_start"] : q["cue_end"]] == q["cue"]
    for span in doc.spans[QUOTED_NAMES_GROUP]:
        assert span.label_ in ("NAME", "SCARE")
        q = span._.summit_quote
        assert text[q["start"] - 1] in MARK_CHARS and q["end"] <= len(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_component_offsets_select_the_quoted_text(text: str) -> None:
    _check_offsets(text, _NLP)


_PARSED: list[Language] = []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_parsed_pipeline_offsets_select_the_quoted_text(text: str) -> None:
    # The parser-driven paths (subjects, noun phrases) on a few examples: the base model, once.
    if not _PARSED:
        nlp = load_base_model()
        nlp.add_pipe("summit_quotes")
        _PARSED.append(nlp)
    _check_offsets(text, _PARSED[0])
