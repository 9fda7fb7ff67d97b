"""Turn raw bytes into text: gunzip, detect the encoding, refuse binary data."""

from __future__ import annotations

import gzip
import re
import zlib

from charset_normalizer import from_bytes


class DecodeError(Exception):
    """Bytes that cannot be turned into text; ``reason`` is the quarantine code."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


# Control bytes other than tab, newline, carriage return and form feed: text files
# almost never hold them, images and archives are full of them.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_BINARY_SHARE = 0.01
# A <meta charset> or http-equiv declaration in the first bytes of an HTML page.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SNIFF_BYTES = 4096
# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_TIE_CHAOS = 0.1


def gunzip(data: bytes) -> bytes:
    """Decompress gzip data, turning a truncated or corrupt stream into a DecodeError."""
    try:
        return gzip.decompress(data)
    except (EOFError, OSError, zlib.error) as exc:
        raise DecodeError("bad_gzip", f"gzip data is truncated or corrupt ({exc})") from exc


def looks_binary(data: bytes) -> bool:
    """Tell whether bytes look like a binary file rather than text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > _BINARY_SHARE * max(len(head), 1)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode text bytes: a declared charset, then UTF-8, then detection."""
    if not data.strip():
        raise DecodeError("empty", "the input holds no text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_or_fail(data[len(bom) :], encoding)
    if looks_binary(data):
        raise DecodeError("binary", "the input holds binary data, not text")
    for encoding in _candidates(data, declared):
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError):
            continue
    return _detect(data)


def _detect(data: bytes) -> str:
    matches = list(from_bytes(data))
    if not matches:
        raise DecodeError("bad_encoding", "no text encoding fits these bytes")
    best = matches[0]
    # Short Western texts fit several Latin code pages equally well; cp1252 is by far the
    # most common of them on the web, so it wins a near tie.
    for match in matches:
        near = match.chaos - best.chaos <= _TIE_CHAOS and match.coherence >= best.coherence
        if match.encoding == "cp1252" and near:
            return str(match)
    return str(best)


def _decode_or_fail(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError("bad_encoding", f"bytes are not valid {encoding} ({exc.reason})") from exc


def _candidates(data: bytes, declared: str | None) -> list[str]:
    # Bytes that decode as strict UTF-8 are UTF-8 whatever a page declares: scraped pages
    # often keep a stale latin-1 <meta charset> after the site moved to UTF-8.
    found = ["utf-8"]
    if declared:
        found.append(declared)
    meta = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if meta:
        found.append(meta.group(1).decode("ascii", "ignore"))
    # A page declaring latin-1 is nearly always cp1252 in practice (WHATWG rule).
    return ["cp1252" if e.lower() in {"iso-8859-1", "latin-1", "latin1"} else e for e in found]
