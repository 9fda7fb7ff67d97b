"""Per-document budgets: oversized documents and slow cleaning become quarantine records."""

from __future__ import annotations

import gzip
import json
import threading
import time
import tracemalloc
import zlib
from pathlib import Path

from cleaners.budget import DocTimeout, time_budget
from cleaners.config import Config
from cleaners.pipeline import clean_item
from cleaners.readers import iter_input, read_input
from cleaners.records import RawDoc, ReadError
from cleaners.schema import QuarantineRecord
from tests.test_readers import make_warc, write

ARTICLE = " ".join(["The council met on Tuesday to agree the budget for the coming year."] * 8)


def gzip_bomb(path: Path, expanded: int) -> None:
    """Write gzip data that expands to ``expanded`` zero bytes, without holding it."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    with path.open("wb") as fh:
        for _ in range(expanded >> 20):
            fh.write(squeeze.compress(block))
        fh.write(squeeze.flush())


def test_a_gzip_bomb_is_too_large_without_expanding(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    gzip_bomb(bomb, 1 << 27)
    assert bomb.stat().st_size < 1_000_000
    tracemalloc.start()
    items = read_input(bomb, tmp_path, max_doc_bytes=1_000_000)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [(i.reason, i.path) for i in items if isinstance(i, ReadError)] == [
        ("too_large", "bomb.html.gz")
    ]
    assert peak < 20_000_000


def test_an_oversized_page_is_too_large_and_a_small_one_is_read(tmp_path: Path) -> None:
    big = write(tmp_path, "big.html", b"<p>" + b"x " * 600_000 + b"</p>")
    small = write(tmp_path, "small.html", f"<p>{ARTICLE}</p>".encode())
    [error] = read_input(big, tmp_path, max_doc_bytes=1_000_000)
    assert isinstance(error, ReadError) and error.reason == "too_large"
    assert "1,000,000-byte budget" in error.detail
    [doc] = read_input(small, tmp_path, max_doc_bytes=1_000_000)
    assert isinstance(doc, RawDoc)


def test_a_huge_jsonl_line_is_quarantined_alone_and_indices_hold(tmp_path: Path) -> None:
    lines = [
        json.dumps({"url": "https://example.org/a", "text": ARTICLE}),
        json.dumps({"url": "https://example.org/b", "text": "y " * 800_000}),
        "",
        json.dumps({"url": "https://example.org/c", "text": ARTICLE}),
    ]
    path = write(tmp_path, "export.jsonl.gz", gzip.compress("\n".join(lines).encode()))
    items = read_input(path, tmp_path, max_doc_bytes=1_000_000)
    assert [(type(i).__name__, i.record) for i in items] == [
        ("RawDoc", 0),
        ("ReadError", 1),
        ("RawDoc", 3),
    ]
    assert isinstance(items[1], ReadError) and items[1].reason == "too_large"


def test_a_truncated_gzip_export_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    line = json.dumps({"url": "https://example.org/a", "text": ARTICLE}) + "\n"
    data = gzip.compress((line * 400).encode())
    path = write(tmp_path, "export.jsonl.gz", data[: len(data) - 40])
    items = read_input(path, tmp_path)
    docs = [i for i in items if isinstance(i, RawDoc)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(docs) > 300
    assert [e.reason for e in errors] == ["bad_gzip"]


def test_an_oversized_warc_record_is_quarantined_and_the_rest_read(tmp_path: Path) -> None:
    huge = "<html><body><p>" + "z " * 700_000 + "</p></body></html>"
    page = f"<html><body><article><p>{ARTICLE}</p></article></body></html>"
    data = make_warc(
        [("https://a.example/1", "text/html", page), ("https://a.example/2", "text/html", huge)]
    )
    path = write(tmp_path, "crawl.warc.gz", data)
    items = read_input(path, tmp_path, max_doc_bytes=1_000_000)
    assert [type(i).__name__ for i in items] == ["RawDoc", "ReadError"]
    assert isinstance(items[1], ReadError) and items[1].reason == "too_large"


def test_a_large_export_streams_record_by_record(tmp_path: Path) -> None:
    line = json.dumps({"url": "https://example.org/a", "text": ARTICLE * 20}) + "\n"
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(5000):
            fh.write(line)
    assert path.stat().st_size > 50_000_000
    tracemalloc.start()
    count = sum(1 for _ in iter_input(path, tmp_path))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 5000
    assert peak < 5_000_000, peak


def slow_doc() -> RawDoc:
    text = "\n".join(
        f"Line {i} of a page that goes on and on, said the report." for i in range(60000)
    )
    return RawDoc("slow.txt", "0" * 64, "text", None, "text", text)


def test_a_document_over_its_time_budget_is_quarantined() -> None:
    started = time.monotonic()
    record = clean_item(slow_doc(), Config(max_doc_seconds=0.2), None)
    assert isinstance(record, QuarantineRecord)
    assert record.reason == "timeout"
    assert "0.2-second budget" in record.detail
    assert time.monotonic() - started < 5


def test_the_time_budget_also_holds_off_the_main_thread() -> None:
    found: list[object] = []
    worker = threading.Thread(
        target=lambda: found.append(clean_item(slow_doc(), Config(max_doc_seconds=0.2), None))
    )
    worker.start()
    worker.join(30)
    [record] = found
    assert isinstance(record, QuarantineRecord) and record.reason == "timeout"


def test_a_budget_that_is_not_reached_changes_nothing() -> None:
    with time_budget(5):
        total = sum(range(1000))
    assert total == 499500
    try:
        with time_budget(0.05):
            time.sleep(1)
    except DocTimeout:
        pass
    else:
        raise AssertionError("the budget did not fire")


def test_a_document_over_the_size_budget_is_quarantined_before_cleaning() -> None:
    doc = RawDoc("big.txt", "0" * 64, "text", None, "text", ARTICLE * 100)
    record = clean_item(doc, Config(max_doc_bytes=1000), None)
    assert isinstance(record, QuarantineRecord) and record.reason == "too_large"
