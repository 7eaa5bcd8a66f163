"""The Dask engine: a two-worker LocalCluster writes the same bytes as a local run, also when a
worker dies in the middle of a partition."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pipeline.runner
from pipeline.cli import app
from pipeline.engines import dask_outcomes
from pipeline.nlp import DEFAULT_MODEL, build_nlp
from pipeline.runner import MANIFEST, OUTPUT_TYPES, run_extract
from tests.conftest import CORPUS_RAW

pytest.importorskip("distributed", reason="the dask extra is installed by `make test`")

# A handful of texts of different genres (plus a binary file, below, for errors.jsonl).
_DOCS = sorted(CORPUS_RAW.glob("*.txt"))[:7]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("in")
    for path in _DOCS:
        shutil.copy(path, folder / path.name)
    (folder / "binary.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR"
    )  # an errors.jsonl line
    return folder


@pytest.fixture(scope="module")
def local_out(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    run_extract([str(inputs)], out, nlp_factory=build_nlp, model=DEFAULT_MODEL)
    return out


def _same_bytes(a: Path, b: Path) -> None:
    for fname in [f"{name}.jsonl" for name in OUTPUT_TYPES] + [MANIFEST]:
        assert (a / fname).read_bytes() == (b / fname).read_bytes(), fname


def test_local_cluster_writes_the_bytes_of_a_local_run(
    inputs: Path, local_out: Path, tmp_path: Path
) -> None:
    out = tmp_path / "dask"
    result = CliRunner().invoke(
        app,
        [
            "extract",
            str(inputs),
            "--out",
            str(out),
            "--engine",
            "dask",
            "--workers",
            "2",
            "--partition-size",
            "2",
        ],
    )
    assert result.exit_code == 1, result.output  # the binary input is an error line, as locally
    _same_bytes(local_out, out)


def test_a_worker_killed_mid_partition_is_retried(
    inputs: Path, local_out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "killed-once"
    monkeypatch.setattr(
        pipeline.runner,
        "dask_outcomes",
        functools.partial(dask_outcomes, fault_marker=str(marker)),
    )
    out = tmp_path / "dask"
    summary = run_extract(
        [str(inputs)],
        out,
        nlp_factory=build_nlp,
        model=DEFAULT_MODEL,
        engine="dask",
        workers=2,
        partition_size=3,
    )
    assert marker.exists()  # a worker process did die in a partition
    assert summary.processed == len(_DOCS)
    _same_bytes(local_out, out)


def test_unknown_engine_and_stray_scheduler_are_usage_errors(inputs: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(app, ["extract", str(inputs), "--out", str(tmp_path), "--engine", "spark"])
    assert bad.exit_code == 2 and "--engine must be one of" in bad.output
    stray = runner.invoke(
        app, ["extract", str(inputs), "--out", str(tmp_path), "--scheduler", "tcp://x:1"]
    )
    assert stray.exit_code == 2 and "--scheduler goes with --engine dask" in stray.output
