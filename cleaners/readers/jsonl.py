"""Read scraper exports: JSON Lines, one record a line with html or text plus url."""

from __future__ import annotations

import json
import re

from cleaners.readers.decode import decode_bytes
from cleaners.records import Kind, RawDoc, ReadError

# Keys scrapers use for the page body, in order of preference; html first.
HTML_KEYS = ("html", "raw_html", "page_html")
TEXT_KEYS = ("text", "content", "body", "raw_text")
URL_KEYS = ("url", "source_url", "link")
# Text fields that actually hold markup (some exports put HTML under "content").
_MARKUP = re.compile(r"<\s*(html|body|div|p|article|head|!doctype)\b", re.I)


def read_jsonl(data: bytes, path: str, sha256: str) -> list[RawDoc | ReadError]:
    """Split an export into documents; a bad line becomes a ReadError, the rest go on."""
    text = decode_bytes(data)
    items: list[RawDoc | ReadError] = []
    for index, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        items.append(_read_line(line, index, path, sha256))
    if not items:
        return [_error(path, sha256, None, "empty", "the export holds no records")]
    return items


def _read_line(line: str, index: int, path: str, sha256: str) -> RawDoc | ReadError:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return _error(path, sha256, index, "bad_json", f"line {index + 1} is not JSON ({exc.msg})")
    if not isinstance(obj, dict):
        return _error(path, sha256, index, "bad_record", f"line {index + 1} is not a JSON object")
    kind, content = _pick_content(obj)
    if content is None:
        keys = ", ".join(HTML_KEYS + TEXT_KEYS)
        return _error(path, sha256, index, "no_content", f"line {index + 1} has none of: {keys}")
    return RawDoc(
        path=path,
        sha256=sha256,
        format="jsonl",
        record=index,
        kind=kind,
        content=content,
        url=_first_str(obj, URL_KEYS),
        title=_first_str(obj, ("title",)),
        fetched_at=_first_str(obj, ("fetched_at", "crawled_at", "timestamp")),
    )


def _pick_content(obj: dict[str, object]) -> tuple[Kind, str | None]:
    html = _first_str(obj, HTML_KEYS)
    if html:
        return "html", html
    text = _first_str(obj, TEXT_KEYS)
    if text and _MARKUP.search(text[:2000]):
        return "html", text
    return "text", text


def _first_str(obj: dict[str, object], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _error(path: str, sha256: str, record: int | None, reason: str, detail: str) -> ReadError:
    return ReadError(
        path=path, sha256=sha256, format="jsonl", record=record, reason=reason, detail=detail
    )
