"""Metadata of an HTML page: JSON-LD and meta tags first, then visible markup."""

from __future__ import annotations

import logging
from typing import Any

from lxml.html import HtmlElement

from cleaners.metadata import jsonld
from cleaners.metadata.author_choice import find_authors
from cleaners.metadata.headline_dates import find_headline
from cleaners.metadata.html_dates import find_modified, find_published
from cleaners.metadata.page_cache import elements, meta_attributes, reading_page
from cleaners.metadata.titles import choose_title
from cleaners.records import Metadata

logger = logging.getLogger(__name__)

SITE_META = ("og:site_name", "application-name", "twitter:site", "publisher")
DESCRIPTION_META = ("description", "og:description", "twitter:description", "dc.description")
TAG_META = ("article:tag", "keywords", "news_keywords", "parsely-tags")
LANGUAGE_META = ("content-language", "language", "dc.language", "og:locale")
URL_META = ("og:url",)


def read_meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """Return every meta tag's content, keyed by its lower-cased name or property."""
    found: dict[str, list[str]] = {}
    for meta in meta_attributes(tree):
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
    for link in elements(tree, "link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href", "").startswith(
            "http"
        ):
            return link.get("href")
    stated = first_meta(metas, URL_META)
    return stated if stated and stated.startswith("http") else url


def extract_metadata(tree: HtmlElement, url: str | None, source: str | None = None) -> Metadata:
    """Read title, dates, authors, site, description, tags, language and URL from a tree.

    The page source, when given, is read for what the parser drops (dates in comments).
    """
    with reading_page(tree):
        return read_metadata(tree, url, source)


def read_metadata(tree: HtmlElement, url: str | None, source: str | None) -> Metadata:
    """Read the metadata of a page whose readers share their reads (see page_cache)."""
    objects = jsonld.load_jsonld(tree)
    article = jsonld.find_main_entity(objects)
    metas = read_meta_tags(tree)
    site = first_meta(metas, SITE_META[:2]) or jsonld.publisher_name(objects, article)
    headline = jsonld.read_text(article.get("headline")) if article is not None else None
    title, _ = choose_title(tree, headline, site)
    heading = find_headline(tree, title)
    description = first_meta(metas, DESCRIPTION_META)
    if description is None and article is not None:
        description = jsonld.read_text(article.get("description"))
    return Metadata(
        title=title,
        published=find_published(tree, article, source, heading),
        modified=find_modified(tree, article),
        authors=find_authors(tree, objects, article, site, heading, source),
        site=site,
        description=description,
        tags=read_tags(metas, article),
        language=read_language(tree, metas),
        url=read_url(tree, metas, url),
    )
