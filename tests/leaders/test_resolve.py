"""summit_leaders: resolution: namesakes, surnames anchored by earlier mentions or titles, other
offices.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.export import doc_records
from tests.leaders.helpers import mentions, run


@pytest.mark.parametrize(
    ("text", "date", "kb_id"),
    [
        (
            "Former president Gurbanguly Berdimuhamedov arrived. Berdimuhamedov said.",
            "2023-05-01",
            "gurbanguly-berdimuhamedov",
        ),
        (
            "Serdar Berdimuhamedov arrived. Berdimuhamedov said.",
            "2018-05-01",
            "serdar-berdimuhamedov",
        ),
        ("Berdimuhamedov said.", "2020-05-01", "gurbanguly-berdimuhamedov"),
        ("Berdimuhamedov said.", "2023-05-01", "serdar-berdimuhamedov"),
        ("President Aliyev said.", "2023-05-01", "ilham-aliyev"),
    ],
)
def test_namesakes(lnlp: Language, text: str, date: str, kb_id: str) -> None:
    doc = run(lnlp, text, date)
    surnames = [m for m in mentions(doc) if m[1] == "surname"]
    assert surnames and all(m[2] == kb_id for m in surnames)


def test_title_picks_the_namesake_in_that_office(lnlp: Language) -> None:
    text = "Gurbanguly Berdimuhamedov, the National Leader, came. President Berdimuhamedov spoke."
    doc = run(lnlp, text, "2023-05-01")
    assert mentions(doc)[-1] == ("Berdimuhamedov", "surname", "serdar-berdimuhamedov")


def test_surname_follows_the_nearest_full_name(lnlp: Language) -> None:
    text = (
        "Former president Gurbanguly Berdimuhamedov spoke first. Berdimuhamedov praised the past. "
        "Then Serdar Berdimuhamedov spoke. Berdimuhamedov proposed a forum."
    )
    doc = run(lnlp, text, "2023-05-01")
    surnames = [m[2] for m in mentions(doc) if m[1] == "surname"]
    assert surnames == ["gurbanguly-berdimuhamedov", "serdar-berdimuhamedov"]


def test_surname_anchored_by_a_title_carries_on(lnlp: Language) -> None:
    doc = run(lnlp, "President Karimov spoke. Karimov then left.", "2005-05-01")
    assert [m[2] for m in mentions(doc)] == ["islam-karimov", "islam-karimov"]


@pytest.mark.parametrize(
    ("text", "date", "kb_ids"),
    [
        # a chair of parliament is not a leader, even a former president now in that chair
        (
            "Chairman of the Halk Maslahaty Gurbanguly Berdimuhamedov met the guests.",
            "2024-05-01",
            [],
        ),
        ("Speaker of the Mejlis Dunyagozel Gulmanova met the guests.", "2024-05-01", []),
        # ... but the same person named while in a leader office is one
        (
            "Gurbanguly Berdimuhamedov met the guests.",
            "2019-05-01",
            ["gurbanguly-berdimuhamedov"],
        ),
    ],
)
def test_parliament_chairs_are_not_leaders(
    lnlp: Language, text: str, date: str, kb_ids: list[str]
) -> None:
    assert [m[2] for m in mentions(run(lnlp, text, date))] == kb_ids


@pytest.mark.parametrize(
    ("text", "date", "leader"),
    [
        # chairing the Halk Maslahaty in 2024-25 is no leader office (DECISIONS 401-406)
        ("Gurbanguly Berdimuhamedov toured the new city of Arkadag.", "2025-03-02", False),
        ("The guests were greeted by Gurbanguly Berdimuhamedov.", "2024-10-11", False),
        # ... unless the text names him as the past president
        ("The former president Gurbanguly Berdimuhamedov toured the city.", "2025-03-02", True),
        ("Turkmenistan's then president Gurbanguly Berdimuhamedov signed it.", "2025-03-02", True),
        # in office on the text's date
        ("Gurbanguly Berdimuhamedov toured the new port.", "2018-08-12", True),
        # an undated text cannot tell who has left office
        ("Gurbanguly Berdimuhamedov toured the new port.", None, True),
    ],
)
def test_later_non_leader_office(lnlp: Language, text: str, date: str | None, leader: bool) -> None:
    doc = run(lnlp, text, date)
    assert ("gurbanguly-berdimuhamedov" in doc._.summit_leaders) is leader
    named = [m for m in mentions(doc) if m[2] == "gurbanguly-berdimuhamedov"]
    assert bool(named) is leader


def test_a_repeated_surname_is_one_mention_each_and_one_record(lnlp: Language) -> None:
    """Every bare surname after the full name goes to that person; the record lists each
    mention once even when a document's pieces report the same span twice."""
    text = "Xi Jinping arrived. " + "Xi " * 40
    doc = run(lnlp, text, "2024-05-01")
    found = mentions(doc)
    assert found[0] == ("Xi Jinping", "name", "xi-jinping")
    assert [m[2] for m in found] == ["xi-jinping"] * 41
    records = doc_records("x", text, [(doc, 0), (doc, 0)])
    assert len(records.leaders) == 1
    spans = [(m.start, m.end, m.kind) for m in records.leaders[0].mentions]
    assert len(spans) == len(set(spans)) == 41
