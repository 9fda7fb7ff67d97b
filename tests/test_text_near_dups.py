"""A second copy of kept text, cut or glued differently, is dropped as a duplicate."""

from __future__ import annotations

from cleaners.text.classify import Unit
from cleaners.text.near_dups import drop_near_duplicates

FIRST = "Retiring early takes time and incredible discipline, and you should aim to save a lot."
SECOND = "If you plan well, the number you need depends on what you spend in a year."


def units_of(*texts: str) -> list[Unit]:
    return [Unit(text, i, True) for i, text in enumerate(texts)]


def test_copy_glued_differently_is_dropped() -> None:
    units = units_of(FIRST, SECOND, FIRST + " Read on.")
    drop_near_duplicates(units)
    assert [u.label for u in units] == [None, None, "duplicate"]


def test_paragraphs_sharing_a_phrase_are_kept() -> None:
    third = "Retiring early takes time, the planner said, but most clients never regret it."
    units = units_of(FIRST, SECOND, third)
    drop_near_duplicates(units)
    assert [u.label for u in units] == [None, None, None]


def test_copy_of_removed_text_is_kept() -> None:
    units = units_of(FIRST, SECOND, FIRST)
    units[0].label = "related"
    drop_near_duplicates(units)
    assert [u.label for u in units] == ["related", None, None]


def test_short_repeats_are_kept() -> None:
    units = units_of("Read the full report", SECOND, "Read the full report")
    drop_near_duplicates(units)
    assert [u.label for u in units] == [None, None, None]
