"""The author box a blog or magazine puts in its sidebar, when the story has no byline."""

from __future__ import annotations

import logging

from lxml.html import HtmlElement

from cleaners.metadata.authors import (
    MAX_NAME_CHARS,
    clean_authors,
    discard_reason,
    looks_like_names,
)

logger = logging.getLogger(__name__)

# Some themes show the story's author only in a side column ("teaser-box author" under
# <div id="sidebar-left"> on an Austrian city magazine). Side columns also list other
# writers (latest posts, team pages), so the box counts only when it names one person.
SIDE_MARKS = ("sidebar", "aside")


def read_sidebar_author(ranks: list[list[HtmlElement]]) -> list[str]:
    """Return the one name that the side columns' author elements agree on.

    ``ranks`` are the page's byline elements, as authors.find_byline_elements gives them.
    """
    found: dict[str, list[str]] = {}
    for rank in ranks:
        for el in rank:
            reason = discard_reason(el)
            if reason is None or not reason.startswith(SIDE_MARKS):
                continue
            value = " ".join(el.text_content().split())
            if not value or len(value) > 2 * MAX_NAME_CHARS:
                continue
            names = clean_authors([value])
            if names and looks_like_names(names):
                found.setdefault("|".join(n.casefold() for n in names), names)
    return next(iter(found.values())) if len(found) == 1 else []
