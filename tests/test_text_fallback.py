"""A list-shaped article comes back when the model keeps too little; a menu page does not."""

from __future__ import annotations

from cleaners.text.classify import Unit
from cleaners.text.fallback import rescue_lists

# A high-school results roundup (after Florida Today's): no line reads as prose.
ROUNDUP = [
    ("GIRLS BASKETBALL", "short_line"),
    ("Palm Bay d. Rockledge 70-44", "short_line"),
    ("Palm Bay (1-0):", "short_line"),
    ("Tolivert 25 points. Davis 17 points. Burgher 10 points. Bozeman 10 points.", "low_quality"),
    ("Rockledge (0-1):", "short_line"),
    ("Blakely 15 points. Devoe 2 points. Baker 6 points. Brown 4 points.", "short_line"),
    ("Terms of Service", "cookie"),
    ("Subscribe to our newsletter for the scores", "subscribe"),
]
HEADLINES = [
    ("World news today", "short_line"),
    ("Markets close higher on Friday after a volatile week", "short_line"),
    ("Storm warning for the east coast as the season turns", "short_line"),
    ("Local team wins the cup in extra time at home", "short_line"),
    ("Election results by county and by state senate seat", "low_quality"),
]


def units_of(rows: list[tuple[str, str | None]]) -> list[Unit]:
    return [Unit(text, i, True, label) for i, (text, label) in enumerate(rows)]


def test_a_results_roundup_is_kept_not_emptied() -> None:
    units = units_of(ROUNDUP)
    assert rescue_lists(units, 20)
    kept = [u.text for u in units if u.label is None]
    assert kept == [t for t, _ in ROUNDUP[:6]]  # the chrome rules' lines stay out


def test_a_page_of_headlines_stays_empty() -> None:
    units = units_of(HEADLINES)
    assert not rescue_lists(units, 20)
    assert all(u.label is not None for u in units)


def test_a_document_that_kept_enough_is_left_alone() -> None:
    units = units_of([*ROUNDUP, ("The coach said the win " * 5 + "mattered.", None)])
    assert not rescue_lists(units, 20)
    assert [u.label for u in units][:6] == [label for _, label in ROUNDUP[:6]]
