"""summit_leaders: names: spelling variants, surnames alone, initials, patronymics, fuzzy
spellings, the word before a surname.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.leaders.helpers import mentions, run


@pytest.mark.parametrize(
    ("text", "surface", "kb_id"),
    [
        ("Kassym-Jomart Tokayev spoke.", "Kassym-Jomart Tokayev", "kassym-jomart-tokayev"),
        ("Kasym – Jomart Tokayev spoke.", "Kasym – Jomart Tokayev", "kassym-jomart-tokayev"),
        ("Kassym - Jomart Tokayev spoke.", "Kassym - Jomart Tokayev", "kassym-jomart-tokayev"),
        ("Kassym Jomart Tokayev spoke.", "Kassym Jomart Tokayev", "kassym-jomart-tokayev"),
        ("Qasym-Jomart Toqaev spoke.", "Qasym-Jomart Toqaev", "kassym-jomart-tokayev"),
        ("Kasym-Jomart Tokaev spoke.", "Kasym-Jomart Tokaev", "kassym-jomart-tokayev"),
        ("Sadyr Zhaparov spoke.", "Sadyr Zhaparov", "sadyr-japarov"),
        ("Sadyr Dzhaparov spoke.", "Sadyr Dzhaparov", "sadyr-japarov"),
        (
            # in 2023 he chairs the Halk Maslahaty: a leader only as the former president
            "Former president Gurbanguly Berdymukhamedov spoke.",
            "Gurbanguly Berdymukhamedov",
            "gurbanguly-berdimuhamedov",
        ),
        ("Serdar Berdimuhamedow spoke.", "Serdar Berdimuhamedow", "serdar-berdimuhamedov"),
        ("Shavkat Mirziyoev spoke.", "Shavkat Mirziyoev", "shavkat-mirziyoyev"),
        ("Emomali Rakhmon spoke.", "Emomali Rakhmon", "emomali-rahmon"),
        ("Emomali Rahmonov spoke.", "Emomali Rahmonov", "emomali-rahmon"),
        ("Antonio Guterres spoke.", "Antonio Guterres", "antonio-guterres"),
        ("António Guterres spoke.", "António Guterres", "antonio-guterres"),
        ("Recep Tayyip Erdogan spoke.", "Recep Tayyip Erdogan", "recep-tayyip-erdogan"),
        ("Recep Tayyip Erdoğan spoke.", "Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
        ("Ursula von der Leyen spoke.", "Ursula von der Leyen", "ursula-von-der-leyen"),
        ("Xi Jinping spoke.", "Xi Jinping", "xi-jinping"),
        ("KASSYM-JOMART TOKAYEV SPOKE.", "KASSYM-JOMART TOKAYEV", "kassym-jomart-tokayev"),
    ],
)
def test_name_variants(lnlp: Language, text: str, surface: str, kb_id: str) -> None:
    doc = run(lnlp, text, "2023-09-14")
    assert (surface, "name", kb_id) in mentions(doc)


@pytest.mark.parametrize(
    ("text", "surface", "kb_id"),
    [
        ("President Mirziyoyev opened the summit.", "Mirziyoyev", "shavkat-mirziyoyev"),
        ("Toqaev and Putin met.", "Toqaev", "kassym-jomart-tokayev"),
        ("Toqaev and Putin met.", "Putin", "vladimir-putin"),
        ("Mr Japarov said so.", "Japarov", "sadyr-japarov"),
        ("Mr. Tokayev said so.", "Tokayev", "kassym-jomart-tokayev"),
        ("Dr. Mirziyoyev said so.", "Mirziyoyev", "shavkat-mirziyoyev"),
    ],
)
def test_surname_only(lnlp: Language, text: str, surface: str, kb_id: str) -> None:
    doc = run(lnlp, text, "2023-09-14")
    assert (surface, "surname", kb_id) in mentions(doc)


@pytest.mark.parametrize(
    ("text", "surface", "kb_id"),
    [
        ("Sh. Mirziyoyev spoke.", "Sh. Mirziyoyev", "shavkat-mirziyoyev"),
        ("K.Tokayev spoke.", "K.Tokayev", "kassym-jomart-tokayev"),
        ("E. Rahmon spoke.", "E. Rahmon", "emomali-rahmon"),
        ("Ex-president G.Berdimuhamedov spoke.", "G.Berdimuhamedov", "gurbanguly-berdimuhamedov"),
        ("S.Berdimuhamedov spoke.", "S.Berdimuhamedov", "serdar-berdimuhamedov"),
    ],
)
def test_initials_pick_the_person(lnlp: Language, text: str, surface: str, kb_id: str) -> None:
    doc = run(lnlp, text, "2023-09-14")
    assert mentions(doc) == [(surface, "name", kb_id)]


def test_initial_of_someone_else_is_not_the_leader(lnlp: Language) -> None:
    doc = run(lnlp, "J. Karimov, a deputy minister, spoke.", "2023-09-14")
    assert mentions(doc) == []


@pytest.mark.parametrize(
    ("text", "kb_ids"),
    [
        ("Tokayev Meets Mirziyoyev In Tashkent", ["kassym-jomart-tokayev", "shavkat-mirziyoyev"]),
        ("Putin Congratulates Japarov On Birthday", ["vladimir-putin", "sadyr-japarov"]),
    ],
)
def test_headline_case(lnlp: Language, text: str, kb_ids: list[str]) -> None:
    doc = run(lnlp, text, "2023-09-14")
    assert [m[2] for m in mentions(doc)] == kb_ids


def test_broken_statistical_span_is_repaired(lnlp: Language) -> None:
    doc = run(lnlp, "Turkmenistan Serdar Berdimuhamedov and Kasym – Jomart Tokayev spoke.")
    assert ("Serdar Berdimuhamedov", "name", "serdar-berdimuhamedov") in mentions(doc)
    assert ("Kasym – Jomart Tokayev", "name", "kassym-jomart-tokayev") in mentions(doc)


@pytest.mark.parametrize(
    ("text", "kb_id"),
    [
        (
            "President Gurbanguly Berdymukhamedow of Turkmenistan attended.",
            "gurbanguly-berdimuhamedov",
        ),
        ("Shavkath Mirziyoyev and Kassym-Zhomart Tokayev met.", "shavkat-mirziyoyev"),
        ("Kassym-Jomart Kemelevich Tokayev arrived.", "kassym-jomart-tokayev"),
    ],
)
def test_spellings_missing_from_the_base_still_link(lnlp: Language, text: str, kb_id: str) -> None:
    doc = run(lnlp, text, "2021-03-01")
    assert kb_id in doc._.summit_leaders
    assert not any(k.startswith("x-") for k in doc._.summit_leaders)


@pytest.mark.parametrize(
    ("text", "surface", "kb_id"),
    [
        ("Toqayev and Mirziyoev met.", "Toqayev", "kassym-jomart-tokayev"),
        ("Mirziyoev and Toqayev met.", "Mirziyoev", "shavkat-mirziyoyev"),
        ("Rakhmon arrived late.", "Rakhmon", "emomali-rahmon"),
        ("Dzhaparov arrived late.", "Dzhaparov", "sadyr-japarov"),
        ("Berdimuhamedow arrived late.", "Berdimuhamedow", "serdar-berdimuhamedov"),
        ("Orban arrived late.", "Orban", "viktor-orban"),
        ("Vladimir Vladimirovich Putin arrived.", "Vladimir Vladimirovich Putin", "vladimir-putin"),
    ],
)
def test_transliterations_on_a_recent_date(
    lnlp: Language, text: str, surface: str, kb_id: str
) -> None:
    found = mentions(run(lnlp, text, "2025-06-01"))
    assert found[0][0] == surface
    assert found[0][2] == kb_id


@pytest.mark.parametrize(
    ("text", "surface", "kb_id"),
    [
        ("Ilham Heydar oglu Aliyev arrived.", "Ilham Heydar oglu Aliyev", "ilham-aliyev"),
        (
            "Kassym-Jomart Kemeluly Tokayev arrived.",
            "Kassym-Jomart Kemeluly Tokayev",
            "kassym-jomart-tokayev",
        ),
        ("Sadyr Nurgozhoevich Japarov arrived.", "Sadyr Nurgozhoevich Japarov", "sadyr-japarov"),
        # the father's name alone is no patronymic: "Heydar Aliyev" is the father himself
        ("In 1994 President Heydar Aliyev signed it.", "Heydar Aliyev", "heydar-aliyev"),
    ],
)
def test_turkic_patronymics_are_skipped(
    lnlp: Language, text: str, surface: str, kb_id: str
) -> None:
    found = mentions(run(lnlp, text, "2024-05-01"))
    assert [(m[0], m[2]) for m in found][:1] == [(surface, kb_id)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tomorrow Tokayev will meet the Chinese delegation.", ["Tokayev"]),
        ("On Monday Putin flew to Dushanbe.", ["Putin"]),
        ("Meanwhile Mirziyoyev toured the plant.", ["Mirziyoyev"]),
        # a real given name before the surname is another person
        ("Jamshid Karimov toured the plant.", []),
    ],
)
def test_time_words_are_not_given_names(lnlp: Language, text: str, expected: list[str]) -> None:
    assert [m[0] for m in mentions(run(lnlp, text, "2024-05-01"))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a given name ending like a Turkic patronymic (-guly) after an honorific is the name
        (
            "The Hero-Arkadag Gurbanguly Berdimuhamedov opened the plant.",
            [("Gurbanguly Berdimuhamedov", "name")],
        ),
        # a real patronymic after the given name is still skipped
        ("Ilham Heydar oglu Aliyev opened the plant.", [("Ilham Heydar oglu Aliyev", "name")]),
        (
            "Kassym-Jomart Kemeluly Tokayev opened the plant.",
            [("Kassym-Jomart Kemeluly Tokayev", "name")],
        ),
    ],
)
def test_given_name_after_an_honorific(
    lnlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [m[:2] for m in mentions(run(lnlp, text, "2019-05-05"))] == expected


def test_surname_after_another_given_name_is_not_the_leader(lnlp: Language) -> None:
    doc = run(lnlp, "Deputy minister Jamshid Karimov attended.", "2023-09-14")
    assert doc._.summit_leaders == {}
