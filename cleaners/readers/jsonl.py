"""Read scraper exports: JSON Lines, one record a line with html or text plus url."""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterator
from typing import IO

from cleaners.readers.decode import DecodeError, decode_bytes, looks_binary, sniff_wide_encoding
from cleaners.records import Kind, RawDoc, ReadError

# Keys scrapers use for the page body, in order of preference; html first.
HTML_KEYS = ("html", "raw_html", "page_html")
TEXT_KEYS = ("text", "content", "body", "raw_text")
URL_KEYS = ("url", "source_url", "link")
# Text fields that actually hold markup (some exports put HTML under "content").
_MARKUP = re.compile(r"<\s*(html|body|div|p|article|head|!doctype)\b", re.I)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SKIP_CHUNK = 1 << 20
# No single-record budget given: a line may be as long as it likes.
_UNLIMITED = 1 << 62


def read_jsonl(data: bytes, path: str, sha256: str) -> list[RawDoc | ReadError]:
    """Split an export held in memory into documents; a bad line becomes a ReadError."""
    return list(iter_jsonl(io.BytesIO(data), path, sha256))


def iter_jsonl(
    fh: IO[bytes], path: str, sha256: str, max_line: int = _UNLIMITED
) -> Iterator[RawDoc | ReadError]:
    """Stream an export line by line; a bad or oversized line becomes a ReadError."""
    head = fh.read(8192)
    if head.startswith(_UTF16_BOMS) or sniff_wide_encoding(head):
        # Rare, but seen: exports saved by Windows tools. UTF-16 cannot be split on b"\n".
        yield from _iter_utf16(head + fh.read(), path, sha256)
        return
    if looks_binary(head):
        yield _error(path, sha256, None, "binary", "the export holds binary data, not text")
        return
    stream = io.BufferedReader(_Prefixed(head.removeprefix(codecs.BOM_UTF8), fh))
    found = False
    for index, line in enumerate(_lines(stream, max_line)):
        if line is None:
            found = True
            detail = f"line {index + 1} is longer than the {max_line:,}-byte budget"
            yield _error(path, sha256, index, "too_large", detail)
            continue
        if not line.strip():
            continue
        found = True
        yield _read_line(_decode(line, index, path, sha256), index, path, sha256)
    if not found:
        yield _error(path, sha256, None, "empty", "the export holds no records")


def _lines(stream: IO[bytes], max_line: int) -> Iterator[bytes | None]:
    """Yield each line's bytes, or None for a line over the budget (skipped, not held)."""
    while True:
        line = stream.readline(max_line + 1)
        if not line:
            return
        if len(line) > max_line and not line.endswith(b"\n"):
            while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line.rstrip(b"\r\n")


def _decode(line: bytes, index: int, path: str, sha256: str) -> str | ReadError:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return decode_bytes(line)
    except DecodeError as exc:
        return _error(path, sha256, index, exc.reason, f"line {index + 1}: {exc.detail}")


def _iter_utf16(data: bytes, path: str, sha256: str) -> Iterator[RawDoc | ReadError]:
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        yield _error(path, sha256, None, exc.reason, exc.detail)
        return
    found = False
    for index, line in enumerate(text.split("\n")):
        if line.strip():
            found = True
            yield _read_line(line.rstrip("\r"), index, path, sha256)
    if not found:
        yield _error(path, sha256, None, "empty", "the export holds no records")


def _read_line(line: str | ReadError, index: int, path: str, sha256: str) -> RawDoc | ReadError:
    if isinstance(line, ReadError):
        return line
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return _error(path, sha256, index, "bad_json", f"line {index + 1} is not JSON ({exc.msg})")
    except RecursionError:
        return _error(path, sha256, index, "bad_json", f"line {index + 1} nests too deeply")
    if not isinstance(obj, dict):
        return _error(path, sha256, index, "bad_record", f"line {index + 1} is not a JSON object")
    kind, content = _pick_content(obj)
    if content is None:
        keys = ", ".join(HTML_KEYS + TEXT_KEYS)
        return _error(path, sha256, index, "no_content", f"line {index + 1} has none of: {keys}")
    return RawDoc(
        path=path,
        sha256=sha256,
        format="jsonl",
        record=index,
        kind=kind,
        content=content,
        url=_first_str(obj, URL_KEYS),
        title=_first_str(obj, ("title",)),
        fetched_at=_first_str(obj, ("fetched_at", "crawled_at", "timestamp")),
    )


def _pick_content(obj: dict[str, object]) -> tuple[Kind, str | None]:
    html = _first_str(obj, HTML_KEYS)
    if html:
        return "html", html
    text = _first_str(obj, TEXT_KEYS)
    if text and _MARKUP.search(text[:2000]):
        return "html", text
    return "text", text


def _first_str(obj: dict[str, object], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _error(path: str, sha256: str, record: int | None, reason: str, detail: str) -> ReadError:
    return ReadError(
        path=path, sha256=sha256, format="jsonl", record=record, reason=reason, detail=detail
    )


class _Prefixed(io.RawIOBase):
    """A raw stream that yields already-read bytes, then the rest of a file."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
