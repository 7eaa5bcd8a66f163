"""One document's records drawn on its text: ``summit show DOC``.

Uses displaCy's span renderer in manual mode: the spans come from the JSONL records (not from a
pipeline run), and the renderer needs token boundaries, so the text is tokenised with
``spacy.blank("en")`` and every record's character offsets are widened to whole tokens with
``Doc.char_span(..., alignment_mode="expand")``. The text is drawn paragraph by paragraph (one
displaCy block each) so the page keeps the article's layout.
"""

from __future__ import annotations

import difflib
import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy import displacy
from spacy.language import Language

from pipeline.components.common.text import paragraph_spans
from pipeline.evaluate import (
    EvaluationError,
    Predictions,
    find_raw_text,
    format_number,
    load_predictions,
)

COLORS = {"LEADER": "#7aecec", "QUOTE": "#feca74", "BODY": "#aa9cfc", "FIGURE": "#bfeeb7"}
"""Colour of each label kind (the part of the label before the colon)."""


class ShowError(Exception):
    """A document that cannot be shown: unknown id, missing text, unreadable outputs."""


@dataclass(frozen=True)
class LabelledSpan:
    """A character span with the label displaCy draws under it."""

    start: int
    end: int
    label: str
    kb_id: str = ""


def record_spans(pred: Predictions, doc_id: str) -> list[LabelledSpan]:
    """Return the labelled spans of one document's records.

    Leader mentions are ``LEADER: <name>``, quotes ``QUOTE: <speaker>``, bodies
    ``BODY <status>: <proposers>`` and figures ``FIGURE: <value>[–<value_max>] <unit>``.
    """
    spans: list[LabelledSpan] = []
    for leader in pred.leaders.get(doc_id, []):
        for m in leader.mentions:
            spans.append(LabelledSpan(m.start, m.end, f"LEADER: {leader.name}", leader.kb_id))
    for q in pred.quotes.get(doc_id, []):
        spans.append(LabelledSpan(q.start, q.end, f"QUOTE: {q.speaker or 'unknown speaker'}"))
    for b in pred.bodies.get(doc_id, []):
        proposers = ", ".join(b.proposers) or "collective"
        spans.append(LabelledSpan(b.start, b.end, f"BODY {b.status}: {proposers}"))
    for f in pred.figures.get(doc_id, []):
        value = format_number(f.value)
        if f.value_max is not None:
            value += f"–{format_number(f.value_max)}"
        spans.append(LabelledSpan(f.start, f.end, f"FIGURE: {value} {f.unit}"))
    return spans


def resolve_doc_id(doc: str, pred: Predictions) -> str:
    """Return the document id ``doc`` names: an exact id or a unique prefix of one.

    Raises ShowError listing close ids when there is no such document in the predictions.
    """
    ids = sorted(pred.doc_ids())
    if doc in ids:
        return doc
    prefixed = [i for i in ids if i.startswith(doc)]
    if len(prefixed) == 1:
        return prefixed[0]
    if len(prefixed) > 1:
        raise ShowError(f"{doc!r} matches several documents: {', '.join(prefixed[:10])}")
    close = difflib.get_close_matches(doc, ids, n=5, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    known = f" ({len(ids)} documents in {pred.folder})" if ids else f" ({pred.folder} is empty)"
    raise ShowError(f"unknown document {doc!r}{known}{hint}")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    # The pipeline's own paragraph definition (blank line, U+2029; else line breaks, CR, U+2028),
    # so a review page draws the paragraphs the components saw.
    return [(s, e) for s, e in paragraph_spans(text) if text[s:e].strip()]


def manual_parses(text: str, spans: list[LabelledSpan], nlp: Language) -> list[dict[str, Any]]:
    """Return displaCy manual span data, one dict per paragraph of ``text``.

    A span crossing a paragraph break is drawn in each paragraph it covers. Labels are
    HTML-escaped here because the span renderer inserts them into the markup as they are.
    """
    parses: list[dict[str, Any]] = []
    for p_start, p_end in _paragraphs(text):
        doc = nlp.make_doc(text[p_start:p_end])
        items = []
        for span in spans:
            s, e = max(span.start, p_start), min(span.end, p_end)
            if s >= e:
                continue
            covered = doc.char_span(s - p_start, e - p_start, alignment_mode="expand")
            if covered is None or len(covered) == 0:
                continue
            items.append(
                {
                    "start_token": covered.start,
                    "end_token": covered.end,
                    "label": html.escape(span.label, quote=False),
                    "kb_id": span.kb_id,
                    "kb_url": "#",
                }
            )
        parses.append(
            {
                "text": doc.text,
                "tokens": [t.text for t in doc],
                "spans": items,
                "title": None,
            }
        )
    return parses


def render_html(doc: str, pred_dir: Path, raw_dir: Path | None) -> str:
    """Return a standalone HTML page with the records of document ``doc`` highlighted.

    Raises ShowError for an unknown document, unreadable outputs or a missing raw text.
    """
    try:
        pred = load_predictions(pred_dir)
    except EvaluationError as err:
        raise ShowError(str(err)) from err
    doc_id = resolve_doc_id(doc, pred)
    record = pred.documents.get(doc_id)
    text = find_raw_text(doc_id, raw_dir, record)
    if text is None:
        raise ShowError(
            f"no text for {doc_id}: neither {raw_dir}/{doc_id}.txt|.md nor the input path in "
            f"{pred_dir}/documents.jsonl exists; pass --raw FOLDER"
        )
    if record is not None and record.chars != len(text):
        raise ShowError(
            f"the text found for {doc_id} has {len(text)} characters but the outputs were made "
            f"from {record.chars}; re-run `summit extract` or pass the right --raw"
        )
    spans = record_spans(pred, doc_id)
    counts = {
        name: len(getattr(pred, name).get(doc_id, []))
        for name in ("leaders", "quotes", "bodies", "figures")
    }
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    heading = f"{record.title} ({doc_id})" if record is not None and record.title else doc_id
    colors = {
        html.escape(s.label, quote=False): COLORS[s.label.split(":")[0].split()[0]] for s in spans
    }
    parses = manual_parses(text, spans, spacy.blank("en"))
    body = displacy.render(
        parses, style="span", manual=True, page=False, options={"colors": colors}, jupyter=False
    )
    legend = " ".join(
        f'<span style="background: {color}; padding: 0.1em 0.4em">{kind}</span>'
        for kind, color in COLORS.items()
    )
    return _PAGE.format(
        title=html.escape(heading),
        summary=html.escape(f"{summary} — from {pred_dir}"),
        legend=legend,
        body=body,
    )


# displaCy's own page template has no charset (non-ASCII names would break when the file is
# opened from disk) and puts a 6rem gap after every figure; this one keeps paragraphs close.
_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 16px;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }}
.spans {{ margin-bottom: 1.2rem; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{summary}</p>
<p>{legend}</p>
{body}
</body>
</html>
"""
