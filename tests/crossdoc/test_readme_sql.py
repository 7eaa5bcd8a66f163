"""The README's three SQL queries run on the committed outputs and give the rows it shows."""

from __future__ import annotations

import re
import sqlite3
from itertools import pairwise
from pathlib import Path

from pipeline.load import load_folder
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _examples() -> list[tuple[str, list[str]]]:
    section = re.search(r"^### `summit load`.*?(?=^### )", README, re.S | re.M)
    assert section, "README has the summit load section"
    blocks = re.findall(r"```(\w*)\n(.*?)```", section.group(0), re.S)
    out = []
    for (lang, code), (_, shown) in pairwise(blocks):
        if lang == "sql":
            rows = [line for line in shown.splitlines() if line and line != "..."]
            out.append((code, rows))
    return out


def test_three_queries_give_the_rows_the_readme_shows(tmp_path: Path) -> None:
    db = tmp_path / "summit.sqlite"
    load_folder(ROOT / "outputs", db)
    examples = _examples()
    assert len(examples) == 3
    conn = sqlite3.connect(db)
    try:
        for code, shown in examples:
            got = [
                "|".join("" if v is None else str(v) for v in row)
                for row in conn.execute(code).fetchall()
            ]
            assert got, code
            for line in shown:
                assert line in got, (line, got[:5])
    finally:
        conn.close()
