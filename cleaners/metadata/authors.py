"""Author names: read from JSON-LD, meta tags and visible bylines, then cleaned and split."""

from __future__ import annotations

import html
import logging
import re

from lxml.html import HtmlElement

from cleaners.metadata.agencies import drop_agencies
from cleaners.metadata.page_cache import (
    elements,
    in_document_order,
    marked_attributes,
    meta_attributes,
)
from cleaners.metadata.site_names import names_site

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
# Visible byline elements, most specific first (after trafilatura's author XPaths): the
# first element whose text reads as names wins, so author boxes further down do not add up.
# 0: a name inside an itemprop="author" block; 1: the itemprop="author" element itself;
# 2: <a rel="author"> and <author>; 3: an author-name class; 4: a byline or author class
# or id on a small inline or block element.
# The candidates come from the page's marked attributes and its indexed <a> and <author>
# elements (page_cache), read once per page: a contains() test per element over the whole
# tree costs more than the rest of the metadata.
AUTHOR_NAME_CLASSES = ("author-name", "authorName", "author__name", "byline__name", "AuthorName")
BYLINE_CLASSES = ("author", "byline", "posted-by", "autor", "submitted-by", "writer")
BYLINE_TAGS = frozenset({"a", "div", "p", "span", "strong", "address"})
BYLINE_RANKS = 5
# Bylines inside these are comment authors, teaser cards or captions, not the story's
# (blog comment lists, "more from" rails on news sites).
# Matched at the start of a class/id token: page-level classes like "content-sidebar-wrap"
# or "has-comments" on <body> say nothing about one element.
DISCARD_TOKENS = ("comment", "sidebar", "related", "teaser", "recommend", "caption", "review")
DISCARD_TAGS = frozenset({"figure", "figcaption", "footer", "aside", "nav", "time"})
# The walk up from a byline stops at these: what is above holds the whole page.
PAGE_TAGS = frozenset({"body", "html", "main", "article"})
# Class/id words of the page's main content column, which stops the walk too, whatever
# else the element is called (a blog theme's <div id="sidebar" class="site-content">).
CONTENT_MARKS = frozenset({"site-content", "content-area", "main-content", "site-main"})
# Class words that make an element an author box by its own name.
AUTHOR_MARKS = frozenset({"author", "byline", "autor"})
# Link and label words that author boxes glue to the name ("Alle Artikel", "Show all
# articles of", "Archiv anzeigen"): the name ends where they begin.
BOX_WORDS = re.compile(
    r"\b(?:alle\s+artikel|all\s+articles|show\s+all|more\s+(?:from|by|articles|posts)|"
    r"view\s+(?:all|profile)|archiv\w*|profil\w*|mehr\s+(?:von|artikel)|"
    r"weitere\s+artikel|follow|folgen|kontakt|contact|e-?mail|twitter|facebook)\b.*$",
    re.IGNORECASE,
)
# A label glued to the name without a space ("AuthorAndreas Kalt", "VonAnna Berg").
GLUED_LABEL = re.compile(r"^(?i:author|autor|autorin|by|von|par|por)(?=[A-ZÀ-Þ])")
# A one-word label before a colon ("Interview: Julia Lauter", "Fotos: ...").
COLON_LABEL = re.compile(r"^[^\W\d_]+:\s*")
# Byline texts that are labels or placeholders, not names (WordPress and CMS defaults).
NOT_NAMES = frozenset({"posted on", "posted by", "no author", "admin", "administrator", "unknown"})
# Social handles and weekday abbreviations that trail a name in bylines.
HANDLE = re.compile(r"@\w+")
WEEKDAY_TAIL = re.compile(
    r"\s+(?:(?:am|on|le|el)\s+)?(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\.?$",
    re.IGNORECASE,
)
# Leading byline words in the languages of the dev pages (English, German, French,
# Spanish, Portuguese, Italian, Dutch) and labels like "Author:" / "Autor:".
BY_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|published|text|story|reported|erstellt|geschrieben)\s+)?"
    r"(?:by|von|par|por|door|di|de|da|auteur|autor|autorin|author|text|texto|redakteur)\b\s*:?\s*",
    re.IGNORECASE,
)
# Separators between several names in one byline.
# Interview bylines name both speakers ("Richard David Precht im Gespräch mit Karin
# Fischer" on public-radio pages, "X in conversation with Y").
NAME_SPLIT = re.compile(
    r"\s*(?:[,;|/&·•]|(?:^|\s+)(?:and|und|et|y|e|og|en)\s+|"
    r"\s+(?i:im\s+gespräch\s+mit|im\s+interview\s+mit|in\s+conversation\s+with|"
    r"en\s+conversation\s+avec|en\s+conversación\s+con)\s+)\s*"
)
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
# Soft hyphens and zero-width characters inside names (hyphenated magazine bylines).
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
URL_LIKE = re.compile(r"^(?:https?:)?//|^www\.|\.(?:com|de|org|net)\b", re.IGNORECASE)
EMAIL = re.compile(r"\S+@\S+")
# Words of a name that stay lower case ("Ursula von der Leyen", "Vincent van Gogh").
PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "del", "du", "la", "le", "zu"})
# Author boxes whose text is a biography or a blurb, not a byline (company blogs).
BIO_CLASS = re.compile(r"bio|description|about", re.IGNORECASE)
# Longest plausible single name, in words and characters.
MAX_NAME_WORDS = 5
MAX_NAME_CHARS = 60


def clean_name(raw: str) -> str | None:
    """Return one author name without prefixes, roles, dates and contact details."""
    text = " ".join(HANDLE.sub(" ", EMAIL.sub(" ", INVISIBLE.sub("", raw))).split())
    if not text or URL_LIKE.search(text):
        return None
    text = COLON_LABEL.sub("", GLUED_LABEL.sub("", text), count=1)
    text = BY_PREFIX.sub("", text, count=1)
    text = BOX_WORDS.sub("", text)
    text = ROLE_WORDS.sub("", text)
    text = DATE_TAIL.sub("", text)
    text = WEEKDAY_TAIL.sub("", text.strip(" -–—:,.|()[]\"'→»©"))
    text = text.strip(" -–—:,.|()[]\"'→»")
    if not text or len(text) > MAX_NAME_CHARS or len(text.split()) > MAX_NAME_WORDS:
        return None
    if not any(c.isalpha() for c in text) or any(c.isdigit() for c in text):
        return None
    return None if text.casefold() in NOT_NAMES else text


def split_authors(raw: str) -> list[str]:
    """Split a byline string into cleaned author names, in order, without duplicates."""
    # JSON-LD and meta values may carry HTML entities ("H&#233;ctor"), and "&" splits names.
    text = BY_PREFIX.sub("", " ".join(html.unescape(raw).split()), count=1)
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
    return drop_agencies(names)


def read_meta_authors(tree: HtmlElement) -> list[str]:
    """Return author names stated in meta tags, from the first name that has any."""
    by_key: dict[str, list[str]] = {}
    for meta in meta_attributes(tree):
        key = (meta.get("name") or meta.get("property") or "").lower()
        content = meta.get("content")
        if key in AUTHOR_META and content:
            by_key.setdefault(key, []).append(content)
    for key in AUTHOR_META:
        names = clean_authors(by_key.get(key, []))
        if names:
            return names
    return []


def find_byline_elements(tree: HtmlElement) -> list[list[HtmlElement]]:
    """Return the page's byline candidates by rank, each rank in document order."""
    ranks: list[list[HtmlElement]] = [[] for _ in range(BYLINE_RANKS)]
    marked = [
        value.getparent()
        for value in marked_attributes(tree)
        if value.attrname != "itemprop" or value == "author"
    ]
    linked = [
        el
        for el in elements(tree, "a", "author")
        if el.tag == "author" or el.get("rel") == "author"
    ]
    candidates = in_document_order([*marked, *linked]) if linked else list(dict.fromkeys(marked))
    for el in candidates:
        if el.tag == "author" or (el.tag == "a" and el.get("rel") == "author"):
            ranks[2].append(el)
        if el.get("itemprop") == "author":
            ranks[1].append(el)
        cls, ident = el.get("class"), el.get("id")
        if cls is not None and any(c in cls for c in AUTHOR_NAME_CLASSES):
            ranks[3].append(el)
        if el.tag in BYLINE_TAGS and (
            (cls is not None and (cls == "username" or any(c in cls for c in BYLINE_CLASSES)))
            or (ident is not None and ("author" in ident or "byline" in ident))
        ):
            ranks[4].append(el)
    seen: set[HtmlElement] = set()
    for block in ranks[1]:
        for el in block.iterdescendants():
            if el.get("itemprop") == "name" and el not in seen:
                seen.add(el)
                ranks[0].append(el)
    # hAtom/hCard: the "fn" (formatted name) inside an author vcard, the byline markup
    # of older WordPress themes ("<h4 class="vcard author">von <span class="fn">...").
    for block in candidates:
        if "author" in (block.get("class") or "").split():
            for el in block.iterdescendants():
                if "fn" in (el.get("class") or "").split() and el not in seen:
                    seen.add(el)
                    ranks[0].append(el)
    return ranks


def read_byline_authors(
    tree: HtmlElement, site: str | None = None, ranks: list[list[HtmlElement]] | None = None
) -> list[str]:
    """Return author names from the first byline that names more than the site.

    Microdata author blocks may hold the publisher's name in a hidden meta tag before the
    visible byline of the writer (a Colombian daily); that name is returned only when no
    byline names anyone else.
    """
    site_only: list[str] = []
    for rank in ranks if ranks is not None else find_byline_elements(tree):
        for el in rank:
            if el.tag in ("meta", "link"):
                value = el.get("content") or ""
            else:
                value = " ".join(el.text_content().split())
            if not value or len(value) > 2 * MAX_NAME_CHARS or is_discarded(el):
                continue
            names = clean_authors([value])
            if not looks_like_names(names) or BIO_CLASS.search(el.get("class", "")):
                continue
            hidden = el.tag in ("meta", "link")
            if not hidden or not all(names_site(n, site) for n in names):
                return names
            site_only = site_only or names
    return site_only


def looks_like_names(names: list[str]) -> bool:
    """Tell whether every name is capitalised like a person's, or is one handle-like word."""
    for name in names:
        words = name.split()
        if len(words) > 1 and any(w[0].islower() and w not in PARTICLES for w in words):
            return False
    return bool(names)


def is_discarded(el: HtmlElement) -> bool:
    """Tell whether a byline element sits in comments, captions or a teaser rail."""
    return discard_reason(el) is not None


def discard_reason(el: HtmlElement) -> str | None:
    """Return the tag or class word that puts a byline element outside the story, if any.

    An element whose own class says "author" is an author box even when it reuses a
    teaser's styling ("teaser-box author" on a magazine).
    """
    for node in (el, *el.iterancestors()):
        if node.tag in PAGE_TAGS:
            return None
        if node.tag in DISCARD_TAGS:
            return str(node.tag)
        marks = f"{node.get('class', '')} {node.get('id', '')}".lower().split()
        if any(mark in CONTENT_MARKS for mark in marks):
            return None
        if node is el and any(mark in AUTHOR_MARKS for mark in marks):
            continue
        for mark in marks:
            if mark.startswith(DISCARD_TOKENS):
                return mark
    return None
