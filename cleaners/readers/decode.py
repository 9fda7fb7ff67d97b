"""Turn raw bytes into text: gunzip, detect the encoding, refuse binary data."""

from __future__ import annotations

import codecs
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
_HEAD_BYTES = 8192
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
# UTF-16/32 without a BOM (Windows "Unicode" exports): mostly-Latin text puts a NUL in the
# high byte of nearly every code unit, at a fixed offset; binary data spreads its NULs.
_WIDE_NUL_SHARE = 0.3
_NARROW_NUL_SHARE = 0.05
_TIE_CHAOS = 0.1
# Bytes that are not UTF-8 inside UTF-8 text (a Latin-1 paragraph pasted into a UTF-8 dump,
# a stray byte from a broken scraper) are read as cp1252, their most likely origin.
_INVALID = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")
_STRAY_SHARE = 0.01
_FALLBACK = "pagewash-cp1252"


def _decode_cp1252(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    # cp1252 leaves five bytes undefined; latin-1 maps every byte.
    return "".join(_cp1252_char(b) for b in bad), exc.end


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


codecs.register_error(_FALLBACK, _decode_cp1252)


def gunzip(data: bytes) -> bytes:
    """Decompress gzip data (every member), turning a truncated stream into a DecodeError."""
    try:
        return gzip.decompress(data)
    except (EOFError, OSError, zlib.error) as exc:
        raise DecodeError("bad_gzip", f"gzip data is truncated or corrupt ({exc})") from exc


def looks_binary(data: bytes) -> bool:
    """Tell whether bytes look like a binary file rather than text."""
    head = data[:_HEAD_BYTES]
    return len(_CONTROL.findall(head)) > _BINARY_SHARE * max(len(head), 1)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode text bytes: a BOM, a BOM-less UTF-16/32, a declared charset, UTF-8, detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _require_text(_decode_or_fail(data[len(bom) :], encoding))
    wide = sniff_wide_encoding(data)
    if wide is not None:
        try:
            return _require_text(data.decode(wide))
        except UnicodeDecodeError:
            pass  # NULs in a regular pattern that are not UTF-16 text: judged as bytes below
    if not data.strip():
        raise DecodeError("empty", "the input holds no text")
    if looks_binary(data):
        raise DecodeError("binary", "the input holds binary data, not text")
    # A few NULs in text (padding from a broken export) are no character of it.
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
    return _require_text(_decode_text(data, declared))


def sniff_wide_encoding(data: bytes) -> str | None:
    """Name the UTF-16 or UTF-32 byte order of BOM-less wide text, or None."""
    head = data[:_SNIFF_BYTES]
    if len(head) < 16:
        return None
    for width, encoding, wide_at in (
        (4, "utf-32-le", (1, 2, 3)),
        (4, "utf-32-be", (0, 1, 2)),
        (2, "utf-16-le", (1,)),
        (2, "utf-16-be", (0,)),
    ):
        head = head[: len(head) - len(head) % width]
        lanes = [head[i::width] for i in range(width)]
        shares = [lane.count(0) / len(lane) for lane in lanes]
        narrow = [s for i, s in enumerate(shares) if i not in wide_at]
        if all(shares[i] >= _WIDE_NUL_SHARE for i in wide_at) and max(narrow) < _NARROW_NUL_SHARE:
            return encoding
    return None


def _decode_text(data: bytes, declared: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    loose = data.decode("utf-8", "surrogateescape")
    invalid = len(_INVALID.findall(loose))
    valid = len(_NON_ASCII.findall(loose))
    # Real UTF-8 characters outnumber the bad bytes: UTF-8 with a foreign paragraph pasted
    # in, which any single code page would turn into mojibake.
    if valid and valid >= invalid:
        return data.decode("utf-8", _FALLBACK)
    for encoding in _candidates(data, declared):
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    if invalid <= _STRAY_SHARE * len(data):
        return data.decode("utf-8", _FALLBACK)  # UTF-8 text with a few stray bytes
    return _detect(data)


def _require_text(text: str) -> str:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise DecodeError("empty", "the input holds no text")
    return text


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
    # Bytes that decode as strict UTF-8 are UTF-8 whatever a page declares (tried before
    # these): scraped pages often keep a stale latin-1 <meta charset> after a move to UTF-8.
    found = []
    if declared:
        found.append(declared)
    meta = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if meta:
        found.append(meta.group(1).decode("ascii", "ignore"))
    # A page declaring latin-1 is nearly always cp1252 in practice (WHATWG rule).
    return ["cp1252" if e.lower() in {"iso-8859-1", "latin-1", "latin1"} else e for e in found]
