"""The date a page shows under its headline, read as readers see it."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date

from lxml.html import HtmlElement

from cleaners.metadata.dates import find_date
from cleaners.metadata.page_cache import elements
from cleaners.metadata.text_nodes import walk_text
from cleaners.metadata.titles import fold

logger = logging.getLogger(__name__)

# Elements that may carry the headline the title was taken from.
HEADLINE_TAGS = ("h1", "h2", "h3")
# How much text after the headline is read for the date line: the kicker, teaser, byline
# and credit lines under a headline fit (trade magazines put "Datum: 03.02.2022" after
# the lead paragraph and a rating widget).
WINDOW_CHARS = 600
# Text nodes longer than this are story paragraphs: they use up the window, but a date
# inside one is an event in the story, not the story's own date.
MAX_DATE_LINE = 100
CODE_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "select"})
HIDDEN_CLASSES = frozenset({"hidden", "d-none", "sr-only", "visually-hidden", "screen-reader-text"})
# Labels of dates that are not the story's: a forum member's sign-up date ("Joined
# May 11, 2017" beside the first post), a registration deadline on an event page, a
# birthday.
OTHER_LABEL = re.compile(
    r"\b(?:joined|member\s+since|registriert|mitglied\s+seit|dabei\s+seit|born|geboren|"
    r"birthday|geburtstag|deadline|frist|anmeldeschluss|bewerbungsschluss|closing\s+date|"
    r"expires|valid\s+until|gültig\s+bis)\b",
    re.IGNORECASE,
)
# "17/02/2022": read month first only when that is a valid date and no other reading fits.
SLASH_DATE = re.compile(r"\b([0-3]?\d)/([01]?\d)/((?:19|20)\d\d)\b")
# What ends the first half of a date range ("9-23 Feb 2017" for an exhibition, "vom 9.
# bis 23. Februar 2017"): the second half is an event's end, not a publication date.
RANGE_START = re.compile(r"(?:\d\.?\s*[-–—]|\b(?:bis|to|until|till|au|al|hasta|até))\s*$", re.I)


def find_headline(tree: HtmlElement, title: str | None) -> HtmlElement | None:
    """Return the first heading element whose text is the article title."""
    key = fold(title) if title else ""
    if not key:
        return None
    for el in elements(tree, *HEADLINE_TAGS):
        text = el.text_content()
        # Folding drops punctuation and spaces, so a heading far longer than the title
        # cannot fold to it; most headings of a page are skipped without folding.
        if len(text) >= len(key) // 2 and fold(text) == key:
            return el
    return None


def following_texts(el: HtmlElement) -> Iterator[str]:
    """Yield the text nodes after an element in document order that readers see."""
    node: HtmlElement | None = el
    while node is not None and node.tag != "html":
        if node.tail:
            yield node.tail
        for sibling in node.itersiblings():
            if not is_unseen(sibling):
                yield from element_texts(sibling)
            if sibling.tail:
                yield sibling.tail
        node = node.getparent()


def element_texts(el: HtmlElement) -> Iterator[str]:
    """Yield the text nodes inside an element in document order, skipping unseen ones."""
    return walk_text(el, is_unseen)


def is_unseen(el: HtmlElement) -> bool:
    """Tell whether readers do not see an element's text as the story's date.

    Templates keep machine dates in hidden elements under the headline (a shop's news
    page: <time itemprop="dateModified" class="hidden">), beside the one they show.
    """
    if not isinstance(el.tag, str) or el.tag in CODE_TAGS:
        return True
    if el.get("hidden") is not None or el.get("itemprop") == "dateModified":
        return True
    if "display:none" in el.get("style", "").replace(" ", "").lower():
        return True
    return not HIDDEN_CLASSES.isdisjoint(el.get("class", "").split())


def read_headline_date(
    headline: HtmlElement | None, hints: tuple[str | None, ...] = ()
) -> str | None:
    """Return the first date shown in the lines under the headline, as ISO 8601.

    ``hints`` are days the page states elsewhere: they settle whether "03/05/2022" is
    March or May.
    """
    if headline is None:
        return None
    used = 0
    previous = ""
    for raw in following_texts(headline):
        line = " ".join(raw.split())
        if not line:
            continue
        used += len(line)
        if used > WINDOW_CHARS:
            break
        if len(line) <= MAX_DATE_LINE:
            found = read_date_line(line, previous, hints) if has_digit(line) else None
            if found is not None:
                return found
            previous = line
    return None


def has_digit(line: str) -> bool:
    """Tell whether a line holds a digit; most lines under a headline do not."""
    return any(c.isdigit() for c in line)


def read_date_line(line: str, previous: str, hints: tuple[str | None, ...]) -> str | None:
    """Return the date a short line states, unless it is not the story's own."""
    found = find_date(line)
    if found is None:
        return read_day_first(line)
    iso, start, _ = found
    if OTHER_LABEL.search(f"{previous} {line[:start]}") or RANGE_START.search(line[:start]):
        return None
    return reorder_slash_date(line, iso, hints)


def read_day_first(line: str) -> str | None:
    """Return a day-first slash date ("17/02/2022") that the month-first reader refused."""
    found = SLASH_DATE.search(line)
    if found is None or OTHER_LABEL.search(line[: found.start()]):
        return None
    return make_day(found.group(3), found.group(2), found.group(1))


def reorder_slash_date(line: str, iso: str, hints: tuple[str | None, ...]) -> str:
    """Read an ambiguous slash date day first when a day the page states says so."""
    found = SLASH_DATE.search(line)
    if found is None or iso[:10] != make_day(found.group(3), found.group(1), found.group(2)):
        return iso
    swapped = make_day(found.group(3), found.group(2), found.group(1))
    days = {h[:10] for h in hints if h}
    if swapped and swapped != iso[:10] and swapped in days and iso[:10] not in days:
        return swapped + iso[10:]
    return iso


def make_day(year: str, month: str, day: str) -> str | None:
    """Return an ISO day from its parts, or None when they name no date."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def overrides_stated(stated: str, shown: str) -> bool:
    """Tell whether the date shown under the headline replaces the day the page states.

    It does when it is later. A CMS states its first save, or the moment in UTC, while
    the page shows readers the local day the story came out or was last updated, and
    that is the day they date it by ("06 Dicembre 2020" under a story stated at 23:15
    UTC, "Updated May 06, 2019" over a 2016 timestamp). A shown date that is earlier is
    something else: an event, a print issue.
    """
    return shown[:10] > stated[:10]
