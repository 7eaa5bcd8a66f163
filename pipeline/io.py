"""Reading inputs (decode, front matter, split) and writing JSONL (sorted, atomic, bounded memory)."""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonlines
from pydantic import BaseModel

from models.records import ErrorRecord
from pipeline.components.common.text import paragraph_breaks

INPUT_SUFFIXES = (".txt", ".md")


class InputError(Exception):
    """An input file that cannot be processed; becomes one line of errors.jsonl."""

    def __init__(self, path: str, kind: str, message: str) -> None:
        super().__init__(message)
        self.record = ErrorRecord(path=path, kind=kind, message=message)


@dataclass
class InputDoc:
    """A decoded input document. ``body_start`` skips front matter; offsets index ``text``."""

    doc_id: str
    path: str
    text: str
    sha256: str
    encoding: str
    body_start: int = 0
    meta: dict[str, str] = field(default_factory=dict)
    #: ``(kind, message)`` of problems worked around while reading (e.g. a bad front-matter date).
    warnings: list[tuple[str, str]] = field(default_factory=list)


# --------------------------------------------------------------------------- discovery


def discover(inputs: Iterable[str | Path]) -> tuple[list[Path], list[ErrorRecord]]:
    """Return the input files under ``inputs`` (folders: every *.txt and *.md below, sorted).

    A missing path becomes an error record, not an exception.
    """
    files: list[Path] = []
    errors: list[ErrorRecord] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files.extend(
                sorted(
                    p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES
                )
            )
        elif path.is_file():
            files.append(path)
        else:
            errors.append(
                ErrorRecord(path=str(path), kind="missing", message="no such file or folder")
            )
    seen: set[Path] = set()
    unique = []
    for p in files:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique, errors


# --------------------------------------------------------------------------- decoding

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_WORD = re.compile(r"[^\W\d_]+")


def _looks_cyrillic(text: str) -> bool:
    """True when a cp1251 reading gives real Cyrillic words rather than Latin words with stray
    Cyrillic letters (which is what Latin-1 accented text looks like read as cp1251)."""
    pure = mixed = 0
    for word in _WORD.findall(text):
        cyr = len(_CYRILLIC.findall(word))
        if cyr == len(word):
            pure += 1
        elif cyr:
            mixed += 1
    return pure > mixed


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Return ``(text, encoding)`` for raw input bytes.

    UTF-8 (a BOM is removed) first; otherwise Windows-1251 when the bytes read as Cyrillic words,
    else Latin-1. Nothing else in the text is changed (CRLF stays). Raises InputError for binary
    data (NUL bytes) and for text that no candidate decodes into printable characters.
    """
    if b"\x00" in data:
        raise InputError(path, "binary", "file contains NUL bytes: not a text file")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as err:
            raise InputError(path, "decode", f"has a UTF-8 BOM but is not UTF-8: {err}") from err
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        cp1251 = data.decode("cp1251")
    except UnicodeDecodeError:
        cp1251 = None
    if cp1251 is not None and _looks_cyrillic(cp1251):
        return cp1251, "cp1251"
    latin = data.decode("latin-1")
    controls = sum(
        1 for ch in latin if ("\x80" <= ch <= "\x9f") or (ch < " " and ch not in "\t\n\r\f")
    )
    if controls > max(2, len(latin) // 100):
        raise InputError(
            path, "decode", "not UTF-8, Windows-1251 or Latin-1 text (too many control characters)"
        )
    return latin, "latin-1"


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_META_KEYS = ("title", "date", "source")


def split_front_matter(text: str) -> tuple[dict[str, str], int]:
    """Return ``(metadata, body_start)`` for a Markdown text with ``---`` front matter.

    Only ``key: value`` lines are read (title, date, source are kept); the text is not changed.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    meta: dict[str, str] = {}
    for line in (match.group(1) or "").splitlines():
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if sep and key in _META_KEYS:
            meta[key] = value.strip().strip("'\"")
    return meta, match.end()


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value: str | None) -> str | None:
    """Return ``value`` when it is a real calendar date written ``YYYY-MM-DD``, else None.

    "yesterday" and "2024-13-40" are not dates: passing them on would let role resolution fall
    back silently to today while the output claims a front-matter date.
    """
    if value is None or not _ISO_DATE.fullmatch(value):
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return None
    return value


def check_front_matter_date(meta: dict[str, str]) -> list[tuple[str, str]]:
    """Move a front-matter ``date`` that is not ISO ``YYYY-MM-DD`` to ``date_raw``, in place.

    Returns the warnings to report. An empty ``date:`` is simply absent.
    """
    raw = meta.get("date")
    if raw is None or iso_date(raw) is not None:
        return []
    del meta["date"]
    if not raw:
        return []
    meta["date_raw"] = raw
    return [("bad_date", f"front-matter date {raw!r} is not a YYYY-MM-DD date; date set to null")]


def read_input(path: Path) -> InputDoc:
    """Read and decode one input file. Raises InputError with a user-facing message."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(str(path), "read", f"cannot read file: {err.strerror or err}") from err
    text, encoding = decode_bytes(data, str(path))
    meta: dict[str, str] = {}
    body_start = 0
    warnings: list[tuple[str, str]] = []
    if path.suffix.lower() == ".md":
        meta, body_start = split_front_matter(text)
        warnings = check_front_matter_date(meta)
    return InputDoc(
        doc_id=path.stem,
        path=str(path),
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        body_start=body_start,
        meta=meta,
        warnings=warnings,
    )


# --------------------------------------------------------------------------- splitting

#: Largest piece of a document given to spaCy at once. The base model needs about 3 KB of peak
#: memory per character in flight (measured: +150 MiB for one 50,000-character piece; a 5 MB line
#: cut at spaCy's max_length of 1,000,000 peaked at 14.2 GB), and ``nlp.pipe`` holds a batch of
#: pieces together, so pieces stay well under max_length. Every corpus text is shorter (the
#: longest is 23,335 characters), so only longer documents are cut.
PIECE_CHARS = 50_000

# ". " (or ! ?, closing quotes/brackets allowed) followed by a capital: a likely sentence start.
_SENTENCE_END = re.compile(r"[.!?][\"')\]\u2019\u201d\u00bb]*\s+(?=[^\W\d_])")
_SPACE = re.compile(r"\s+")


def _last_cut(text: str, pos: int, end: int) -> int:
    """Return the best place to cut ``text[pos:end]`` (an offset in ``text``), or ``end``.

    In order of preference: after the last paragraph separator (blank line, U+2029; or in a
    window without them a line break, CR or U+2028 — ``common.text.paragraph_breaks``), before
    the last sentence-like start (". " and a capital), after the last whitespace, else a hard cut.
    """
    window = text[pos:end]
    breaks = paragraph_breaks(window)
    if breaks and breaks[-1][1] > 0:
        return pos + breaks[-1][1]
    cut = 0
    for match in _SENTENCE_END.finditer(window):
        if window[match.end()].isupper():
            cut = match.end()
    if cut > 0:
        return pos + cut
    for match in _SPACE.finditer(window):
        cut = match.end()
    return pos + cut if cut > 0 else end


def split_pieces(text: str, start: int, limit: int) -> list[tuple[int, int]]:
    """Return ``(start, end)`` pieces of ``text[start:]`` of at most ``limit`` characters.

    Cuts fall at paragraph breaks where possible, else at a sentence-like boundary, else at
    whitespace, else anywhere, so that a long text — with or without paragraphs — is processed in
    bounded memory with true offsets (records are shifted back by each piece's start).
    """
    pieces: list[tuple[int, int]] = []
    pos, n = start, len(text)
    while n - pos > limit:
        cut = _last_cut(text, pos, pos + limit)
        pieces.append((pos, cut))
        pos = cut
    if pos < n or not pieces:
        pieces.append((pos, n))
    return pieces


# --------------------------------------------------------------------------- writing


def dump_line(record: BaseModel) -> str:
    """Return the record as one JSON line: fixed key order, UTF-8 without ASCII escapes."""
    # allow_nan=False: NaN/Infinity are not JSON (strict parsers and databases reject the line),
    # so writing one is a bug to surface, never a line to emit.
    return json.dumps(
        record.model_dump(mode="json"),
        ensure_ascii=False,
        separators=(", ", ": "),
        allow_nan=False,
    )


def atomic_write(path: Path, lines: Iterable[str]) -> None:
    """Write ``lines`` to ``path`` through a temporary file renamed into place.

    A run killed at any moment leaves either the old file or the complete new one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for line in lines:
                handle.write(line)
                handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class SortedSpool:
    """Collect ``(key, line)`` pairs and yield the lines sorted by key with bounded memory.

    Up to ``buffer`` pairs are held in memory; beyond that, sorted runs are spilled to temporary
    files and merged at the end (an external merge sort).
    """

    def __init__(self, tmpdir: Path, buffer: int = 20000) -> None:
        self.tmpdir = tmpdir
        self.buffer = buffer
        self._items: list[tuple[list[Any], str]] = []
        self._runs: list[Path] = []
        self.count = 0

    def add(self, key: list[Any], line: str) -> None:
        """Add one line with its sort key (a JSON-serialisable list)."""
        self._items.append((key, line))
        self.count += 1
        if len(self._items) >= self.buffer:
            self._spill()

    def _spill(self) -> None:
        self._items.sort(key=lambda item: item[0])
        fd, name = tempfile.mkstemp(prefix="run.", suffix=".jsonl", dir=self.tmpdir)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for key, line in self._items:
                handle.write(json.dumps([key, line], ensure_ascii=False) + "\n")
        self._runs.append(Path(name))
        self._items = []

    @staticmethod
    def _read_run(path: Path) -> Iterator[tuple[list[Any], str]]:
        with path.open(encoding="utf-8") as handle:
            for raw in handle:
                key, line = json.loads(raw)
                yield key, line

    def lines(self) -> Iterator[str]:
        """Yield every line, sorted by key."""
        self._items.sort(key=lambda item: item[0])
        if not self._runs:
            for _, line in self._items:
                yield line
            return
        streams: list[Iterable[tuple[list[Any], str]]] = [self._read_run(p) for p in self._runs]
        streams.append(iter(self._items))
        for _, line in heapq.merge(*streams, key=lambda item: item[0]):
            yield line


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a JSONL file (nothing when it does not exist).

    jsonlines reports a malformed line with its line number, which a user can act on.
    """
    if not path.exists():
        return
    with jsonlines.open(path, mode="r") as reader:
        yield from reader.iter(type=dict, skip_empty=True)
