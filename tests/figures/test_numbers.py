"""Reading numbers: digit strings and number words (no model needed)."""

from __future__ import annotations

import pytest

from pipeline.components.figures import (
    NumberParseError,
    UnitEntry,
    WordNumberParser,
    parse_digits,
)
from pipeline.resources import load_jsonl


@pytest.fixture(scope="module")
def words() -> WordNumberParser:
    return WordNumberParser(load_jsonl("units.jsonl", UnitEntry))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200.0),
        ("10.5", 10.5),
        ("1,200,300.25", 1200300.25),
        ("10,5", 10.5),  # decimal comma
        ("1.200.000", 1200000.0),  # dots as thousands separators
        ("45", 45.0),
        ("3\u200b5", 35.0),  # an invisible format character never splits a number
        ("1,2\u202c00", 1200.0),
    ],
)
def test_parse_digits(text: str, value: float) -> None:
    assert parse_digits(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("seventy", 70.0),
        ("seventy-five", 75.0),
        ("two hundred and fifty", 250.0),
        ("one and a half", 1.5),
        ("two and a half", 2.5),
        ("a dozen", 12.0),
        ("three thousand", 3000.0),
        ("a hundred", 100.0),
    ],
)
def test_parse_words(words: WordNumberParser, text: str, value: float) -> None:
    assert words.parse(text) == value


@pytest.mark.parametrize("text", ["party", "", "one example"])
def test_parse_words_rejects(words: WordNumberParser, text: str) -> None:
    with pytest.raises(NumberParseError):
        words.parse(text)
