"""Helpers shared by the summit components: written once here, imported by every component.

- :mod:`.text` — character-level tests (capitals, dashes) and paragraph boundaries;
- :mod:`.docindex` — one per-document index (sentence bounds per token, paragraphs, char→token);
- :mod:`.mentions` — one index of leader mentions (token → leader, leader → country) and the
  pronoun rule "the leader last named within two sentences".

Nothing here reads a lexicon or decides a record attribute; stage modules do that.
"""
