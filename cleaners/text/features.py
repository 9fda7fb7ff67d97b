"""Describe each unit of a dump as numbers for the learned keep/drop model."""

from __future__ import annotations

from collections import Counter
from itertools import repeat
from operator import attrgetter

import numpy as np

from cleaners.text.classify import Unit
from cleaners.text.context import cumulative_shares, shifted, window_means
from cleaners.text.measure import STAT_NAMES, Measures, repeat_keys

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
# What a label tells the columns, as bits read for all units at once; None is kept and soft.
_SOFT, _META, _BLOCK, _KEPT = 1, 2, 4, 8
_LABEL_BITS: dict[str | None, int] = {None: _SOFT | _KEPT}
for _labels, _bit in ((SOFT_LABELS, _SOFT), (META_LABELS, _META), (BLOCK_RULES, _BLOCK)):
    for _label in _labels:
        _LABEL_BITS[_label] = _LABEL_BITS.get(_label, 0) | _bit
_UNIT_FIELDS = attrgetter("label", "prose", "line", "density", "weight", "blank_before")


def unit_features(
    units: list[Unit],
    measures: Measures,
    span: tuple[int, int],
    doc_freqs: np.ndarray,
) -> np.ndarray:
    """Return one feature row per unit, in FEATURE_NAMES order."""
    n = len(units)
    if not n:
        return np.zeros((0, len(FEATURE_NAMES)))
    start, end = span
    cols = _unit_columns(units, measures, doc_freqs)
    prose, ruled, keep, words = cols["prose"], cols["ruled"], cols["keep"], cols["words"]
    titled, dated, df, meta_gap = cols["titled"], cols["dated"], cols["df"], cols["meta_gap"]
    terminal = cols["terminal"]
    # All neighbour windows of one reach in one pass.
    near = window_means(np.column_stack((prose, ruled, keep, titled, terminal, words, dated)), NEAR)
    far = window_means(np.column_stack((prose, ruled, keep, dated)), FAR)
    far_prose = far[:, 0]
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
            terminal,
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
            near[:, 0],
            far_prose,
            near[:, 1],
            far[:, 1],
            near[:, 2],
            far[:, 2],
            before,
            after,
            cols["after_block"],
            cols["short_run"],
            near[:, 3],
            near[:, 4],
            near[:, 5],
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
            near[:, 6],
            far[:, 3],
            _stamps_before(dated, meta_gap),
        )
    )


def _unit_columns(
    units: list[Unit], measures: Measures, doc_freqs: np.ndarray
) -> dict[str, np.ndarray]:
    """Return the per-unit measurements and labels as columns."""
    n = len(units)
    labels, prose, lines, density, weight, blank = zip(*map(_UNIT_FIELDS, units), strict=True)
    bits = np.fromiter(map(_LABEL_BITS.get, labels, repeat(0)), dtype=np.int8, count=n)
    raw_prose = np.array(prose, dtype=bool)
    soft = (bits & _SOFT) != 0
    line = np.array(lines)
    glued = np.zeros(n)
    glued[1:] = line[1:] == line[:-1]
    idx = np.arange(n)
    meta = (bits & _META) != 0
    meta[0] = False
    last_meta = np.maximum.accumulate(np.where(meta, idx, -1))
    keys = repeat_keys([u.text for u in units])
    seen = Counter(keys)
    copies = np.fromiter(map(seen.__getitem__, keys), dtype=np.int64, count=n)
    block = (bits & _BLOCK) != 0
    cols = {
        "prose": (raw_prose & soft).astype(float),
        "ruled": (~soft).astype(float),
        "keep": ((bits & _KEPT) != 0).astype(float),
        "density": np.array(density, dtype=float),
        "weight": np.array(weight, dtype=float),
        "df": doc_freqs,
        "glued": glued,
        "blank": np.array(blank, dtype=float),
        "repeats": np.minimum(copies - 1, 3) / 3.0,
        "meta_gap": np.where(last_meta >= 0, idx - last_meta, -1).astype(float),
        "after_block": _after_block_rule(block, raw_prose & soft),
        "short_run": _short_runs(raw_prose),
    }
    cols.update({name: measures.stats[:, j] for j, name in enumerate(STAT_NAMES)})
    return cols


def _stamps_before(dated: np.ndarray, meta_gap: np.ndarray) -> np.ndarray:
    """Count the time-stamp lines seen since the article head, scaled to 0-1."""
    idx = np.arange(len(dated))
    seen = np.zeros(len(dated) + 1)
    np.cumsum(dated, out=seen[1:])
    # The count starts again at every article-head line (gap 0), itself not counted.
    head = np.where(meta_gap >= 0, idx - meta_gap, 0).astype(np.intp)
    return np.minimum(seen[idx] - seen[head], MAX_STAMPS) / MAX_STAMPS


def _after_block_rule(block: np.ndarray, prose: np.ndarray) -> np.ndarray:
    """Mark units that come after a block-opening chrome line with no prose in between."""
    idx = np.arange(len(block))
    last = np.maximum.accumulate(np.where(block | prose, idx, -1))
    return np.where(last >= 0, block[np.maximum(last, 0)], False).astype(float)


def _short_runs(prose: np.ndarray) -> np.ndarray:
    """Return the length of the run of non-prose units each unit sits in, scaled to 0-1."""
    edges = np.diff(np.concatenate(([0], (~prose).astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    out = np.zeros(len(prose))
    out[~prose] = np.repeat(np.minimum(ends - starts, 30) / 30.0, ends - starts)
    return out
