"""The date shown under the headline: what must be read, and look-alikes that must not."""

from __future__ import annotations

import pytest

from cleaners.html.parse import parse_html
from cleaners.metadata.dates import parse_date
from cleaners.metadata.headline_dates import overrides_stated, read_date_line
from cleaners.metadata.html_meta import extract_metadata

# A site clock in the page header, the only date before the story (news portals).
CLOCK = '<div class="topbar"><span class="date">Tue, 08 Dec 2020</span></div>'
UTC_STATED = '<meta property="article:published_time" content="2020-12-05T23:15:00+00:00">'


def page(head: str, story: str) -> str:
    """Return a page with a site clock, a headline and the given story header markup."""
    return (
        f"<html><head><title>Ceasefire holds in the north</title>{head}</head><body>{CLOCK}"
        f"<article><h1>Ceasefire holds in the north</h1>{story}"
        "<p>The ceasefire in the north held for a third day on Tuesday, officials said.</p>"
        "</article></body></html>"
    )


# (head, story markup under the headline, expected day of `published`)
CASES = [
    # no stated date: the date under the headline, not the site clock
    ("", "<p>Familie</p><div>13 Oct 2020 18:29</div>", "2020-10-13"),
    # a day-first slash date that month-first reading refuses
    ("", "<div>Familie</div><div>17/02/2022</div>", "2022-02-17"),
    # a labelled field after a caption and a lead paragraph
    ("", "<p>© Foto: IAA</p><h5>Datum:</h5><p>03.02.2022</p>", "2022-02-03"),
    # a shown date later than a UTC timestamp is the local day readers see
    (UTC_STATED, "<p>06 Dicembre 2020</p>", "2020-12-06"),
    # a shown update later than the stated day
    (UTC_STATED, "<p>By Sarah Yang</p><p>Updated May 06, 2021</p>", "2021-05-06"),
    # a shown date earlier than the stated one is something else: the stated day stays
    (UTC_STATED, "<p>Exhibition opened 29 November 2020</p>", "2020-12-05"),
    # a forum member's sign-up date is not the story's
    ("", "<p>Joined</p><p>May 11, 2017</p><div>13 Oct 2020 18:29</div>", "2020-10-13"),
    # an event's registration deadline, and a date range, are not the story's
    ("", "<p>Deadline: 15. März 2020</p><p>9-23 Feb 2020</p><p>20.12.2022</p>", "2022-12-20"),
    # a hidden modification time beside the shown date
    (
        '<meta property="article:published_time" content="2018-06-22T10:20:00">',
        '<time itemprop="dateModified" class="hidden">2018-08-29 14:15:57</time>'
        "<span>22.06.2018 10:20</span>",
        "2018-06-22",
    ),
]


@pytest.mark.parametrize(("head", "story", "day"), CASES)
def test_headline_date(head: str, story: str, day: str) -> None:
    tree = parse_html(page(head, story))
    assert tree is not None
    published = extract_metadata(tree, None).published
    assert published is not None and published[:10] == day


def test_date_inside_story_paragraph_is_not_shown_date() -> None:
    long = "The talks that started on 14 March 2019 in Geneva " + "went on for weeks. " * 6
    tree = parse_html(page(UTC_STATED, f"<p>{long}</p>"))
    assert tree is not None
    published = extract_metadata(tree, None).published
    assert published is not None and published[:10] == "2020-12-05"


@pytest.mark.parametrize(
    ("line", "hints", "iso"),
    [
        ("Mittwoch, 26.01.2022 - 14:30", (), "2022-01-26T14:30:00"),
        # an ambiguous slash date is read the way a day the page states elsewhere reads it
        ("Publicado el 03/05/2022", ("2022-05-03T22:08:20-04:00",), "2022-05-03"),
        ("Publicado el 03/05/2022", (), "2022-03-05"),
        ("Member since May 11, 2017", (), None),
        ("vom 9. bis 23. Februar 2017", (), None),
    ],
)
def test_read_date_line(line: str, hints: tuple[str, ...], iso: str | None) -> None:
    assert read_date_line(line, "", hints) == iso


@pytest.mark.parametrize(
    ("stated", "shown", "override"),
    [
        ("2020-12-05T23:15:00+00:00", "2020-12-06", True),
        ("2022-01-15", "2022-01-25", True),
        ("2022-12-30T07:00:40+01:00", "2022-12-29", False),
        ("2022-12-30T07:00:40+01:00", "2022-12-30T07:00:00", False),
    ],
)
def test_overrides_stated(stated: str, shown: str, override: bool) -> None:
    assert overrides_stated(stated, shown) is override


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # an offset written from GMT is that offset, not GMT
        ("13 Jan 2020, 22:11 GMT+10", "2020-01-13T22:11:00+10:00"),
        ("5 May 2020 10:00 GMT+05:30", "2020-05-05T10:00:00+05:30"),
        # Spanish "A. M." with a space is morning
        ("04 de mayo 2022, 12:00 A. M.", "2022-05-04T00:00:00"),
        # a word starting with "am" after a time is no meridiem
        ("3 May 2020 10:30 amazing", "2020-05-03T10:30:00"),
    ],
)
def test_parse_date_zones_and_meridiem(text: str, iso: str) -> None:
    assert parse_date(text) == iso
