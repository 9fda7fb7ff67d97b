"""Main-text extraction with trafilatura on an already parsed (and pre-cleaned) tree."""

from __future__ import annotations

import logging

import trafilatura  # type: ignore[import-untyped]
from lxml.etree import LxmlError
from lxml.html import HtmlElement

logger = logging.getLogger(__name__)


def extract_paragraphs(tree: HtmlElement, favor_precision: bool, fast: bool = True) -> list[str]:
    """Run trafilatura on the tree and return its body as paragraphs.

    The tree is passed, never a string: trafilatura and htmldate treat a URL-like
    string as something to download. trafilatura copies a tree it is given before it
    prunes anything, so the caller's tree stays intact without a copy of our own.
    Fast mode skips trafilatura's own readability and jusText comparison, a third of
    its time; choose.py holds our second opinion and asks for the full cascade only
    when every quick candidate came back empty.
    """
    try:
        text = trafilatura.extract(
            tree,
            include_comments=False,
            include_tables=True,
            favor_precision=favor_precision,
            with_metadata=False,
            fast=fast,
        )
    except (LxmlError, ValueError, TypeError, AssertionError) as err:
        logger.debug("trafilatura failed: %s", err)
        return []
    return split_paragraphs(text or "")


def split_paragraphs(text: str) -> list[str]:
    """Split extractor text output into stripped, non-empty paragraphs."""
    return [line.strip() for line in text.split("\n") if line.strip()]
