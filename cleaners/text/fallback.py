"""Keep a list-shaped article rather than nothing: a results roundup, a fixture list."""

from __future__ import annotations

from cleaners.text.classify import Unit
from cleaners.text.lines import count_words

# A roundup of scores ("Palm Bay (1-0):", "Tolivert 25 points. Davis 17 points.") has no
# line that reads as prose, so the span search and the model drop it all. When that
# leaves less than a document's minimum, the lines no chrome rule or site template
# removed come back, if enough of them end like sentences: a page of headlines or menus
# (no full stops) stays empty and is quarantined.
RESCUED = frozenset({"short_line", "low_quality"})
SENTENCE_ENDS = (".", "!", "?")


def rescue_lists(units: list[Unit], min_words: int) -> bool:
    """Keep the unruled lines of a document that kept too little; tell whether it did."""
    if sum(count_words(u.text) for u in units if u.label is None) >= min_words:
        return False
    rescued = [u for u in units if u.label in RESCUED]
    ended = sum(count_words(u.text) for u in rescued if u.text.rstrip().endswith(SENTENCE_ENDS))
    if ended < min_words:
        return False
    for unit in rescued:
        unit.label = None
    return True
