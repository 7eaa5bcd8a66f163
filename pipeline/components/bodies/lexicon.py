"""The bodies component's knowledge: schemas and loading of its data files.

Decides nothing about a Doc. Reads ``body_heads.jsonl`` (head nouns, evaluative modifiers, place
nouns), ``body_cues.jsonl`` (cue lemmas and their kind, agent nouns, capitals, chair nouns) and
the country lines of ``leader_roles.jsonl`` into lookup tables and phrase matchers that the stage
modules share.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.resources import load_jsonl
from pipeline.resources.schemas import CountryEntry, LexiconLine


class BodyHeadEntry(BaseModel):
    """One line of body_heads.jsonl."""

    model_config = ConfigDict(extra="forbid")
    role: Literal["head", "drop_modifier", "place"]
    term: str
    kind: str | None = None
    lowercase: bool = True
    document: bool = False
    plural: bool = False


class BodyCueEntry(BaseModel):
    """One line of body_cues.jsonl."""

    model_config = ConfigDict(extra="forbid")
    cue: str
    status: Literal[
        "proposed",
        "established",
        "adopted",
        "light",
        "commit",
        "advocate",
        "linking",
        "support",
        "agent_noun",
        "capital",
        "chair",
    ]
    country: str | None = None

    @model_validator(mode="after")
    def _capital_names_its_country(self) -> BodyCueEntry:
        """Return the entry; a capital line must name its country and only a capital line may."""
        if (self.status == "capital") != (self.country is not None):
            raise ValueError(
                f"cue {self.cue!r}: 'country' is required for status 'capital' and only there"
            )
        return self


class BodyLexicon:
    """Every table the bodies stages look words up in, loaded once per component."""

    def __init__(self, nlp: Language, heads_file: str, cues_file: str, countries_file: str) -> None:
        self.heads: dict[tuple[str, ...], BodyHeadEntry] = {}
        self.drop_modifiers: set[str] = set()
        self.place_nouns: set[str] = set()
        for entry in load_jsonl(heads_file, BodyHeadEntry):
            if entry.role == "drop_modifier":
                self.drop_modifiers.add(entry.term.lower())
            elif entry.role == "place":
                self.place_nouns.add(entry.term.lower())
            else:
                self.heads[tuple(entry.term.lower().split())] = entry
        self.max_head_len = max(len(k) for k in self.heads)
        self.head_last_words = {k[-1] for k in self.heads}
        self._load_cues(nlp, cues_file)
        self._load_countries(nlp, countries_file)
        self._load_word_lists()

    def _load_cues(self, nlp: Language, cues_file: str) -> None:
        """Fill the cue matcher (lemma phrases, matched by hash: a token-pattern Matcher with IN
        sets is ~10x slower), agent nouns, capitals and chair nouns."""
        self.cue_status: dict[str, str] = {}
        self.cue_matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.agent_nouns: set[str] = set()
        self.capital_of: dict[str, str] = {}
        self.chair_nouns: set[str] = set()
        for cue in load_jsonl(cues_file, BodyCueEntry):
            words = cue.cue.lower().split()
            if cue.status == "agent_noun":
                self.agent_nouns.add(cue.cue.lower())
                continue
            if cue.status == "capital" and cue.country:
                self.capital_of[cue.cue.lower()] = cue.country
                continue
            if cue.status == "chair":
                self.chair_nouns.add(cue.cue.lower())
                continue
            self.cue_status[cue.cue.lower()] = cue.status
            variants = [words, [words[0].capitalize(), *words[1:]]]
            self.cue_matcher.add(
                cue.cue.lower(), [Doc(nlp.vocab, words=v, lemmas=v) for v in variants]
            )
        # a capital standing for its state ("Tashkent proposed"): only read as an agent
        self.capital_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.capital_matcher.add("CAPITAL", [nlp.make_doc(c) for c in sorted(self.capital_of)])

    def _load_countries(self, nlp: Language, countries_file: str) -> None:
        """Fill the country matcher and the form/demonym -> country tables."""
        self.country_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.country_of: dict[str, str] = {}
        self.demonym_of: dict[str, str] = {}
        for line in load_jsonl(countries_file, LexiconLine):
            country = line.root
            if not isinstance(country, CountryEntry):
                continue
            for form in [country.name, *country.forms]:
                self.country_of[form.lower()] = country.name
            for dem in country.demonyms:
                self.demonym_of[dem.lower()] = country.name
        forms = sorted(set(self.country_of) | set(self.demonym_of))
        self.country_matcher.add("COUNTRY", [nlp.make_doc(form) for form in forms])

    def _load_word_lists(self) -> None:
        """Fill the word lists the stages consult."""
        self.say_verbs = _SAY_VERBS
        self.office_nouns = _OFFICE_NOUNS
        self.bare_offices = _BARE_OFFICES
        self.office_mods = _OFFICE_MODS
        self.advocating_modals = _ADVOCATING_MODALS
        self.ordinal_words = _ORDINAL_WORDS
        self.time_nouns = _TIME_NOUNS
        self.ordinal_adverbs = _ORDINAL_ADVERBS
        self.list_glue = _LIST_GLUE
        self.currency_codes = _CURRENCY_CODES
        self.scale_words = _SCALE_WORDS
        self.small_numbers = _SMALL_NUMBERS
        self.stop = _STOP
        self.field_nouns = _FIELD_NOUNS


# office nouns that, bare, refer back to the leader just named; modifiers they may keep
_BARE_OFFICES = frozenset({"president", "leader", "head", "premier"})
_OFFICE_MODS = frozenset({"prime"})
# modals under which an act is argued for, not reported
_ADVOCATING_MODALS = frozenset({"should", "must", "could", "might", "ought", "need"})
_ORDINAL_WORDS = frozenset({"First", "Second", "Third", "Fourth", "Fifth", "Sixth"})
_TIME_NOUNS = frozenset({"year", "month", "week", "spring", "summer", "autumn", "winter"})
_CURRENCY_CODES = frozenset({"USD", "EUR", "CNY", "RUB", "KZT", "UZS", "JPY", "KRW", "GBP"})
_SCALE_WORDS = frozenset({"million", "billion", "trillion", "thousand", "bn", "mln", "percent"})
_SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# sentence-initial enumeration adverbs and their rank ("Secondly, a Centre for X.")
_ORDINAL_ADVERBS = {
    w: n
    for n, ws in enumerate(
        (
            ("first", "firstly"),
            ("second", "secondly"),
            ("third", "thirdly"),
            ("fourth", "fourthly"),
            ("fifth", "fifthly"),
            ("sixth", "sixthly"),
        ),
        start=1,
    )
    for w in ws
}
# words that may join two coordinated names ("A, as well as B and the C")
_LIST_GLUE = frozenset({",", "and", "or", "as", "well", "also", "along", "together", "with"})

# function words ignored when comparing two mentions of a body
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "for",
        "on",
        "and",
        "or",
        "to",
        "in",
        "at",
        "by",
        "with",
        "between",
        "among",
        "within",
        "across",
        "against",
        "into",
        "as",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
    ]
)

_SAY_VERBS = frozenset({"say", "note", "state", "stress", "declare", "add", "tell", "remark"})
_FIELD_NOUNS = frozenset({"field", "sphere", "area", "domain"})
_OFFICE_NOUNS = frozenset({"leader", "president", "head", "prime minister"})
