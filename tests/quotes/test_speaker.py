"""summit_quotes, speaker resolution: mentions to canonical leaders or written names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.extensions import LEADERS_GROUP
from tests.quotes.helpers import quotes_of


def test_the_minister_is_the_minister_quoted_before(quotes_nlp: Language) -> None:
    text = (
        '"The summit was a success," said Kyrgyz Foreign Minister Jeenbek Kulubaev. '
        'The minister added that "all documents were signed."'
    )
    first, second = quotes_of(quotes_nlp(text))
    assert first["speaker"] == second["speaker"] == "Jeenbek Kulubaev"
    assert second["speaker_text"] == "The minister"


def test_non_leader_surname_gets_the_full_name(quotes_nlp: Language) -> None:
    text = (
        "Foreign Minister Qin Gang spoke later.\n\n"
        '"The summit mechanism now has a solid basis," Qin said.'
    )
    (q,) = quotes_of(quotes_nlp(text))
    assert q["speaker_text"] == "Qin"
    assert q["speaker"] == "Qin Gang"


def test_role_mention_resolves_through_leader_spans(linked_nlp: Language) -> None:
    doc = linked_nlp("As the President of Kyrgyzstan noted, “there are no unsolvable problems.”")
    (q,) = quotes_of(doc)
    assert q["speaker_kb_id"] == "kg-japarov"
    assert q["speaker"] == "Sadyr Japarov"
    assert q["speaker_text"] == "President of Kyrgyzstan"


def test_pronoun_resolves_to_most_recent_leader(linked_nlp: Language) -> None:
    text = (
        "Sadyr Japarov opened the meeting. Then the leader of Kazakhstan took the floor.\n\n"
        "“We must act together,” he said."
    )
    doc = linked_nlp(text)
    (q,) = quotes_of(doc)
    assert q["speaker_kb_id"] == "kz-tokayev"
    assert q["attribution"] == "pronoun"
    pronouns = [s for s in doc.spans[LEADERS_GROUP] if s.label_ == "pronoun"]
    assert [(s.text, s.kb_id_) for s in pronouns] == [("he", "kz-tokayev")]


def test_in_his_words_resolves_the_possessive(linked_nlp: Language) -> None:
    text = (
        "As Kassym-Jomart Tokayev noted, the region is recognised. This, in his words, "
        "“is evidenced by eight UN resolutions.”"
    )
    doc = linked_nlp(text)
    (q,) = quotes_of(doc)
    assert q["attribution"] == "in_words"
    assert q["speaker"] == "Kassym-Jomart Tokayev"
    assert q["cue"] == "in his words"


@pytest.mark.parametrize("phrase", ["in his words", "in his own words", "according to him"])
def test_pronoun_patterns_resolve_to_the_leader(linked_nlp: Language, phrase: str) -> None:
    text = f"Sadyr Japarov spoke first. The region, {phrase}, “is finally at peace with itself.”"
    (q,) = quotes_of(linked_nlp(text))
    assert q["speaker_kb_id"] == "kg-japarov"
    assert q["cue"] in (phrase, "according to")


def test_non_leader_speaker_keeps_the_name_as_written(linked_nlp: Language) -> None:
    doc = linked_nlp("“The talks were useful,” Anna Berg said after Japarov left.")
    (q,) = quotes_of(doc)
    assert q["speaker_kb_id"] is None
    assert q["speaker"] == "Anna Berg"


@pytest.mark.parametrize(
    ("text", "kb_id"),
    [
        (
            'Sadyr Japarov arrived late. His reply was short: "We will not take sides."',
            "kg-japarov",
        ),
        (
            "Kassym-Jomart Tokayev left early. Later he told reporters that the bloc needed "
            "‘a fresh start for its trade agenda’.",
            "kz-tokayev",
        ),
        (
            "The leader of Kazakhstan was firm. ‘The door is open, but the house has rules.’",
            "kz-tokayev",
        ),
        ("In the words of Japarov, the new railway «is a road to the sea».", "kg-japarov"),
    ],
)
def test_new_attributions_link_leaders(linked_nlp: Language, text: str, kb_id: str) -> None:
    (q,) = quotes_of(linked_nlp(text))
    assert q["speaker_kb_id"] == kb_id


def test_quoted_person_is_the_speaker_not_the_one_quoting(linked_nlp: Language) -> None:
    text = (
        "Sadyr Japarov spoke after lunch. He quoted his predecessor, Askar Akayev, that "
        "“the mountains teach patience.”"
    )
    (q,) = quotes_of(linked_nlp(text))
    assert q["speaker_kb_id"] is None  # Akayev is not in the stand-in leaders layer
    assert q["speaker"] == "Askar Akayev"
