"""Score lines as prose or chrome and pick the article span with neighbour context."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cleaners.text.lines import TERMINAL_MARKS
from cleaners.text.measure import CACHE_SIZE, measure_stops, repeat_key

_LETTER = re.compile(r"[^\W\d_]")
# jusText's thresholds, read on lines instead of HTML blocks.
STOPWORDS_LOW = 0.20
STOPWORDS_HIGH = 0.30
PROSE_MIN_WORDS = 8
CHROME_COST = 6.0  # a rule or template hit weighs like this many words of chrome
# Comment sections and related-article blocks usually close the article; crossing one
# needs a lot of prose on the far side.
BARRIERS = frozenset({"comments", "related"})
BARRIER_COST = 30.0
# A short line survives inside the span only with prose this close (in lines, both sides).
STRANDED_GAP = 6
LIST_COST = 1.2
_LISTISH = re.compile(r"\d.*[^\W\d_]{2}.*\d|^\(?\d{1,2}[.)]\s|[^\W\d_]{2}.*[:(].*\w")
REPEAT_MIN_CHARS = 30
SHORT_COST = 1.5  # a short neutral line (heading, list item, widget label)
SHORT_WORD_COST = 0.3
LONG_LINE_WORDS = 15


@dataclass(slots=True)
class Unit:
    """One piece of a line, the thing that is kept or removed."""

    text: str
    line: int
    blank_before: bool
    label: str | None = None  # the rule that removes it, None while kept
    weight: float = 0.0
    prose: bool = False
    density: float = 0.0  # share of stop words


def score_unit(unit: Unit, stoplist: frozenset[str]) -> None:
    """Set a unit's prose flag and its weight for the span search."""
    stops = measure_stops(unit.text, stoplist)
    if stops.density is not None:
        unit.density = stops.density
    if unit.label is not None:
        unit.weight = -CHROME_COST - 0.5 * min(stops.words, 20.0)
        if unit.label in BARRIERS:
            unit.weight -= BARRIER_COST
        return
    unit.prose, unit.weight = _score_free(unit.text, stoplist)


@lru_cache(maxsize=CACHE_SIZE)
def _score_free(text: str, stoplist: frozenset[str]) -> tuple[bool, float]:
    """Return the prose flag and weight of a unit that no rule removed."""
    stops = measure_stops(text, stoplist)
    n = stops.words
    if not _LETTER.search(text):
        return False, -SHORT_COST
    ends = text[-1] in TERMINAL_MARKS
    if stops.density is not None:
        density = stops.density
    else:
        density = STOPWORDS_HIGH if ends else STOPWORDS_LOW
    if n >= PROSE_MIN_WORDS and density >= STOPWORDS_HIGH:
        return True, n if ends else 0.7 * n
    if n >= PROSE_MIN_WORDS and density >= STOPWORDS_LOW and ends:
        return True, 0.7 * n
    if n >= PROSE_MIN_WORDS * 2 and ends:
        return True, 0.3 * n
    if n >= LONG_LINE_WORDS:
        # Long lines without sentence shape: recipe items, tables, captions.
        return False, 0.2 * n
    if _LISTISH.search(text):
        # Scores, numbered items, "Name (1-0): ..." rows: short, but not menu-shaped.
        return False, -LIST_COST
    return False, -SHORT_COST - SHORT_WORD_COST * n


def find_span(units: list[Unit]) -> tuple[int, int]:
    """Return [start, end) of the run of units with the greatest total weight."""
    best, best_span = 0.0, (0, 0)
    run, start = 0.0, 0
    for i, unit in enumerate(units):
        if run <= 0:
            run, start = 0.0, i
        run += unit.weight
        if run > best:
            best, best_span = run, (start, i + 1)
    return best_span


def drop_stranded(units: list[Unit], start: int, end: int) -> None:
    """Drop short lines of the span that have no prose line near them on both sides."""
    prose = [i for i in range(start, end) if units[i].prose and units[i].label is None]
    if not prose:
        return
    k = 0
    for i in range(start, end):
        unit = units[i]
        if unit.label is not None or unit.prose:
            continue
        while k < len(prose) and prose[k] < i:
            k += 1
        before = i - prose[k - 1] if k > 0 else None
        after = prose[k] - i if k < len(prose) else None
        if before is None or after is None or before + after > STRANDED_GAP:
            unit.label = "short_line"


def drop_repeats(units: list[Unit]) -> None:
    """Drop the second and later copies of a kept line (captions printed twice, AMP copies)."""
    seen: set[str] = set()
    for unit in units:
        if unit.label is not None or len(unit.text) < REPEAT_MIN_CHARS:
            continue
        key = repeat_key(unit.text)
        if key in seen:
            unit.label = "duplicate"
        seen.add(key)
