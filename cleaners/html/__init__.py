"""HTML path: parse once, pre-clean the tree, extract the main text and the metadata."""

from __future__ import annotations

import logging

from cleaners.config import Config
from cleaners.html.choose import choose_paragraphs
from cleaners.html.extract import drop_head
from cleaners.html.parse import parse_html
from cleaners.html.postclean import drop_chrome_paragraphs
from cleaners.html.preclean import preclean_tree
from cleaners.metadata.html_meta import extract_metadata
from cleaners.records import Extraction, Metadata

logger = logging.getLogger(__name__)


def extract_html(html: str, url: str | None, config: Config) -> Extraction:
    """Extract body paragraphs, metadata and the removal log from one HTML page."""
    tree = parse_html(html)
    if tree is None:
        return Extraction(paragraphs=[], metadata=Metadata(url=url))
    metadata = extract_metadata(tree, url, html)
    removed = preclean_tree(tree)
    if config.html_favor_precision:
        drop_head(tree)
    paragraphs, source = choose_paragraphs(tree, config.html_favor_precision)
    logger.debug("main text from %s", source)
    paragraphs, dropped = drop_chrome_paragraphs(paragraphs, metadata.title)
    return Extraction(paragraphs=paragraphs, metadata=metadata, removed=removed + dropped)
