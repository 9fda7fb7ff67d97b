"""Read the HTML responses out of WARC files (.warc, .warc.gz) with warcio."""

from __future__ import annotations

import io
import re

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

from cleaners.readers.decode import DecodeError, decode_bytes
from cleaners.records import RawDoc, ReadError

# Response content types that carry a page worth cleaning.
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


def read_warc(data: bytes, path: str, sha256: str) -> list[RawDoc | ReadError]:
    """Turn each HTML response record into a document; a broken record becomes a ReadError."""
    items: list[RawDoc | ReadError] = []
    index = -1
    records = ArchiveIterator(io.BytesIO(data))
    try:
        for index, record in enumerate(records):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if not ctype.lower().startswith(HTML_TYPES):
                continue
            items.append(_read_response(record, ctype, index, path, sha256))
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        detail = f"the WARC is truncated or corrupt after record {index} ({exc})"
        items.append(ReadError(path, sha256, "warc", index + 1, "bad_warc", detail))
    else:
        # warcio stops quietly at a truncated gzip member: unread bytes mean lost records.
        if data[records.offset :].strip():
            unread = len(data) - records.offset
            detail = f"the WARC is truncated after record {index}: {unread} bytes unread"
            items.append(ReadError(path, sha256, "warc", index + 1, "bad_warc", detail))
    if not items:
        detail = "the WARC holds no HTML response records"
        items.append(ReadError(path, sha256, "warc", None, "no_html_records", detail))
    return items


def _read_response(
    record: object, ctype: str, index: int, path: str, sha256: str
) -> RawDoc | ReadError:
    body = record.content_stream().read()  # type: ignore[attr-defined]
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
