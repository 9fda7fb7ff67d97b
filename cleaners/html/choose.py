"""Pick the main text per page by agreement between trafilatura and second opinions.

trafilatura occasionally stops at a paywall notice or the first section of a long story;
the page's article element and readability then hold the same text plus the rest.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

from lxml.html import HtmlElement

from cleaners.html.extract import extract_paragraphs
from cleaners.html.fallbacks import article_paragraphs, readability_paragraphs

logger = logging.getLogger(__name__)

WORD = re.compile(r"\w+")
SHINGLE = 4
# Below this many words trafilatura's output is suspect whatever the page looks like.
SHORT_WORDS = 150
# A candidate replaces trafilatura when it is this much longer (ratio, or slack words for
# short texts: a 34-word lead paragraph where the story has 69)...
LONGER_RATIO = 1.5
LONGER_SLACK = 20
# ...and contains this share of trafilatura's shingles (trafilatura kept only a part).
CONTAINS_SHARE = 0.8
# A candidate sharing little with trafilatura wins only when it is far longer and the other
# second opinion agrees with it (trafilatura picked a notice, not the story).
FAR_LONGER_RATIO = 4.0
AGREE_SHARE = 0.8
# Below this many words trafilatura found no story at all (a menu, a copyright line on
# Korean and Armenian news pages); a far longer sole second opinion then wins unopposed.
TINY_WORDS = 75
# When readability, like trafilatura, kept only the start of a story the article element
# holds whole, the article element wins if its paragraphs are prose: a median paragraph
# of this many words (a live blog's article element is mostly teaser headlines).
PROSE_PARAGRAPH_WORDS = 15


def shingles(paragraphs: list[str]) -> Counter[str]:
    """Return the bag of 4-word shingles of a text."""
    words = WORD.findall("\n".join(paragraphs))
    if not words:
        return Counter()
    return Counter(" ".join(words[k : k + SHINGLE]) for k in range(max(1, len(words) - 3)))


def contained_share(part: Counter[str], whole: Counter[str]) -> float:
    """Return the share of part's shingles that also occur in whole."""
    total = sum(part.values())
    return sum((part & whole).values()) / total if total else 0.0


def count_words(paragraphs: list[str]) -> int:
    """Count the words in a list of paragraphs."""
    return sum(len(WORD.findall(p)) for p in paragraphs)


def longer_than(n_words: int) -> float:
    """Return the size a candidate must exceed to count as longer than n_words."""
    return max(LONGER_RATIO * n_words, n_words + LONGER_SLACK)


def choose_paragraphs(tree: HtmlElement, favor_precision: bool) -> tuple[list[str], str]:
    """Return the best main text for the page and the name of the source chosen."""
    primary = extract_paragraphs(tree, favor_precision)
    paragraphs, source, n_words = choose_quick(primary, count_words(primary), tree)
    if n_words >= TINY_WORDS:
        return paragraphs, source
    # Pages whose story sits in unusual markup (Indian and Italian news pages): trafilatura's
    # full cascade, with its own fallbacks and baseline, still finds it.
    full = extract_paragraphs(tree, favor_precision, fast=False)
    if count_words(full) > n_words:
        return full, "trafilatura-full"
    return paragraphs, source


def choose_quick(
    primary: list[str], n_primary: int, tree: HtmlElement
) -> tuple[list[str], str, int]:
    """Pick between trafilatura's fast pass, the article element and readability.

    Return the text chosen, its source and its number of words.
    """
    article = article_paragraphs(tree)
    n_article = count_words(article)
    if n_primary >= SHORT_WORDS and n_article <= longer_than(n_primary):
        return primary, "trafilatura", n_primary
    mine, theirs = shingles(primary), shingles(article)
    if confirms(mine, theirs, n_primary, n_article):
        # a short story the page's own article element confirms
        return primary, "trafilatura", n_primary
    readable = readability_paragraphs(tree)
    seen = {"readability": shingles(readable), "article": theirs}
    sizes = {"readability": count_words(readable), "article": n_article}
    texts = {"readability": readable, "article": article}
    if confirms(mine, seen["readability"], n_primary, sizes["readability"]):
        return primary, "trafilatura", n_primary
    for name, other in (("readability", "article"), ("article", "readability")):
        size = sizes[name]
        if size <= longer_than(n_primary):
            continue
        if n_primary == 0 or contained_share(mine, seen[name]) >= CONTAINS_SHARE:
            if name == "article" and sizes["readability"] and not agree(seen, name, other):
                continue
            if extends(seen[name], seen[other], size, sizes[other]) and reads_as_prose(
                texts[other]
            ):
                # readability, too, kept only the first part of what the article holds
                return texts[other], other, sizes[other]
            return texts[name], name, size
        if size > FAR_LONGER_RATIO * n_primary + LONGER_SLACK and (
            agree(seen, name, other) or (n_primary < TINY_WORDS and not seen[other])
        ):
            return texts[name], name, size
    return primary, "trafilatura", n_primary


def confirms(mine: Counter[str], theirs: Counter[str], n_mine: int, n_theirs: int) -> bool:
    """Tell whether a second opinion found the same text as trafilatura, no longer."""
    if not mine or not theirs or n_theirs > longer_than(n_mine):
        return False
    return min(contained_share(mine, theirs), contained_share(theirs, mine)) >= AGREE_SHARE


def extends(part: Counter[str], whole: Counter[str], n_part: int, n_whole: int) -> bool:
    """Tell whether a candidate holds another's text and much more besides."""
    return n_whole > longer_than(n_part) and contained_share(part, whole) >= CONTAINS_SHARE


def reads_as_prose(paragraphs: list[str]) -> bool:
    """Tell whether a text is paragraphs of prose, not mostly headlines and links."""
    sizes = sorted(len(WORD.findall(p)) for p in paragraphs)
    return bool(sizes) and sizes[len(sizes) // 2] >= PROSE_PARAGRAPH_WORDS


def agree(seen: dict[str, Counter[str]], name: str, other: str) -> bool:
    """Tell whether two candidates largely hold the same text."""
    if not seen[other]:
        return False
    a, b = seen[name], seen[other]
    return max(contained_share(a, b), contained_share(b, a)) >= AGREE_SHARE
