"""Cheap second opinions on the main text: the page's own article element and readability."""

from __future__ import annotations

import logging
from copy import deepcopy

from lxml.etree import LxmlError, XPath
from lxml.html import HtmlElement
from readability import Document  # type: ignore[import-untyped]
from readability.readability import Unparseable  # type: ignore[import-untyped]

from cleaners.html.parse import parse_html

logger = logging.getLogger(__name__)

# Block tags whose text forms one paragraph; nested blocks are read at the innermost level.
BLOCK_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd", "dt")
_IS_BLOCK = " or ".join(f"self::{tag}" for tag in BLOCK_TAGS)
INNERMOST_BLOCKS = XPath(f"descendant-or-self::*[{_IS_BLOCK}][not(descendant::*[{_IS_BLOCK}])]")
# Elements that publishers use to mark the story itself (schema.org microdata, HTML5).
ARTICLE_XPATH = '//article | //*[@itemprop="articleBody"]'


def read_blocks(root: HtmlElement) -> list[str]:
    """Return the text of the innermost block elements under root, in document order."""
    paragraphs = []
    for el in INNERMOST_BLOCKS(root):
        text = " ".join(el.text_content().split())
        if text:
            paragraphs.append(text)
    return paragraphs


def article_paragraphs(tree: HtmlElement) -> list[str]:
    """Return the paragraphs of the page's largest article element, if it has one."""
    candidates = tree.xpath(ARTICLE_XPATH)
    if not candidates:
        return []
    best = max(candidates, key=lambda el: len(el.text_content()))
    return read_blocks(best)


def readability_paragraphs(tree: HtmlElement) -> list[str]:
    """Return readability-lxml's main-content paragraphs for a copy of the tree."""
    try:
        summary = Document(deepcopy(tree)).summary(html_partial=True)
    except (Unparseable, LxmlError, ValueError, AssertionError) as err:
        logger.debug("readability failed: %s", err)
        return []
    # Parsed as a whole document, not a fragment: lxml's fragment parser raises on bare
    # text, several roots, a missing body and control characters.
    parsed = parse_html(f"<html><body><div>{summary}</div></body></html>")
    return read_blocks(parsed) if parsed is not None else []
