"""The shipped keep/drop model: it loads, matches the features, and decides softly only."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from cleaners.config import Config
from cleaners.text import analyse_text, clean_text
from cleaners.text.classify import Unit
from cleaners.text.context import CONTEXT_NAMES
from cleaners.text.features import FEATURE_NAMES, SOFT_LABELS
from cleaners.text.model import dominant_units, load_model, tree_probabilities

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (
    "Home\nNews\nSport\n\n"
    "The council approved the new budget on Monday after a long debate about schools.\n\n"
    "Members said that the plan would help families and that the cost was fair for all.\n\n"
    "The mayor added that work on the first projects would start early in the spring.\n\n"
    "Advertisement\n\n"
    "Opponents argued that the vote came too soon and that residents had not been heard.\n"
)


def test_shipped_model_matches_the_features() -> None:
    model = load_model()
    assert model is not None
    assert len(model["weights"]) == len(FEATURE_NAMES)
    assert len(model["context_weights"]) == len(CONTEXT_NAMES)


def test_features_have_one_row_per_unit() -> None:
    analysis = analyse_text(ARTICLE)
    assert analysis.features.shape == (len(analysis.units), len(FEATURE_NAMES))


def test_model_keeps_prose_and_leaves_rule_removals() -> None:
    result = clean_text(ARTICLE, Config())
    assert len(result.paragraphs) == 4
    assert [r.rule for r in result.removed if r.text == "Advertisement"] == ["ad"]


def test_one_line_holding_most_of_the_prose_is_dominant() -> None:
    # lxml glues a whole body into one line; the model never saw a unit that big.
    units = [
        Unit("Markets", 0, True, "navigation", -7.0),
        Unit("Oil fell ...", 1, True, None, 390.0, prose=True),
        Unit("A caption that is kept.", 2, True, None, 12.0, prose=True),
        Unit("Shares rose ...", 3, True, "low_quality", 300.0, prose=True),
        Unit("Dermid", 4, False, None, -1.8),
    ]
    assert dominant_units(units).tolist() == [False, True, False, False, False]
    assert not dominant_units([Unit("Home", 0, True, None, -1.5)]).any()


def test_empty_dump_gives_nothing() -> None:
    assert clean_text("", Config()).paragraphs == []


def test_trees_walk_every_row_to_its_leaf() -> None:
    # One depth-1 tree on feature 1 and one that never splits (threshold +inf).
    trees = {
        "depth": 1,
        "bias": 0.0,
        "features": np.array([[1], [0]]),
        "thresholds": np.array([[0.5], [np.inf]]),
        "leaves": np.array([[-2.0, 2.0], [0.5, 9.0]]),
    }
    rows = np.array([[0.0, 0.2], [0.0, 0.9]])
    probs = tree_probabilities(rows, trees)
    expected = 1.0 / (1.0 + np.exp(-np.array([-1.5, 2.5])))
    assert np.allclose(probs, expected)


def test_shipped_trees_read_unit_and_context_columns() -> None:
    model = load_model()
    assert model is not None and "trees" in model
    width = len(FEATURE_NAMES) + len(CONTEXT_NAMES)
    assert int(model["trees"]["features"].max()) < width


def test_removals_carry_the_model_score_that_decided_them() -> None:
    # The repository's lxml dump of an RT page: long enough for the model to decide.
    text = (ROOT / "raw" / "text" / "rt-2019-lxml-dump.txt").read_text(encoding="utf-8")
    model = load_model()
    assert model is not None
    removed = clean_text(text, Config()).removed
    decided = [r for r in removed if r.rule in SOFT_LABELS]
    assert decided and all(r.score is not None for r in decided)
    assert all(0.0 <= r.score < model["threshold"] for r in decided if r.score is not None)
    ruled = [r for r in removed if r.rule in {"icon_run", "share", "navigation"}]
    assert ruled and all(r.score is None for r in ruled)  # a rule removed them, not the model
