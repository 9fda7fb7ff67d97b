"""Pick the main text per page by agreement between trafilatura and second opinions.

trafilatura occasionally stops at a paywall notice or the first section of a long story;
the page's article element and readability then hold the same text plus the rest.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

from lxml.html import HtmlElement

from cleaners.html.fallbacks import article_paragraphs, readability_paragraphs

logger = logging.getLogger(__name__)

WORD = re.compile(r"\w+")
SHINGLE = 4
# Below this many words trafilatura's output is suspect whatever the page looks like.
SHORT_WORDS = 150
# A candidate replaces trafilatura when it is this much longer (ratio, plus slack words)...
LONGER_RATIO = 1.5
LONGER_SLACK = 20
# ...and contains this share of trafilatura's shingles (trafilatura kept only a part).
CONTAINS_SHARE = 0.8
# A candidate sharing little with trafilatura wins only when it is far longer and the other
# second opinion agrees with it (trafilatura picked a notice, not the story).
FAR_LONGER_RATIO = 4.0
AGREE_SHARE = 0.8


def shingles(paragraphs: list[str]) -> Counter[str]:
    """Return the bag of 4-word shingles of a text."""
    words = WORD.findall("\n".join(paragraphs))
    return Counter(" ".join(words[k : k + SHINGLE]) for k in range(max(1, len(words) - 3)))


def contained_share(part: Counter[str], whole: Counter[str]) -> float:
    """Return the share of part's shingles that also occur in whole."""
    total = sum(part.values())
    return sum((part & whole).values()) / total if total else 0.0


def count_words(paragraphs: list[str]) -> int:
    """Count the words in a list of paragraphs."""
    return sum(len(WORD.findall(p)) for p in paragraphs)


def choose_paragraphs(primary: list[str], tree: HtmlElement) -> tuple[list[str], str]:
    """Return the best main text for the page and the name of the source chosen."""
    article = article_paragraphs(tree)
    n_primary, n_article = count_words(primary), count_words(article)
    if n_primary >= SHORT_WORDS and n_article <= LONGER_RATIO * n_primary + LONGER_SLACK:
        return primary, "trafilatura"
    readable = readability_paragraphs(tree)
    seen = {"readability": shingles(readable), "article": shingles(article)}
    sizes = {"readability": count_words(readable), "article": n_article}
    texts = {"readability": readable, "article": article}
    mine = shingles(primary)
    for name, other in (("readability", "article"), ("article", "readability")):
        size = sizes[name]
        if size <= LONGER_RATIO * n_primary + LONGER_SLACK:
            continue
        if n_primary == 0 or contained_share(mine, seen[name]) >= CONTAINS_SHARE:
            if name == "article" and sizes["readability"] and not agree(seen, name, other):
                continue
            return texts[name], name
        if size > FAR_LONGER_RATIO * n_primary + LONGER_SLACK and agree(seen, name, other):
            return texts[name], name
    return primary, "trafilatura"


def agree(seen: dict[str, Counter[str]], name: str, other: str) -> bool:
    """Tell whether two candidates largely hold the same text."""
    if not seen[other]:
        return False
    a, b = seen[name], seen[other]
    return max(contained_share(a, b), contained_share(b, a)) >= AGREE_SHARE
