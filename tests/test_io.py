"""Reading and writing without the model: decoding, front matter, splitting, sorted atomic JSONL."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from models.records import ErrorRecord
from pipeline.io import (
    InputError,
    SortedSpool,
    atomic_write,
    decode_bytes,
    discover,
    dump_line,
    read_input,
    split_front_matter,
    split_pieces,
)

RUSSIAN = "Президент Казахстана Касым-Жомарт Токаев заявил, что торговля выросла на 20 процентов."
FRENCH = "Le président a déclaré à Douchanbé que la coopération régionale était très élevée."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Tokayev said: “yes”.".encode(), "Tokayev said: “yes”.", "utf-8"),
        (b"\xef\xbb\xbfHello", "Hello", "utf-8-sig"),
        (b"line one\r\nline two\r\n", "line one\r\nline two\r\n", "utf-8"),
        (RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),
        (FRENCH.encode("latin-1"), FRENCH, "latin-1"),
        (b"", "", "utf-8"),
    ],
)
def test_decode_bytes(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"PK\x03\x04\x00\x00binary", "binary"),
        (b"\xef\xbb\xbf\xff\xfe broken", "decode"),
        (bytes(range(0x80, 0xA0)) * 4, "decode"),
    ],
)
def test_decode_bytes_rejects(data: bytes, kind: str) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "x.txt")
    assert info.value.record.kind == kind
    assert info.value.record.path == "x.txt"


def test_front_matter_is_metadata_and_text_is_unchanged(tmp_path: Path) -> None:
    raw = "---\ntitle: Astana summit\ndate: 2024-08-09\nsource: 'akorda.kz'\nauthor: x\n---\nBody text.\n"
    path = tmp_path / "astana.md"
    path.write_text(raw, encoding="utf-8")
    doc = read_input(path)
    assert doc.text == raw
    assert doc.meta == {"title": "Astana summit", "date": "2024-08-09", "source": "akorda.kz"}
    assert doc.text[doc.body_start :] == "Body text.\n"


@pytest.mark.parametrize("text", ["No front matter.", "---\nnot closed\nBody", "--- \n---\n"])
def test_front_matter_absent_or_unclosed(text: str) -> None:
    meta, start = split_front_matter(text)
    if text.startswith("--- \n---"):
        assert (meta, start) == ({}, len(text))
    else:
        assert (meta, start) == ({}, 0)


def test_txt_front_matter_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: t\n---\nx", encoding="utf-8")
    assert read_input(path).body_start == 0


@pytest.mark.parametrize("limit", [50, 120, 1000])
def test_split_pieces_cover_text_and_prefer_paragraphs(limit: int) -> None:
    paras = [f"Paragraph {i} " + "word " * (i % 7 + 3) for i in range(40)]
    text = "\n\n".join(paras)
    pieces = split_pieces(text, 0, limit)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    for (_s1, e1), (s2, _) in itertools.pairwise(pieces):
        assert e1 == s2
    assert all(e - s <= limit for s, e in pieces)
    if limit >= 120:  # every paragraph fits: every cut falls right after a blank line
        assert all(text[s - 2 : s] == "\n\n" for s, _ in pieces[1:])


def test_split_pieces_hard_cut_without_spaces() -> None:
    text = "x" * 250
    assert split_pieces(text, 0, 100) == [(0, 100), (100, 200), (200, 250)]
    assert split_pieces("", 0, 100) == [(0, 0)]
    assert split_pieces("abc", 1, 100) == [(1, 3)]


def test_discover_sorts_and_reports_missing(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ["b/z.txt", "a.md", "c.txt", "ignored.json"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, errors = discover([tmp_path, tmp_path / "c.txt", tmp_path / "nope.txt"])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["a.md", "b/z.txt", "c.txt"]
    assert errors == [
        ErrorRecord(
            path=str(tmp_path / "nope.txt"), kind="missing", message="no such file or folder"
        )
    ]


def test_dump_line_keeps_field_order_and_unicode() -> None:
    line = dump_line(ErrorRecord(path="ü.txt", kind="decode", message="«x»"))
    assert line == '{"path": "ü.txt", "kind": "decode", "message": "«x»"}'
    assert list(json.loads(line)) == ["path", "kind", "message"]


@pytest.mark.parametrize("buffer", [1, 3, 1000])
def test_sorted_spool_sorts_with_any_buffer(tmp_path: Path, buffer: int) -> None:
    spool = SortedSpool(tmp_path, buffer=buffer)
    keys = [["b", 5], ["a", 10], ["a", 2], ["c", 0], ["a", 2, "z"], ["b", 1]]
    for key in keys:
        spool.add(key, json.dumps(key))
    assert [json.loads(x) for x in spool.lines()] == sorted(keys)


def test_atomic_write_replaces_whole_file_or_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out" / "a.jsonl"
    atomic_write(target, ["old"])

    def broken() -> object:
        yield "new-1"
        raise RuntimeError("killed mid-write")

    with pytest.raises(RuntimeError):
        atomic_write(target, broken())  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in target.parent.iterdir()] == ["a.jsonl"]
