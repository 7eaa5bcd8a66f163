"""summit_leaders: leaders missing from the base, found through a title."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.leaders.helpers import mentions, run


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Georgian Prime Minister Irakli Kobakhidze attended the forum.",
            "Irakli Kobakhidze",
            "Georgia",
        ),
        (
            "President of Georgia Salome Zourabichvili attended the forum.",
            "Salome Zourabichvili",
            "Georgia",
        ),
        (
            "President Salome Zourabichvili of Georgia attended the forum.",
            "Salome Zourabichvili",
            "Georgia",
        ),
        ("President of Latvia Edgars Rinkevics attended the forum.", "Edgars Rinkevics", "Latvia"),
        (
            "Irakli Kobakhidze, the Prime Minister of Georgia, attended the forum.",
            "Irakli Kobakhidze",
            "Georgia",
        ),
    ],
)
def test_unknown_leader_found_by_title(lnlp: Language, text: str, name: str, country: str) -> None:
    doc = run(lnlp, text, "2024-05-01")
    people = {v["name"]: v for v in doc._.summit_leaders.values()}
    assert name in people
    assert people[name]["in_kb"] is False
    assert people[name]["country"] == country
    kb_ids = [k for k, v in doc._.summit_leaders.items() if v["name"] == name]
    assert kb_ids[0].startswith("x-")


def test_unknown_leader_surname_mentions_follow(lnlp: Language) -> None:
    text = "Georgian Prime Minister Irakli Kobakhidze came. Kobakhidze said Georgia is ready."
    doc = run(lnlp, text, "2024-05-01")
    assert ("Kobakhidze", "surname", "x-irakli-kobakhidze") in mentions(doc)
