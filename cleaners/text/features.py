"""Describe each unit of a dump as numbers for the learned keep/drop model."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from cleaners.text.classify import Unit
from cleaners.text.context import cumulative_shares, shifted, window_means
from cleaners.text.lines import TERMINAL_MARKS

# Teaser blocks ("More World", "Trending") alternate headline, summary and a time stamp;
# these cues tell a time-stamp or count line from prose.
DATE_CUE = re.compile(
    r"\b(\d{1,2}:\d{2}|\d{4}|\d+\s*(min|mins|minutes?|h|hrs?|hours?|days?|weeks?)\b( ago)?"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ago|yesterday|today)",
    re.IGNORECASE,
)
BULLET_START = re.compile(r"^([-•·*▪►»>–—]|\d{1,2}[.)]\s|\(\d{1,2}\))")
# Per-unit measurements, taken in one pass over the units.
COLUMNS = tuple(
    [
        "prose",
        "ruled",
        "keep",
        "words",
        "n_words",
        "chars",
        "terminal",
        "density",
        "weight",
        "df",
        "titled",
        "digits",
        "upper",
        "dated",
        "bullet",
        "question",
        "glued",
        "blank",
        "repeats",
        "meta_gap",
    ]
)
# How far the neighbour windows reach, in units: a teaser card is 2-4 units long, a
# comment thread or recipe block a few dozen.
NEAR = 2
FAR = 8
MAX_DF = 10
# Families that tell what kind of block starts around a line.
BLOCK_RULES = frozenset({"comments", "related", "subscribe", "share", "footer", "navigation"})
# Labels the heuristic pass gives and the model may overturn; rule and metadata labels stay.
SOFT_LABELS = frozenset({"short_line", "low_quality", "template"})

FEATURE_NAMES: tuple[str, ...] = (
    "bias",
    "prose",
    "weight",
    "log_words",
    "log_chars",
    "ends_terminal",
    "stop_density",
    "span_keep",
    "outside_gap",
    "position",
    "df_template",
    "df_count",
    "title_case",
    "digit_share",
    "upper_share",
    "date_cue",
    "bullet",
    "question",
    "glued_piece",
    "blank_before",
    "prev_prose",
    "next_prose",
    "prev_words",
    "next_words",
    "near_prose",
    "far_prose",
    "near_rules",
    "far_rules",
    "near_keep",
    "far_keep",
    "prose_before",
    "prose_after",
    "after_block_rule",
    "short_run",
    "near_title_case",
    "near_terminal",
    "near_words",
    "repeats",
    "prev_ruled",
    "next_ruled",
    "after_meta",
    "meta_gap",
    "keep_x_prose",
    "keep_x_far_prose",
    "df_x_short",
    "title_x_short",
    "after_meta_x_short",
    "near_date",
    "far_date",
    "dates_before",
)
# Comment threads and teaser lists put a time stamp on every entry; after this many
# stamps past the article head, the reader is probably below the article.
MAX_STAMPS = 5
# Labels that mark the article head: the body starts right after them.
META_LABELS = frozenset({"title", "dateline", "byline"})


def unit_features(
    units: list[Unit], span: tuple[int, int], doc_freq: Callable[[str], int] | None
) -> np.ndarray:
    """Return one feature row per unit, in FEATURE_NAMES order."""
    n = len(units)
    if not n:
        return np.zeros((0, len(FEATURE_NAMES)))
    start, end = span
    cols = _unit_columns(units, doc_freq)
    prose, ruled, keep, words = cols["prose"], cols["ruled"], cols["keep"], cols["words"]
    titled, dated, df, meta_gap = cols["titled"], cols["dated"], cols["df"], cols["meta_gap"]
    far_prose = window_means(prose, FAR)
    before, after = cumulative_shares(prose)
    idx = np.arange(n)
    gap = np.maximum(np.maximum(start - idx, idx - end + 1), 0)
    has_df = (df >= 2).astype(float)
    after_meta = (meta_gap >= 0).astype(float)
    short = 1.0 - prose
    return np.column_stack(
        (
            np.ones(n),
            prose,
            np.tanh(cols["weight"] / 10.0),
            np.log1p(cols["n_words"]),
            np.log1p(cols["chars"]) / 5.0,
            cols["terminal"],
            cols["density"],
            keep,
            np.log1p(gap) / 3.0,
            idx / n,
            has_df,
            np.minimum(df, MAX_DF) / MAX_DF,
            titled,
            cols["digits"],
            cols["upper"],
            dated,
            cols["bullet"],
            cols["question"],
            cols["glued"],
            cols["blank"],
            shifted(prose, 1, 0.0),
            shifted(prose, -1, 0.0),
            shifted(words, 1, 0.0),
            shifted(words, -1, 0.0),
            window_means(prose, NEAR),
            far_prose,
            window_means(ruled, NEAR),
            window_means(ruled, FAR),
            window_means(keep, NEAR),
            window_means(keep, FAR),
            before,
            after,
            _after_block_rule(units),
            _short_runs(units),
            window_means(titled, NEAR),
            window_means(cols["terminal"], NEAR),
            window_means(words, NEAR),
            cols["repeats"],
            shifted(ruled, 1, 1.0),
            shifted(ruled, -1, 1.0),
            after_meta,
            np.where(meta_gap >= 0, np.log1p(np.maximum(meta_gap, 0)) / 4.0, 1.0),
            keep * prose,
            keep * far_prose,
            has_df * short,
            titled * short,
            ((meta_gap >= 0) & (meta_gap <= FAR)) * short,
            window_means(dated, NEAR),
            window_means(dated, FAR),
            _stamps_before(dated, meta_gap),
        )
    )


def _unit_columns(
    units: list[Unit], doc_freq: Callable[[str], int] | None
) -> dict[str, np.ndarray]:
    """Measure every unit once; return the per-unit measurements as columns."""
    rows = []
    seen: dict[str, int] = {}
    keys = []
    last_meta = -1
    prev_line = -1
    for i, unit in enumerate(units):
        text = unit.text
        tokens = text.split()
        n_words = len(tokens)
        soft = unit.label is None or unit.label in SOFT_LABELS
        if unit.label in META_LABELS and i > 0:
            last_meta = i
        key = " ".join(text.casefold().split())
        keys.append(key)
        seen[key] = seen.get(key, 0) + 1
        letters = sum(map(str.isalpha, text)) or 1
        rows.append(
            (
                1.0 if unit.prose and soft else 0.0,
                0.0 if soft else 1.0,
                1.0 if unit.label is None else 0.0,
                min(n_words, 60) / 60.0,
                n_words,
                len(text),
                1.0 if text[-1] in TERMINAL_MARKS else 0.0,
                unit.density,
                unit.weight,
                doc_freq(text) if doc_freq is not None else 0,
                sum(1 for t in tokens if t[:1].isupper()) / n_words,
                sum(map(str.isdigit, text)) / len(text),
                sum(map(str.isupper, text)) / letters,
                1.0 if n_words <= 8 and DATE_CUE.search(text) else 0.0,
                1.0 if BULLET_START.match(text) else 0.0,
                1.0 if text[-1] == "?" else 0.0,
                1.0 if unit.line == prev_line else 0.0,
                1.0 if unit.blank_before else 0.0,
                0.0,
                i - last_meta if last_meta >= 0 else -1,
            )
        )
        prev_line = unit.line
    data = np.array(rows, dtype=float).reshape(len(units), len(COLUMNS))
    data[:, COLUMNS.index("repeats")] = [min(seen[k] - 1, 3) / 3.0 for k in keys]
    return {name: data[:, j] for j, name in enumerate(COLUMNS)}


def _stamps_before(dated: np.ndarray, meta_gap: np.ndarray) -> np.ndarray:
    """Count the time-stamp lines seen since the article head, scaled to 0-1."""
    out, count = [], 0.0
    for d, gap in zip(dated.tolist(), meta_gap.tolist(), strict=True):
        if gap == 0:
            count = 0.0
        out.append(min(count, MAX_STAMPS) / MAX_STAMPS)
        count += d
    return np.array(out)


def _is_soft(unit: Unit) -> bool:
    """Tell whether a unit is kept or only softly dropped by the heuristic pass."""
    return unit.label is None or unit.label in SOFT_LABELS


def _after_block_rule(units: list[Unit]) -> np.ndarray:
    """Mark units that come after a block-opening chrome line with no prose in between."""
    out, active = [], 0.0
    for unit in units:
        if unit.label in BLOCK_RULES:
            active = 1.0
        elif unit.prose and _is_soft(unit):
            active = 0.0
        out.append(active)
    return np.array(out)


def _short_runs(units: list[Unit]) -> np.ndarray:
    """Return the length of the run of non-prose units each unit sits in, scaled to 0-1."""
    out = [0.0] * len(units)
    i = 0
    while i < len(units):
        if units[i].prose:
            i += 1
            continue
        j = i
        while j < len(units) and not units[j].prose:
            j += 1
        for k in range(i, j):
            out[k] = min(j - i, 30) / 30.0
        i = j
    return np.array(out)
