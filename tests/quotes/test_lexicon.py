"""summit_quotes lexicon: quote_cues.jsonl is validated and read into the component."""

from __future__ import annotations

import pytest
import spacy

from pipeline.components.quotes import QuoteCue, SummitQuotes
from pipeline.resources import ResourceError, load_jsonl


def test_factory_config_and_lexicon() -> None:
    nlp = spacy.blank("en")
    component = nlp.add_pipe("summit_quotes", config={"max_fragment_words": 1})
    assert isinstance(component, SummitQuotes)
    assert component.max_fragment_words == 1
    cues = load_jsonl("quote_cues.jsonl", QuoteCue)
    kinds = {c.kind for c in cues}
    assert {"verb", "phrase", "according_to", "in_words", "title_head"} <= kinds
    assert {"source_verb", "speech_noun", "stance_adjective"} <= kinds
    assert {
        "said",
        "quoted",
    } <= component.lexicon.verb_forms and "cited" in component.lexicon.source_forms
    assert (
        "verdict" in component.lexicon.speech_nouns
        and "blunt" in component.lexicon.stance_adjectives
    )
    with pytest.raises(ValueError, match="forms"):
        QuoteCue(kind="verb", text="say")


def test_bad_lexicon_line_names_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.resources as res

    monkeypatch.setattr(res, "read_text", lambda name: '{"kind": "verb", "text": "say"}\n')
    with pytest.raises(ResourceError, match=r"quote_cues\.jsonl:1"):
        load_jsonl("quote_cues.jsonl", QuoteCue)
