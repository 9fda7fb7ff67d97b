"""Article title: the visible headline the meta titles agree on, else the best single source."""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from functools import lru_cache

from lxml.html import HtmlElement

from cleaners.metadata.headings import Heading, read_headings, top_headings
from cleaners.metadata.page_cache import elements, meta_attributes

logger = logging.getLogger(__name__)

# Separators between a headline and the site name in <title> and og:title
# ("Headline | Site", "Site - Headline", "Headline :: Section :: Site").
TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—·•»«│/]|-{1,2}|::)\s+")
# Meta titles, most article-specific first.
META_TITLES = ("og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title")
# A title segment longer than this many separators is not split into spans further.
MAX_SEGMENTS = 8
# A one-word heading that equals one segment of the <title> is a section or site name
# ("Drucker • Etiketten • Service" on company home pages, "News - Eawag" on institutes).
MIN_SEGMENT_WORDS = 2
# Soft hyphens and zero-width characters that CMSs put into long German words.
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
# Agreement levels, best first: the heading is a whole reference title, or some of its
# separator-delimited segments ("Headline | Section | Site").
EXACT, SEGMENT = 0, 1


def clean_text(text: str) -> str:
    """Return a title with entities decoded, invisible characters dropped, spaces folded."""
    return " ".join(INVISIBLE.sub("", html.unescape(text)).split())


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Return a comparison key: NFKC, case-folded, word characters only."""
    text = unicodedata.normalize("NFKC", INVISIBLE.sub("", text)).casefold()
    return " ".join(re.findall(r"\w+", text))


def read_meta_titles(tree: HtmlElement) -> list[str]:
    """Return the meta titles the page states, most article-specific first."""
    found: dict[str, str] = {}
    for meta in meta_attributes(tree):
        key = (meta.get("property") or meta.get("name") or "").lower()
        content = " ".join((meta.get("content") or "").split())
        if key in META_TITLES and content and key not in found:
            found[key] = content
    return [found[k] for k in META_TITLES if k in found]


@lru_cache(maxsize=256)
def segment_keys(title: str) -> frozenset[str]:
    """Return the keys of every run of consecutive separator-delimited segments of a title."""
    parts = TITLE_SEPARATOR.split(title)[:MAX_SEGMENTS]
    return frozenset(
        fold(" ".join(parts[start:end]))
        for start in range(len(parts))
        for end in range(start + 1, len(parts) + 1)
    )


def agreement(key: str, reference: str) -> int | None:
    """Return how well a heading key agrees with a reference title, or None."""
    if key == fold(reference):
        return EXACT
    if len(key.split()) >= MIN_SEGMENT_WORDS and key in segment_keys(reference):
        return SEGMENT
    return None


def heading_options(heading: Heading) -> list[str]:
    """Return a heading's text, its child parts, and its text without a first or last segment."""
    options = [heading.text, *heading.parts]
    segments = TITLE_SEPARATOR.split(heading.text)
    if len(segments) > 1:
        options += [" - ".join(segments[1:]), " - ".join(segments[:-1])]
    return options


def best_agreed(headings: list[Heading], references: list[str]) -> str | None:
    """Return the heading (or heading part) that the reference titles agree with best."""
    best: tuple[tuple[int, ...], str] | None = None
    for order, heading in enumerate(headings):
        for option, text in enumerate(heading_options(heading)):
            key = fold(text)
            levels = [(agreement(key, ref), i) for i, ref in enumerate(references)]
            found = [(lv, i) for lv, i in levels if lv is not None]
            if not key or not found:
                continue
            rank = (
                min(lv for lv, _ in found),
                -len(found),
                min(i for _, i in found),
                heading.chrome,
                heading.level,
                option > 0,
                not heading.in_article,
                -len(key),
                order,
            )
            if best is None or rank < best[0]:
                best = (rank, text.strip(" -–—|:/·•"))
    return best[1] if best else None


def confirms(headline: str, meta_titles: list[str]) -> bool:
    """Tell whether a meta title states the same headline as the JSON-LD article.

    Live pages keep an updated headline in their h1 while the article markup and
    OpenGraph agree on the story's own (news-agency live blogs).
    """
    key = fold(headline)
    return bool(key) and any(agreement(key, ref) is not None for ref in meta_titles)


def strip_site(title: str, site: str | None) -> str:
    """Remove leading or trailing segments that name the site from a page title."""
    parts = TITLE_SEPARATOR.split(title)
    if len(parts) < 2 or not site:
        return title
    site_key = fold(site)
    kept = [p for p in parts if fold(p) != site_key and site_key not in fold(p)]
    if kept and len(kept) < len(parts):
        return " - ".join(kept) if len(kept) > 1 else kept[0]
    return title


def choose_title(
    tree: HtmlElement, headline: str | None, site: str | None
) -> tuple[str | None, list[str]]:
    """Return the article title, and the reference titles it was checked against."""
    titles = elements(tree, "title")
    page_title = (titles[0].text or "") if titles else None
    stated = (headline, *read_meta_titles(tree), page_title)
    references = [clean_text(t) for t in stated if t and clean_text(t)]
    site_key = fold(site) if site else None
    headings = [h for h in read_headings(top_headings(tree)) if fold(h.text) not in ("", site_key)]
    if not references or all(fold(h.text) != fold(references[0]) for h in headings):
        second = read_headings(elements(tree, "h2"))
        headings += [h for h in second if fold(h.text) not in ("", site_key)]
    agreed = best_agreed(headings, references)
    if agreed:
        return clean_text(agreed), references
    if headline and confirms(clean_text(headline), references[1:]):
        return clean_text(headline), references
    shown = [h for h in headings if h.level == 1 and not h.chrome]
    first_h1 = next((h for h in shown if h.in_article), shown[0] if shown else None)
    if first_h1:
        return clean_text(first_h1.text), references
    if headline:
        return clean_text(headline), references
    for candidate in references:
        return strip_site(candidate, site), references
    return None, references
