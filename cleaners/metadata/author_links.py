"""Authors named by links to their profile pages ("/author/heiko-sauer/", "/autoren/...")."""

from __future__ import annotations

import logging
import re

from lxml.etree import XPath
from lxml.html import HtmlElement

from cleaners.metadata.authors import clean_authors, is_discarded, looks_like_names
from cleaners.metadata.site_names import names_site

logger = logging.getLogger(__name__)

# Links whose path names an author's archive: WordPress "/author/<slug>/", and the
# German, French and Italian equivalents of news and opinion sites ("/autoren/georg-quaas/"
# on an economists' forum whose byline box also holds a rating widget).
PROFILE_LINKS = XPath(
    "//a[contains(@href, '/author') or contains(@href, '/autor') or contains(@href, '/auteur')"
    " or contains(@href, '/redakteur') or contains(@href, '?author=')]"
)
PROFILE_PATH = re.compile(
    r"/(?:authors?|autor(?:en|in)?|auteurs?|autori?|autore|redakteur(?:e|in)?)/"
    r"[^/?#\s]+/?(?:[?#]|$)|[?&]author=\w+",
    re.IGNORECASE,
)
# The substrings PROFILE_LINKS looks for in an href.
PATH_PARTS = ("/author", "/autor", "/auteur", "/redakteur", "?author=")
MAX_LINK_CHARS = 60


def read_profile_links(
    tree: HtmlElement, site: str | None = None, source: str | None = None
) -> list[str]:
    """Return the name on the first author-profile link outside comments and rails.

    Given the page ``source``, a page without any such path is skipped unsearched.
    """
    if source is not None and not any(part in source for part in PATH_PARTS):
        return []
    for link in PROFILE_LINKS(tree):
        if not PROFILE_PATH.search(link.get("href", "")):
            continue
        text = " ".join(link.text_content().split())
        if not text or len(text) > MAX_LINK_CHARS or is_discarded(link):
            continue
        names = clean_authors([text])
        if names and looks_like_names(names) and not all(names_site(n, site) for n in names):
            return names
    return []
