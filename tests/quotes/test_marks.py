"""summit_quotes, mark pairing: every mark style, nesting, apostrophes, paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from spacy.language import Language

from pipeline.components.common.text import paragraph_spans
from pipeline.components.quotes import MARK_CHARS, pair_marks
from tests.quotes.helpers import (
    BLANK_LINE,
    TEXTS,
    texts_of,
)

PAIRING_CASES = [
    ("He said “hello” to me.", ["hello"]),
    ('He said "hello" to me.', ["hello"]),
    ("Er sagte „Hallo“ und ging.", ["Hallo"]),
    ("Il a dit «bonjour» hier.", ["bonjour"]),
    ("Er sagte »Hallo« und ging.", ["Hallo"]),
    ("She said ‘fine’ twice.", ["fine"]),
    (
        # the seed's nesting: same marks inside, with the article's own spaces kept
        "“ is evidenced by more than 10 “Central Asia Plus ” formats.”",
        [" is evidenced by more than 10 “Central Asia Plus ” formats.", "Central Asia Plus "],
    ),
    (
        "\"We back the 'C5+1' format,\" he said.",
        ["We back the 'C5+1' format,", "C5+1"],
    ),
    (
        '"We back the "Central Asia Plus" format," he said.',
        ['We back the "Central Asia Plus" format,', "Central Asia Plus"],
    ),
    ("It's the region’s and Kazakhstan’s plan for O‘zbekiston's future.", []),
    ("The states’ interests and the ’90s are not quotes.", []),
    # an unbalanced mark stops at its paragraph; pairing goes on in the next one
    ("He said “this never closes.\n\nLater “ok” here.", ["ok"]),
    ('He said "this never closes.\n\nLater "ok" here.', ["ok"]),
    ("“A” and “B” and “C”", ["A", "B", "C"]),
    # LitBank's tokenised text: spaces on both sides of every mark
    (
        '" Walter Elliot , born 1760 . " He read " Married , 1810 . "',
        [
            " Walter Elliot , born 1760 . ",
            " Married , 1810 . ",
        ],
    ),
    ("No marks at all.", []),
    # a straight single mark between spaces is ambiguous (a plural possessive when tokenised)
    ("The clerks ' room and the boys ' school.", []),
    ('He said “we agree." Then he left.', ["we agree."]),
    ("In the '90s he said 'never' twice.", ["never"]),
    ("Sie sagte: ”Ja” und ging.", ["Ja"]),
    # a plural possessive inside single typographic quotes does not close them
    ("‘The states’ interests come first,’ he said.", ["The states’ interests come first,"]),
    ("‘Our farmers’ needs are urgent’, she added.", ["Our farmers’ needs are urgent"]),
    # ... but a closer after an s stays a closer when no other ’ follows
    ("He praised the ‘brave engineers’ of the dam.", ["brave engineers"]),
    ("‘We trust the experts’ he said, ‘and the data.’", ["We trust the experts", "and the data."]),
    ("“”", [""]),
]


@pytest.mark.parametrize(("text", "expected"), PAIRING_CASES)
def test_pair_marks(text: str, expected: list[str]) -> None:
    got = [text[p.start : p.end] for p in pair_marks(text)]
    assert got == expected


def test_quote_over_paragraphs_is_one_segment_per_paragraph() -> None:
    text = "He said: “One.\n\n“Two.\n\n“Three,” he added. After “x”."
    pairs = pair_marks(text)
    segments = [p for p in pairs if p.continued]
    assert [text[p.start : p.end] for p in segments] == ["One.", "Two.", "Three,"]
    assert [p.closed for p in segments] == [False, False, True]
    assert len({p.chain for p in segments}) == 1
    assert [text[p.start : p.end] for p in pairs if not p.continued] == ["x"]


@pytest.mark.parametrize(
    "text",
    [
        "He said: “One.\n\nTwo is narration. “Three,” he added.",  # the next paragraph opens
        "He said: “One.\n\nTwo is narration.",  # nothing closes it
        "He said: “One.\n\nTwo.\n\nThree.” Four.",  # the closer is two paragraphs on
    ],
)
def test_paragraph_without_reopening_mark_drops_the_open_quote(text: str) -> None:
    assert all(text[p.open] != "“" or p.open > 10 for p in pair_marks(text))


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("He said: “One.\n\nTwo is the rest,” he added.", "One.\n\nTwo is the rest,"),
        ('He said: "One.\n\nTwo is the rest," he added.', "One.\n\nTwo is the rest,"),
        (
            "He said: “One.\n\nTwo in each other's words.” Then",
            "One.\n\nTwo in each other's words.",
        ),
        ("He said: «One.\n\nTwo is the rest,» he added.", "One.\n\nTwo is the rest,"),
    ],
)
def test_quote_closed_in_the_next_paragraph_without_reopening(text: str, quote: str) -> None:
    """Q-MULTIPARA-NO-REOPEN: marks._Paragraph.closes_first bridges one paragraph break."""
    (pair,) = pair_marks(text)
    assert text[pair.start : pair.end] == quote and pair.closed and not pair.continued


@pytest.mark.parametrize(
    ("text", "n"),
    [("a\n\nb\nc", 2), ("a\nb\nc", 3), ("one paragraph", 1), ("a\n  \nb", 2)],
)
def test_paragraphs(text: str, n: int) -> None:
    assert len(paragraph_spans(text)) == n


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_pairs_are_nested_and_open_on_marks(text: str) -> None:
    pairs = pair_marks(text)
    for p in pairs:
        assert text[p.open] in MARK_CHARS
        assert p.open < p.close <= len(text)
        if p.closed:
            assert text[p.close] in MARK_CHARS
        else:  # an unclosed segment stops at its paragraph's end, never further
            assert not BLANK_LINE.search(text[p.start : p.end])
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


# --------------------------------------------------------------------------- paragraph separators

FUZZ = Path(__file__).resolve().parent.parent / "data" / "fuzz"
RUN_ON = [
    "quote_runon_u2029_mixed.txt",  # U+2029 between the first two paragraphs, a blank line after
    "quote_runon_u2029_only.txt",  # U+2029 only
    "quote_runon_cr_only.txt",  # bare CR line breaks only
]


def _read(name: str) -> str:
    # newline="" keeps a bare CR as it is (universal newlines would turn it into \n)
    with open(FUZZ / name, encoding="utf-8", newline="") as f:
        return f.read()


def _segments(text: str) -> list[str]:
    return [text[p.start : p.end] for p in pair_marks(text)]


@pytest.mark.parametrize("name", RUN_ON)
def test_run_on_quote_gives_every_segment_with_any_paragraph_separator(name: str) -> None:
    """A quotation over paragraphs split by U+2029 or a bare CR is paired like the \\n\\n case."""
    baseline = _read("quote_runon_newlines_baseline.txt")
    text = _read(name)
    assert text != baseline
    assert text.replace("\u2029", "\n\n").replace("\r", "\n") == baseline  # only separators differ
    assert _segments(text) == _segments(baseline)
    assert len(_segments(text)) == 3
    for p in pair_marks(text):
        # the quoted text never holds its own re-opening mark
        assert "“" not in text[p.start : p.end]


@pytest.mark.parametrize("name", RUN_ON)
def test_run_on_quote_component_segments_match_the_baseline(
    quotes_nlp: Language, name: str
) -> None:
    baseline = texts_of(quotes_nlp(_read("quote_runon_newlines_baseline.txt")))
    got = texts_of(quotes_nlp(_read(name)))
    assert got == baseline
    assert len(got) == 3 and not any("“" in t for t in got)


def test_closers_after_a_run_of_unclosable_openers_pair_nothing() -> None:
    """„„„…»»»: no » closes a „ (the stack lookup must not find a wrong opener)."""
    text = "„" * 50 + "»" * 50
    assert pair_marks(text) == []
    text = "«a „b" + "»" * 3
    assert [text[p.start : p.end] for p in pair_marks(text)] == ["a „b"]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ('"The road is ready,” he said.', ["The road is ready,"]),
        ('“The road is ready," he said.', ["The road is ready,"]),
        (
            '"We will not wait,” he said. "The road is ready.”',
            ["We will not wait,", "The road is ready."],
        ),
        (
            "He said \"close the 'white pages' now,” and left.",
            ["close the 'white pages' now,", "white pages"],
        ),
    ],
)
def test_mixed_straight_and_curly_marks(text: str, quotes: list[str]) -> None:
    """Q-MIXED-MARKS: a straight opener closed by a curly closer (marks._CLOSERS)."""
    assert [text[p.start : p.end] for p in pair_marks(text)] == quotes


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            'Wire copy.\n"The first summit of our five countries with the\nGulf states opens a '
            'road," he said.',
            "The first summit of our five countries with the\nGulf states opens a road,",
        ),
        (
            "Wire copy.\n“Trade among the five has grown by a\nthird in three years, and it will\n"
            "grow again,” he said.",
            "Trade among the five has grown by a\nthird in three years, and it will\ngrow again,",
        ),
        (
            "Wire copy.\n«We will keep the\npromise of the region's founders,» he said.",
            "We will keep the\npromise of the region's founders,",
        ),
    ],
)
def test_quote_over_hard_wrapped_lines(text: str, quote: str) -> None:
    """Q-WRAPPED-LINES: marks._Paragraph.wrapped carries an open quotation over mark-less lines."""
    assert [text[p.start : p.end] for p in pair_marks(text)] == [quote]


@pytest.mark.parametrize(
    "text",
    [
        # a blank line is a paragraph break, not a wrap: the mark-less paragraph drops it
        'Wire copy.\n\n"The first summit of our five countries\n\nopens a road.\n\nIt ended," he said.',
        # a line with an opening mark of its own ends the carried quotation
        'Wire copy.\n"The first summit of our five\n"Second" line here.',
    ],
)
def test_wrapped_lines_do_not_carry_past_a_break_or_a_new_quote(text: str) -> None:
    """Negative: the carried opener at offset 11 is never paired."""
    assert all(p.open != 11 and p.open != 12 for p in pair_marks(text) if p.closed)
