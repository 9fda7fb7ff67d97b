"""Score lines as prose or chrome and pick the article span with neighbour context."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from cleaners.text.comments import is_comment_control
from cleaners.text.measure import Measures, repeat_keys

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
# ... unless it carries this share of the span's weight: then it is the span's core (a
# whole page glued into one line by lxml), not a stray short line.
CORE_SHARE = 0.5
LIST_COST = 1.2
# A list row: numbered, or a label with ":" or "(". Kept as two patterns, so that a line
# only tries the one it can match (the .* branches backtrack over the whole line).
_LISTISH_NUMBERED = re.compile(r"\d.*[^\W\d_]{2}.*\d|^\(?\d{1,2}[.)]\s")
_LISTISH_LABELLED = re.compile(r"[^\W\d_]{2}.*[:(].*\w")
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
    score: float | None = None  # the model's keep probability, when the model decided it


def score_units(units: list[Unit], measures: Measures) -> None:
    """Set every unit's prose flag, stop-word density and weight for the span search."""
    n, ends, letter = measures.words, measures.terminal, measures.has_letter
    density = np.where(
        measures.has_density, measures.density, np.where(ends, STOPWORDS_HIGH, STOPWORDS_LOW)
    )
    long = n >= PROSE_MIN_WORDS
    rich = long & (density >= STOPWORDS_HIGH)
    fair = long & (density >= STOPWORDS_LOW) & ends
    ended = (n >= PROSE_MIN_WORDS * 2) & ends
    prose = letter & (rich | fair | ended)
    # Long lines without sentence shape: recipe items, tables, captions.
    cases = [~letter, rich, fair, ended, n >= LONG_LINE_WORDS]
    weight = np.select(
        cases,
        [-SHORT_COST, np.where(ends, n, 0.7 * n), 0.7 * n, 0.3 * n, 0.2 * n],
        -SHORT_COST - SHORT_WORD_COST * n,
    )
    short = ~np.logical_or.reduce(cases)
    ruled_cost = -CHROME_COST - 0.5 * np.minimum(n, 20.0)
    rows = zip(
        units,
        prose.tolist(),
        weight.tolist(),
        (short & measures.has_digit).tolist(),
        short.tolist(),
        ruled_cost.tolist(),
        measures.density.tolist(),
        strict=True,
    )
    for unit, is_prose, free, numbered, is_short, cost, share in rows:
        unit.density = share
        if unit.label is not None:
            unit.weight = cost - BARRIER_COST if _is_barrier(unit) else cost
        elif _is_listish(unit.text, numbered, is_short):
            # Scores, numbered items, "Name (1-0): ..." rows: short, but not menu-shaped.
            unit.weight = -LIST_COST
        else:
            unit.prose, unit.weight = is_prose, free


def _is_barrier(unit: Unit) -> bool:
    """Tell whether a removed line closes the article: a comment or related-block header."""
    if unit.label not in BARRIERS:
        return False
    return unit.label != "comments" or not is_comment_control(unit.text)


def _is_listish(text: str, numbered: bool, short: bool) -> bool:
    """Tell whether a short line is a list row; without a digit, ':' or '(' it cannot be."""
    if not short:
        return False
    if (":" in text or "(" in text) and _LISTISH_LABELLED.search(text):
        return True
    return numbered and _LISTISH_NUMBERED.search(text) is not None


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
    core = CORE_SHARE * sum(max(units[i].weight, 0.0) for i in range(start, end))
    k = 0
    for i in range(start, end):
        unit = units[i]
        if unit.label is not None or unit.prose or unit.weight >= core:
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
    kept = [u for u in units if u.label is None and len(u.text) >= REPEAT_MIN_CHARS]
    for unit, key in zip(kept, repeat_keys([u.text for u in kept]), strict=True):
        if key in seen:
            unit.label = "duplicate"
        seen.add(key)
