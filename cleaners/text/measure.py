"""Measure every unit of a document at once: the numbers the span scorer and the model read.

The units' texts are joined into one string, so that character classes are counted by
array operations over the whole document, and stop words are counted from the one regex
pass over the dump that also picked its stop list, instead of a dozen calls per unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from cleaners.text.chars import ALPHA, CJK, DIGIT, LETTER, SPACE, UPPER, char_flags, code_points
from cleaners.text.lines import TERMINAL_MARKS
from cleaners.text.stopwords import count_stops, read_words

CACHE_SIZE = 1 << 16
# Unspaced scripts (ja, zh) count characters; this many make one "word".
CJK_CHARS_PER_WORD = 2.5
# Above this share of unspaced-script characters a unit is measured in characters and
# gets no stop-word density.
CJK_SHARE = 0.3
# Teaser blocks ("More World", "Trending") alternate headline, summary and a time stamp;
# these cues tell a time-stamp or count line from prose.
DATE_CUE = re.compile(
    r"\b(\d{1,2}:\d{2}|\d{4}|\d+\s*(min|mins|minutes?|h|hrs?|hours?|days?|weeks?)\b( ago)?"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ago|yesterday|today)",
    re.IGNORECASE,
)
MAX_DATED_WORDS = 8
BULLET_START = re.compile(r"^([-•·*▪►»>–—]|\d{1,2}[.)]\s|\(\d{1,2}\))")
# The columns of Measures.stats, in order.
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


@dataclass
class Measures:
    """Per-unit measurements of one document, one array element per unit."""

    words: np.ndarray  # word count; unspaced scripts count characters
    density: np.ndarray  # share of stop words, 0 where has_density is False
    has_density: np.ndarray  # a stop list applies (one was detected; not CJK text)
    has_letter: np.ndarray
    has_digit: np.ndarray  # holds a character for which str.isdigit() holds
    terminal: np.ndarray  # ends in sentence punctuation
    stats: np.ndarray  # the model's per-text columns, in STAT_NAMES order


def measure_units(
    texts: list[str],
    stoplist: frozenset[str],
    known: tuple[np.ndarray, np.ndarray] | None = None,
) -> Measures:
    """Measure the texts of a document's units (none of which holds a line break).

    ``known``: word and stop-word counts of the units already counted, -1 for the others.
    """
    n = len(texts)
    if not n:
        empty = np.zeros(0)
        none = np.zeros(0, dtype=bool)
        return Measures(empty, empty, none, none, none, none, np.zeros((0, len(STAT_NAMES))))
    joined = "\n".join(texts)
    flags = char_flags(code_points(joined))
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    starts = np.zeros(n, dtype=np.int64)
    np.cumsum(lengths[:-1] + 1, out=starts[1:])
    ends = starts + lengths

    def per_unit(mask: np.ndarray) -> np.ndarray:
        """Count a character mask's hits inside every unit."""
        total = np.zeros(len(mask) + 1, dtype=np.int64)
        np.cumsum(mask, out=total[1:])
        return total[ends] - total[starts]

    space = (flags & SPACE) != 0
    token_start = ~space
    token_start[1:] &= space[:-1]
    upper = (flags & UPPER) != 0
    tokens = per_unit(token_start)
    chars = lengths.astype(float)
    share = np.divide(per_unit((flags & CJK) != 0), chars, out=np.zeros(n), where=lengths > 0)
    cjk = share > CJK_SHARE
    words = np.where(
        cjk, chars * share / CJK_CHARS_PER_WORD + tokens * (1 - share), tokens.astype(float)
    )
    has_density = np.full(n, bool(stoplist)) & (share < CJK_SHARE)
    density = _stop_densities(texts, stoplist, known) if stoplist else np.zeros(n)
    last = [t[-1:] for t in texts]
    terminal = np.array([c != "" and c in TERMINAL_MARKS for c in last], dtype=bool)
    safe_tokens = np.maximum(tokens, 1)
    digits = per_unit((flags & DIGIT) != 0)
    stats = np.column_stack(
        (
            np.minimum(tokens, 60) / 60.0,
            tokens.astype(float),
            chars,
            terminal.astype(float),
            per_unit(token_start & upper) / safe_tokens,
            digits / np.maximum(lengths, 1),
            per_unit(upper) / np.maximum(per_unit((flags & ALPHA) != 0), 1),
            [
                1.0 if k <= MAX_DATED_WORDS and DATE_CUE.search(t) else 0.0
                for k, t in zip(tokens.tolist(), texts, strict=True)
            ],
            [1.0 if BULLET_START.match(t) else 0.0 for t in texts],
            [1.0 if c == "?" else 0.0 for c in last],
        )
    ).reshape(n, len(STAT_NAMES))
    return Measures(
        words=words,
        density=np.where(has_density, density, 0.0),
        has_density=has_density,
        has_letter=per_unit((flags & LETTER) != 0) > 0,
        has_digit=digits > 0,
        terminal=terminal,
        stats=stats,
    )


def _stop_densities(
    texts: list[str], stoplist: frozenset[str], known: tuple[np.ndarray, np.ndarray] | None
) -> np.ndarray:
    """Return the share of stop words among each unit's words (0 for a unit without words).

    ``known`` gives each unit's word and stop-word counts where they were already counted
    (a unit that is a whole line of the dump), and -1 where not.
    """
    n = len(texts)
    if known is None:
        counts, hits = np.full(n, -1), np.full(n, -1)
    else:
        counts, hits = known[0].copy(), known[1].copy()
    todo = np.flatnonzero(counts < 0)
    if len(todo):
        more = [texts[i] for i in todo.tolist()]
        counts[todo], hits[todo] = count_stops(read_words(more), stoplist, len(more))
    return np.divide(hits, counts, out=np.zeros(n), where=counts > 0)


def repeat_keys(texts: list[str]) -> list[str]:
    """Return the repeat_key of many unit texts (whitespace-normalised, no line break)."""
    # Casefolding makes no whitespace, so a normalised text's key is its casefolded form.
    return "\n".join(texts).casefold().split("\n") if texts else []


@lru_cache(maxsize=CACHE_SIZE)
def repeat_key(text: str) -> str:
    """Return the key under which two units count as the same line."""
    return " ".join(text.casefold().split())
