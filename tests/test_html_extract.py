"""Emptying the head before extraction: the extractors give the same text without it."""

from __future__ import annotations

import copy

import pytest

from cleaners.html.extract import drop_head, extract_paragraphs
from cleaners.html.fallbacks import article_paragraphs, readability_paragraphs
from cleaners.html.parse import parse_html
from cleaners.html.preclean import preclean_tree
from tests.test_html_golden import load


def test_drop_head_keeps_only_json_scripts() -> None:
    tree = parse_html(
        "<html><head><title>T</title><meta name='x' content='y'><style>p{}</style>"
        "<script>var a = 1;</script><script type='application/ld+json'>{}</script>"
        "<link rel='canonical' href='https://example.com/'></head><body><p>Text.</p></body></html>"
    )
    assert tree is not None
    drop_head(tree)
    head = tree.find("head")
    assert head is not None
    assert [(el.tag, el.get("type")) for el in head] == [("script", "application/ld+json")]
    assert tree.findtext(".//p") == "Text."


@pytest.mark.parametrize("prefix", ["d48aeb9cf2", "8b19453030", "f8ff621a0b", "meta_0326"])
def test_extractors_read_nothing_else_in_the_head(prefix: str) -> None:
    tree = parse_html(load(prefix))
    assert tree is not None
    preclean_tree(tree)
    slim = copy.deepcopy(tree)
    drop_head(slim)
    assert extract_paragraphs(slim, True) == extract_paragraphs(tree, True)
    assert extract_paragraphs(slim, True, fast=False) == extract_paragraphs(tree, True, fast=False)
    assert readability_paragraphs(slim) == readability_paragraphs(tree)
    assert article_paragraphs(slim) == article_paragraphs(tree)
