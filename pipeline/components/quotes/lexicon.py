"""The quote lexicon: the schema of ``quote_cues.jsonl`` and the word sets built from it.

Decides nothing about a Doc; it turns the data file (cue verbs and phrases, verbless
attributions, title nouns and markers, role and title words, speech nouns, stance adjectives and
the closed word classes the rules read: speaker pronouns, non-speakers, indefinites …) into
frozen sets and one ``PhraseMatcher``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field, model_validator
from spacy.language import Language
from spacy.matcher import PhraseMatcher

CueKind = Literal[
    "verb",
    "phrase",
    "according_to",
    "in_words",
    "title_head",
    "title_marker",
    "role_noun",
    "title_word",
    "source_verb",
    "speech_noun",
    "stance_adjective",
    "pronoun",
    "possessive_pronoun",
    "other_pronoun",
    "non_speaker",
    "indefinite",
    "relative",
    "minor_word",
    "demonstrative",
    "generic_role",
    "furniture_line",
    "furniture_block",
    "home_title",
    "home_title_excluded",
]

#: Kinds the PhraseMatcher looks for in the text (the others are word sets read by the rules).
MATCHED_KINDS = frozenset(
    {"verb", "phrase", "source_verb", "according_to", "in_words", "title_marker"}
)


class QuoteCue(BaseModel):
    """One line of quote_cues.jsonl."""

    kind: CueKind
    text: str = Field(description="Lemma or phrase, lower case.")
    forms: list[str] = Field(
        default_factory=list,
        description="Inflected forms of the first word (matched on the lower-cased token).",
    )

    @model_validator(mode="after")
    def _forms_for_inflected_kinds(self) -> QuoteCue:
        """Reject an inflected kind (verb, phrase, source verb) without its forms."""
        if self.kind in ("verb", "phrase", "source_verb") and not self.forms:
            raise ValueError(f"cue {self.text!r} of kind {self.kind} needs its inflected 'forms'")
        return self


def _texts(cues: Iterable[QuoteCue], *kinds: str) -> frozenset[str]:
    """Return the lemmas of the cues of ``kinds``."""
    return frozenset(c.text for c in cues if c.kind in kinds)


def _forms(cues: Iterable[QuoteCue], *kinds: str, lemma: bool = False) -> frozenset[str]:
    """Return the lower-cased inflected forms (and with ``lemma`` the lemma) of ``kinds``."""
    return frozenset(
        f.lower() for c in cues if c.kind in kinds for f in ([c.text] if lemma else []) + c.forms
    )


@dataclass(frozen=True)
class Lexicon:
    """The word sets of quote_cues.jsonl, one attribute per kind the rules read."""

    title_heads: frozenset[str]
    role_nouns: frozenset[str]
    #: words of a title before a name (Ms, Deputy, Foreign, Minister): not part of the name
    title_words: frozenset[str]
    verb_forms: frozenset[str]
    #: "He quoted X": X, when a person, is the speaker of what follows, not the subject
    source_forms: frozenset[str]
    #: "X's verdict: “…”": nouns that name what a person said
    speech_nouns: frozenset[str]
    #: "X was blunt. “…”": a copula with one of these announces X as the next sentence's speaker
    stance_adjectives: frozenset[str]
    pronouns: frozenset[str]
    possessive_pronouns: frozenset[str]
    other_pronouns: frozenset[str]
    non_speakers: frozenset[str]
    indefinites: frozenset[str]
    relatives: frozenset[str]
    minor_words: frozenset[str]
    demonstratives: frozenset[str]
    generic_roles: frozenset[str]
    #: scraped-page lines starting with one of these are navigation ("Read also: “…”")
    furniture_lines: tuple[str, ...]
    #: a line that is one of these heads the page's trailing furniture ("Related News")
    furniture_blocks: frozenset[str]
    #: "the Head of State": the head of state the text is about (its first one)
    home_titles: frozenset[str]
    #: office words of leaders who are no head of state ("minister", "crown prince")
    home_title_excluded: frozenset[str]

    @classmethod
    def from_cues(cls, cues: list[QuoteCue]) -> Lexicon:
        """Return the word sets of ``cues``."""
        role_nouns = _texts(cues, "role_noun")
        return cls(
            title_heads=_forms(cues, "title_head", lemma=True),
            role_nouns=role_nouns,
            title_words=role_nouns | _texts(cues, "title_word"),
            verb_forms=_forms(cues, "verb", "phrase", "source_verb"),
            source_forms=_forms(cues, "source_verb"),
            speech_nouns=_forms(cues, "speech_noun", lemma=True),
            stance_adjectives=_texts(cues, "stance_adjective"),
            pronouns=_texts(cues, "pronoun"),
            possessive_pronouns=_texts(cues, "possessive_pronoun"),
            other_pronouns=_texts(cues, "other_pronoun"),
            non_speakers=_texts(cues, "non_speaker"),
            indefinites=_texts(cues, "indefinite"),
            relatives=_texts(cues, "relative"),
            minor_words=_texts(cues, "minor_word"),
            demonstratives=_texts(cues, "demonstrative"),
            generic_roles=_texts(cues, "generic_role"),
            furniture_lines=tuple(
                sorted(_texts(cues, "furniture_line"), key=lambda w: (-len(w), w))
            ),
            furniture_blocks=_texts(cues, "furniture_block"),
            home_titles=_texts(cues, "home_title"),
            home_title_excluded=_texts(cues, "home_title_excluded"),
        )


def build_matcher(nlp: Language, cues: list[QuoteCue]) -> PhraseMatcher:
    """Return a PhraseMatcher on LOWER for the cue verbs, phrases and verbless attributions.

    One hash lookup per token, however long the lexicon grows (a token Matcher with IN-sets cost
    a fifth of the base model's time). Match ids are the kinds; source verbs count as verbs.
    """
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for cue in cues:
        if cue.kind not in MATCHED_KINDS:
            continue
        first, *rest = cue.text.lower().split()
        phrases = {" ".join([form.lower(), *rest]) for form in (cue.forms or [first])}
        kind = "verb" if cue.kind == "source_verb" else cue.kind
        matcher.add(kind, [nlp.make_doc(phrase) for phrase in sorted(phrases)])
    return matcher
