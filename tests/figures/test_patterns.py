"""The expressions: where a match starts and ends, linear time, invisible characters."""

from __future__ import annotations

import re
from typing import Any

import pytest
from spacy.language import Language

from pipeline.components.figures import SummitFigures
from pipeline.components.figures.patterns import MAX_WORD_ATOMS
from tests.figures.helpers import figures


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # a unit on the first number means "to" starts a new figure, not a range
        ("Trade will grow 1.5 times to 5 billion dollars.", ["1.5 times", "5 billion dollars"]),
        ("Trade rose 15% to $5 billion.", ["15%", "$5 billion"]),
        # a year before "to" is the end of a period, not the start of a range
        (
            "Exports rose from USD 5.5 billion in 2016 to USD 13.5 billion in 2022.",
            ["USD 5.5 billion", "USD 13.5 billion"],
        ),
        (
            "More than a dozen agreements aim at doubling trade.",
            ["More than a dozen agreements", "doubling"],
        ),
        ("It pledged 26 billion yuan (about $3.7 billion).", ["26 billion yuan", "$3.7 billion"]),
    ],
)
def test_adjacent_figures_stay_apart(nlp: Language, text: str, spans: list[str]) -> None:
    assert [f["text"] for f in figures(nlp, text)] == spans


# ---- linear time and invisible characters (issue 13)


def _backtracking_nests(pattern: str) -> list[str]:
    """Return the unbounded backtracking repeats of ``pattern`` whose body holds another
    repeat of variable count that can backtrack (the shape of catastrophic backtracking).

    Possessive repeats and atomic groups never give back what they matched, so their insides
    are not counted; a repeat with a fixed count (``\\d{3}``) is no choice either.
    """
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser as p  # type: ignore[attr-defined]

    backtracking = (c.MAX_REPEAT, c.MIN_REPEAT)

    def children(op: Any, av: Any) -> list[Any]:
        """Return the sub-patterns of one parsed item (none for a literal or a class)."""
        if op in backtracking or op is c.POSSESSIVE_REPEAT:
            return [av[2]]
        if op is c.SUBPATTERN:
            return [av[3]]
        if op is c.BRANCH:
            return list(av[1])
        if op in (c.ASSERT, c.ASSERT_NOT):
            return [av[1]]
        if op is c.GROUPREF_EXISTS:
            return [b for b in av[1:] if b is not None]
        if op is c.ATOMIC_GROUP:
            return [av]
        return []

    def can_give_back(items: Any) -> bool:
        """Return True when ``items`` hold a backtracking repeat of variable count."""
        for op, av in items:
            if op in backtracking and av[0] != av[1]:
                return True
            if op not in (c.POSSESSIVE_REPEAT, c.ATOMIC_GROUP) and any(
                can_give_back(sub) for sub in children(op, av)
            ):
                return True
        return False

    found: list[str] = []

    def walk(items: Any) -> None:
        for op, av in items:
            if op in backtracking and av[1] == c.MAXREPEAT and can_give_back(av[2]):
                found.append(str(av[2]))
            for sub in children(op, av):
                walk(sub)

    walk(p.parse(pattern, re.IGNORECASE))
    return found


def test_the_nesting_check_finds_the_old_word_number_group() -> None:
    """The check fails on the shape that backtracked over 'one-one-one-...' (issue 13)."""
    assert _backtracking_nests(r"(?:one)(?:(?:\s+|-)(?:and\s+)?(?:one))*(?![\w-])")
    assert not _backtracking_nests(r"(?:one)(?:(?:\s++|-)(?:and\s++)?(?:one)){0,8}")


def test_no_expression_nests_backtracking_repeats(blank: Language) -> None:
    """Every repeat over number words, blanks and digits is bounded, possessive or atomic."""
    patterns = SummitFigures(blank, "figures").patterns
    for regex in (patterns.figure_re, patterns.multiplier_re, patterns.fraction_re):
        assert _backtracking_nests(regex.pattern) == []
    assert f"{{0,{MAX_WORD_ATOMS}}}" in patterns.figure_re.pattern


def test_a_long_run_of_number_words_is_no_figure(nlp: Language) -> None:
    """800 hyphenated 'one's (the fuzz case that took seconds) hold no figure."""
    assert figures(nlp, "one-" * 800 + "x") == []


@pytest.mark.parametrize("mark", ["\u200b", "\u202c", "\u2060", "\ufeff"])
def test_an_invisible_format_character_never_splits_a_number(nlp: Language, mark: str) -> None:
    """A zero-width or bidi mark inside '35' is read through: the number stays 35."""
    text = f"Turkmenistan exports between 30 and 3{mark}5 billion cubic metres of gas."
    found = figures(nlp, text)
    assert [f["text"] for f in found] == [f"between 30 and 3{mark}5 billion cubic metres"]
    assert (found[0]["value"], found[0]["value_max"]) == (3e10, 3.5e10)
    assert found[0]["unit"] == "cubic_metre"
    assert text[found[0]["start"] : found[0]["end"]] == found[0]["text"]
