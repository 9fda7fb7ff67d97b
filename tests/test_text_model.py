"""The shipped keep/drop model: it loads, matches the features, and decides softly only."""

from __future__ import annotations

from cleaners.config import Config
from cleaners.text import analyse_text, clean_text
from cleaners.text.context import CONTEXT_NAMES
from cleaners.text.features import FEATURE_NAMES
from cleaners.text.model import load_model

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


def test_empty_dump_gives_nothing() -> None:
    assert clean_text("", Config()).paragraphs == []
