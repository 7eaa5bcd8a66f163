"""summit_quotes as a component: the Doc interface, no parser, serialisation."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from hypothesis import HealthCheck, given, settings
from spacy.language import Language
from spacy.tokens import DocBin

from pipeline.components.quotes import MARK_CHARS, SummitQuotes
from pipeline.extensions import QUOTED_NAMES_GROUP, QUOTES_GROUP
from pipeline.nlp import load_base_model
from tests.quotes.helpers import TEXTS, names_of, quotes_of, texts_of

_NLP: Language = spacy.blank("en")
_NLP.add_pipe("summit_quotes")


def test_quote_dicts_are_plain_and_survive_docbin(quotes_nlp: Language) -> None:
    text = "“We will win,” Tokayev said of the “green” agenda.\n\nHe left."
    doc = quotes_nlp(text)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(quotes_nlp.vocab)
    assert quotes_of(back) == quotes_of(doc)
    for q in quotes_of(doc):
        json.dumps(q)  # plain values only
        assert doc.char_span(q["start"], q["end"], alignment_mode="expand") is not None


def test_blank_pipeline_runs_without_parser() -> None:
    nlp = spacy.blank("en")  # a fresh one: the shared `blank` fixture must stay component-free
    nlp.add_pipe("summit_quotes")
    doc = nlp("“We will double trade by 2030,” Tokayev said. It's the “green” deal.")
    assert texts_of(doc) == ["We will double trade by 2030,"]
    assert quotes_of(doc)[0]["speaker_text"] == "Tokayev"
    assert names_of(doc) == [("green", "SCARE")]


def test_to_disk_from_disk_round_trip(quotes_nlp: Language, tmp_path: Path) -> None:
    """A component saved and loaded gives the same settings, lexicon and annotations."""
    nlp = spacy.blank("en")
    saved = nlp.add_pipe("summit_quotes", config={"max_fragment_words": 2, "post_window": 9})
    assert isinstance(saved, SummitQuotes)
    saved.to_disk(tmp_path / "quotes")
    other = spacy.blank("en")
    loaded = other.add_pipe("summit_quotes")
    assert isinstance(loaded, SummitQuotes)
    assert loaded.max_fragment_words != 2
    loaded.from_disk(tmp_path / "quotes")
    assert (loaded.max_fragment_words, loaded.post_window) == (2, 9)
    assert loaded.lexicon == saved.lexicon
    text = "“We will double trade by 2030,” Tokayev said. It's the “green” deal."
    assert quotes_of(other(text)) == quotes_of(nlp(text))
    assert names_of(other(text)) == names_of(nlp(text))
    # the whole pipeline round-trips through nlp.to_disk / spacy.load as well
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert quotes_of(reloaded(text)) == quotes_of(nlp(text))


def test_from_disk_reads_the_saved_lexicon(tmp_path: Path) -> None:
    """What from_disk loads is the saved file, not the bundled one."""
    nlp = spacy.blank("en")
    comp = nlp.add_pipe("summit_quotes")
    assert isinstance(comp, SummitQuotes)
    comp.to_disk(tmp_path)
    lines = (tmp_path / "quote_cues.jsonl").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if '"text": "say"' not in line]
    (tmp_path / "quote_cues.jsonl").write_text("\n".join(kept) + "\n", encoding="utf-8")
    comp.from_disk(tmp_path)
    assert "said" not in comp.lexicon.verb_forms and "noted" in comp.lexicon.verb_forms


def _check_offsets(text: str, nlp: Language) -> None:
    doc = nlp(text)
    for span in doc.spans[QUOTES_GROUP]:
        q = span._.summit_quote
        start, end = q["start"], q["end"]
        assert 0 < start <= end <= len(text)
        assert text[start - 1] in MARK_CHARS
        inner = text[start:end]
        assert inner.strip(), "empty quotations are not reported"
        # the span is the tokens covering exactly the quoted characters
        assert span.start_char <= start + len(inner) - len(inner.lstrip())
        assert span.end_char >= start + len(inner.rstrip())
        if q["speaker_start"] is not None:
            assert text[q["speaker_start"] : q["speaker_end"]] == q["speaker_text"]
        if q["cue_start"] is not None:
            assert text[q["cue_start"] : q["cue_end"]] == q["cue"]
    for span in doc.spans[QUOTED_NAMES_GROUP]:
        assert span.label_ in ("NAME", "SCARE")
        q = span._.summit_quote
        assert text[q["start"] - 1] in MARK_CHARS and q["end"] <= len(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_component_offsets_select_the_quoted_text(text: str) -> None:
    _check_offsets(text, _NLP)


_PARSED: list[Language] = []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_parsed_pipeline_offsets_select_the_quoted_text(text: str) -> None:
    # The parser-driven paths (subjects, noun phrases) on a few examples: the base model, once.
    if not _PARSED:
        nlp = load_base_model()
        nlp.add_pipe("summit_quotes")
        _PARSED.append(nlp)
    _check_offsets(text, _PARSED[0])
