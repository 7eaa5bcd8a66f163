"""Helpers shared by the summit components: written once here, imported by every component.

- :mod:`.text` — character-level tests (capitals, dashes) and paragraph boundaries;
- :mod:`.docindex` — one per-document index (sentence bounds per token, paragraphs, char→token).

Nothing here reads a lexicon or decides a record attribute; stage modules do that.
"""
