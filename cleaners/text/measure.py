"""Measure a unit's text once: the numbers the span scorer and the model read from it.

Sites repeat their menus, teasers and footers on every page, so a batch meets the
same unit text again and again; the measurements are cached by text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from cleaners.text.lines import TERMINAL_MARKS
from cleaners.text.stopwords import cjk_share, find_words, stopword_density

CACHE_SIZE = 1 << 16
# Unspaced scripts (ja, zh) count characters; this many make one "word".
CJK_CHARS_PER_WORD = 2.5
# Teaser blocks ("More World", "Trending") alternate headline, summary and a time stamp;
# these cues tell a time-stamp or count line from prose.
DATE_CUE = re.compile(
    r"\b(\d{1,2}:\d{2}|\d{4}|\d+\s*(min|mins|minutes?|h|hrs?|hours?|days?|weeks?)\b( ago)?"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ago|yesterday|today)",
    re.IGNORECASE,
)
BULLET_START = re.compile(r"^([-•·*▪►»>–—]|\d{1,2}[.)]\s|\(\d{1,2}\))")
# Byte classes for counting on ASCII text, where str.isupper and friends mean A-Z etc.
_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_LETTERS = _UPPER + bytes(range(ord("a"), ord("z") + 1))
_DIGITS = bytes(range(ord("0"), ord("9") + 1))
# The columns of text_stats, in order.
STAT_NAMES = (
    "words",
    "n_words",
    "chars",
    "terminal",
    "titled",
    "digits",
    "upper",
    "dated",
    "bullet",
    "question",
)


class Stops(NamedTuple):
    """A unit's stop-word share and word count, given the document's stop list."""

    density: float | None  # None: no stop list applies (none detected, or CJK text)
    words: float


def measure_words(text: str, share: float | None = None) -> float:
    """Return a word count that also works for unspaced scripts."""
    if share is None:
        share = cjk_share(text)
    if share > 0.3:
        return len(text) * share / CJK_CHARS_PER_WORD + len(text.split()) * (1 - share)
    return float(len(text.split()))


@lru_cache(maxsize=CACHE_SIZE)
def measure_stops(text: str, stoplist: frozenset[str]) -> Stops:
    """Return a unit's stop-word share under the stop list and its word count."""
    share = cjk_share(text)
    density = None
    if stoplist and share < 0.3:
        density = stopword_density(find_words(text), stoplist)
    return Stops(density, measure_words(text, share))


@lru_cache(maxsize=CACHE_SIZE)
def text_stats(text: str) -> tuple[float, ...]:
    """Return the model's per-text measurements of a unit, in STAT_NAMES order."""
    tokens = text.split()
    n_words = len(tokens)
    n_chars = len(text)
    if text.isascii():
        data = text.encode("ascii")
        digits = n_chars - len(data.translate(None, _DIGITS))
        upper = n_chars - len(data.translate(None, _UPPER))
        letters = (n_chars - len(data.translate(None, _LETTERS))) or 1
    else:
        digits = sum(map(str.isdigit, text))
        upper = sum(map(str.isupper, text))
        letters = sum(map(str.isalpha, text)) or 1
    return (
        min(n_words, 60) / 60.0,
        float(n_words),
        float(n_chars),
        1.0 if text[-1] in TERMINAL_MARKS else 0.0,
        sum(1 for t in tokens if t[:1].isupper()) / n_words,
        digits / n_chars,
        upper / letters,
        1.0 if n_words <= 8 and DATE_CUE.search(text) else 0.0,
        1.0 if BULLET_START.match(text) else 0.0,
        1.0 if text[-1] == "?" else 0.0,
    )


@lru_cache(maxsize=CACHE_SIZE)
def repeat_key(text: str) -> str:
    """Return the key under which two units count as the same line."""
    return " ".join(text.casefold().split())
