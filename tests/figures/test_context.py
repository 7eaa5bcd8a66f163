"""Context fields: metric, period, subject."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.figures.helpers import figures

# ---- context fields


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        (
            "In the period from 2016 to 2022, the foreign trade turnover of the Central Asian "
            "countries doubled, reaching 225 billion.",
            "period",
            "from 2016 to 2022",
        ),
        (
            "Since 2016, Uzbekistan has increased the number of checkpoints to 78 units.",
            "period",
            "Since 2016",
        ),
        ("Investments rose to 40 billion in 2022.", "period", "in 2022"),
        ("Uzbekistan plans to attract $130 billion in 2025–2030.", "period", "in 2025–2030"),
        (
            "Since 2016, Uzbekistan has increased the number of checkpoints to 78 units.",
            "metric",
            "number of checkpoints",
        ),
        (
            "Since 2016, Uzbekistan has increased the number of checkpoints to 78 units.",
            "subject",
            "Uzbekistan",
        ),
        ("Trade grew 1.5-fold.", "period", None),
    ],
)
def test_context(nlp: Language, text: str, field: str, expected: str | None) -> None:
    found = figures(nlp, text)
    assert found, text
    assert found[-1][field] == expected


def test_metric_is_never_another_figure(nlp: Language) -> None:
    text = "In 2023 mutual trade reached USD 10.5 bn, growing 1.5-fold since 2018."
    found = figures(nlp, text)
    assert [f["text"] for f in found] == ["USD 10.5 bn", "1.5-fold"]
    for fig in found:
        assert fig["metric"] is None or "bn" not in fig["metric"]
        assert fig["metric"] is None or "fold" not in fig["metric"]


def test_metric_of_reaching_clause(nlp: Language) -> None:
    text = (
        "In the period from 2016 to 2022, the foreign trade turnover of the Central Asian "
        "countries doubled, reaching 225 billion."
    )
    amount = next(f for f in figures(nlp, text) if f["unit"] == "unspecified")
    assert amount["metric"] is not None
    assert "foreign trade turnover" in amount["metric"]
