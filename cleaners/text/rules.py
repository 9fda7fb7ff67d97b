"""Run the chrome families over a line, in a fixed order, and name the one that matched."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from cleaners.text.ads import match_ad
from cleaners.text.comments import match_comments
from cleaners.text.cookies import match_cookie
from cleaners.text.credits import match_photo_credit
from cleaners.text.footer import match_footer
from cleaners.text.icons import match_icon_run
from cleaners.text.nav import match_navigation
from cleaners.text.related import match_related
from cleaners.text.share import match_share
from cleaners.text.subscribe import match_subscribe

# No family matches a line this long (cookie banners are the longest, 70 words).
MAX_CHROME_CHARS = 600
# Most specific families first, so a removal is logged under the most telling name.
RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("icon_run", match_icon_run),
    ("cookie", match_cookie),
    ("related", match_related),
    ("subscribe", match_subscribe),
    ("share", match_share),
    ("ad", match_ad),
    ("comments", match_comments),
    ("photo_credit", match_photo_credit),
    ("footer", match_footer),
    ("navigation", match_navigation),
)


@lru_cache(maxsize=65536)
def match_chrome(text: str) -> str | None:
    """Return the name of the chrome family a line belongs to, or None."""
    if len(text) > MAX_CHROME_CHARS:
        return None
    for name, matcher in RULES:
        if matcher(text):
            return name
    return None
