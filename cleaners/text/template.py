"""Learn site template lines from line document frequencies across a site group."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from cleaners.config import Config

# Long, stop-word-rich lines (article sentences quoted by two pages of a site) stay
# protected while their DF is this low; syndicated boilerplate that is long too
# (newsletter pitches, legal notices) shows up in more documents than that.
PROTECT_MIN_CHARS = 120
PROTECT_MAX_DF = 2
_DIGITS = re.compile(r"\d")
_NON_WORD = re.compile(r"[^\w\s]|_")


# The substitutions below as one table, for ASCII lines (NFKC leaves them as is).
_ASCII_TABLE = {
    c: "0" if _DIGITS.match(chr(c)) else " " if _NON_WORD.match(chr(c)) else chr(c)
    for c in range(128)
}


# The same for many ASCII lines joined by "\n": whitespace becomes a space too, then
# runs of spaces one space, and no line starts or ends with one.
_BYTE_TABLE = bytes(
    ord("\n") if c == ord("\n") else ord(" ") if chr(c).isspace() else ord(_ASCII_TABLE[c])
    for c in range(128)
) + bytes(range(128, 256))
_SPACE_RUN = re.compile(b"  +")
_EDGE_SPACE = re.compile(b" \n ?|\n ")


@lru_cache(maxsize=65536)
def normalize_line(line: str) -> str:
    """Normalise a line CCNet-style: strip, casefold, digits to 0, no punctuation."""
    if line.isascii():
        return " ".join(line.lower().translate(_ASCII_TABLE).split())
    text = unicodedata.normalize("NFKC", line).strip().casefold()
    text = _DIGITS.sub("0", text)
    text = _NON_WORD.sub(" ", text)
    # str.split() splits on exactly the characters \s matches, and faster than a regex.
    return " ".join(text.split())


def normalize_lines(lines: list[str]) -> list[str]:
    """Normalise many lines (none holding a line break) exactly as normalize_line does.

    The ASCII lines, most of any dump, go through byte-level passes over their joined
    text; the others one by one.
    """
    keys = [""] * len(lines)
    plain = [i for i, line in enumerate(lines) if line.isascii()]
    if plain:
        data = "\n".join([lines[i] for i in plain]).encode("ascii").lower()
        data = _SPACE_RUN.sub(b" ", data.translate(_BYTE_TABLE))
        joined = _EDGE_SPACE.sub(b"\n", data).strip(b" ").decode("ascii")
        for i, key in zip(plain, joined.split("\n"), strict=True):
            keys[i] = key
    if len(plain) < len(lines):
        for i, line in enumerate(lines):
            if not line.isascii():
                keys[i] = normalize_line(line)
    return keys


def line_keys(text: str) -> set[str]:
    """Return the distinct non-empty normalised lines of a text."""
    keys = set(normalize_lines(text.splitlines()))
    keys.discard("")
    return keys


class LineProfile:
    """Per-group document frequencies of normalised lines, JSON-serialisable."""

    def __init__(self) -> None:
        self._docs: dict[str, set[str]] = {}
        self._df: dict[str, dict[str, int]] = {}

    def add_document(self, group: str, doc_key: str, text: str) -> None:
        """Count each distinct line of a document once, unless the document is known."""
        self.add_line_keys(group, doc_key, line_keys(text))

    def add_line_keys(self, group: str, doc_key: str, keys: Iterable[str]) -> None:
        """Count a document given as its normalised line keys, unless it is known."""
        seen = self._docs.setdefault(group, set())
        if doc_key in seen:
            return
        seen.add(doc_key)
        counts = self._df.setdefault(group, {})
        for key in keys:
            counts[key] = counts.get(key, 0) + 1

    def group_size(self, group: str) -> int:
        """Return how many documents the group holds."""
        return len(self._docs.get(group, ()))

    def doc_freq(self, group: str, line: str) -> int:
        """Return in how many documents of the group the line occurs."""
        return self._df.get(group, {}).get(normalize_line(line), 0)

    def is_template_for(self, group: str, config: Config) -> TemplateCheck:
        """Return a predicate telling whether a line is template for this group."""
        size = self.group_size(group)
        threshold = config.df_min_docs
        if size >= config.df_large_group:
            threshold = max(threshold, int(config.df_share * size + 0.999))
        return TemplateCheck(self._df.get(group, {}), threshold)

    def merge(self, other: LineProfile) -> None:
        """Add another profile's documents, counting documents known to both once."""
        for group, keys in other._docs.items():
            mine = self._docs.setdefault(group, set())
            if mine & keys:
                raise ValueError(f"profiles share documents in group {group!r}")
            mine |= keys
            counts = self._df.setdefault(group, {})
            for key, df in other._df.get(group, {}).items():
                counts[key] = counts.get(key, 0) + df

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-serialisable form with sorted keys."""
        return {
            "groups": {
                group: {
                    "docs": sorted(self._docs[group]),
                    "df": dict(sorted(self._df.get(group, {}).items())),
                }
                for group in sorted(self._docs)
            }
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineProfile:
        """Rebuild a profile from ``to_json`` output."""
        profile = cls()
        for group, body in data.get("groups", {}).items():
            profile._docs[group] = set(body.get("docs", []))
            profile._df[group] = {str(k): int(v) for k, v in body.get("df", {}).items()}
        return profile


class TemplateCheck:
    """A group's template predicate that also answers document frequencies."""

    def __init__(self, counts: dict[str, int], threshold: int) -> None:
        self._counts = counts
        self._threshold = threshold

    def __call__(self, line: str) -> bool:
        """Tell whether a line is template for the group."""
        return self.judge(line, normalize_line(line))

    def doc_freq(self, line: str) -> int:
        """Return in how many documents of the group the line occurs."""
        return self._counts.get(normalize_line(line), 0)

    def count(self, key: str) -> int:
        """Return in how many documents of the group a normalised line occurs."""
        return self._counts.get(key, 0)

    def judge(self, line: str, key: str) -> bool:
        """Tell whether a line, given its normalize_line key, is template for the group."""
        if not key:
            return False
        df = self._counts.get(key, 0)
        if df < self._threshold:
            return False
        return not (df <= PROTECT_MAX_DF and _is_protected(line))


def _is_protected(line: str) -> bool:
    """Tell whether a line reads like article prose (long, with sentence punctuation)."""
    text = line.strip()
    if len(text) < PROTECT_MIN_CHARS:
        return False
    words = text.split()
    if len(words) < 15:
        return False
    return text[-1] in ".!?\"'”’»。"
