"""summit_quotes on the constructions of real published coverage (issue 11, PHENOMENA Q-*).

Every sentence here is invented; each table reproduces one construction catalogued in
corpus/PHENOMENA.md, with variants and negative cases. Each table fails without its rule or
data entry (named in the test's docstring).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quotes.helpers import names_of, quotes_of


def _quote(nlp: Language, text: str, quote: str) -> dict:
    """Return the record of ``quote`` in ``text`` (assert it is found as a quotation)."""
    doc = nlp(text)
    found = {doc.text[q["start"] : q["end"]]: q for q in quotes_of(doc)}
    assert quote in found, f"quote not found; got {list(found)}; names {names_of(doc)}"
    return found[quote]


# ---------------------------------------------------------------- Q-INV-TITLE-PARTICIPLE
INVERTED_PARTICIPLE = [
    (
        "“Our roads must meet at the borders,” said President Tokayev greeting his guests.",
        "Our roads must meet at the borders,",
        "President Tokayev",
    ),
    (
        '"No quarrel here is older than our friendship," said President Japarov welcoming the '
        "delegations.",
        "No quarrel here is older than our friendship,",
        "President Japarov",
    ),
    (
        "“The canal is the work of five nations,” said Prime Minister Lena Varga opening the "
        "second session.",
        "The canal is the work of five nations,",
        "Prime Minister Lena Varga",
    ),
    (
        "“We have waited for this day,” said Chancellor Otto Brenner addressing the press.",
        "We have waited for this day,",
        "Chancellor Otto Brenner",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), INVERTED_PARTICIPLE)
def test_inverted_cue_before_a_participle(
    quotes_nlp: Language, text: str, quote: str, speaker: str
) -> None:
    """The parser hangs the speaker under the participle: syntax.Syntax.participle_subject."""
    q = _quote(quotes_nlp, text, quote)
    assert q["speaker"] is not None
    assert q["speaker_text"] in speaker and q["speaker_text"].split()[-1] == speaker.split()[-1]
    assert q["cue"] == "said" and q["attribution"] == "cue_subject"


def test_participle_after_inverted_cue_without_a_person_finds_none(quotes_nlp: Language) -> None:
    """Negative: a thing before the participle is no speaker ("said the note bearing …")."""
    text = "“Open the gates at dawn,” said the order bearing the seal of the governor."
    q = _quote(quotes_nlp, text, "Open the gates at dawn,")
    assert q["speaker_text"] != "the order bearing"


# ---------------------------------------------------------------- Q-CUE-RARE, Q-CUE-HAIL,
# Q-PARTIAL-OBJECT, Q-CUE-EXPRESS-HOPE
RARE_CUES = [
    (
        "“The canal will be finished on time,” Tokayev assured the delegations.",
        "Tokayev",
        "assured",
    ),
    ("“We lost ten years to quarrels over water,” Japarov lamented.", "Japarov", "lamented"),
    ("“Nobody will be left without electricity this winter,” Rahmon vowed.", "Rahmon", "vowed"),
    (
        "Mirziyoyev hailed the meeting as “a day of trust between old neighbours.”",
        "Mirziyoyev",
        "hailed",
    ),
    (
        "Ms Varga welcomed “the plans of the neighbours to widen the old canal.”",
        "Varga",
        "welcomed",
    ),
    ("Rahmon hailed the region's “enormous and untapped potential.”", "Rahmon", "hailed"),
    (
        "Japarov expressed hope that “the new border crossings will open before winter.”",
        "Japarov",
        "expressed hope",
    ),
    (
        "Tokayev expressed the hope that “our trade will double within five years.”",
        "Tokayev",
        "expressed the hope",
    ),
    (
        "Berdimuhamedov praised “the patience of the negotiators on both sides.”",
        "Berdimuhamedov",
        "praised",
    ),
    (
        "“Water is not a weapon and never will be,” Mirziyoyev cautioned his listeners.",
        "Mirziyoyev",
        "cautioned",
    ),
]


RARE_CUES += [
    (
        "Mirziyoyev expressed his confidence that “the region will double its trade soon”.",
        "Mirziyoyev",
        "expressed",
    ),
    (
        "The Uzbek President put forward the idea of “turning the region into a zone of peace”.",
        "The Uzbek President",
        "put forward",
    ),
    (
        "Rahmon advocated “a fair sharing of the water of the two great rivers”.",
        "Rahmon",
        "advocated",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue"), RARE_CUES)
def test_cue_verbs_of_real_coverage(
    quotes_nlp: Language, text: str, speaker: str, cue: str
) -> None:
    """Stance and report verbs outside the old lexicon: quote_cues.jsonl verb/phrase lines
    (assure, lament, hail, welcome, praise, caution, express hope …)."""
    doc = quotes_nlp(text)
    (q,) = quotes_of(doc)
    assert q["speaker_text"] == speaker
    assert q["cue"] == cue


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The leaders welcomed the “Central Asia Plus” format at their meeting.",
            "Central Asia Plus",
        ),
        ("Japarov hailed the “green” agenda of the summit in his speech.", "green"),
        ("Tokayev praised the “Silk Road Spirit” of the meeting.", "Silk Road Spirit"),
        (
            "The presidents welcomed the “Samarkand Declaration” adopted on Friday.",
            "Samarkand Declaration",
        ),
    ],
)
def test_names_after_stance_verbs_stay_names(quotes_nlp: Language, text: str, name: str) -> None:
    """Negative: a short quoted title or modifier after the new cue verbs is still a name."""
    doc = quotes_nlp(text)
    assert not quotes_of(doc)
    assert name in [t for t, _ in names_of(doc)]


# ---------------------------------------------------------------- Q-PRONOUN-AFTER-SPOKESMAN
SPOKESMAN = [
    (
        "On 14 March 2024 Shavkat Mirziyoyev opened the water forum, his press secretary Anvar "
        "Nurmatov wrote on Telegram. He underscored that “no country can master the drought alone.”",
        "Shavkat Mirziyoyev",
    ),
    (
        "On 14 March 2024 Kassym-Jomart Tokayev will chair the session, presidential spokesman "
        "Ruslan Omarov told journalists. He said “the agenda is long and the days are short.”",
        "Kassym-Jomart Tokayev",
    ),
    (
        "On 14 March 2024 the President of Kyrgyzstan addressed the forum, his spokesman Askar "
        "Ivanov said. He noted that “the mountain valleys need new roads.”",
        "Sadyr Japarov",
    ),
    # Negative: the reported clause is about no person, so the reporter is the topic.
    (
        "On 14 March 2024 Kassym-Jomart Tokayev arrived. The talks will go on for two days, "
        "Ruslan Omarov told journalists. He said “the agenda is long and the days are short.”",
        "Ruslan Omarov",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), SPOKESMAN)
def test_pronoun_after_a_sentence_naming_a_spokesman(
    nlp: Language, text: str, speaker: str
) -> None:
    """ "…, his spokesman X said." is no topic: common.mentions.reporting_subjects, read by
    quotes.speaker.Speaker.pronoun_antecedent."""
    doc = nlp(text)
    (q,) = quotes_of(doc)
    assert q["speaker"] == speaker
    assert q["attribution"] == "pronoun"


# ---------------------------------------------------------------- Q-CONTINUATION-NO-CUE
PARAPHRASE = [
    (
        "According to the mayor of the city, the region needs a single water plan. “No dam should rise "
        "without the neighbours being told.”",
        "the mayor of the city",
        "paraphrase",
    ),
    (
        "According to Sadyr Japarov, the border talks are nearly over.\n\n“Only two villages "
        "remain to be settled, and we will settle them this year.”",
        "Sadyr Japarov",
        "paraphrase",
    ),
    (
        "In Tokayev's view, the corridor will pay for itself. “Every wagon that crosses the "
        "steppe brings the sea closer.”",
        "Tokayev",
        "paraphrase",
    ),
    (
        "Mirziyoyev said that the region needs one market.\n\n“Our customs posts must speak one "
        "language, and our carriers must not wait for days.”",
        "Mirziyoyev",
        "lead_in",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "how"), PARAPHRASE)
def test_quote_continuing_a_paraphrase(
    quotes_nlp: Language, text: str, speaker: str, how: str
) -> None:
    """A quotation after a sentence reporting a person's words in indirect speech:
    quotes.lead_in.LeadIn.paraphrase (according to X / in X's view) and LeadIn.announcer
    (a cue verb with a reported clause across a paragraph break)."""
    (q,) = quotes_of(quotes_nlp(text))
    assert (q["speaker_text"], q["attribution"]) == (speaker, how)


@pytest.mark.parametrize(
    "text",
    [
        "According to the statement, the leaders agreed on water. “No dam should rise alone.”",
        "According to analysts, the region is growing. “Trade doubled in five short years.”",
        "The mayor of the city said so.\n\n“The market will reopen on Monday.”",
    ],
)
def test_paraphrase_of_no_person_gives_no_speaker(quotes_nlp: Language, text: str) -> None:
    """Negative: a document or unnamed group frames the sentence; "said so" closes a topic."""
    (q,) = quotes_of(quotes_nlp(text))
    assert q["speaker"] is None


# ---------------------------------------------------------------- Q-TITLE-THEME, Q-TITLE-AWARD
TITLES = [
    "The summit was held under the theme “Central Asia: a shared future through dialogue”.",
    "The forum took place under the motto “Together we are stronger!”",
    "The meeting ran under the slogan “One region, one voice.”",
    "Tokayev was awarded the Order “For services to the Turkic world”.",
    "Rahmon was conferred the highest honour “Friend of the mountain peoples” at the ceremony.",
    "The leaders adopted a paper under the name “Vision 2040: building a common future”.",
    "The youth festival opened under the banner “We will grow the steppe green again!”",
    "Japarov received the medal “For the strengthening of peace” from the host.",
]


@pytest.mark.parametrize("text", TITLES)
def test_themes_mottos_and_awards_are_titles(quotes_nlp: Language, text: str) -> None:
    """A title noun before the marks makes a quoted name, sentence-like or not:
    quote_cues.jsonl title_head lines (theme, motto, slogan, award forms, name, banner …)."""
    doc = quotes_nlp(text)
    assert not quotes_of(doc)
    assert [label for _, label in names_of(doc)] == ["NAME"]


def test_a_theme_announced_as_speech_is_still_a_quote(quotes_nlp: Language) -> None:
    """Negative: "told the forum “…,” he said": a comma before the closing mark is speech."""
    doc = quotes_nlp("Tokayev told the forum “We must act together,” and sat down.")
    assert [q["speaker_text"] for q in quotes_of(doc)] == ["Tokayev"]


# ---------------------------------------------------------------- F-NAV, F-REPEATED-HEADLINE
FURNITURE = [
    "Tokayev: “Central Asia must speak with one voice”\n\nTokayev: “Central Asia must speak with "
    "one voice”\n\nKassym-Jomart Tokayev addressed the summit on Friday.",
    'Mirziyoyev calls for "a new era of trust"\n\nMirziyoyev calls for "a new era of trust"\n\n'
    "Shavkat Mirziyoyev spoke first at the summit.",
    "The leaders met on Friday.\n\nPrevious “Leaders agree on a water plan” Next",
    "The leaders met on Friday.\n\nRead also: “We will build the railway together,” says Japarov",
    "The leaders met on Friday.\n\nRelated News\n“Our trade will double,” Tokayev says\n"
    "Ministers meet in Bishkek",
]


@pytest.mark.parametrize("text", FURNITURE)
def test_page_furniture_holds_no_quotes(quotes_nlp: Language, text: str) -> None:
    """Repeated headlines, navigation lines and trailing related-news blocks:
    quotes.classify.Classifier.in_furniture with quote_cues.jsonl furniture_line /
    furniture_block lines."""
    assert quotes_of(quotes_nlp(text)) == []


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # one headline quote, not repeated: still a quote
        ("Tokayev: “Central Asia must speak with one voice”\n\nThe leaders met on Friday.", 1),
        # a sentence starting with a navigation word is text
        ("Next year, Tokayev said, “trade will grow by half.”", 1),
        # a sentence repeated on the page: its first copy is kept
        ("“We will meet again,” Tokayev said.\n\n“We will meet again,” Tokayev said.", 1),
        # a heading followed by article sentences is no trailing block
        ("Related news\n\n“Our trade will double,” Tokayev said on Friday.", 1),
    ],
)
def test_text_that_only_looks_like_furniture(quotes_nlp: Language, text: str, n: int) -> None:
    """Negative cases of the furniture rule."""
    assert len(quotes_of(quotes_nlp(text))) == n


# ---------------------------------------------------------------- a leader's aide quoted
AIDES = [
    (
        "On 14 March 2024 the leaders met. “We are ready to help,” the Kazakh President's press "
        "secretary Berik Uali wrote on Facebook.",
        "Berik Uali",
    ),
    (
        "On 14 March 2024 the leaders met. “The talks went well,” Tokayev's spokesman Ruslan "
        "Omarov told reporters.",
        "Ruslan Omarov",
    ),
    (
        "On 14 March 2024 the leaders met. Mirziyoyev's adviser Anvar Nurmatov said that “the "
        "summit will open on time”.",
        "Anvar Nurmatov",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), AIDES)
def test_a_leaders_aide_is_not_the_leader(nlp: Language, text: str, speaker: str) -> None:
    """ "X's press secretary Y said": Y speaks (quotes.speaker.Speaker.owns)."""
    (q,) = quotes_of(nlp(text))
    assert q["speaker"] == speaker and q["speaker_kb_id"] is None


def test_the_leader_with_a_possessive_speech_noun_still_speaks(nlp: Language) -> None:
    """Negative: "Tokayev's message was clear: “…”" is Tokayev's own words."""
    text = "On 14 March 2024 the leaders met. Tokayev's message was clear: “We stay together.”"
    (q,) = quotes_of(nlp(text))
    assert q["speaker"] == "Kassym-Jomart Tokayev"


def test_agreed_with_a_colon_is_a_cue(quotes_nlp: Language) -> None:
    """quote_cues.jsonl verb `agree`: "Tokayev agreed: “…”"."""
    (q,) = quotes_of(quotes_nlp("Tokayev agreed: “The road across the pass is vital.”"))
    assert (q["speaker_text"], q["cue"]) == ("Tokayev", "agreed")


# ---------------------------------------------------------------- "the Head of State" in agency copy
HOME_TITLE = [
    (
        "On 19 September 2023 Kazakh President Kassym-Jomart Tokayev met U.S. President Joe Biden "
        "in New York.\n\n«Our region is not a chessboard,» the Head of State said.",
        "Kassym-Jomart Tokayev",
    ),
    (
        "On 14 March 2024 President Shavkat Mirziyoyev took part in the summit with Prime "
        "Minister Narendra Modi. The Head of State noted that “the region is changing fast”.",
        "Shavkat Mirziyoyev",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), HOME_TITLE)
def test_head_of_state_in_agency_copy_is_its_own_president(
    nlp: Language, text: str, speaker: str
) -> None:
    """quotes.speaker.Speaker.home_leader with quote_cues.jsonl home_title lines."""
    (q,) = quotes_of(nlp(text))
    assert q["speaker"] == speaker


def test_head_of_state_with_no_leader_in_the_text_stays_as_written(nlp: Language) -> None:
    """Negative: no leader named before, so no leader is guessed."""
    (q,) = quotes_of(nlp("“The region is changing fast,” the Head of State said on Friday."))
    assert q["speaker_kb_id"] is None
