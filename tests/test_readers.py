"""Readers: every format, provenance, and each kind of bad input as a clear read error."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaners.readers import read_input
from cleaners.records import RawDoc, ReadError

PAGE = (
    "<html><head><title>T</title></head><body><article><p>Hello world.</p></article></body></html>"
)


def write(root: Path, name: str, data: bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def only_doc(items: list[RawDoc | ReadError]) -> RawDoc:
    assert len(items) == 1 and isinstance(items[0], RawDoc), items
    return items[0]


def only_error(items: list[RawDoc | ReadError]) -> ReadError:
    assert len(items) == 1 and isinstance(items[0], ReadError), items
    return items[0]


def test_text_reader_keeps_provenance(tmp_path: Path) -> None:
    data = "Ein Satz über Straßen.\n".encode()
    doc = only_doc(read_input(write(tmp_path, "sub/a.txt", data), tmp_path))
    assert doc.path == "sub/a.txt"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert (doc.format, doc.kind, doc.record) == ("text", "text", None)
    assert doc.content.startswith("Ein Satz über")


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "koi8-r"])
def test_text_reader_detects_encodings(tmp_path: Path, encoding: str) -> None:
    sample = "Пример текста на русском языке, достаточно длинный для определения кодировки."
    if encoding == "cp1252":
        sample = "Café crème, naïve façade: déjà vu à la française, très élégant."
    doc = only_doc(read_input(write(tmp_path, "a.txt", sample.encode(encoding)), tmp_path))
    assert doc.content.strip() == sample


def test_invalid_utf8_never_crashes(tmp_path: Path) -> None:
    data = b"Valid start \xff\xfe\xfa broken bytes, then more text that reads fine.\n" * 3
    items = read_input(write(tmp_path, "bad.txt", data), tmp_path)
    assert len(items) == 1
    if isinstance(items[0], RawDoc):
        assert "Valid start" in items[0].content
    else:
        assert items[0].reason == "bad_encoding"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.html", b"  \n\t\n", "empty"),
        ("image.txt", bytes(range(256)) * 4, "binary"),
        ("cut.html.gz", gzip.compress(PAGE.encode() * 50)[:60], "bad_gzip"),
        ("notes.pdf", b"%PDF-1.4", "unsupported_format"),
    ],
)
def test_bad_inputs_become_read_errors(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    err = only_error(read_input(write(tmp_path, name, data), tmp_path))
    assert err.reason == reason
    assert err.path == name and err.detail


def test_html_reader_gzip_and_canonical_url(tmp_path: Path) -> None:
    page = PAGE.replace("<head>", '<head><link rel="canonical" href="https://ex.com/a">')
    doc = only_doc(read_input(write(tmp_path, "p.htm.gz", gzip.compress(page.encode())), tmp_path))
    assert (doc.format, doc.kind, doc.url) == ("html", "html", "https://ex.com/a")


def test_html_reader_honours_meta_charset(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Привет, мир.</p></body></html>'
    doc = only_doc(read_input(write(tmp_path, "p.html", page.encode("cp1251")), tmp_path))
    assert "Привет, мир." in doc.content


def test_jsonl_reader_quarantines_only_the_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"url": "https://ex.com/1", "html": PAGE, "title": "One"}),
        "{not json",
        "",
        json.dumps({"url": "https://ex.com/2", "content": "Plain text body.", "fetched_at": "x"}),
        json.dumps({"url": "https://ex.com/3"}),
        json.dumps([1, 2]),
    ]
    items = read_input(
        write(tmp_path, "e.jsonl.gz", gzip.compress("\n".join(lines).encode())), tmp_path
    )
    kinds = [(type(i).__name__, i.record) for i in items]
    assert kinds == [
        ("RawDoc", 0),
        ("ReadError", 1),
        ("RawDoc", 3),
        ("ReadError", 4),
        ("ReadError", 5),
    ]
    first, second = items[0], items[2]
    assert isinstance(first, RawDoc) and isinstance(second, RawDoc)
    assert (first.kind, first.url, first.title) == ("html", "https://ex.com/1", "One")
    assert (second.kind, second.content) == ("text", "Plain text body.")
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [e.reason for e in errors] == ["bad_json", "no_content", "bad_record"]


def make_warc(pages: list[tuple[str, str, str]]) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, ctype, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        payload = io.BytesIO(body.encode("utf-8"))
        writer.write_record(
            writer.create_warc_record(url, "response", payload=payload, http_headers=headers)
        )
    return buf.getvalue()


def test_warc_reader_takes_html_responses_only(tmp_path: Path) -> None:
    data = make_warc(
        [
            ("https://ex.com/a", "text/html; charset=utf-8", PAGE),
            ("https://ex.com/logo.png", "image/png", "PNG"),
            ("https://ex.com/b", "text/html", PAGE.replace("Hello", "Bye")),
        ]
    )
    items = read_input(write(tmp_path, "c.warc.gz", data), tmp_path)
    assert all(isinstance(i, RawDoc) for i in items)
    assert [(i.url, i.record) for i in items] == [("https://ex.com/a", 0), ("https://ex.com/b", 2)]


def test_truncated_warc_keeps_what_it_read(tmp_path: Path) -> None:
    data = make_warc(
        [("https://ex.com/a", "text/html", PAGE), ("https://ex.com/b", "text/html", PAGE * 40)]
    )
    items = read_input(write(tmp_path, "c.warc.gz", data[: len(data) - 200]), tmp_path)
    assert isinstance(items[0], RawDoc) and items[0].url == "https://ex.com/a"
    assert isinstance(items[-1], ReadError) and items[-1].reason == "bad_warc"


def test_utf8_bytes_win_over_a_stale_latin1_declaration(tmp_path: Path) -> None:
    page = '<html><head><meta charset="iso-8859-1"><title>«Tatort» będzie</title></head></html>'
    doc = only_doc(read_input(write(tmp_path, "p.html", page.encode("utf-8")), tmp_path))
    assert "«Tatort» będzie" in doc.content
