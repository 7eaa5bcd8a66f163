"""The bodies component's knowledge: schemas and loading of its data files.

Decides nothing about a Doc. Reads ``body_heads.jsonl`` (head nouns, evaluative modifiers, place
nouns), ``body_cues.jsonl`` (cue lemmas and their kind, agent nouns, capitals, chair nouns) and
the country lines of ``leader_roles.jsonl`` into lookup tables and phrase matchers that the stage
modules share.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, model_validator
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.resources import load_jsonl
from pipeline.resources.schemas import CountryEntry, LexiconLine

HeadLineKind = Literal[
    "head",
    "drop_modifier",
    "place",
    "time_noun",
    "field_noun",
    "list_glue",
    "stop_word",
    "own_document_modifier",
    "adjunct_noun",
]
CueLineKind = Literal[
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
    "report_verb",
    "advocating_modal",
    "office_noun",
    "bare_office",
    "office_modifier",
    "enumeration_adverb",
    "rename_verb",
    "naming_verb",
    "inclusion",
    "passive_creation",
    "expectation",
]
#: the cue kinds matched in the text as the act a body's cue reports (or a word on its path)
_MATCHED_CUES = frozenset(
    {"proposed", "established", "adopted", "light", "commit", "advocate", "linking", "support"}
)


class BodyHeadEntry(BaseModel):
    """One line of body_heads.jsonl: a head noun (with its ``body_kind``) or a word of a list."""

    model_config = ConfigDict(extra="forbid")
    kind: HeadLineKind
    term: str
    body_kind: str | None = None
    lowercase: bool = True
    document: bool = False
    #: the summit's own text named by a common noun ("a joint declaration", "the final
    #: communiqué"): with an own_document_modifier it is a name
    own_document: bool = False
    plural: bool = False

    @model_validator(mode="after")
    def _only_heads_have_a_body_kind(self) -> BodyHeadEntry:
        """Return the entry; only a head line may name a body kind."""
        if self.body_kind is not None and self.kind != "head":
            raise ValueError(f"term {self.term!r}: 'body_kind' is only for kind 'head'")
        return self


class BodyCueEntry(BaseModel):
    """One line of body_cues.jsonl."""

    model_config = ConfigDict(extra="forbid")
    cue: str
    kind: CueLineKind
    country: str | None = None
    rank: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _capital_names_its_country(self) -> BodyCueEntry:
        """Return the entry; a capital line must name its country and only a capital line may;
        an enumeration adverb must give its rank and only it may."""
        if (self.kind == "capital") != (self.country is not None):
            raise ValueError(
                f"cue {self.cue!r}: 'country' is required for kind 'capital' and only there"
            )
        if (self.kind == "enumeration_adverb") != (self.rank is not None):
            raise ValueError(
                f"cue {self.cue!r}: 'rank' is required for kind 'enumeration_adverb' and only there"
            )
        return self


class UnitLine(BaseModel):
    """The part of a units.jsonl line (the figures component's vocabulary) the bodies stages
    read: currency codes, scale words and small number words. The line's kind is read from
    ``kind`` or, in files written before that name, ``type``."""

    model_config = ConfigDict(extra="ignore")
    kind: str = Field(validation_alias=AliasChoices("kind", "type"))
    norm: str | None = None
    value: float | None = None
    forms: list[str] = Field(default_factory=list)
    prefix: list[str] = Field(default_factory=list)
    suffix: list[str] = Field(default_factory=list)
    case_sensitive: bool = False
    glued_only: bool = False


class BodyLexicon:
    """Every table the bodies stages look words up in, loaded once per component."""

    def __init__(
        self,
        nlp: Language,
        heads_file: str,
        cues_file: str,
        countries_file: str,
        units_file: str = "units.jsonl",
    ) -> None:
        self.heads: dict[tuple[str, ...], BodyHeadEntry] = {}
        #: body_heads.jsonl word lists by kind (drop_modifier, place, time_noun, ...)
        self.head_words: dict[str, set[str]] = {}
        for entry in load_jsonl(heads_file, BodyHeadEntry):
            if entry.kind == "head":
                self.heads[tuple(entry.term.lower().split())] = entry
            else:
                self.head_words.setdefault(entry.kind, set()).add(entry.term.lower())
        self.drop_modifiers = self.head_words.get("drop_modifier", set())
        self.place_nouns = self.head_words.get("place", set())
        self.time_nouns = frozenset(self.head_words.get("time_noun", ()))
        self.field_nouns = frozenset(self.head_words.get("field_noun", ()))
        self.own_document_modifiers = frozenset(self.head_words.get("own_document_modifier", ()))
        self.adjunct_nouns = frozenset(self.head_words.get("adjunct_noun", ()))
        self.list_glue = frozenset(self.head_words.get("list_glue", ()))
        self.stop = frozenset(self.head_words.get("stop_word", ()))
        self.max_head_len = max(len(k) for k in self.heads)
        self.head_last_words = {k[-1] for k in self.heads}
        self._load_cues(nlp, cues_file)
        self._load_countries(nlp, countries_file)
        self._load_units(units_file)

    def _load_cues(self, nlp: Language, cues_file: str) -> None:
        """Fill the cue matcher (lemma phrases, matched by hash: a token-pattern Matcher with IN
        sets is ~10x slower), agent nouns, capitals and chair nouns."""
        self.cue_status: dict[str, str] = {}
        self.cue_matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.agent_nouns: set[str] = set()
        self.capital_of: dict[str, str] = {}
        self.chair_nouns: set[str] = set()
        #: sentence-initial enumeration adverb -> its rank ("secondly" -> 2)
        self.ordinal_adverbs: dict[str, int] = {}
        #: body_cues.jsonl word lists by kind (report_verb, office_noun, ...)
        self.cue_words: dict[str, set[str]] = {}
        for cue in load_jsonl(cues_file, BodyCueEntry):
            words = cue.cue.lower().split()
            if cue.kind == "agent_noun":
                self.agent_nouns.add(cue.cue.lower())
                continue
            if cue.kind == "capital" and cue.country:
                self.capital_of[cue.cue.lower()] = cue.country
                continue
            if cue.kind == "chair":
                self.chair_nouns.add(cue.cue.lower())
                continue
            if cue.kind == "enumeration_adverb" and cue.rank is not None:
                self.ordinal_adverbs[cue.cue.lower()] = cue.rank
            if cue.kind not in _MATCHED_CUES:
                self.cue_words.setdefault(cue.kind, set()).add(cue.cue.lower())
                continue
            self.cue_status[cue.cue.lower()] = cue.kind
            variants = [words, [words[0].capitalize(), *words[1:]]]
            self.cue_matcher.add(
                cue.cue.lower(), [Doc(nlp.vocab, words=v, lemmas=v) for v in variants]
            )
        # a capital standing for its state ("Tashkent proposed"): only read as an agent
        self.capital_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.capital_matcher.add("CAPITAL", [nlp.make_doc(c) for c in sorted(self.capital_of)])
        self.say_verbs = frozenset(self.cue_words.get("report_verb", ()))
        self.advocating_modals = frozenset(self.cue_words.get("advocating_modal", ()))
        self.rename_verbs = frozenset(self.cue_words.get("rename_verb", ()))
        self.naming_verbs = frozenset(self.cue_words.get("naming_verb", ()))
        self.inclusion_words = frozenset(self.cue_words.get("inclusion", ()))
        self.passive_creations = frozenset(self.cue_words.get("passive_creation", ()))
        self.expectation_words = frozenset(self.cue_words.get("expectation", ()))
        #: office nouns as lemma tuples, matched ending at a head noun ("prime minister")
        self.office_nouns = frozenset(
            tuple(w.split()) for w in self.cue_words.get("office_noun", ())
        )
        self.bare_offices = frozenset(self.cue_words.get("bare_office", ()))
        self.office_mods = frozenset(self.cue_words.get("office_modifier", ()))
        # "first".."sixth" capitalised are ordinals inside a title ("in the Second World War")
        self.ordinal_words = frozenset(
            w.capitalize() for w in self.ordinal_adverbs if not w.endswith("ly")
        )

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

    def _load_units(self, units_file: str) -> None:
        """Read the currency codes, scale words and small number words of ``units_file`` (the
        figures component's vocabulary), so an amount is known in one place."""
        codes: set[str] = set()
        scales: set[str] = set()
        small: dict[str, int] = {}
        for line in load_jsonl(units_file, UnitLine):
            if line.kind == "currency" and line.case_sensitive:
                # ISO 4217 codes: three capitals ("USD", "KZT")
                codes.update(f for f in [*line.prefix, *line.suffix] if _ISO_CODE.fullmatch(f))
            elif line.kind == "scale" and not line.glued_only:
                scales.update(f.lower() for f in line.forms)
            elif line.kind == "percent":
                scales.update(f.lower() for f in line.suffix if f.isalpha())
            elif line.kind == "number" and line.value is not None and line.value in range(2, 10):
                # a count of proposals just made ("all three"): 2..9, as for digits
                small.update((f.lower(), int(line.value)) for f in line.forms)
        self.currency_codes = frozenset(codes)
        self.scale_words = frozenset(scales)
        self.small_numbers = small


_ISO_CODE = re.compile(r"[A-Z]{3}")
