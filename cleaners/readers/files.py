"""Read one input file's bytes and provenance; tell formats apart by name."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cleaners.records import Format
from cleaners.storage import is_local

# Suffixes (after an optional .gz) of each input format.
_SUFFIXES: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
}


def detect_format(path: Path) -> Format | None:
    """Return the input format named by a file's suffixes, or None if unsupported."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if not suffixes:
        return None
    return _SUFFIXES.get(suffixes[-1])


def is_gzipped(path: Path) -> bool:
    """Tell whether the file name says gzip."""
    return path.name.lower().endswith(".gz")


def sha256_bytes(data: bytes) -> str:
    """Return the hex sha256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def relative_name(path: Path, root: Path) -> str:
    """Return the POSIX path of an input relative to the raw root."""
    if not is_local(path):
        return path.relative_to(root).as_posix()  # an fsspec path: no links to keep
    # The link's own name, not its target's: a link in raw/ is an input of its own.
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return path.resolve().relative_to(root.resolve()).as_posix()
