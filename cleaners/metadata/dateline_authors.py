"""A writer named on the date line by the headline ("04.02.2022 | 13:10 Uhr | Uta Helkenberg")."""

from __future__ import annotations

import logging
import re
from itertools import islice

from lxml.html import HtmlElement

from cleaners.metadata.authors import clean_authors, is_discarded, looks_like_names
from cleaners.metadata.dates import find_date
from cleaners.metadata.element_lines import element_lines

logger = logging.getLogger(__name__)

# Association and regional news sites print one meta line over or under the headline:
# date, time and the writer, divided by bars or dots, with no "by" and no author class.
SEPARATOR = re.compile(r"\s+[|•·]\s+")
# Siblings of the headline read for the date line, before and after it.
BEFORE, AFTER = 2, 3
MAX_LINE = 120
MAX_ELEMENT = 4 * MAX_LINE
MIN_NAME_WORDS, MAX_NAME_WORDS = 2, 4
BY_WORD = re.compile(r"(?i)(?:by|von|par|por|door)\s")


def read_dateline_author(headline: HtmlElement | None) -> list[str]:
    """Return the person a date line next to the headline element names, if it names one."""
    if headline is None:
        return []
    before = list(islice(headline.itersiblings(preceding=True), BEFORE))
    after = list(islice(headline.itersiblings(), AFTER))
    for el in (*before, *after):
        # The story body is often the headline's sibling: too long to be a date line.
        if not isinstance(el.tag, str) or len(el.text_content()) > MAX_ELEMENT:
            continue
        if is_discarded(el):
            continue
        for line in element_lines(el):
            names = names_on_dateline(line)
            if names:
                return names
    return []


def names_on_dateline(line: str) -> list[str]:
    """Return the name a "date | time | name" line carries beside its date."""
    if len(line) > MAX_LINE or find_date(line) is None:
        return []
    parts = SEPARATOR.split(line)
    if len(parts) < 2:
        return []
    # With a "by" slot, the other parts are sections and places ("by j03f3l_1000 | Jun 2,
    # 2020 | Executive Search Blogs" on a recruiter's blog).
    signed = [p for p in parts if BY_WORD.match(p)]
    for part in signed or parts:
        if any(c.isdigit() for c in part):
            continue
        names = clean_authors([part])
        if len(names) == 1 and looks_like_names(names):
            words = names[0].split()
            if MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS:
                return names
    return []
