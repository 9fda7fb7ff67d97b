"""Author names: read from JSON-LD, meta tags and visible bylines, then cleaned and split."""

from __future__ import annotations

import logging
import re

from lxml.html import HtmlElement

logger = logging.getLogger(__name__)

# Meta names that hold an author's name (not a profile URL).
AUTHOR_META = (
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "citation_author",
)
# Visible byline elements: rel/itemprop markup first, then class/id tokens.
BYLINE_XPATHS = (
    '//*[@itemprop="author"]//*[@itemprop="name"]',
    '//*[@itemprop="author"]',
    '//a[@rel="author"]',
    '//*[contains(@class, "author-name") or contains(@class, "authorName")'
    ' or contains(@class, "author__name") or contains(@class, "byline__name")]',
    '//*[contains(@class, "byline") or contains(@id, "byline")]',
    '//*[contains(concat(" ", @class, " "), " author ") or @id="author"]',
)
# Leading byline words in the languages of the dev pages (English, German, French,
# Spanish, Portuguese, Italian, Dutch) and labels like "Author:" / "Autor:".
BY_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|published|text|story|reported)\s+)?"
    r"(?:by|von|par|por|door|di|de|da|auteur|autor|autorin|author|text|texto|redakteur)\b\s*:?\s*",
    re.IGNORECASE,
)
# Separators between several names in one byline.
NAME_SPLIT = re.compile(r"\s*(?:[,;|/&·•]|\s+(?:and|und|et|y|e|og|en)\s+)\s*")
# Trailing roles, agencies and dates that bylines carry after the name.
ROLE_WORDS = re.compile(
    r"\b(?:staff\s+writer|senior\s+\w+|contributing\s+\w+|correspondent|reporter|editor|"
    r"redakteur(?:in)?|journalist(?:in)?|photographer|fotos?|photos?|updated|published|"
    r"aktualisiert|veröffentlicht)\b.*$",
    re.IGNORECASE,
)
DATE_TAIL = re.compile(
    r"\s*(?:[-–|,]\s*)?(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b).*$",
    re.IGNORECASE,
)
URL_LIKE = re.compile(r"^(?:https?:)?//|^www\.|\.(?:com|de|org|net)\b", re.IGNORECASE)
EMAIL = re.compile(r"\S+@\S+")
# Longest plausible single name, in words and characters.
MAX_NAME_WORDS = 5
MAX_NAME_CHARS = 60


def clean_name(raw: str) -> str | None:
    """Return one author name without prefixes, roles, dates and contact details."""
    text = " ".join(EMAIL.sub(" ", raw).split())
    if not text or URL_LIKE.search(text):
        return None
    text = BY_PREFIX.sub("", text, count=1)
    text = ROLE_WORDS.sub("", text)
    text = DATE_TAIL.sub("", text)
    text = text.strip(" -–—:,.|()[]\"'")
    if not text or len(text) > MAX_NAME_CHARS or len(text.split()) > MAX_NAME_WORDS:
        return None
    if not any(c.isalpha() for c in text):
        return None
    return text


def split_authors(raw: str) -> list[str]:
    """Split a byline string into cleaned author names, in order, without duplicates."""
    text = BY_PREFIX.sub("", " ".join(raw.split()), count=1)
    if URL_LIKE.search(text):
        return []
    names: list[str] = []
    for part in NAME_SPLIT.split(text):
        name = clean_name(part)
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return names


def clean_authors(values: list[str]) -> list[str]:
    """Clean and split author strings from one source into a list of names."""
    names: list[str] = []
    for value in values:
        for name in split_authors(value):
            if name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
    return names


def read_meta_authors(tree: HtmlElement) -> list[str]:
    """Return author names stated in meta tags, from the first name that has any."""
    by_key: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").lower()
        content = meta.get("content")
        if key in AUTHOR_META and content:
            by_key.setdefault(key, []).append(content)
    for key in AUTHOR_META:
        names = clean_authors(by_key.get(key, []))
        if names:
            return names
    return []


def read_byline_authors(tree: HtmlElement) -> list[str]:
    """Return author names from visible byline markup."""
    for xpath in BYLINE_XPATHS:
        values = []
        for el in tree.xpath(xpath):
            if el.tag in ("meta", "link"):
                value = el.get("content") or ""
            else:
                value = " ".join(el.text_content().split())
            if value and len(value) <= 2 * MAX_NAME_CHARS:
                values.append(value)
        names = clean_authors(values)
        if names:
            return names
    return []
