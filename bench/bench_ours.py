"""Our library, called the way the pipeline calls it: read, clean, render the JSON record."""

from __future__ import annotations

from collections.abc import Sequence

from bench_common import Doc

from cleaners.config import Config
from cleaners.output import render_record
from cleaners.pipeline import clean_item, learn_profile
from cleaners.readers import read_bytes
from cleaners.records import RawDoc, ReadError
from cleaners.schema import CleanDocument, QuarantineRecord
from cleaners.text.template import LineProfile

CONFIG = Config()
Items = list[RawDoc | ReadError]
Record = CleanDocument | QuarantineRecord


def clean_file(data: bytes, rel: str, profile: LineProfile | None = None) -> CleanDocument | None:
    """Read one input file and clean its first document; quarantine gives None."""
    return clean_items(read_bytes(data, rel), profile)


def clean_file_record(data: bytes, rel: str) -> Record | None:
    """Read one input file and return the rendered record of its first document."""
    return clean_record(read_bytes(data, rel), None)


def clean_items(items: Items, profile: LineProfile | None) -> CleanDocument | None:
    """Clean and render the first read item; quarantine gives None."""
    record = clean_record(items, profile)
    return record if isinstance(record, CleanDocument) else None


def clean_record(
    items: Items, profile: LineProfile | None
) -> CleanDocument | QuarantineRecord | None:
    """Clean and render the first read item, whatever its outcome."""
    if not items:
        return None
    record = clean_item(items[0], CONFIG, profile)
    render_record(record)
    return record


def body_text(doc: CleanDocument | None) -> str | None:
    """Return the cleaned body, or None for a document that was quarantined."""
    return doc.text if doc is not None else None


def clean_batch_texts(docs: Sequence[Doc], folder: str) -> dict[str, str | None]:
    """Clean text files as one batch: read all, learn the line profile, clean each."""
    read = {doc_id: read_bytes(data, f"{folder}/{doc_id}.txt") for doc_id, data in docs}
    profile = learn_profile(item for items in read.values() for item in items)
    return {doc_id: body_text(clean_items(items, profile)) for doc_id, items in read.items()}


def clean_single_texts(docs: Sequence[Doc], folder: str) -> dict[str, str | None]:
    """Clean text files one by one, with no batch profile."""
    return {doc_id: body_text(clean_file(data, f"{folder}/{doc_id}.txt")) for doc_id, data in docs}
