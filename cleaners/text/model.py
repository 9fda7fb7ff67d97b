"""Apply the learned keep/drop model: two stacked logistic regressions in model.json."""

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
    return data


def keep_probabilities(rows: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Return the model's probability that each unit is article text."""
    return 1.0 / (1.0 + np.exp(-np.clip(rows @ weights, -30.0, 30.0)))


def hard_mask(units: list[Unit]) -> np.ndarray:
    """Mark units removed by a chrome rule or lifted as metadata; the model leaves them."""
    return np.array([u.label is not None and u.label not in SOFT_LABELS for u in units], bool)


def first_stage(units: list[Unit], rows: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Return first-stage probabilities, zero for units a chrome rule already removed."""
    probs = keep_probabilities(rows, weights)
    probs[hard_mask(units)] = 0.0
    return probs


def decide_units(units: list[Unit], rows: np.ndarray, model: dict[str, Any] | None = None) -> None:
    """Keep or drop every softly labelled unit by the model; without one, keep the heuristics."""
    model = model or load_model()
    if model is None or len(units) < MIN_MODEL_UNITS:
        return
    probs = first_stage(units, rows, model["weights"])
    probs = keep_probabilities(context_features(probs), model["context_weights"])
    keep = probs >= model["threshold"]
    for unit, hard, kept in zip(units, hard_mask(units).tolist(), keep.tolist(), strict=True):
        if hard:
            continue
        if kept:
            unit.label = None
        elif unit.label is None:
            unit.label = "low_quality" if unit.prose else "short_line"
