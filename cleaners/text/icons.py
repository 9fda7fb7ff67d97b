"""Drop runs of icon labels from inline SVG sprites and icon fonts."""

from __future__ import annotations

import re

from cleaners.text.lines import line_key, split_words

# RT opens <body> with an SVG sprite whose <title>s come out as "icon bookmark-bicon
# bookmarkicon camera..." (lxml) or one "icon camera" a line (soup, html_text).
ICON_WORD = re.compile(r"icon", re.IGNORECASE)
ICON_LINE = re.compile(r"^icons?[ _-][\w -]{1,30}$")
# Material-style icon-font ligatures printed as text next to buttons.
LIGATURES = frozenset(
    split_words(
        "expand_more expand_less chevron_right chevron_left arrow_forward arrow_back "
        "arrow_drop_down keyboard_arrow_down keyboard_arrow_right close menu search "
        "more_vert more_horiz play_arrow share bookmark_border"
    )
)
MIN_FUSED_ICONS = 4


def match_icon_run(text: str) -> bool:
    """Tell whether a line is a run of icon labels."""
    key = line_key(text)
    if ICON_LINE.match(key) or key in LIGATURES:
        return True
    count = len(ICON_WORD.findall(text))
    return count >= MIN_FUSED_ICONS and count * 4 >= len(text.split())
