"""The Doc interface between components: custom attributes and span-group names.

Components talk to each other only through these (never through each other's internals).
Every attribute holds plain values (str, int, float, None, lists and dicts of them), so Docs
survive `DocBin` and `nlp.pipe(n_process=N)`.

Doc attributes
- ``doc._.summit_date``: fallback ISO date (``--date`` or front matter), set before the pipeline.
- ``doc._.summit_doc_date`` / ``doc._.summit_date_source``: the date the leaders component
  resolved role mentions with ("text", "text_dateline_year", "summit_calendar" — the text's own
  date, see ``components/leaders/dates.py`` — or "none"; "front_matter"/"option" are told apart
  by the runner via summit_date).
- ``doc._.summit_leaders``: ``{kb_id: {"name", "country", "office", "organisation", "in_kb"}}``.

Span groups (see the ``*_GROUP`` constants)
- ``leaders``: one span per leader mention; ``label_`` is the mention kind
  (name|surname|role|pronoun), ``kb_id_`` the person's kb id.
- ``quotes``: the tokens inside the marks; ``span._.summit_quote`` is a dict with the exact
  ``start``/``end`` of the characters between the marks and speaker, speaker_kb_id,
  speaker_text, speaker_start, speaker_end, cue, cue_start, cue_end, attribution.
- ``quoted_names``: quoted text that is not a quotation (scare quotes, names, titles);
  ``label_`` is NAME or SCARE; ``span._.summit_quote`` holds exact ``start``/``end``.
- ``bodies``: main mention of each body; ``span._.summit_body`` holds start, end, kind, status,
  proposers, supporters, cue, cue_start, cue_end, mentions (list of [start, end]).
- ``figures``: ``span._.summit_figure`` holds start, end, value, value_max, unit, qualifier,
  kind, metric, period, subject.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

LEADERS_GROUP = "leaders"
QUOTES_GROUP = "quotes"
QUOTED_NAMES_GROUP = "quoted_names"
BODIES_GROUP = "bodies"
FIGURES_GROUP = "figures"

_DOC_ATTRS: dict[str, object] = {
    "summit_date": None,
    "summit_doc_date": None,
    "summit_date_source": "none",
    "summit_leaders": None,
}
_SPAN_ATTRS = ("summit_quote", "summit_body", "summit_figure")


def register_extensions() -> None:
    """Register the custom attributes once; safe to call any number of times."""
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in _SPAN_ATTRS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()
