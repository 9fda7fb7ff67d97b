"""Bad inputs every run must survive, with the quarantine reason each must get."""

from __future__ import annotations

import gzip
from pathlib import Path

NO_ARTICLE_PAGE = (
    "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> "
    "<a href='/news'>News</a></nav><footer>© 2024 Example</footer></body></html>"
)

# file name -> (bytes, expected quarantine reason)
BAD_INPUTS: dict[str, tuple[bytes, str]] = {
    "bad/empty.txt": (b"", "empty"),
    "bad/binary.txt": (bytes(range(256)) * 8, "binary"),
    "bad/truncated.html.gz": (
        gzip.compress(b"<html><body><p>x</p></body></html>" * 99)[:40],
        "bad_gzip",
    ),
    "bad/no-article.html": (NO_ARTICLE_PAGE.encode(), "no_article"),
    "bad/notes.docx": (b"PK\x03\x04", "unsupported_format"),
}
BAD_JSONL_LINE = "bad/export.jsonl"


def write_bad_inputs(raw: Path, good_text: str) -> None:
    """Write every bad input, plus a JSONL export whose second line is not JSON."""
    for name, (data, _) in BAD_INPUTS.items():
        (raw / name).parent.mkdir(parents=True, exist_ok=True)
        (raw / name).write_bytes(data)
    good = '{"url": "https://news.example.org/a", "text": ' + _json_str(good_text) + "}"
    (raw / BAD_JSONL_LINE).write_text(
        good + '\n{"url": "https://x", "text": "cut\n', encoding="utf-8"
    )


def _json_str(text: str) -> str:
    import json

    return json.dumps(text)
