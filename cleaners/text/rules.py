"""Run the chrome families over a line, in a fixed order, and name the one that matched."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from cleaners.text.ads import AD_LINE, match_ad
from cleaners.text.captions import GALLERY_COUNT, MAX_CAPTION_WORDS, match_caption
from cleaners.text.comments import COMMENT_LINE, FORM_CUES, match_comments
from cleaners.text.cookies import POLICY_LINE, match_cookie
from cleaners.text.counts import MAX_COUNTED_WORDS, match_counted_item
from cleaners.text.credits import CREDIT_LINE, match_photo_credit
from cleaners.text.footer import FOOTER_LINE, match_footer
from cleaners.text.icons import ICON_LINE, LIGATURES, match_icon_run
from cleaners.text.lines import count_words, line_key
from cleaners.text.nav import NAV_PHRASES, NAV_WORDS, match_navigation
from cleaners.text.related import RELATED_BLOCK, RELATED_LINE, is_related_block, match_related
from cleaners.text.share import (
    MAX_SHARE_WORDS,
    SHARE_PHRASES,
    SHARE_START,
    SOCIAL_COUNTER,
    SOCIAL_WORDS,
    match_share,
)
from cleaners.text.subscribe import PROMPT_LINE, PROMPT_START, match_subscribe
from cleaners.text.tags import TAGS_LINE, match_tags

# No family but a glued related block matches a line this long (cookie banners are the
# longest of the others, 70 words).
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
    ("caption", match_caption),
    ("counted_list", match_counted_item),
    ("tags", match_tags),
    ("footer", match_footer),
    ("navigation", match_navigation),
)

# A quick test that every chrome line passes, so that the families only run on the
# few lines that might be chrome: most lines are prose or plain headings. Each family
# needs one of these on its line; a new family must add its own here (and
# tests/test_text_chrome.py checks the families' own examples against it).
# The whole-line patterns, all anchored at the start of the line key.
LINE_STARTS = re.compile(
    "|".join(
        f"(?:{p.pattern})"
        for p in (
            ICON_LINE,
            POLICY_LINE,
            RELATED_LINE,
            RELATED_BLOCK,
            PROMPT_LINE,
            PROMPT_START,
            SOCIAL_COUNTER,
            SHARE_PHRASES,
            SHARE_START,
            AD_LINE,
            COMMENT_LINE,
            CREDIT_LINE,
            FOOTER_LINE,
            GALLERY_COUNT,
            TAGS_LINE,
        )
    )
)
LINE_WORDS = LIGATURES | SOCIAL_WORDS | NAV_WORDS | NAV_PHRASES
# Related prefixes and comment headers need a colon, credits one of ":/|©",
# breadcrumbs a separator; none of them is longer than this many words.
LINE_MARKS = ":/|>›»"
_LINE_MARK = re.compile(f"[{re.escape(LINE_MARKS)}]")
MAX_MARKED_WORDS = 25
# The literal cores of COOKIE_CUE, LEGAL_CUE, AGENCY_CREDIT, CAPTION_CREDIT, COPYRIGHT,
# ICON_WORD, COMMENT_FORM and of the prompts that follow a sentence (as literals the search
# is four times faster); no banner or notice is longer than 70 words.
LINE_CUES = re.compile(
    r"cookie|gdpr|consent|do not sell|personal information|privacy settings|getty images"
    r"|personal data|privacy policy|data protection|terms of use|terms of service|subscribe"
    r"|newsletter|click here"
    r"|reuters|associated press|ap photo|afp|epa|shutterstock|istock|©|ⓒ|\(c\)|copyright"
    r"|all rights reserved|todos os direitos|alle rechte|icon|ıcon"
    r"|credit|photo|image|picture|foto|" + FORM_CUES
)
MAX_CUED_WORDS = 70
# Counted links end in a bracket, expandable captions in a "more" or "less" toggle.
TOGGLES = frozenset({"more", "less"})


@lru_cache(maxsize=65536)
def match_chrome(text: str) -> str | None:
    """Return the name of the chrome family a line belongs to, or None."""
    if len(text) > MAX_CHROME_CHARS:
        # Only a related block glued into one line runs this long.
        return "related" if is_related_block(text, line_key(text)) else None
    if not might_be_chrome(text):
        return None
    for name, matcher in RULES:
        if matcher(text):
            return name
    return None


def might_be_chrome(text: str) -> bool:
    """Tell whether a line passes the quick test that every chrome line passes."""
    key = line_key(text)
    if key in LINE_WORDS or LINE_STARTS.match(key):
        return True
    words = count_words(text)
    if words <= MAX_MARKED_WORDS and _LINE_MARK.search(text):
        return True
    if (text.endswith((")", "]")) or text[-4:].casefold() in TOGGLES) and words <= max(
        MAX_CAPTION_WORDS, MAX_COUNTED_WORDS
    ):
        return True
    if words > MAX_CUED_WORDS:
        return "icon" in key or "ıcon" in key
    if LINE_CUES.search(key):
        return True
    if words > MAX_SHARE_WORDS:
        return False
    # A share bar of network names ("Facebook Twitter Email").
    first = key.replace(",", " ").split(None, 1)
    return bool(first) and first[0] in SOCIAL_WORDS
