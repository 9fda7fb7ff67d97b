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
ARTICLES = XPath('//article | //*[@itemprop="articleBody"]')
# An element's text length, counted in C without building the text.
TEXT_LENGTH = XPath("string-length()")
# Script and style bodies are code, never article text, yet text_content() includes them
# (an ad slot's <script> inside a <p> or <td> of the story).
CODE_TAGS = ("script", "style")
TEXT_OUTSIDE_CODE = XPath(".//text()[not(ancestor::script) and not(ancestor::style)]")


def read_blocks(root: HtmlElement) -> list[str]:
    """Return the text of the innermost block elements under root, in document order."""
    paragraphs = []
    for el in INNERMOST_BLOCKS(root):
        text = " ".join(printable(block_text(el)).split())
        if text:
            paragraphs.append(text)
    return paragraphs


def printable(text: str) -> str:
    """Drop the characters a reader never sees, as trafilatura does on the main path.

    German CMSs hyphenate long words with soft hyphens ("eini\u00adges"); kept, they split
    every such word for the tools that read the output.
    """
    if text.isprintable():
        return text
    return "".join(c for c in text if c.isprintable() or c.isspace())


def block_text(el: HtmlElement) -> str:
    """Return an element's text content without the bodies of scripts and styles in it."""
    if next(el.iter(*CODE_TAGS), None) is None:
        return str(el.text_content())
    return "".join(TEXT_OUTSIDE_CODE(el))


def article_paragraphs(tree: HtmlElement) -> list[str]:
    """Return the paragraphs of the page's largest article element, if it has one."""
    candidates = ARTICLES(tree)
    if not candidates:
        return []
    best = candidates[0] if len(candidates) == 1 else max(candidates, key=TEXT_LENGTH)
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
