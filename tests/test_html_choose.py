"""The checks choose.py uses to let the article element outrank a short readability text."""

from __future__ import annotations

from cleaners.html.choose import extends, reads_as_prose, shingles

STORY = [
    "As the pandemic ripped through almost every aspect of American life, media became "
    "more important than ever for people who were told to stay at home.",
    "Television took on added importance as a central source of information and, in some "
    "cases, inspiration, even as production of most programs was shut down.",
    "As always happens in a crisis, some people rose to the occasion, and others folded or "
    "tried to exploit it for their own ends, the critic wrote in his column.",
]
# A live blog's article element: one summary paragraph, then teaser headlines.
TEASERS = [
    STORY[0],
    "Key moments",
    "More",
    "Sweden's strategy is a soft lockdown, says adviser",
    "The night looks for an emergency exit",
    "Government uses different criteria to calculate support",
]


def test_prose_paragraphs_read_as_prose() -> None:
    assert reads_as_prose(STORY)


def test_teaser_headlines_do_not() -> None:
    assert not reads_as_prose(TEASERS)
    assert not reads_as_prose([])


def test_extends_needs_the_part_inside_a_much_longer_whole() -> None:
    part, whole = STORY[:1], STORY * 3
    assert extends(shingles(part), shingles(whole), 26, 3 * 78)
    # not longer enough
    assert not extends(shingles(part), shingles(STORY[:2]), 26, 30)
    # longer, but the part is not in it
    other = ["A different story about the weather in the mountains, with snow and wind."] * 9
    assert not extends(shingles(part), shingles(other), 26, 9 * 14)
