"""Read schema.org JSON-LD blocks: the article object's headline, dates, authors, publisher."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from lxml.html import HtmlElement

from cleaners.metadata.page_cache import elements

logger = logging.getLogger(__name__)

# schema.org types that describe the story itself, most specific first.
ARTICLE_TYPES = (
    "NewsArticle",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Article",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "SocialMediaPosting",
    "VideoObject",
    "WebPage",
)
# Trailing commas and raw control characters, common in CMS-templated JSON-LD.
TRAILING_COMMA = re.compile(r",\s*([}\]])")
CONTROL_CHARS = re.compile(r"[\x00-\x1f]")


def load_jsonld(tree: HtmlElement) -> list[dict[str, Any]]:
    """Return every JSON object found in the page's ld+json scripts, @graph flattened."""
    objects: list[dict[str, Any]] = []
    for script in elements(tree, "script"):
        if "ld+json" not in (script.get("type") or ""):
            continue
        raw = (script.text or "").strip()
        if not raw:
            continue
        data = parse_json(raw)
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                objects.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))
    return objects


def parse_json(raw: str) -> Any:
    """Parse one JSON-LD script body, repairing the usual CMS mistakes."""
    for attempt in (raw, CONTROL_CHARS.sub(" ", TRAILING_COMMA.sub(r"\1", raw))):
        try:
            return json.loads(attempt)
        except json.JSONDecodeError:
            continue
    logger.debug("unreadable JSON-LD block")
    return None


def type_names(obj: dict[str, Any]) -> list[str]:
    """Return an object's @type values as a list."""
    value = obj.get("@type")
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def find_article(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Return the object that best describes the article, by schema.org type."""
    for wanted in ARTICLE_TYPES:
        for obj in objects:
            if wanted in type_names(obj):
                return obj
    return None


def find_main_entity(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Return the article object, following a WebPage's mainEntity when needed."""
    article = find_article(objects)
    if article is not None and "WebPage" in type_names(article):
        entity = article.get("mainEntity") or article.get("mainEntityOfPage")
        if isinstance(entity, dict) and find_article([entity]) is not None:
            return entity
    return article


def read_names(value: Any, objects: list[dict[str, Any]] | None = None) -> list[str]:
    """Return the person/organisation names in an author-like JSON-LD value.

    Yoast-style @graph blocks give the author as {"@id": ...} and name it in a Person
    node elsewhere in the graph; given the page's objects, such references are followed.
    """
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        if "name" not in value and objects:
            value = resolve_id(value, objects)
        name = value.get("name")
        if isinstance(name, str):
            return [name]
        if isinstance(name, list):
            return [n for n in name if isinstance(n, str)]
        return []
    if isinstance(value, list):
        return [n for v in value for n in read_names(v, objects)]
    return []


def resolve_id(ref: dict[str, Any], objects: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the object whose @id a bare reference names, else the reference itself."""
    target = ref.get("@id")
    if not isinstance(target, str):
        return ref
    return next((o for o in objects if o.get("@id") == target and o is not ref), ref)


def read_text(value: Any) -> str | None:
    """Return a plain string from a JSON-LD value (string, list or @value object)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list) and value:
        return read_text(value[0])
    if isinstance(value, dict):
        return read_text(value.get("@value") or value.get("name"))
    return None


def publisher_name(objects: list[dict[str, Any]], article: dict[str, Any] | None) -> str | None:
    """Return the publisher or website name stated in JSON-LD."""
    if article is not None:
        name = read_names(article.get("publisher"))
        if name:
            return name[0]
    for obj in objects:
        if "WebSite" in type_names(obj) or "NewsMediaOrganization" in type_names(obj):
            return read_text(obj.get("name"))
    return None
