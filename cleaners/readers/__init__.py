"""Readers: turn one input file into documents (or read errors) with provenance."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from cleaners.config import Config
from cleaners.discover import check_input
from cleaners.readers.decode import DecodeError
from cleaners.readers.files import detect_format, is_gzipped, relative_name, sha256_bytes
from cleaners.readers.html import read_html
from cleaners.readers.jsonl import iter_jsonl
from cleaners.readers.stream import hash_file, open_input, read_capped
from cleaners.readers.text import read_text
from cleaners.readers.warc import iter_warc
from cleaners.records import Format, RawDoc, ReadError

# Budget of one document's bytes when the caller gives none: the default Config's.
DEFAULT_MAX_DOC_BYTES = Config.max_doc_bytes

Reader = Callable[[bytes, str, str], list[RawDoc]]
# Formats that hold exactly one document per file.
SINGLE_READERS: dict[Format, Reader] = {"text": read_text, "html": read_html}

__all__ = ["detect_format", "hash_file", "iter_input", "read_bytes", "read_input", "sha256_bytes"]

Item = RawDoc | ReadError


def read_input(
    path: Path, root: Path, max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES
) -> list[RawDoc | ReadError]:
    """Read one input file under ``root`` into a list of documents; never raise on content."""
    return list(iter_input(path, root, max_doc_bytes))


def iter_input(
    path: Path, root: Path, max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES, sha: str | None = None
) -> Iterator[RawDoc | ReadError]:
    """Stream one input's documents; containers are read record by record, never whole."""
    rel = relative_name(path, root)
    fmt = detect_format(path)
    refusal = check_input(path, root)
    if refusal is not None:
        yield ReadError(rel, "", fmt or "text", None, *refusal)
        return
    try:
        sha = sha or hash_file(path)
    except OSError as exc:
        yield ReadError(rel, "", fmt or "text", None, "unreadable", str(exc))
        return
    if fmt is None:
        yield _unsupported(rel, sha)
        return
    try:
        yield from _iter_file(path, rel, sha, fmt, max_doc_bytes)
    except OSError as exc:
        yield ReadError(rel, sha, fmt, None, "unreadable", str(exc))


def _iter_file(path: Path, rel: str, sha: str, fmt: Format, limit: int) -> Iterator[Item]:
    gzipped = is_gzipped(path)
    if fmt == "warc":
        # warcio reads gzip members itself, record by record.
        with path.open("rb") as fh:
            yield from iter_warc(fh, rel, sha, limit)
        return
    with open_input(path, gzipped) as fh:
        yield from _iter_stream(fh, rel, sha, fmt, limit, gzipped)


def _iter_stream(
    fh: IO[bytes], rel: str, sha: str, fmt: Format, limit: int, gzipped: bool
) -> Iterator[Item]:
    if fmt == "jsonl":
        yield from _guard_gzip(iter_jsonl(fh, rel, sha, limit), rel, sha)
        return
    try:
        data = read_capped(fh, limit, "the decompressed document" if gzipped else "the file")
    except DecodeError as exc:
        yield ReadError(rel, sha, fmt, None, exc.reason, exc.detail)
        return
    yield from _read_single(data, rel, sha, fmt)


def _guard_gzip(items: Iterator[Item], rel: str, sha: str) -> Iterator[Item]:
    """Pass records on; a gzip stream that breaks midway ends with a read error."""
    count = 0
    try:
        for item in items:
            count += 1
            yield item
    except (EOFError, zlib.error, OSError) as exc:
        detail = f"gzip data is truncated or corrupt after {count} records ({exc})"
        yield ReadError(rel, sha, "jsonl", None, "bad_gzip", detail)


def read_bytes(
    data: bytes, rel: str, max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES
) -> list[RawDoc | ReadError]:
    """Read the bytes of an input named ``rel`` into documents or read errors."""
    sha = sha256_bytes(data)
    name = Path(rel)
    fmt = detect_format(name)
    if fmt is None:
        return [_unsupported(rel, sha)]
    if fmt == "warc":
        return list(iter_warc(io.BytesIO(data), rel, sha, max_doc_bytes))
    fh: IO[bytes] = io.BytesIO(data)
    if is_gzipped(name):
        fh = gzip.GzipFile(fileobj=fh, mode="rb")  # type: ignore[assignment]
    with fh:
        return list(_iter_stream(fh, rel, sha, fmt, max_doc_bytes, is_gzipped(name)))


def _read_single(data: bytes, rel: str, sha: str, fmt: Format) -> Iterator[Item]:
    try:
        yield from SINGLE_READERS[fmt](data, rel, sha)
    except DecodeError as exc:
        yield ReadError(rel, sha, fmt, None, exc.reason, exc.detail)


def _unsupported(rel: str, sha: str) -> ReadError:
    suffixes = "".join(Path(rel).suffixes) or "(no suffix)"
    detail = f"unsupported file type {suffixes}"
    return ReadError(rel, sha, "text", None, "unsupported_format", detail)
