"""Visible headings that may hold the article title, with kickers and subtitles cut off."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from cleaners.metadata.page_cache import elements, in_document_order, itemprop_elements

logger = logging.getLogger(__name__)

# Headline parts that are not the headline: a kicker/roofline above it ("Die Zukunft der
# Arbeit" over a quote on public-radio pages, "Auftragshoch bei FACC" on trade magazines),
# a date topline (federal-agency notices), a section link ("Politics |" on US dailies)
# and a subtitle in <small> under it (travel blogs).
KICKER_CLASS = re.compile(
    r"kicker|overline|topline|toptitle|roofline|dachzeile|eyebrow|subheadline|subtitle|"
    r"supertitle|overtitle|pretitle|titleheader|entry-section|category|rubri[ck]|section-name|"
    r"label|date",
    re.IGNORECASE,
)
SUBTITLE_TAGS = frozenset({"small", "sub", "sup", "time"})
# Headings that are not shown to readers (screen-reader labels on agency and science sites).
HIDDEN_CLASS = re.compile(r"\b(?:sr-only|screen-reader|visually-hidden|aural|hidden)\b")
# Headings inside these hold navigation, footers and sidebars, never the story title.
CHROME_TAGS = frozenset({"nav", "footer", "aside", "form"})
# Matched as whole class words or hyphen parts: "articleSidebar" and "commentary" (an
# opinion article on a daily's site) say nothing about the heading.
CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:sidebar|widgets?|footer|newsletter|related|comments?|logo|brand(?:ing)?|"
    r"carousel|slider|slide)(?:$|[\s_-])"
)
# A heading longer than this is a teaser paragraph in heading markup, not a headline.
MAX_TITLE_CHARS = 300
# The walk up from a heading stops at these: what is above holds the whole story.
PAGE_TAGS = frozenset({"body", "html", "article", "main"})
# Headings read per page: the headline is among the first ones (long pages hold hundreds).
MAX_HEADINGS = 40
# How far up the tree a heading's surroundings are checked.
MAX_DEPTH = 8


@dataclass(frozen=True)
class Heading:
    """One visible heading: its text without kicker, its level and where it sits."""

    text: str
    level: int  # 1 for h1 (and itemprop="headline"), 2 for h2
    in_article: bool  # inside <article>/<main>, or marked as a headline or entry title
    chrome: bool  # hidden, or inside navigation, a sidebar or a footer
    parts: tuple[str, ...] = ()  # texts of its child elements, when it has several


def text_of(el: HtmlElement) -> str:
    """Return the whitespace-folded text of an element."""
    return " ".join(el.text_content().split())


def headline_text(el: HtmlElement) -> str:
    """Return a heading's text without a leading kicker or a trailing subtitle element."""
    children = list(el)
    if not children:
        return text_of(el)
    whole = text_of(el)
    dropped = [c for c in children if is_kicker(c)]
    if not dropped:
        return whole
    parts = [el.text or ""]
    for child in children:
        if child not in dropped:
            parts.append(child.text_content())
        parts.append(child.tail or "")
    kept = " ".join(" ".join(parts).split()).strip(" -–—|:/·•")
    return kept if len(kept) >= 3 else whole


def is_kicker(el: HtmlElement) -> bool:
    """Tell whether a child of a heading is a kicker, section label or subtitle."""
    if not isinstance(el.tag, str) or el.tag == "br":
        return False
    if el.tag in SUBTITLE_TAGS:
        return True
    marks = f"{el.get('class', '')} {el.get('data-test-id', '')}"
    return bool(KICKER_CLASS.search(marks)) and "headline" not in el.get("itemprop", "")


def is_chrome(el: HtmlElement) -> bool:
    """Tell whether a heading is hidden or sits in navigation, a sidebar or a footer."""
    if HIDDEN_CLASS.search(el.get("class", "")):
        return True
    for depth, node in enumerate(el.iterancestors()):
        if depth > MAX_DEPTH or node.tag in PAGE_TAGS:
            return False
        if node.tag in CHROME_TAGS:
            return True
        marks = f"{node.get('class', '')} {node.get('id', '')}".lower()
        if CHROME_CLASS.search(marks):
            return True
    return False


def is_in_article(el: HtmlElement) -> bool:
    """Tell whether a heading is marked up as the story's own headline."""
    marks = f"{el.get('class', '')} {el.get('itemprop', '')}".lower()
    if "title" in marks or "headline" in marks:
        return True
    return any(node.tag in ("article", "main") for node in el.iterancestors())


def top_headings(tree: HtmlElement) -> list[HtmlElement]:
    """Return the page's top-level headings and marked headlines, in document order.

    Second-level headings are read only when none of these is the headline that the
    meta titles state.
    """
    marked = [
        el
        for el in itemprop_elements(tree)
        if el.get("itemprop") == "headline" and el.tag != "meta"
    ]
    h1s = elements(tree, "h1")
    return in_document_order([*h1s, *marked]) if marked else h1s


def read_headings(candidates: list[HtmlElement]) -> list[Heading]:
    """Return the visible headings among heading elements given in document order."""
    found: list[Heading] = []
    seen: set[tuple[str, int]] = set()
    for el in candidates:
        text = headline_text(el)
        level = 2 if el.tag == "h2" else 1
        if not text or len(text) > MAX_TITLE_CHARS or (text, level) in seen:
            continue
        if len(found) >= MAX_HEADINGS:
            break
        seen.add((text, level))
        parts = [text_of(c) for c in el if isinstance(c.tag, str)]
        found.append(
            Heading(
                text=text,
                level=level,
                in_article=is_in_article(el),
                chrome=is_chrome(el),
                parts=tuple(p for p in parts if p) if len(parts) > 1 else (),
            )
        )
    return found
