"""Choose the article's authors among the sources that name them, most reliable first."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from lxml.html import HtmlElement

from cleaners.metadata import jsonld
from cleaners.metadata.author_labels import read_label_bylines
from cleaners.metadata.author_links import read_profile_links
from cleaners.metadata.authors import (
    clean_authors,
    find_byline_elements,
    looks_like_names,
    read_byline_authors,
    read_meta_authors,
)
from cleaners.metadata.bylines import read_byline_text
from cleaners.metadata.copyright_authors import read_copyright_holder
from cleaners.metadata.dateline_authors import read_dateline_author
from cleaners.metadata.license_authors import read_licence_author
from cleaners.metadata.post_author import read_post_author
from cleaners.metadata.sidebar_authors import read_sidebar_author
from cleaners.metadata.site_names import names_site
from cleaners.metadata.text_nodes import read_text_nodes
from cleaners.metadata.titles import fold

logger = logging.getLogger(__name__)

# Sources (JSON-LD, meta tags, byline elements) checked for co-authors of a single author
# (JSON-LD naming only the first of "von Rudolf Fischer, Simon Kohler" on a bike magazine);
# the plain-text byline scan costs too much to run when a name is already known.
COAUTHOR_SOURCES = 3
# An author given only as initials or a short code ("DT" on blogs, "LN" on regional papers).
INITIALS = re.compile(r"^(?:[A-ZÄÖÜ]\.?){1,3}$")


def find_authors(
    tree: HtmlElement,
    objects: list[dict[str, Any]],
    article: dict[str, Any] | None,
    site: str | None,
    headline: HtmlElement | None = None,
    source: str | None = None,
) -> list[str]:
    """Return the article's authors from JSON-LD, meta tags, then what the page shows.

    The visible sources, in order: byline elements, plain-text bylines, labelled author
    fields, author-profile links and the date line by the headline; then, for pages that
    name their author nowhere else, a licence attribution, the post author's login on
    their own comment, a side-column author box and a person's copyright notice.
    Initials alone ("DT", "LN"), the site's own name and names that read as an
    institution's ("Bayerische Landesanstalt für Wald") give way to a person named by a
    later source, and a later source that names the same people plus co-authors wins
    (JSON-LD often lists only the first). The site's name is kept when nothing else is
    found: portals and company blogs sign their posts with it. The page ``source``, when
    given, lets readers skip pages that cannot hold what they look for.
    """
    byline_elements = cache(lambda: find_byline_elements(tree))
    text_nodes = cache(lambda: read_text_nodes(tree))
    readers: list[Callable[[], list[str]]] = [
        lambda: clean_authors(jsonld.read_names(article.get("author"), objects)) if article else [],
        lambda: read_meta_authors(tree),
        lambda: read_byline_authors(tree, site, byline_elements()),
        lambda: read_byline_text(tree, text_nodes()),
        lambda: read_label_bylines(tree, site, text_nodes()),
        lambda: read_profile_links(tree, site, source),
        lambda: read_dateline_author(headline),
        lambda: read_licence_author(tree, source),
        lambda: read_post_author(tree, source),
        lambda: read_sidebar_author(byline_elements()),
        lambda: read_copyright_holder(tree, site, text_nodes()),
    ]
    chosen: list[str] = []
    weak: list[str] = []
    for index, read in enumerate(readers):
        if chosen and (len(chosen) > 1 or index >= COAUTHOR_SOURCES):
            break
        found = read()
        people = [n for n in found if not names_site(n, site)]
        if not people or all(INITIALS.match(n) for n in people) or not looks_like_names(people):
            weak = weak or found
        elif not chosen:
            chosen = people
        elif adds_coauthors(chosen, people):
            return people
    return chosen or weak


def adds_coauthors(chosen: list[str], other: list[str]) -> bool:
    """Tell whether another source names every chosen author and more."""
    keys = {fold(n) for n in other}
    return len(keys) > len(chosen) and all(fold(n) in keys for n in chosen)
