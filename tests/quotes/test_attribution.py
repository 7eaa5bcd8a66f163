"""summit_quotes, attribution: which mention speaks a quotation, by which rule."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from tests.quotes.helpers import check_new_attribution, quotes_of

ATTRIBUTION_CASES = [
    # (text, quote text, speaker_text, cue, attribution)
    (
        "As the President of Kyrgyzstan noted, “we need to find common approaches and join forces.”",
        "we need to find common approaches and join forces.",
        "the President of Kyrgyzstan",
        "noted",
        "cue_subject",
    ),
    (
        "“We will double trade by 2030,” Tokayev said.",
        "We will double trade by 2030,",
        "Tokayev",
        "said",
        "cue_subject",
    ),
    (
        "Tokayev said: “We will double trade by 2030.”",
        "We will double trade by 2030.",
        "Tokayev",
        "said",
        "cue_subject",
    ),
    (
        "“Our trade has grown,” said Commissioner Anna Berg, “and it will grow further.”",
        "and it will grow further.",
        "Anna Berg",
        "said",
        "split",
    ),
    (
        "Thus, according to the mayor of the city, “the new bridge will open in a year.”",
        "the new bridge will open in a year.",
        "the mayor of the city",
        "according to",
        "according_to",
    ),
    (
        "The leader of Tajikistan called for achieving a “strategic breakthrough in the economic "
        "direction,” using the full potential of the region.",
        "strategic breakthrough in the economic direction,",
        "The leader of Tajikistan",
        "called for",
        "clause_subject",
    ),
    (
        "Hugh Hill, the mayor, said: “The market will reopen on Monday.”",
        "The market will reopen on Monday.",
        "Hugh Hill",
        "said",
        "cue_subject",
    ),
    (
        "“Central Asia is not a periphery of great-power politics.” – President Kassym-Jomart "
        "Tokayev",
        "Central Asia is not a periphery of great-power politics.",
        "Kassym-Jomart Tokayev",
        None,
        "byline",
    ),
    (
        "From President Biden: “This is the first time our six nations have come together.”",
        "This is the first time our six nations have come together.",
        "Biden",
        None,
        "byline",
    ),
    (
        "“We are ready to cooperate,” — said Kassym-Jomart Tokayev.",
        "We are ready to cooperate,",
        "Kassym-Jomart Tokayev",
        "said",
        "cue_subject",
    ),
    (
        "Speaking at the summit, Shavkat Mirziyoyev noted: «Central Asia must speak as one.»",
        "Central Asia must speak as one.",
        "Shavkat Mirziyoyev",
        "noted",
        "cue_subject",
    ),
    (
        "The Kazakh leader was quoted as saying: “Our doors are open to investors.”",
        "Our doors are open to investors.",
        "The Kazakh leader",
        "saying",
        "cue_subject",
    ),
    (
        "Rahmon warned that the Taliban “cannot be trusted with water”, adding that it matters.",
        "cannot be trusted with water",
        "Rahmon",
        "warned",
        "clause_subject",
    ),
    (
        "Hungarian Prime Minister Viktor Orban: “Hungary is the bridge between two worlds.”",
        "Hungary is the bridge between two worlds.",
        "Viktor Orban",
        None,
        "colon",
    ),
]


# A speaker phrase that contains a person's name is reported by the name (as the gold does).
@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "how"), ATTRIBUTION_CASES)
def test_attribution(
    quotes_nlp: Language, text: str, quote: str, speaker: str, cue: str | None, how: str
) -> None:
    doc = quotes_nlp(text)
    found = {doc.text[q["start"] : q["end"]]: q for q in quotes_of(doc)}
    assert quote in found, f"quote not found; got {list(found)}"
    q = found[quote]
    assert q["speaker_text"] == speaker
    assert doc.text[q["speaker_start"] : q["speaker_end"]] == speaker
    assert q["cue"] == cue
    if cue is not None:
        assert doc.text[q["cue_start"] : q["cue_end"]] == cue
    assert q["attribution"] == how
    assert q["speaker_kb_id"] is None  # no leaders component: nobody is a leader


@pytest.mark.parametrize(
    ("lead", "speaker"),
    [("The mayor of the city said:", "The mayor of the city"), ("Hugh Hill:", "Hugh Hill")],
)
def test_quote_paragraph_after_a_colon_paragraph(
    quotes_nlp: Language, lead: str, speaker: str
) -> None:
    doc = quotes_nlp(f"{lead}\n\n“The market will reopen on Monday after the repairs.”")
    (q,) = quotes_of(doc)
    assert q["speaker_text"] == speaker


def test_quote_paragraph_after_a_plain_paragraph_has_no_speaker(quotes_nlp: Language) -> None:
    doc = quotes_nlp("The mayor of the city said so.\n\n“The market will reopen on Monday.”")
    (q,) = quotes_of(doc)
    assert q["speaker"] is None


def test_unnamed_source_is_no_speaker(quotes_nlp: Language) -> None:
    doc = quotes_nlp("“This is only the beginning of a long road,” a senior Gulf official said.")
    (q,) = quotes_of(doc)
    assert q["speaker"] is None and q["speaker_text"] is None
    assert q["cue"] == "said"


def test_passive_cue_subject_is_what_was_said(quotes_nlp: Language) -> None:
    text = (
        "Lord Curzon wrote a book in which he described the region with a sentence that has "
        "been quoted ever since: “To many these names breathe only a sense of remoteness.”"
    )
    (q,) = quotes_of(quotes_nlp(text))
    assert q["speaker_text"] != "a sentence"
    assert q["speaker"] is not None and "Curzon" in q["speaker"]


def test_quote_without_any_cue_has_no_speaker(quotes_nlp: Language) -> None:
    doc = quotes_nlp("The weather was fine.\n\n“Central Asia is changing fast and for good.”")
    (q,) = quotes_of(doc)
    assert q["speaker"] is None and q["attribution"] == "none"


def test_follow_up_quote_in_paragraph_continues_the_speaker(quotes_nlp: Language) -> None:
    doc = quotes_nlp("“Trade reached a record,” Tokayev said. “We are ready to double it.”")
    first, second = quotes_of(doc)
    assert second["speaker_text"] == first["speaker_text"] == "Tokayev"
    assert second["attribution"] == "continuation"


def test_quote_over_paragraphs_keeps_its_speaker(quotes_nlp: Language) -> None:
    text = 'Tokayev told the forum: "We will build a railway.\n\n"It will link the sea with China."'
    first, second = quotes_of(quotes_nlp(text))
    assert (first["speaker_text"], first["attribution"]) == ("Tokayev", "cue_subject")
    assert (second["speaker_text"], second["attribution"]) == ("Tokayev", "continuation")
    assert text[first["start"] : first["end"]] == "We will build a railway."


def test_cue_ending_its_sentence_is_not_a_split(quotes_nlp: Language) -> None:
    text = "“Is the road open?” asked the driver. “It opened in May,” the guard replied."
    first, second = quotes_of(quotes_nlp(text))
    assert first["speaker_text"] == "the driver"
    assert (second["speaker_text"], second["attribution"]) == ("the guard", "cue_subject")


def test_narration_between_quotes_stops_the_continuation(quotes_nlp: Language) -> None:
    text = (
        "“Trade must grow,” Tokayev said. The delegations then moved to the next item of a long "
        "agenda. “The weather in the mountains was unusually warm this year.”"
    )
    first, second = quotes_of(quotes_nlp(text))
    assert first["speaker_text"] == "Tokayev"
    assert second["speaker"] is None


# (text, quote, speaker_text or None, attribution)
POSSESSIVE_CASES: list[tuple[str, str, str | None, str]] = [
    (
        "Rahmon's warning was stark: ‘The glaciers are melting faster than ever before.’",
        "The glaciers are melting faster than ever before.",
        "Rahmon",
        "possessive",
    ),
    (
        "The Uzbek leader's conclusion: «Connectivity is the key to prosperity.»",
        "Connectivity is the key to prosperity.",
        "The Uzbek leader",
        "possessive",
    ),
    (
        'The reply of Emomali Rahmon was short: "Tajikistan will build the dam."',
        "Tajikistan will build the dam.",
        "Emomali Rahmon",
        "possessive",
    ),
    (
        # a surname the tagger types as a place, known as a person from an earlier mention
        "We interviewed Aigul Nurlanova, an economist at a bank in Almaty. Nurlanova's final "
        'assessment: "The summit delivered more than it promised."',
        "The summit delivered more than it promised.",
        "Nurlanova",
        "possessive",
    ),
    (
        "Tokayev's reply to the critics was simple:\n\n“We will not choose between our "
        "neighbours.”",
        "We will not choose between our neighbours.",
        "Tokayev",
        "possessive",
    ),
    # negatives: the owner is no person, or the noun names no speech
    (
        'The summit\'s message was clear: "Central Asia is open for business."',
        "Central Asia is open for business.",
        None,
        "none",
    ),
    (
        'Kazakhstan\'s position was firm: "The Caspian must remain a sea of peace."',
        "The Caspian must remain a sea of peace.",
        None,
        "none",
    ),
    (
        "Tokayev's plane was late: “The weather over the mountains closed the airport.”",
        "The weather over the mountains closed the airport.",
        None,
        "none",
    ),
]

PATTERN_GAP_CASES: list[tuple[str, str, str | None, str]] = [
    (
        "In the words of Tokayev, the region «must speak with one voice on water».",
        "must speak with one voice on water",
        "Tokayev",
        "in_words",
    ),
    (
        "According to Rahmon, the glaciers ‘are melting faster than ever before.’",
        "are melting faster than ever before.",
        "Rahmon",
        "according_to",
    ),
    (
        "In her words, the new corridor “will cut the journey to Europe by a week.”",
        "will cut the journey to Europe by a week.",
        "her",
        "in_words",
    ),
    (
        "In Rahmon's own words, «the glaciers are our savings account».",
        "the glaciers are our savings account",
        "Rahmon",
        "in_words",
    ),
    (
        "In Mirziyoyev's view, the new corridor ‘will pay for itself within a decade.’",
        "will pay for itself within a decade.",
        "Mirziyoyev",
        "in_words",
    ),
    # negative: a clause with its own speech verb is not framed by the pattern
    (
        'According to reports, Tokayev told the forum that the region "must stay united."',
        "must stay united.",
        "Tokayev",
        "clause_subject",
    ),
]

SOURCE_CASES: list[tuple[str, str, str | None, str]] = [
    (
        'Rahmon quoted the Persian poet Rudaki: "The world is a journey and we are its '
        'passengers."',
        "The world is a journey and we are its passengers.",
        "Rudaki",
        "cue_subject",
    ),
    (
        "She quoted the founder of the party, Askar Bekov, who led it for years, that "
        '"unity is our only capital."',
        "unity is our only capital.",
        "Askar Bekov",
        "clause_subject",
    ),
    (
        'The newspaper quoted Abai, the poet, as saying "knowledge is the key to everything."',
        "knowledge is the key to everything.",
        "Abai",
        "cue_subject",
    ),
    # negatives: a quoted thing is no speaker; the one who quotes it is
    (
        'Tokayev quoted an old proverb: "Water is the source of life for all of us."',
        "Water is the source of life for all of us.",
        "Tokayev",
        "cue_subject",
    ),
    (
        'Mirziyoyev quoted the UN Charter: "All members shall settle their disputes by peaceful '
        'means."',
        "All members shall settle their disputes by peaceful means.",
        "Mirziyoyev",
        "cue_subject",
    ),
]


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "how"), POSSESSIVE_CASES + PATTERN_GAP_CASES + SOURCE_CASES
)
def test_new_attributions(
    quotes_nlp: Language, text: str, quote: str, speaker: str | None, how: str
) -> None:
    check_new_attribution(quotes_nlp, text, quote, speaker, how)


@pytest.mark.parametrize(
    ("text", "speaker", "how"),
    [
        ("Rahmon's warning was stark: “The glaciers are melting.”", "Rahmon", "possessive"),
        ("In Tokayev's words, the region “must act now.”", "Tokayev", "in_words"),
        ("The summit's message was clear: “Central Asia is open for trade.”", None, "none"),
    ],
)
def test_possessive_attributions_without_parser(text: str, speaker: str | None, how: str) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("summit_quotes")
    (q,) = quotes_of(nlp(text))
    assert (q["speaker"], q["attribution"]) == (speaker, how)
