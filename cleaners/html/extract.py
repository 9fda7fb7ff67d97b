"""Main-text extraction with trafilatura on an already parsed (and pre-cleaned) tree."""

from __future__ import annotations

import logging
from functools import cache

import trafilatura  # type: ignore[import-untyped]
from lxml.etree import LxmlError
from lxml.html import HtmlElement
from trafilatura.settings import Extractor  # type: ignore[import-untyped]

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
        text = trafilatura.extract(tree, options=extraction_options(favor_precision, fast))
    except (LxmlError, ValueError, TypeError, AssertionError) as err:
        logger.debug("trafilatura failed: %s", err)
        return []
    return split_paragraphs(text or "")


@cache
def extraction_options(favor_precision: bool, fast: bool) -> Extractor:
    """Return trafilatura's options for one mode, built once rather than on every page.

    trafilatura only reads an options object it is given (its recall retry changes a copy).
    """
    return Extractor(
        output_format="txt",
        comments=False,
        tables=True,
        precision=favor_precision,
        with_metadata=False,
        fast=fast,
    )


def drop_head(tree: HtmlElement) -> None:
    """Empty the page's <head> in place, but for its JSON scripts, once metadata is read.

    trafilatura copies the tree three times and walks it more, and readability copies it
    twice, but in precision mode neither reads the head: trafilatura looks only at its
    JSON-LD (to tell forum threads), and removes the rest with the head before extracting.
    Balanced mode keeps it: its baseline reads schema.org attributes of <meta> tags.
    """
    head = tree.find("head")
    if head is None:
        return
    for child in list(head):
        if child.tag != "script" or "json" not in (child.get("type") or ""):
            head.remove(child)


def split_paragraphs(text: str) -> list[str]:
    """Split extractor text output into stripped, non-empty paragraphs."""
    return [line.strip() for line in text.split("\n") if line.strip()]
