"""Damaged and random inputs never crash the pipeline: each becomes a record or a quarantine."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest

from cleaners.config import Config
from cleaners.pipeline import clean_item
from cleaners.readers import read_bytes
from cleaners.schema import CleanDocument, QuarantineRecord
from tests.conftest import FIXTURES

NAMES = (
    "page.txt",
    "page.html",
    "page.html.gz",
    "export.jsonl",
    "export.jsonl.gz",
    "crawl.warc.gz",
)
SEED = 20261126


def real_bytes() -> list[bytes]:
    pages = [gzip.decompress(p.read_bytes()) for p in sorted((FIXTURES / "html").glob("*.html.gz"))]
    return [*pages[:2], (FIXTURES / "text" / "000_e2191137fde1a18b.txt").read_bytes()]


def damaged(data: bytes, rng: random.Random) -> list[bytes]:
    """Return truncations, byte flips and inserted junk of a real input."""
    cut = rng.randrange(1, len(data))
    flipped = bytearray(data)
    for _ in range(50):
        flipped[rng.randrange(len(flipped))] = rng.randrange(256)
    junk = bytes(rng.randrange(256) for _ in range(300))
    return [data[:cut], bytes(flipped), data[:cut] + junk + data[cut:], gzip.compress(data)[:cut]]


def cases() -> list[tuple[str, bytes]]:
    rng = random.Random(SEED)
    found = [(name, bytes(rng.randrange(256) for _ in range(2000))) for name in NAMES]
    for data in real_bytes():
        for variant in damaged(data, rng):
            found += [(name, variant) for name in NAMES]
    return found


@pytest.mark.parametrize(("name", "data"), cases())
def test_damaged_input_becomes_records_not_a_crash(name: str, data: bytes) -> None:
    items = read_bytes(data, name)
    assert items
    for item in items:
        record = clean_item(item, Config(), None)
        assert isinstance(record, CleanDocument | QuarantineRecord)
        if isinstance(record, QuarantineRecord):
            assert record.reason != "cleaner_error", record.detail


def test_reading_a_missing_file_is_a_read_error(tmp_path: Path) -> None:
    from cleaners.readers import read_input

    items = read_input(tmp_path / "gone.txt", tmp_path)
    assert len(items) == 1 and items[0].reason == "unreadable"  # type: ignore[union-attr]
