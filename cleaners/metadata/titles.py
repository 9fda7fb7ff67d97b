"""Article title: the headline the page agrees on, else a meta title without its site name."""

from __future__ import annotations

import logging
import re
import unicodedata

from lxml.html import HtmlElement

logger = logging.getLogger(__name__)

# Separators between a headline and the site name in <title> and og:title
# ("Headline | Site", "Site - Headline", "Headline :: Section :: Site").
TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—·•»«]|-{1,2}|::|/)\s+")
# Meta titles, most article-specific first.
META_TITLES = ("og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title")
# An h1 longer than this is a teaser paragraph in heading markup, not a headline.
MAX_TITLE_CHARS = 300


def fold(text: str) -> str:
    """Return a comparison key: NFKC, case-folded, word characters only."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", text))


def read_meta_title(tree: HtmlElement) -> str | None:
    """Return the first meta title the page states."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        content = (meta.get("content") or "").strip()
        if key in META_TITLES and content and key not in found:
            found[key] = " ".join(content.split())
    return next((found[k] for k in META_TITLES if k in found), None)


def read_headings(tree: HtmlElement) -> list[str]:
    """Return the texts of the page's h1 elements, article ones first."""
    inside = tree.xpath("//article//h1 | //*[@itemprop='headline']")
    rest = [h for h in tree.iter("h1") if h not in inside]
    texts = []
    for el in [*inside, *rest]:
        text = " ".join(el.text_content().split())
        if text and len(text) <= MAX_TITLE_CHARS and text not in texts:
            texts.append(text)
    return texts


def strip_site(title: str, site: str | None) -> str:
    """Remove a leading or trailing site-name segment from a page title."""
    parts = TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    site_key = fold(site) if site else ""
    if site_key:
        kept = [p for p in parts if fold(p) != site_key and site_key not in fold(p)]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    return title


def choose_title(
    tree: HtmlElement, headline: str | None, site: str | None
) -> tuple[str | None, list[str]]:
    """Return the article title, and the meta titles it was checked against."""
    meta_title = read_meta_title(tree)
    page_title = " ".join((tree.findtext(".//title") or "").split()) or None
    references = [t for t in (headline, meta_title, page_title) if t]
    keys = [fold(t) for t in references]
    for heading in read_headings(tree):
        key = fold(heading)
        if len(key) > 3 and any(key in ref or (ref and ref in key) for ref in keys):
            return heading, references
    if headline:
        return " ".join(headline.split()), references
    for candidate in (meta_title, page_title):
        if candidate:
            return strip_site(candidate, site), references
    headings = read_headings(tree)
    return (headings[0] if headings else None), references
