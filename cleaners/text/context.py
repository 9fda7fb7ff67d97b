"""Neighbourhood summaries over a document's units, and the second-stage context rows."""

from __future__ import annotations

import numpy as np

# Reach of the second stage's windows, in units: a teaser card, a block, a section.
MID = 4
WIDE = 15
CONTEXT_NAMES: tuple[str, ...] = (
    "bias",
    "logit",
    "prev_p",
    "next_p",
    "near_p",
    "mid_p",
    "far_p",
    "before_max",
    "after_max",
    "kept_before",
    "kept_after",
)


def window_means(values: np.ndarray, reach: int) -> np.ndarray:
    """Return the mean of each value's neighbours within ``reach``, itself excluded.

    ``values`` may also be a matrix: each column is one series.
    """
    n = len(values)
    prefix = np.zeros((n + 1, *values.shape[1:]))
    np.cumsum(values, axis=0, out=prefix[1:])
    idx = np.arange(n)
    lo = np.maximum(idx - reach, 0)
    hi = np.minimum(idx + reach + 1, n)
    count = (hi - lo - 1).reshape(-1, *([1] * (values.ndim - 1)))
    sums = prefix[hi] - prefix[lo] - values
    return np.divide(sums, count, out=np.zeros(sums.shape), where=count > 0)


def cumulative_shares(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return, per position, the share of the total that lies strictly before and after it."""
    total = float(values.sum()) or 1.0
    run = np.cumsum(values)
    return (run - values) / total, (total - run) / total


def shifted(values: np.ndarray, offset: int, fill: float) -> np.ndarray:
    """Return values[i - offset] at i (offset 1: the previous unit), ``fill`` off the edge."""
    out = np.full(len(values), fill)
    if offset > 0:
        out[offset:] = values[:-offset]
    else:
        out[:offset] = values[-offset:]
    return out


def context_features(probs: np.ndarray) -> np.ndarray:
    """Return one row per unit from the first-stage probabilities around it."""
    n = len(probs)
    clipped = np.clip(probs, 1e-4, 1 - 1e-4)
    before_max = np.zeros(n)
    after_max = np.zeros(n)
    for k in (1, 2, 3):
        before_max = np.maximum(before_max, shifted(probs, k, 0.0))
        after_max = np.maximum(after_max, shifted(probs, -k, 0.0))
    kept_before, kept_after = cumulative_shares(probs)
    return np.column_stack(
        (
            np.ones(n),
            np.log(clipped / (1 - clipped)) / 5.0,
            shifted(probs, 1, 0.0),
            shifted(probs, -1, 0.0),
            window_means(probs, 1),
            window_means(probs, MID),
            window_means(probs, WIDE),
            before_max,
            after_max,
            kept_before,
            kept_after,
        )
    )
