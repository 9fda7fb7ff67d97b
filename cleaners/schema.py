"""The output records (the one definition), SCHEMA_VERSION, and JSON Schema export."""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal["1.2"] = "1.2"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    """Where a document came from."""

    path: str = Field(description="Input path relative to the raw root (POSIX).")
    sha256: str = Field(description="sha256 of the raw bytes of the input file.")
    format: Literal["text", "html", "jsonl", "warc"]
    record: int | None = Field(description="Record index inside a container input, else null.")


class RemovedItem(_Model):
    """One piece of page chrome that was removed, with the rule that removed it."""

    rule: str
    text: str
    score: float | None = Field(
        default=None,
        description="The text model's keep probability for a line it removed (below its "
        "threshold); null when a rule removed the text or no model decided.",
    )


class CleanerInfo(_Model):
    """Which cleaner and configuration made the record."""

    version: str
    config_hash: str


class CleanDocument(_Model):
    """One cleaned document: main text plus metadata."""

    schema_version: Literal["1.2"] = SCHEMA_VERSION
    id: str = Field(description="Stable id derived from source path and record index.")
    url: str | None
    source: Source
    title: str | None
    published: str | None = Field(description="ISO 8601; time kept when known; no invented zone.")
    modified: str | None
    authors: list[str]
    site: str | None
    language: str | None = Field(description="ISO 639-1 code detected on the body.")
    description: str | None
    tags: list[str]
    text: str = Field(description="Main text; paragraphs separated by one blank line.")
    word_count: int
    removed: list[RemovedItem]
    cleaner: CleanerInfo


class QuarantineRecord(_Model):
    """An input (or one record of a container) that could not be cleaned."""

    schema_version: Literal["1.2"] = SCHEMA_VERSION
    id: str
    source: Source
    reason: str = Field(
        description="Short code: empty, binary, bad_encoding, bad_gzip, bad_json, ..."
    )
    detail: str = Field(description="One human sentence saying what was wrong.")
    # What a page that was read but held no article still told about itself (no_article).
    title: str | None = Field(default=None, description="Title found before quarantining.")
    published: str | None = Field(
        default=None, description="Publication date found before quarantining (ISO 8601)."
    )
    authors: list[str] = Field(default_factory=list, description="Authors found, if any.")
    cleaner: CleanerInfo


def json_schema() -> dict[str, object]:
    """Return the published JSON Schema of a clean document."""
    schema = CleanDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://pagewash.dev/schema/clean-document.schema.json"
    return schema


def quarantine_schema() -> dict[str, object]:
    """Return the JSON Schema of a quarantine record."""
    schema = QuarantineRecord.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def dump_schema(schema: dict[str, object]) -> str:
    """Serialise a schema deterministically, as it is committed."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
