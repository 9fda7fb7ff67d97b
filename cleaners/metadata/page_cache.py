"""What metadata readers read from a page's tree, read once per page and shared.

Titles, dates, authors and tags each look at the page's <meta> tags, headings and
scripts; walking the whole tree for each of them cost more than the rest of the
metadata. Inside ``reading_page(tree)`` (extract_metadata opens it), a reader decorated
with ``per_page`` runs once for that tree and later calls get the same result. Outside
it, or for another tree, the reader simply runs, so direct callers see no difference.
The tree must not change while its page is being read, and callers must not change
what a cached reader returns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, TypeVar

from lxml.etree import XPath
from lxml.html import HtmlElement

T = TypeVar("T")

# The tree being read and its readers' results, by reader.
_PAGE: ContextVar[tuple[HtmlElement, dict[Callable[..., Any], Any]] | None] = ContextVar(
    "page", default=None
)
# Tags whose elements readers look up by tag: one walk finds them all.
INDEXED_TAGS = ("meta", "script", "link", "title", "h1", "h2", "h3", "time", "a", "author")


@contextmanager
def reading_page(tree: HtmlElement) -> Iterator[None]:
    """Share per-page readers' results for this tree until the block ends."""
    token = _PAGE.set((tree, {}))
    try:
        yield
    finally:
        _PAGE.reset(token)


def per_page(reader: Callable[[HtmlElement], T]) -> Callable[[HtmlElement], T]:
    """Make a reader of a whole tree run once per page read with reading_page."""

    @wraps(reader)
    def read_once(tree: HtmlElement) -> T:
        page = _PAGE.get()
        if page is None or page[0] is not tree:
            return reader(tree)
        results = page[1]
        if reader not in results:
            results[reader] = reader(tree)
        result: T = results[reader]
        return result

    return read_once


@per_page
def indexed_elements(tree: HtmlElement) -> list[HtmlElement]:
    """Return the tree's elements with an indexed tag, in document order."""
    return list(tree.iter(*INDEXED_TAGS))


@per_page
def index_tags(tree: HtmlElement) -> dict[str, list[HtmlElement]]:
    """Return the tree's elements of each indexed tag, in document order."""
    found: dict[str, list[HtmlElement]] = {tag: [] for tag in INDEXED_TAGS}
    for el in indexed_elements(tree):
        found[el.tag].append(el)
    return found


def elements(tree: HtmlElement, *tags: str) -> list[HtmlElement]:
    """Return the tree's elements with these indexed tags in document order, as tree.iter."""
    if len(tags) == 1:
        return index_tags(tree)[tags[0]]
    return [el for el in indexed_elements(tree) if el.tag in tags]


@per_page
def meta_attributes(tree: HtmlElement) -> list[dict[str, str]]:
    """Return the attributes of each <meta> element of the tree, in document order."""
    return [dict(meta.items()) for meta in elements(tree, "meta")]


# The attributes readers look for, found in one search: the class and id words of
# bylines (authors.py explains them), and every microdata itemprop (headlines, dates,
# authors). Each attribute name searched costs a walk of the tree, and a walk costs as
# much as the rest of the metadata's tree reading; the class words are tested here in
# Python, which is faster than eight contains() per class in XPath.
MARKS = XPath("//@class | //@id[contains(., 'author') or contains(., 'byline')] | //@itemprop")
BYLINE_CLASS = re.compile("author|byline|AuthorName|posted-by|autor|submitted-by|writer")


@per_page
def marked_attributes(tree: HtmlElement) -> list[Any]:
    """Return the MARKS of the tree, as lxml attribute strings in document order."""
    return [
        value
        for value in MARKS(tree)
        if value.attrname != "class" or value == "username" or BYLINE_CLASS.search(value)
    ]


def itemprop_elements(tree: HtmlElement) -> list[HtmlElement]:
    """Return the tree's elements with an itemprop attribute, in document order."""
    return [value.getparent() for value in marked_attributes(tree) if value.attrname == "itemprop"]


def in_document_order(found: Iterable[HtmlElement]) -> list[HtmlElement]:
    """Return elements without repeats, in document order."""
    return sorted(dict.fromkeys(found), key=document_position)


def document_position(el: HtmlElement) -> list[int]:
    """Return the child indexes leading from the root to an element: its document order."""
    path = []
    parent = el.getparent()
    while parent is not None:
        path.append(parent.index(el))
        el, parent = parent, parent.getparent()
    path.reverse()
    return path
