"""Apply the learned keep/drop model in model.json.

Two stacked logistic regressions, averaged with a small boosted tree ensemble that
reads the unit features and the second stage's context rows together: the trees catch
interactions (a short title-case line inside a teaser grid) that a linear model cannot.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from cleaners.text.classify import Unit
from cleaners.text.context import CONTEXT_NAMES, context_features
from cleaners.text.features import FEATURE_NAMES, SOFT_LABELS

MODEL_PATH = Path(__file__).with_name("model.json")
# The model learnt from whole pages (100-200 lines each); on a dump of a few lines its
# window and position features are out of range, so short dumps keep the heuristics.
MIN_MODEL_UNITS = 30
# Keep probabilities are logged with the removals they decided, to this many digits.
SCORE_DIGITS = 3
# lxml can glue a whole article body into one line; a unit that big lies outside what
# the model learnt from (its word-count features saturate), so a kept prose unit with
# this share of the document's prose weight stays kept.
DOMINANT_SHARE = 0.5


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any] | None:
    """Load the shipped model, or None when it is absent or was built for other features."""
    if not MODEL_PATH.is_file():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    if (
        tuple(data.get("features", ())) != FEATURE_NAMES
        or tuple(data.get("context", ())) != CONTEXT_NAMES
    ):
        return None
    data["weights"] = np.array(data["weights"])
    data["context_weights"] = np.array(data["context_weights"])
    if "trees" in data:
        trees = data["trees"]
        trees["features"] = np.array(trees["features"], dtype=np.intp)
        trees["thresholds"] = np.array(trees["thresholds"], dtype=float)
        trees["leaves"] = np.array(trees["leaves"], dtype=float)
    return data


def keep_probabilities(rows: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Return the model's probability that each unit is article text."""
    return 1.0 / (1.0 + np.exp(-np.clip(rows @ weights, -30.0, 30.0)))


def tree_probabilities(rows: np.ndarray, trees: dict[str, Any]) -> np.ndarray:
    """Return the tree ensemble's keep probability of every row, all trees at once.

    Trees are complete and stored level by level: node i has children 2i+1 (value at
    most the threshold) and 2i+2; the leaves follow the last level.
    """
    feats, thresholds, leaves = trees["features"], trees["thresholds"], trees["leaves"]
    n_trees, n_inner = feats.shape
    n_nodes = n_trees * n_inner  # node i of tree t is test t * n_inner + i of a row
    # Every node's test on every row at once, then a walk that only looks them up.
    right = (rows.take(feats.ravel(), axis=1) > thresholds.ravel()).ravel()
    first = (np.arange(len(rows)) * n_nodes)[:, None] + np.arange(n_trees) * n_inner
    node = np.zeros((len(rows), n_trees), dtype=np.intp)
    for _ in range(trees["depth"]):
        node = 2 * node + 1 + right[first + node]
    raw = trees["bias"] + leaves[np.arange(n_trees), node - n_inner].sum(axis=1)
    return 1.0 / (1.0 + np.exp(-np.clip(raw, -30.0, 30.0)))


def hard_mask(units: list[Unit]) -> np.ndarray:
    """Mark units removed by a chrome rule or lifted as metadata; the model leaves them."""
    return np.array([u.label is not None and u.label not in SOFT_LABELS for u in units], bool)


def first_stage(
    units: list[Unit], rows: np.ndarray, weights: np.ndarray, hard: np.ndarray | None = None
) -> np.ndarray:
    """Return first-stage probabilities, zero for units a chrome rule already removed."""
    probs = keep_probabilities(rows, weights)
    probs[hard_mask(units) if hard is None else hard] = 0.0
    return probs


def dominant_units(units: list[Unit]) -> np.ndarray:
    """Mark kept prose units that carry most of the document's prose weight."""
    weights = np.array([max(u.weight, 0.0) if u.prose else 0.0 for u in units])
    total = weights.sum()
    kept = np.array([u.label is None for u in units], dtype=bool)
    return kept & (weights >= DOMINANT_SHARE * total) & (total > 0)


def decide_units(units: list[Unit], rows: np.ndarray, model: dict[str, Any] | None = None) -> None:
    """Keep or drop every softly labelled unit by the model; without one, keep the heuristics."""
    model = model or load_model()
    if model is None or len(units) < MIN_MODEL_UNITS:
        return
    hard = hard_mask(units)
    context = context_features(first_stage(units, rows, model["weights"], hard))
    probs = keep_probabilities(context, model["context_weights"])
    if "trees" in model:
        soft = ~hard
        trees = tree_probabilities(np.hstack((rows[soft], context[soft])), model["trees"])
        probs[soft] = (probs[soft] + trees) / 2.0
    keep = (probs >= model["threshold"]) | dominant_units(units)
    rows_out = zip(units, hard.tolist(), keep.tolist(), probs.tolist(), strict=True)
    for unit, ruled, kept, prob in rows_out:
        if ruled:
            continue
        unit.score = round(prob, SCORE_DIGITS)
        if kept:
            unit.label = None
        elif unit.label is None:
            unit.label = "low_quality" if unit.prose else "short_line"
