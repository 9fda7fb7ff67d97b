"""Readers: turn one input file into documents (or read errors) with provenance."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cleaners.readers.decode import DecodeError, gunzip
from cleaners.readers.files import detect_format, is_gzipped, relative_name, sha256_bytes
from cleaners.readers.html import read_html
from cleaners.readers.jsonl import read_jsonl
from cleaners.readers.text import read_text
from cleaners.readers.warc import read_warc
from cleaners.records import Format, RawDoc, ReadError

Reader = Callable[[bytes, str, str], list[RawDoc] | list[RawDoc | ReadError]]
READERS: dict[Format, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
}

__all__ = ["detect_format", "read_bytes", "read_input", "sha256_bytes"]


def read_input(path: Path, root: Path) -> list[RawDoc | ReadError]:
    """Read one input file under ``root`` into documents; never raise on bad content."""
    rel = relative_name(path, root)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [ReadError(rel, "", detect_format(path) or "text", None, "unreadable", str(exc))]
    return read_bytes(data, rel)


def read_bytes(data: bytes, rel: str) -> list[RawDoc | ReadError]:
    """Read the bytes of an input named ``rel`` into documents or read errors."""
    sha = sha256_bytes(data)
    name = Path(rel)
    fmt = detect_format(name)
    if fmt is None:
        detail = f"unsupported file type {''.join(name.suffixes) or '(no suffix)'}"
        return [ReadError(rel, sha, "text", None, "unsupported_format", detail)]
    try:
        if fmt == "warc":
            # warcio reads gzip members itself, record by record.
            return list(read_warc(data, rel, sha))
        if is_gzipped(name):
            data = gunzip(data)
        return list(READERS[fmt](data, rel, sha))
    except DecodeError as exc:
        return [ReadError(rel, sha, fmt, None, exc.reason, exc.detail)]
