"""Read HTML pages (.html, .htm, and gzipped)."""

from __future__ import annotations

import re

from cleaners.readers.decode import decode_bytes
from cleaners.records import RawDoc

# A canonical or og:url link in the head gives the page's url when the input has none.
_CANONICAL = re.compile(
    r"""<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)["']"""
    r"""|<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']""",
    re.I,
)


def find_page_url(html: str) -> str | None:
    """Return the canonical url a page declares about itself, if any."""
    match = _CANONICAL.search(html[:200_000])
    if not match:
        return None
    url = (match.group(1) or match.group(2) or "").strip()
    return url if url.startswith(("http://", "https://")) else None


def read_html(data: bytes, path: str, sha256: str) -> list[RawDoc]:
    """Decode an HTML page into one document."""
    content = decode_bytes(data)
    return [
        RawDoc(
            path=path,
            sha256=sha256,
            format="html",
            record=None,
            kind="html",
            content=content,
            url=find_page_url(content),
        )
    ]
