"""Publication and modification dates from JSON-LD, meta tags, time elements, then htmldate."""

from __future__ import annotations

import logging
import re
import warnings
from datetime import datetime
from functools import lru_cache
from typing import Any

from dateutil import parser as date_parser
from htmldate import find_date  # type: ignore[import-untyped]
from lxml.etree import XPath
from lxml.html import HtmlElement

from cleaners.metadata.date_zones import accept_checked_day, find_local_twin
from cleaners.metadata.headline_dates import overrides_stated, read_headline_date
from cleaners.metadata.jsonld import type_names
from cleaners.metadata.page_cache import elements, meta_attributes

logger = logging.getLogger(__name__)

# Meta names/properties that state the publication date (OpenGraph, Dublin Core,
# Parse.ly, Sailthru, and the home-grown names of news CMSs).
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "date",
)
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
)
# Visible time elements that mark publication (HTML5 pubdate, microdata).
PUBLISHED_TIME_XPATH = (
    '//time[@pubdate or @itemprop="datePublished"]'
    ' | //*[@itemprop="datePublished"]'
    ' | //*[contains(concat(" ", @class, " "), " published ")]'
    # Drupal's computed creation-date field (magazine sites).
    ' | //time[contains(@class, "create-date") or contains(@class, "created")]'
)
# Visible elements marked as the modification time (microdata on shop and CMS templates).
MODIFIED_MARKS = XPath('//*[@itemprop="dateModified"][not(self::meta)]')
# How far up from a <time> element the story header is looked for.
HEADER_DEPTH = 6
# Month names dateutil cannot read (Arabic, Cyrillic, CJK): a fuzzy parse of such a date
# keeps only its digits and invents the month (Egyptian dailies' article:published_time).
LATIN_END = 0x24F
# Plausible publication years; anything else is a parse accident or a template default.
MIN_YEAR, MAX_YEAR = 1990, 2100
# JSON-LD types whose dates belong to embedded media, not to the page's story.
MEDIA_TYPES = frozenset({"VideoObject", "AudioObject", "ImageObject"})
# German-style dotted dates are day first ("10.12.2022, 07:00:03" on trade magazines).
DOTTED_DAY_FIRST = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\b")
ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}")
DATE_ONLY = re.compile(r"^\d{4}-?\d{2}-?\d{2}$")
# Trackback RDF that blog engines (Movable Type, TypePad, goo and Hatena blogs) put in an
# HTML comment: the parser drops comments, so its dc:date is read from the page source.
TRACKBACK_DATE = re.compile(r"<rdf:Description\b[^>]*?\bdc:date=\"([^\"]{8,40})\"")


def normalize_date(value: str | None) -> str | None:
    """Return an ISO 8601 date or datetime for a machine-written date string."""
    if not value:
        return None
    # A plain copy as the cache key: an lxml string result would keep its tree alive.
    return read_date_string(str(value))


@lru_cache(maxsize=4096)
def read_date_string(value: str) -> str | None:
    """Return the ISO 8601 form of a date string.

    Cached: a page states its date in several places (JSON-LD, meta tags, time
    elements), and each reader parses it again.
    """
    text = value.strip()
    if not text or not any(c.isdigit() for c in text):
        return None
    with warnings.catch_warnings():
        # Zone names like "EDT" are ambiguous; dateutil warns and keeps the local time.
        warnings.simplefilter("ignore", date_parser.UnknownTimezoneWarning)
        parsed = parse_text(text)
    if parsed is None or not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    midnight = (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0)
    if parsed.tzinfo is None and (DATE_ONLY.match(text) or midnight):
        return parsed.date().isoformat()
    return parsed.isoformat()


def parse_text(text: str) -> datetime | None:
    """Parse a date string with dateutil, strictly first, then leniently on its start."""
    try:
        if ISO_LIKE.match(text):
            parsed = date_parser.isoparse(text if "T" in text else text.replace(" ", "T", 1))
        else:
            dayfirst = bool(DOTTED_DAY_FIRST.match(text))
            parsed = date_parser.parse(
                text, default=datetime(1900, 1, 1), fuzzy=False, dayfirst=dayfirst
            )
    except (ValueError, OverflowError):
        if any(c.isalpha() and ord(c) > LATIN_END for c in text):
            return None
        try:
            parsed = date_parser.parse(text[:25], default=datetime(1900, 1, 1), fuzzy=True)
        except (ValueError, OverflowError):
            return None
    return parsed


def read_meta(tree: HtmlElement, names: tuple[str, ...]) -> str | None:
    """Return the first date found in meta tags with one of the names, in name order."""
    found: dict[str, str] = {}
    for meta in meta_attributes(tree):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key in names and content and key not in found:
            found[key] = content
    for name in names:
        date = normalize_date(found.get(name))
        if date:
            return date
    return None


def read_time_elements(tree: HtmlElement) -> str | None:
    """Return the date of the first visible element marked as the publication time."""
    for el in tree.xpath(PUBLISHED_TIME_XPATH):
        for value in (el.get("datetime"), el.get("content"), el.text_content()):
            date = normalize_date(value)
            if date:
                return date
    return None


def read_stated(tree: HtmlElement, article: dict[str, Any] | None) -> str | None:
    """Return the publication date from JSON-LD, meta tags or marked time elements.

    A video object's upload date is the embedded clip's, so the page's meta tags
    come first when JSON-LD describes only a video (news sites with a lead video).
    """
    if article is not None and not set(type_names(article)) & MEDIA_TYPES:
        return (
            read_jsonld_date(article) or read_meta(tree, PUBLISHED_META) or read_time_elements(tree)
        )
    stated = read_meta(tree, PUBLISHED_META) or read_time_elements(tree)
    return stated or (read_jsonld_date(article) if article is not None else None)


def read_jsonld_date(article: dict[str, Any]) -> str | None:
    """Return the publication date stated by a JSON-LD object."""
    for key in ("datePublished", "dateCreated", "uploadDate"):
        value = article.get(key)
        date = normalize_date(value if isinstance(value, str) else None)
        if date:
            return date
    return None


def find_published(
    tree: HtmlElement,
    article: dict[str, Any] | None,
    source: str | None = None,
    headline: HtmlElement | None = None,
) -> str | None:
    """Return the publication date, with its time when the page states one.

    htmldate's quick pass arbitrates the day: JSON-LD often states UTC while the page
    (and readers) date the story in local time, and some CMSs fill in a template date.
    Its day is not taken when it is only a UTC reading of a local timestamp, or the
    page's own modification date. The date shown under the headline element is what
    readers date the story by: it replaces a stated day only as a local day or a shown
    update, and it comes before htmldate's guesses, which can pick the site's clock.
    """
    stated = read_stated(tree, article) or read_trackback_date(source)
    checked = run_htmldate(tree, extensive=False)
    if (
        stated
        and checked
        and stated[:10] != checked
        and accept_checked_day(stated, checked)
        and not is_swapped_day(stated, checked)
        and not is_only_modified(tree, article, checked)
    ):
        return checked
    shown_date = read_headline_date(headline, (stated, checked))
    if stated:
        if shown_date is not None and overrides_stated(stated, shown_date):
            return shown_date
        shown = read_shown_update(tree, article)
        if shown and shown[:10] != stated[:10]:
            return shown
        return find_local_twin(tree, stated) or stated
    if shown_date is not None:
        return shown_date
    return checked or run_htmldate(tree, extensive=True)


def read_trackback_date(source: str | None) -> str | None:
    """Return the dc:date of a trackback RDF block in the page source, if it has one."""
    if not source or "<rdf:Description" not in source:
        return None
    found = TRACKBACK_DATE.search(source)
    return normalize_date(found.group(1)) if found else None


def is_swapped_day(stated: str, checked: str) -> bool:
    """Tell whether one day is the other with day and month read the other way round.

    "11/01/2023" is read month first for the stated date and may be read day first by
    htmldate; the conflict is only about the order, which the stated reading settles.
    """
    year, month, day = stated[:4], stated[5:7], stated[8:10]
    return month != day and checked == f"{year}-{day}-{month}"


def read_shown_update(tree: HtmlElement, article: dict[str, Any] | None) -> str | None:
    """Return the date shown under the headline when it is the page's stated update.

    Magazines show the last update as the story's date ("1. Januar 2023" over an
    article first published in 2021); readers, and annotators, date the page by it.
    """
    first = next((t for t in elements(tree, "time") if in_body(t)), None)
    if first is None or not in_header(first):
        return None
    shown = normalize_date(first.get("datetime")) or normalize_date(text_of(first))
    modified = find_modified(tree, article)
    return shown if shown and modified and shown[:10] == modified[:10] else None


def in_body(el: HtmlElement) -> bool:
    """Tell whether an element sits inside the page's <body>."""
    return any(node.tag == "body" for node in el.iterancestors())


def in_header(el: HtmlElement) -> bool:
    """Tell whether an element sits in the story's header, near the headline."""
    for depth, node in enumerate(el.iterancestors()):
        if depth >= HEADER_DEPTH:
            break
        if node.tag == "header" or "head" in (node.get("class") or "").lower():
            return True
    return False


def text_of(el: HtmlElement) -> str:
    """Return the whitespace-folded text of an element."""
    return " ".join(el.text_content().split())


def is_only_modified(tree: HtmlElement, article: dict[str, Any] | None, day: str) -> bool:
    """Tell whether a day is the page's modification day and no publication meta states it."""
    modified = find_modified(tree, article)
    if (not modified or modified[:10] != day) and day not in read_marked_modified(tree):
        return False
    published = read_meta(tree, PUBLISHED_META)
    return not (published and published[:10] == day)


def read_marked_modified(tree: HtmlElement) -> set[str]:
    """Return the days of visible elements marked as the modification time (microdata).

    Shop and CMS templates put a hidden <time itemprop="dateModified"> beside the
    datePublished one, and htmldate may take it for the publication date.
    """
    days = set()
    for el in MODIFIED_MARKS(tree):
        for value in (el.get("datetime"), el.get("content"), el.text_content()):
            date = normalize_date(value)
            if date:
                days.add(date[:10])
                break
    return days


def find_modified(tree: HtmlElement, article: dict[str, Any] | None) -> str | None:
    """Return the last-modified date when the page states one."""
    if article is not None:
        value = article.get("dateModified")
        date = normalize_date(value if isinstance(value, str) else None)
        if date:
            return date
    return read_meta(tree, MODIFIED_META)


def run_htmldate(tree: HtmlElement, extensive: bool) -> str | None:
    """Ask htmldate on the parsed tree (it copies it itself): given a string it may download."""
    try:
        result = find_date(
            tree,
            original_date=True,
            extensive_search=extensive,
            outputformat="%Y-%m-%d",
        )
    except (ValueError, TypeError) as err:
        logger.debug("htmldate failed: %s", err)
        return None
    return result if isinstance(result, str) else None
