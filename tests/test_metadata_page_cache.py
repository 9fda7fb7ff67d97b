"""Per-page reads: shared while a page is read, never across pages, in document order."""

from __future__ import annotations

import random

from lxml.html import HtmlElement

from cleaners.html.parse import parse_html
from cleaners.metadata.page_cache import (
    elements,
    in_document_order,
    itemprop_elements,
    per_page,
    reading_page,
)

PAGE = (
    "<html><head><title>T</title><meta name='a' content='1'></head><body>"
    "<h2>Kicker</h2><div><h1 itemprop='headline'>Headline</h1><p class='byline'>By A</p></div>"
    "<article><h3>Sub</h3><time datetime='2020-01-02'>2 Jan</time><h2>Second</h2></article>"
    "<span itemprop='author'>A</span><meta itemprop='datePublished' content='2020'></body></html>"
)


def tree_of(html: str = PAGE) -> HtmlElement:
    tree = parse_html(html)
    assert tree is not None
    return tree


calls: list[HtmlElement] = []


@per_page
def count_reads(tree: HtmlElement) -> int:
    """Record each real read of a tree."""
    calls.append(tree)
    return len(calls)


def test_reader_runs_once_per_page_while_it_is_read() -> None:
    calls.clear()
    first, second = tree_of(), tree_of()
    with reading_page(first):
        assert count_reads(first) == count_reads(first) == 1
        assert count_reads(second) == 2  # another tree is read afresh, not from the cache
        assert count_reads(second) == 3
    assert count_reads(first) == 4  # outside the block nothing is shared
    with reading_page(first):
        assert count_reads(first) == 5  # a new block starts empty


def test_indexed_elements_are_those_tree_iter_finds() -> None:
    tree = tree_of()
    cases = [("h2",), ("h1", "h2", "h3"), ("meta",), ("time",), ("a", "author"), ("title",)]
    for tags in cases:
        assert elements(tree, *tags) == list(tree.iter(*tags))
        with reading_page(tree):
            assert elements(tree, *tags) == list(tree.iter(*tags))


def test_itemprop_elements_in_document_order() -> None:
    tree = tree_of()
    with reading_page(tree):
        found = itemprop_elements(tree)
    assert [el.get("itemprop") for el in found] == ["headline", "author", "datePublished"]
    assert found == tree.xpath("//*[@itemprop]")


def test_in_document_order_sorts_and_drops_repeats() -> None:
    tree = tree_of()
    ordered = list(tree.iter())
    shuffled = ordered + ordered[:5]
    random.Random(4).shuffle(shuffled)
    assert in_document_order(shuffled) == ordered
