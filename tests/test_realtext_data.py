"""Data entries added after reading real summit coverage (corpus/PHENOMENA.md, phase 1).

Every sentence here is invented; each reproduces a construction seen in several real articles
and fails without its data entry (pipeline/resources/officeholders.jsonl, quote_cues.jsonl).
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import LEADERS_GROUP, QUOTES_GROUP


def run(nlp: Language, text: str, date: str) -> Doc:
    """Run the full pipeline on ``text`` with ``date`` as the fallback document date."""
    doc = nlp.make_doc(text)
    doc._.summit_date = date
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.mark.parametrize(
    ("text", "date", "surface", "kb_id"),
    [
        # L-NAME-LONG-PATRONYMIC: the full Gulf naming chain, as attendee lists print it
        (
            "At the palace door in Jeddah, Mohammed bin Salman bin Abdulaziz Al Saud greeted each "
            "delegation in turn.",
            "2023-07-19",
            "Mohammed bin Salman bin Abdulaziz Al Saud",
            "mohammed-bin-salman",
        ),
        # L-TRANSLIT-VARIANT: Muhammad / Mohammed spellings of the same ruler
        (
            "Vice President and Prime Minister Muhammad bin Rashid Al Maktoum led the Emirati "
            "delegation to the Gulf summit.",
            "2023-07-19",
            "Muhammad bin Rashid Al Maktoum",
            "mohammed-bin-rashid-al-maktoum",
        ),
        # L-TRANSLIT-VARIANT: the full family name, and its spelling via Russian-language copy
        (
            "Among the observers at the summit was Ashraf Ghani Ahmadzai of Afghanistan.",
            "2019-06-14",
            "Ashraf Ghani Ahmadzai",
            "ashraf-ghani",
        ),
        (
            "Observers included Ashraf Gani Ahmadzai, who flew in from Kabul on Thursday.",
            "2019-06-14",
            "Ashraf Gani Ahmadzai",
            "ashraf-ghani",
        ),
    ],
)
def test_real_name_forms(nlp: Language, text: str, date: str, surface: str, kb_id: str) -> None:
    doc = run(nlp, text, date)
    names = {(s.text, s.kb_id_) for s in doc.spans[LEADERS_GROUP] if s.label_ == "name"}
    assert (surface, kb_id) in names


@pytest.mark.parametrize(
    ("text", "cue", "kb_id"),
    [
        # Q-CUE-HAIL: a partial quote as the complement of "hailed ... as"
        (
            "Emomali Rahmon, the host, hailed the meeting as “a turning point for the whole "
            "region.”",
            "hailed",
            "emomali-rahmon",
        ),
        # Q-CUE-HAIL, inverted: the cue and the name after the quotation
        (
            "“This is a day our grandchildren will remember,” hailed Shavkat Mirziyoyev.",
            "hailed",
            "shavkat-mirziyoyev",
        ),
        # Q-PARTIAL-OBJECT: a partial quote as the object of "welcomed"
        (
            "Kassym-Jomart Tokayev also welcomed “the readiness of our partners to invest in the "
            "northern corridor.”",
            "welcomed",
            "kassym-jomart-tokayev",
        ),
    ],
)
def test_real_quote_cues(nlp: Language, text: str, cue: str, kb_id: str) -> None:
    doc = run(nlp, text, "2023-07-19")
    quotes = [s._.summit_quote for s in doc.spans[QUOTES_GROUP]]
    assert len(quotes) == 1
    assert quotes[0]["cue"] == cue
    assert quotes[0]["speaker_kb_id"] == kb_id
