"""The catalogue corpus/PHENOMENA.md cannot rot: every test it names exists.

Each catalogue row has a test column holding ``file::test_function`` references separated by
``;`` (an optional note in brackets, without ``;``, may follow a reference) or the words "not covered". A renamed
or removed test, or a typo in a reference, fails here instead of silently misleading the reader.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "corpus" / "PHENOMENA.md"
ROW_RE = re.compile(r"^\| ([A-Z]-[A-Z0-9-]+) \|")
# a cell separator is a pipe not escaped with a backslash (examples may hold a literal \|)
CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")
REF_RE = re.compile(r"^(tests/[\w/]+\.py)::(test_\w+)(?:\s+\(.*\))?$")
#: id, construction, example, seen, now, test, rule / data
N_CELLS = 7
TEST_CELL = 5


def catalogue_rows() -> list[tuple[str, str]]:
    """Return ``(entry id, test cell)`` of every catalogue row."""
    rows = []
    for line in CATALOGUE.read_text(encoding="utf-8").splitlines():
        m = ROW_RE.match(line)
        if not m:
            continue
        cells = [c.strip() for c in CELL_SPLIT_RE.split(line.strip())[1:-1]]
        assert len(cells) == N_CELLS, f"{m.group(1)}: {len(cells)} cells, expected {N_CELLS}"
        rows.append((m.group(1), cells[TEST_CELL]))
    return rows


@cache
def defined_tests(path: str) -> frozenset[str]:
    """Return the names of the test functions (top level or in classes) defined in ``path``."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    return frozenset(
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    )


def reference_problems(cell: str) -> list[str]:
    """Return what is wrong with one test cell (empty when every reference resolves)."""
    if cell.startswith("not covered"):
        return []
    if not cell:
        return ["empty test cell (write 'not covered' when no test covers the entry)"]
    problems = []
    for ref in (r.strip() for r in cell.split(";")):
        m = REF_RE.match(ref)
        if not m:
            problems.append(f"not a file::test_function reference: {ref!r}")
            continue
        path, name = m.groups()
        if not (ROOT / path).is_file():
            problems.append(f"no such test file: {path}")
        elif name not in defined_tests(path):
            problems.append(f"no test function {name} in {path}")
    return problems


ROWS = catalogue_rows()


def test_the_catalogue_has_rows() -> None:
    # guards the parser: a format change that matches no row would make the check below vacuous
    assert len(ROWS) >= 80
    assert len({rid for rid, _ in ROWS}) == len(ROWS), "duplicate entry ids"


@pytest.mark.parametrize(("entry", "cell"), ROWS, ids=[rid for rid, _ in ROWS])
def test_every_test_reference_exists(entry: str, cell: str) -> None:
    assert reference_problems(cell) == []


@pytest.mark.parametrize(
    "cell",
    [
        "tests/test_phenomena.py::test_no_such_function",
        "tests/no_such_file.py::test_the_catalogue_has_rows",
        "tests/test_phenomena.py:test_the_catalogue_has_rows",
        "tests/test_phenomena.py::test_the_catalogue_has_rows; covered somewhere",
        "",
    ],
)
def test_wrong_references_are_reported(cell: str) -> None:
    assert reference_problems(cell) != []


def test_right_references_pass() -> None:
    cell = (
        "tests/test_phenomena.py::test_the_catalogue_has_rows; "
        "tests/test_phenomena.py::test_right_references_pass (this test)"
    )
    assert reference_problems(cell) == []
