"""Read inputs as streams: hash them in chunks, open gzip transparently, cap what is read."""

from __future__ import annotations

import gzip
import hashlib
import zlib
from pathlib import Path
from typing import IO

from cleaners.readers.decode import DecodeError

CHUNK = 1 << 20


def hash_file(path: Path) -> str:
    """Return the hex sha256 of a file, read in chunks so memory stays flat."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def open_input(path: Path, gzipped: bool) -> IO[bytes]:
    """Open an input for reading its (decompressed) bytes as a stream."""
    fh = path.open("rb")
    if not gzipped:
        return fh
    # GzipFile reads every member of a concatenated gzip stream.
    return gzip.GzipFile(fileobj=fh, mode="rb")  # type: ignore[return-value]


def too_large(limit: int, what: str = "the document") -> DecodeError:
    """Return the error of a document over the size budget."""
    return DecodeError("too_large", f"{what} is larger than the {limit:,}-byte budget")


def read_capped(fh: IO[bytes], limit: int, what: str = "the document") -> bytes:
    """Read a whole stream, or raise ``too_large`` once it passes ``limit`` bytes."""
    try:
        data = fh.read(limit + 1)
    except (EOFError, OSError, zlib.error) as exc:
        raise DecodeError("bad_gzip", f"gzip data is truncated or corrupt ({exc})") from exc
    if len(data) > limit:
        raise too_large(limit, what)
    return data
