"""The author a Creative Commons licence notice credits ("... von <a rel=cc:attributionURL>")."""

from __future__ import annotations

import logging

from lxml.etree import XPath
from lxml.html import HtmlElement

from cleaners.metadata.authors import clean_authors, looks_like_names

logger = logging.getLogger(__name__)

# The licence chooser's RDFa markup names the work's author: <span property=
# "cc:attributionName"> or a link with rel="cc:attributionURL" (blogs that sign their
# posts only with initials carry the full name there).
ATTRIBUTION = XPath(
    "//*[@property='cc:attributionName' or (self::a and contains(@rel, 'cc:attributionURL'))]"
)


def read_licence_author(tree: HtmlElement, source: str | None = None) -> list[str]:
    """Return the name a Creative Commons attribution gives, if the page has one.

    Given the page ``source``, a page without the vocabulary is skipped unsearched.
    """
    if source is not None and "cc:attribution" not in source:
        return []
    for el in ATTRIBUTION(tree):
        names = clean_authors([" ".join(el.text_content().split())])
        if names and looks_like_names(names):
            return names
    return []
