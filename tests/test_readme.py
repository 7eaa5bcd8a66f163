"""The README is part of the product: its Quickstart and database example must stay true."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.S | re.M)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def test_quickstart_has_exactly_two_commands_and_ci_runs_the_test_one() -> None:
    blocks = re.findall(r"```\w*\n(.*?)```", _section("Quickstart"), re.S)
    commands = [line.split("#")[0].strip() for line in blocks[0].splitlines()]
    commands = [c for c in commands if c]
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_database_example_runs_on_committed_outputs(monkeypatch: pytest.MonkeyPatch) -> None:
    code = re.findall(r"```python\n(.*?)```", _section("Reading the JSONL in a database"), re.S)
    assert code, "the database section holds a python example"
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(code[0], "README.md", "exec"), namespace)  # the example as a user would run it
    rows = namespace["rows"]
    assert isinstance(rows, list) and rows, "the example query returns rows"
    assert all(isinstance(r[0], str) for r in rows)


def test_every_documented_command_exists() -> None:
    from typer.main import get_command

    from pipeline.cli import app

    commands = set(get_command(app).commands)  # type: ignore[attr-defined]
    documented = set(re.findall(r"^\| `summit (\w+)", README, re.M))
    assert documented == commands, (documented, commands)
