"""Drop counted list items: archive, category and most-commented links, timed video links."""

from __future__ import annotations

import re

from cleaners.text.lines import count_words

# Blog sidebars' "WordPress (53)" and "November 2019 (12)", ProFootballTalk's
# most-commented "Week 12 power rankings (133)": a link, then how many posts or
# comments it holds; Smithsonian's video teasers "What Did the Rebel Yell Sound Like?
# (4:22)" end in their running time. Article sentences put no bare count at their end.
COUNT_TAIL = re.compile(r"\((\d[\d,.]*|\d{1,2}(:\d\d){1,2})\)$")
MAX_COUNTED_WORDS = 15


def match_counted_item(text: str) -> bool:
    """Tell whether a line is a short link followed by a bare count in brackets."""
    if not text.endswith(")") or count_words(text) > MAX_COUNTED_WORDS:
        return False
    return COUNT_TAIL.search(text) is not None
