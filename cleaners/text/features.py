"""Describe each unit of a dump as numbers for the learned keep/drop model."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import numpy as np

from cleaners.text.classify import Unit
from cleaners.text.context import cumulative_shares, shifted, window_means
from cleaners.text.measure import STAT_NAMES, repeat_key, text_stats

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
    n = len(units)
    texts = [u.text for u in units]
    labels = [u.label for u in units]
    stats = np.array([text_stats(t) for t in texts], dtype=float).reshape(n, len(STAT_NAMES))
    soft = np.array([lab is None or lab in SOFT_LABELS for lab in labels], dtype=bool)
    lines = np.array([u.line for u in units])
    glued = np.zeros(n)
    glued[1:] = lines[1:] == lines[:-1]
    idx = np.arange(n)
    meta = np.array([lab in META_LABELS for lab in labels], dtype=bool)
    meta[0] = False
    last_meta = np.maximum.accumulate(np.where(meta, idx, -1))
    keys = [repeat_key(t) for t in texts]
    seen = Counter(keys)
    cols = {
        "prose": (np.array([u.prose for u in units], dtype=bool) & soft).astype(float),
        "ruled": (~soft).astype(float),
        "keep": np.array([lab is None for lab in labels], dtype=float),
        "density": np.array([u.density for u in units], dtype=float),
        "weight": np.array([u.weight for u in units], dtype=float),
        "df": np.array([doc_freq(t) for t in texts] if doc_freq else np.zeros(n), dtype=float),
        "glued": glued,
        "blank": np.array([u.blank_before for u in units], dtype=float),
        "repeats": np.array([min(seen[k] - 1, 3) / 3.0 for k in keys], dtype=float),
        "meta_gap": np.where(last_meta >= 0, idx - last_meta, -1).astype(float),
    }
    cols.update({name: stats[:, j] for j, name in enumerate(STAT_NAMES)})
    return cols


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
