"""``summit show --initiatives``: a static HTML timeline of initiatives per summit series.

One self-contained page (inline CSS, no script, no external asset): a section per series, a row
per initiative, its events placed on a shared time axis by document date and coloured by status
(proposed, established, adopted); every event's document, date, proposers and supporters are in
the row's table and in the marker's tooltip. Same initiatives.jsonl, same bytes.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict
from pathlib import Path
from typing import Any

from pipeline.io import read_jsonl
from pipeline.link import knowledge

STATUS_COLORS = {"proposed": "#f0a202", "established": "#1b998b", "adopted": "#2e5eaa"}


class ShowInitiativesError(Exception):
    """An output folder without initiatives."""


def _day(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date) if date else None
    except ValueError:
        return None


def render_initiatives(pred: Path, min_documents: int = 1) -> str:
    """Return the HTML page of the initiatives of ``pred`` seen in ``min_documents`` or more."""
    path = pred / "initiatives.jsonl"
    if not path.exists():
        raise ShowInitiativesError(f"{path} does not exist: run `summit link {pred}` first")
    records = [r for r in read_jsonl(path) if len(r.get("documents", [])) >= min_documents]
    days = [d for r in records for ev in r["timeline"] if (d := _day(ev.get("date")))]
    lo = dt.date(min(days).year, 1, 1) if days else dt.date(2000, 1, 1)
    hi = dt.date(max(days).year + 1, 1, 1) if days else dt.date(2001, 1, 1)
    span = (hi - lo).days or 1

    def x(day: dt.date) -> float:
        return round(100 * (day - lo).days / span, 3)

    names = {s.id: s.name for s in knowledge().series}
    order = {s.id: i for i, s in enumerate(knowledge().series)}
    by_series: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        by_series[r.get("series")].append(r)
    esc = html.escape
    years = "".join(
        f'<span class="year" style="left:{x(dt.date(y, 1, 1))}%">{y}</span>'
        for y in range(lo.year, hi.year)
    )
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>Initiatives across summits</title>",
        "<style>",
        "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}",
        "h2{border-bottom:2px solid #ccc;margin-top:2em}",
        ".axis,.track{position:relative;height:1.4em;margin-left:34%}",
        ".axis{border-bottom:1px solid #999;font-size:.8em}",
        ".year{position:absolute;transform:translateX(-50%);color:#666}",
        ".track{background:repeating-linear-gradient(90deg,#f6f6f6 0 1px,transparent 1px 100%)}",
        ".row{display:block;border-top:1px solid #eee;padding:.3em 0}",
        ".name{position:absolute;left:-52%;width:50%;text-align:right;font-size:.9em;"
        "white-space:nowrap;overflow:hidden;text-overflow:ellipsis}",
        ".ev{position:absolute;top:.2em;width:.9em;height:.9em;border-radius:50%;"
        "transform:translateX(-50%);border:1px solid #fff}",
        "details{margin-left:34%;font-size:.85em}",
        "table{border-collapse:collapse}td,th{padding:.1em .6em;text-align:left}",
        ".legend span{display:inline-block;margin-right:1.2em}",
        ".dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.3em}",
        "</style></head><body>",
        "<h1>Initiatives across summits</h1>",
        f"<p>{len(records)} initiatives from <code>{esc(str(path))}</code>; each dot is one "
        "document reporting the initiative, placed at the document's date.</p>",
        '<p class="legend">'
        + "".join(
            f'<span><span class="dot" style="background:{c}"></span>{s}</span>'
            for s, c in STATUS_COLORS.items()
        )
        + "</p>",
    ]
    for series in sorted(by_series, key=lambda s: (s is None, order.get(s or "", 99), s or "")):
        rows = sorted(by_series[series], key=lambda r: (r.get("first_date") or "9999", r["name"]))
        title = names.get(series or "", "No series recognised") if series else "Other"
        out.append(f"<h2>{esc(title)} <small>({len(rows)})</small></h2>")
        out.append(f'<div class="axis">{years}</div>')
        for r in rows:
            dots = []
            undated = []
            for ev in r["timeline"]:
                tip = esc(
                    f"{ev['date'] or 'undated'} · {ev['doc_id']} · {ev['status']} · {ev['name']}"
                    + (f" · proposed by {', '.join(ev['proposers'])}" if ev["proposers"] else "")
                    + (f" · supported by {', '.join(ev['supporters'])}" if ev["supporters"] else "")
                )
                day = _day(ev.get("date"))
                color = STATUS_COLORS.get(ev["status"], "#888")
                if day is None:
                    undated.append(ev)
                    continue
                dots.append(
                    f'<span class="ev" style="left:{x(day)}%;background:{color}" '
                    f'title="{tip}"></span>'
                )
            label = esc(r["name"]) + (f" ({len(undated)} undated)" if undated else "")
            out.append(
                f'<div class="row"><div class="track"><span class="name" title="{esc(r["name"])}">'
                f"{label}</span>{''.join(dots)}</div>"
            )
            cells = "".join(
                "<tr>"
                f"<td>{esc(ev['date'] or '—')}</td><td>{esc(ev['doc_id'])}</td>"
                f'<td style="color:{STATUS_COLORS.get(ev["status"], "#888")}">'
                f"{esc(ev['status'])}</td><td>{esc(ev['name'])}</td>"
                f"<td>{esc(', '.join(ev['proposers']))}</td>"
                f"<td>{esc(', '.join(ev['supporters']))}</td></tr>"
                for ev in r["timeline"]
            )
            out.append(
                f"<details><summary>{esc(r['kind'])}, {esc(r['status'])}, "
                f"{len(r['timeline'])} event(s) · <code>{esc(r['id'])}</code></summary>"
                "<table><tr><th>date</th><th>document</th><th>status</th><th>name</th>"
                f"<th>proposers</th><th>supporters</th></tr>{cells}</table></details></div>"
            )
    out.append("</body></html>")
    return "\n".join(out) + "\n"
