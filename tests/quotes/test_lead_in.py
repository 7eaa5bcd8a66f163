"""summit_quotes, lead-ins and follow-ups: a quotation named by the sentence before or after it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quotes.helpers import check_new_attribution

# (text, quote, speaker_text or None, attribution)
LEAD_IN_CASES = [
    (
        'The Kyrgyz president was categorical. "Water cannot be a weapon in our region."',
        "Water cannot be a weapon in our region.",
        "The Kyrgyz president",
        "lead_in",
    ),
    (
        'Tokayev spoke briefly at the dinner. "We have come a long way together."',
        "We have come a long way together.",
        "Tokayev",
        "lead_in",
    ),
    (
        'Japarov was blunt.\n\n"Nobody will decide for us how to use our rivers."',
        "Nobody will decide for us how to use our rivers.",
        "Japarov",
        "lead_in",
    ),
    (
        "Tokayev's remarks were sharp. «Sanctions hurt ordinary people first.»",
        "Sanctions hurt ordinary people first.",
        "Tokayev",
        "lead_in",
    ),
    (
        "The President of Kyrgyzstan was emphatic: “No one will decide for us.”",
        "No one will decide for us.",
        "The President of Kyrgyzstan",
        "lead_in",
    ),
    (
        'Japarov did not mince words. "Corruption is the enemy of every investor."',
        "Corruption is the enemy of every investor.",
        "Japarov",
        "lead_in",
    ),
    (
        "Mirziyoyev had a short message for the bankers: «Come and see for yourselves.»",
        "Come and see for yourselves.",
        "Mirziyoyev",
        "lead_in",
    ),
    (
        '"We will not join any bloc." Those were Tokayev\'s words at the closing session.',
        "We will not join any bloc.",
        "Tokayev",
        "follow_up",
    ),
    # negatives: the sentence before is about no person, or announces nothing
    (
        'The weather in Astana was cold. "Central Asia is changing fast and for good."',
        "Central Asia is changing fast and for good.",
        None,
        "none",
    ),
    (
        'The talks were frank. "Nobody will decide for us how to use our rivers."',
        "Nobody will decide for us how to use our rivers.",
        None,
        "none",
    ),
    (
        'Tokayev arrived on Monday. "The railway will be finished by the end of the decade."',
        "The railway will be finished by the end of the decade.",
        None,
        "none",
    ),
    (
        'The Kazakh leader was in Astana. "The railway will be finished by the end of the decade."',
        "The railway will be finished by the end of the decade.",
        None,
        "none",
    ),
    (
        '"The railway will be finished soon." That was the plan of the ministry in 2020.',
        "The railway will be finished soon.",
        None,
        "none",
    ),
    (
        # a speech verb across a paragraph break may close its topic: no lead-in
        'Japarov spoke about water.\n\n"The railway will be finished by the end of the decade."',
        "The railway will be finished by the end of the decade.",
        None,
        "none",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "how"), LEAD_IN_CASES)
def test_lead_in_attributions(
    quotes_nlp: Language, text: str, quote: str, speaker: str | None, how: str
) -> None:
    check_new_attribution(quotes_nlp, text, quote, speaker, how)
