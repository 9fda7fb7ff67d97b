"""In-memory records passed between readers, cleaning steps and the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["text", "html"]
Format = Literal["text", "html", "jsonl", "warc"]


@dataclass(frozen=True)
class RawDoc:
    """One document read from an input file, before cleaning."""

    path: str  # input path relative to the raw root, POSIX separators
    sha256: str  # sha256 of the raw bytes of the whole input file
    format: Format
    record: int | None  # index inside a container (jsonl line, warc record), else None
    kind: Kind  # whether ``content`` is HTML or plain text
    content: str
    url: str | None = None
    title: str | None = None  # a title given by the scraper export, if any
    fetched_at: str | None = None


@dataclass(frozen=True)
class ReadError:
    """An input (or one record of it) that could not be read into a document."""

    path: str
    sha256: str
    format: Format
    record: int | None
    reason: str  # short machine-friendly code, e.g. "empty", "binary", "bad_gzip"
    detail: str  # one human sentence


@dataclass(frozen=True)
class Removal:
    """One piece of text removed as chrome, and the rule that removed it."""

    rule: str
    text: str
    score: float | None = None  # the text model's keep probability, when it decided


@dataclass
class Metadata:
    """Document metadata found by an extractor; every field may be missing."""

    title: str | None = None
    published: str | None = None  # ISO 8601, time kept when known, no invented zone
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    site: str | None = None
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    url: str | None = None


@dataclass
class Extraction:
    """What an extractor made of one document: body paragraphs, metadata, removals."""

    paragraphs: list[str]
    metadata: Metadata
    removed: list[Removal] = field(default_factory=list)
