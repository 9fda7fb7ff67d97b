"""The post author's login that WordPress stamps on their own comments ("bypostauthor")."""

from __future__ import annotations

import logging

from lxml.etree import XPath
from lxml.html import HtmlElement

from cleaners.metadata.authors import clean_authors

logger = logging.getLogger(__name__)

# WordPress marks a comment written by the post's author with "bypostauthor" beside
# "comment-author-<login>": on blogs that print no byline (wordpress.com diaries, deal
# forums) it is the only place the page names its author.
POST_AUTHOR_CLASSES = XPath("//*[contains(@class, 'bypostauthor')]/@class")
LOGIN_PREFIX = "comment-author-"


def read_post_author(tree: HtmlElement, source: str | None = None) -> list[str]:
    """Return the login of the post's author when they answered in the comments.

    Given the page ``source``, a page without the class word is skipped unsearched.
    """
    if source is not None and "bypostauthor" not in source:
        return []
    for value in POST_AUTHOR_CLASSES(tree):
        tokens = str(value).split()
        if "bypostauthor" not in tokens:
            continue
        for token in tokens:
            if token.startswith(LOGIN_PREFIX) and len(token) > len(LOGIN_PREFIX):
                return clean_authors([login_name(token[len(LOGIN_PREFIX) :])])
    return []


def login_name(login: str) -> str:
    """Return a login as a name: "anna-berg" reads "Anna Berg", a one-word login stays."""
    if "-" not in login:
        return login
    return " ".join(part.capitalize() for part in login.split("-") if part)
