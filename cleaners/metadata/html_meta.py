"""Metadata of an HTML page: JSON-LD and meta tags first, then visible markup."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from lxml.html import HtmlElement

from cleaners.metadata import jsonld
from cleaners.metadata.authors import clean_authors, read_byline_authors, read_meta_authors
from cleaners.metadata.bylines import read_byline_text
from cleaners.metadata.html_dates import find_modified, find_published
from cleaners.metadata.titles import choose_title, fold
from cleaners.records import Metadata

logger = logging.getLogger(__name__)

SITE_META = ("og:site_name", "application-name", "twitter:site", "publisher")
DESCRIPTION_META = ("description", "og:description", "twitter:description", "dc.description")
TAG_META = ("article:tag", "keywords", "news_keywords", "parsely-tags")
LANGUAGE_META = ("content-language", "language", "dc.language", "og:locale")
URL_META = ("og:url",)
# Sources (JSON-LD, meta tags, byline elements) checked for co-authors of a single author
# (JSON-LD naming only the first of "von Rudolf Fischer, Simon Kohler" on a bike magazine);
# the plain-text byline scan costs too much to run when a name is already known.
COAUTHOR_SOURCES = 3
# An author given only as initials or a short code ("DT" on blogs, "LN" on regional papers).
INITIALS = re.compile(r"^(?:[A-ZÄÖÜ]\.?){1,3}$")


def read_meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """Return every meta tag's content, keyed by its lower-cased name or property."""
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("http-equiv") or "").lower()
        content = " ".join((meta.get("content") or "").split())
        if key and content:
            found.setdefault(key, []).append(content)
    return found


def first_meta(metas: dict[str, list[str]], names: tuple[str, ...]) -> str | None:
    """Return the first value of the first meta name present."""
    return next((metas[n][0] for n in names if n in metas), None)


def read_tags(metas: dict[str, list[str]], article: dict[str, Any] | None) -> list[str]:
    """Return the article's tags or keywords, without duplicates."""
    values: list[str] = []
    if article is not None and isinstance(article.get("keywords"), (str, list)):
        keywords = article["keywords"]
        values = keywords.split(",") if isinstance(keywords, str) else keywords
    if not values:
        for name in TAG_META:
            for value in metas.get(name, []):
                values.extend(value.split(",") if name != "article:tag" else [value])
            if values:
                break
    tags: list[str] = []
    for value in values:
        tag = " ".join(str(value).split())
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def read_language(tree: HtmlElement, metas: dict[str, list[str]]) -> str | None:
    """Return the page's declared language code, from <html lang> or meta tags."""
    value = tree.get("lang") or tree.get("xml:lang") or first_meta(metas, LANGUAGE_META)
    if not value:
        return None
    code = value.strip().replace("_", "-").split("-")[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


def read_url(tree: HtmlElement, metas: dict[str, list[str]], url: str | None) -> str | None:
    """Return the canonical URL the page states, else the given one."""
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href", "").startswith(
            "http"
        ):
            return link.get("href")
    stated = first_meta(metas, URL_META)
    return stated if stated and stated.startswith("http") else url


def find_authors(
    tree: HtmlElement,
    objects: list[dict[str, Any]],
    article: dict[str, Any] | None,
    site: str | None,
) -> list[str]:
    """Return the article's authors from JSON-LD, meta tags, then visible bylines.

    Initials alone ("DT", "LN") and the site's own name give way to a person named by a
    later source, and a later source that names the same people plus co-authors wins
    (JSON-LD often lists only the first). The site's name is kept when nothing else is
    found: portals and company blogs sign their posts with it.
    """
    site_key = fold(site) if site else None
    readers: list[Callable[[], list[str]]] = [
        lambda: clean_authors(jsonld.read_names(article.get("author"), objects)) if article else [],
        lambda: read_meta_authors(tree),
        lambda: read_byline_authors(tree),
        lambda: read_byline_text(tree),
    ]
    chosen: list[str] = []
    weak: list[str] = []
    for index, read in enumerate(readers):
        if chosen and (len(chosen) > 1 or index >= COAUTHOR_SOURCES):
            break
        found = read()
        people = [n for n in found if fold(n) != site_key]
        if not people or all(INITIALS.match(n) for n in people):
            weak = weak or found
        elif not chosen:
            chosen = people
        elif adds_coauthors(chosen, people):
            return people
    return chosen or weak


def adds_coauthors(chosen: list[str], other: list[str]) -> bool:
    """Tell whether another source names every chosen author and more."""
    keys = {fold(n) for n in other}
    return len(keys) > len(chosen) and all(fold(n) in keys for n in chosen)


def extract_metadata(tree: HtmlElement, url: str | None, source: str | None = None) -> Metadata:
    """Read title, dates, authors, site, description, tags, language and URL from a tree.

    The page source, when given, is read for what the parser drops (dates in comments).
    """
    objects = jsonld.load_jsonld(tree)
    article = jsonld.find_main_entity(objects)
    metas = read_meta_tags(tree)
    site = first_meta(metas, SITE_META[:2]) or jsonld.publisher_name(objects, article)
    headline = jsonld.read_text(article.get("headline")) if article is not None else None
    title, _ = choose_title(tree, headline, site)
    description = first_meta(metas, DESCRIPTION_META)
    if description is None and article is not None:
        description = jsonld.read_text(article.get("description"))
    return Metadata(
        title=title,
        published=find_published(tree, article, source),
        modified=find_modified(tree, article),
        authors=find_authors(tree, objects, article, site),
        site=site,
        description=description,
        tags=read_tags(metas, article),
        language=read_language(tree, metas),
        url=read_url(tree, metas, url),
    )
