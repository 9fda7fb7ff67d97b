"""Read plain-text dumps (.txt, .txt.gz)."""

from __future__ import annotations

from cleaners.readers.decode import decode_bytes
from cleaners.records import RawDoc


def read_text(data: bytes, path: str, sha256: str) -> list[RawDoc]:
    """Decode a text dump into one document."""
    content = decode_bytes(data)
    return [
        RawDoc(path=path, sha256=sha256, format="text", record=None, kind="text", content=content)
    ]
