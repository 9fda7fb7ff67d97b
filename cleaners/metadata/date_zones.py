"""Time-zone sense for publication dates: which day a stated timestamp can mean.

A page's JSON-LD or OpenGraph often states the moment in UTC while its readers (and the
page's visible date) use the local day. Nothing here invents a zone: a local day is
taken only from what the page itself states.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta

from lxml.html import HtmlElement

logger = logging.getLogger(__name__)

# Real-world UTC offsets run from -10 h (Hawaii; -11/-12 are nearly uninhabited) to +14 h,
# so a UTC time before 10:00 may be the previous local day, one from 10:00 the next.
WEST_MOST_HOURS, EAST_MOST_HOURS = 10, 14
# Attributes and meta names where a page states the same moment with its own offset
# (WordPress themes: <time datetime="...-04:00"> beside a UTC article:published_time).
TWIN_XPATH = "//*[@datetime]/@datetime | //meta[contains(@property, 'published')]/@content"
# Two timestamps this close name the same publication moment.
SAME_MOMENT = timedelta(minutes=2)


def parse_iso(value: str) -> datetime | None:
    """Return a datetime for an ISO 8601 string, or None."""
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def is_utc(moment: datetime) -> bool:
    """Tell whether a datetime carries a zero UTC offset."""
    return moment.utcoffset() == timedelta(0)


def may_be_local_day(moment: datetime, day: date) -> bool:
    """Tell whether a UTC moment can fall on the given local day in some real time zone."""
    earliest = (moment - timedelta(hours=WEST_MOST_HOURS)).date()
    latest = (moment + timedelta(hours=EAST_MOST_HOURS)).date()
    return earliest <= day <= latest


def accept_checked_day(stated: str, checked: str) -> bool:
    """Tell whether htmldate's day should replace the day of a stated timestamp.

    A different day is taken when it is a genuinely different date (two days or more
    apart), or when it is the local day of a UTC timestamp. A day that is only the UTC
    reading of a timestamp stated with a local offset is not taken.
    """
    moment = parse_iso(stated)
    try:
        day = date.fromisoformat(checked)
    except ValueError:
        return False
    if moment is None or moment.tzinfo is None:
        return True
    if abs((day - moment.date()).days) > 1:
        return True
    if is_utc(moment):
        return may_be_local_day(moment, day)
    return day != moment.astimezone(UTC).date()


def find_local_twin(tree: HtmlElement, stated: str) -> str | None:
    """Return the same moment as a UTC timestamp, as the page states it with a local offset."""
    moment = parse_iso(stated)
    if moment is None or moment.tzinfo is None or not is_utc(moment):
        return None
    for value in tree.xpath(TWIN_XPATH):
        other = parse_iso(str(value))
        if other is None or other.tzinfo is None or is_utc(other):
            continue
        if abs(other - moment) <= SAME_MOMENT:
            return other.isoformat()
    return None
