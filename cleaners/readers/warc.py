"""Read the HTML responses out of WARC files (.warc, .warc.gz) with warcio, record by record."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

from cleaners.readers.decode import DecodeError, decode_bytes
from cleaners.records import RawDoc, ReadError

# Response content types that carry a page worth cleaning.
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_UNLIMITED = 1 << 62
# How far past the last record to look for bytes warcio left unread.
_TAIL_PEEK = 4096


def read_warc(data: bytes, path: str, sha256: str) -> list[RawDoc | ReadError]:
    """Read a WARC held in memory into documents; a broken record becomes a ReadError."""
    return list(iter_warc(io.BytesIO(data), path, sha256))


def iter_warc(
    fh: IO[bytes], path: str, sha256: str, max_record: int = _UNLIMITED
) -> Iterator[RawDoc | ReadError]:
    """Stream each HTML response record as a document; the file must be seekable."""
    found = False
    index = -1
    records = ArchiveIterator(fh)
    try:
        for index, record in enumerate(records):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if not ctype.lower().startswith(HTML_TYPES):
                continue
            found = True
            yield _read_response(record, ctype, index, path, sha256, max_record)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        detail = f"the WARC is truncated or corrupt after record {index} ({exc})"
        yield ReadError(path, sha256, "warc", index + 1, "bad_warc", detail)
        return
    # warcio stops quietly at a truncated gzip member: unread bytes mean lost records.
    fh.seek(records.offset)
    if fh.read(_TAIL_PEEK).strip():
        detail = f"the WARC is truncated after record {index}: bytes after offset {records.offset}"
        detail += " could not be read"
        yield ReadError(path, sha256, "warc", index + 1, "bad_warc", detail)
        found = True
    if not found:
        detail = "the WARC holds no HTML response records"
        yield ReadError(path, sha256, "warc", None, "no_html_records", detail)


def _read_response(
    record: object, ctype: str, index: int, path: str, sha256: str, max_record: int
) -> RawDoc | ReadError:
    body = record.content_stream().read(max_record + 1)  # type: ignore[attr-defined]
    if len(body) > max_record:
        detail = f"record {index} is larger than the {max_record:,}-byte budget"
        return ReadError(path, sha256, "warc", index, "too_large", detail)
    missing = getattr(record.raw_stream, "limit", 0)  # type: ignore[attr-defined]
    if missing:
        detail = f"record {index} is truncated: {missing} bytes of its Content-Length are missing"
        return ReadError(path, sha256, "warc", index, "bad_warc", detail)
    declared = _CHARSET.search(ctype)
    try:
        content = decode_bytes(body, declared.group(1) if declared else None)
    except DecodeError as exc:
        return ReadError(path, sha256, "warc", index, exc.reason, f"record {index}: {exc.detail}")
    headers = record.rec_headers  # type: ignore[attr-defined]
    return RawDoc(
        path=path,
        sha256=sha256,
        format="warc",
        record=index,
        kind="html",
        content=content,
        url=headers.get_header("WARC-Target-URI"),
        fetched_at=headers.get_header("WARC-Date"),
    )
