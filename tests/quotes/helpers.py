"""Helpers of the summit_quotes tests: read the span groups back as plain values."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.quotes import MARK_CHARS
from pipeline.extensions import QUOTED_NAMES_GROUP, QUOTES_GROUP

BLANK_LINE = re.compile(r"\n[ \t\r]*\n")

# Words (some of them cues and title nouns), every mark style, punctuation and paragraph breaks.
PIECES = st.sampled_from(
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
TEXTS = st.lists(PIECES, max_size=40).map(" ".join) | st.text(
    alphabet=st.sampled_from(sorted(MARK_CHARS) + list("ab .,\n'")), max_size=60
)


def quotes_of(doc: Doc) -> list[dict[str, Any]]:
    """Return the quote dicts of ``doc``."""
    return [dict(s._.summit_quote) for s in doc.spans[QUOTES_GROUP]]


def texts_of(doc: Doc) -> list[str]:
    """Return the quoted texts of ``doc``."""
    return [doc.text[q["start"] : q["end"]] for q in quotes_of(doc)]


def names_of(doc: Doc) -> list[tuple[str, str]]:
    """Return ``(text, label)`` of the quoted names and scare quotes of ``doc``."""
    out = []
    for s in doc.spans[QUOTED_NAMES_GROUP]:
        q = s._.summit_quote
        out.append((doc.text[q["start"] : q["end"]], s.label_))
    return out


def check_new_attribution(
    nlp: Language, text: str, quote: str, speaker: str | None, how: str
) -> None:
    """Assert ``quote`` is found in ``text`` with speaker mention ``speaker`` found by ``how``."""
    doc = nlp(text)
    found = {doc.text[q["start"] : q["end"]]: q for q in quotes_of(doc)}
    assert quote in found, f"quote not found; got {list(found)}"
    q = found[quote]
    assert q["speaker_text"] == speaker
    if speaker is not None:
        assert doc.text[q["speaker_start"] : q["speaker_end"]] == speaker
        assert q["cue"] is not None
    else:
        assert q["speaker"] is None
    assert q["attribution"] == how
