"""Date strings and datelines read from plain text."""

from __future__ import annotations

import pytest

from cleaners.config import Config
from cleaners.metadata.dates import parse_date
from cleaners.text import clean_text

CASES = [
    ("18 Sep, 2016 21:09", "2016-09-18T21:09:00"),
    ("Tue 28 Jul 2026 06.00 EDT", "2026-07-28T06:00:00-04:00"),
    ("Nov 19, 2019, 10:31 pm", "2019-11-19T22:31:00"),
    ("2019-11-20T05:47:00+03:00", "2019-11-20T05:47:00+03:00"),
    ("24 сентября 2018", "2018-09-24"),
    ("5 de novembro de 2019", "2019-11-05"),
    ("2018年8月16日", "2018-08-16"),
    ("20.11.2019", "2019-11-20"),
    ("Share price: 45.5p (up 8.3% today)", None),
    ("2 days ago", None),
]


@pytest.mark.parametrize(("text", "iso"), CASES)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_site_clock_is_not_the_publication_date() -> None:
    text = (
        "12:03 GMT, Nov 20, 2019\n\nNews\n\nWorld\n\n"
        "Storm closes roads across the north\n\n"
        "14 Nov, 2019 05:47\n\n"
        "Heavy rain closed several roads on Thursday, and the police asked drivers to stay in.\n\n"
        "Officials said that the water was expected to fall by the weekend in most of the towns.\n"
    )
    result = clean_text(text, Config())
    assert result.metadata.published == "2019-11-14T05:47:00"
    assert result.metadata.title == "Storm closes roads across the north"
    assert result.paragraphs[0].startswith("Heavy rain")


def test_headline_far_below_a_teaser_block_is_found() -> None:
    teasers = "\n\n".join(
        f"Teaser story number {k} about the city council and its budget plans for the year."
        for k in range(20)
    )
    text = (
        "Storm closes roads across the north | Example News\n\n"
        f"{teasers}\n\n"
        "Storm closes roads across the north\n\n"
        "November 14, 2019 at 5:47 am\n\n"
        "Heavy rain closed several roads on Thursday, and the police asked drivers to stay in.\n\n"
        "Officials said that the water was expected to fall by the weekend in most of the towns.\n"
    )
    result = clean_text(text, Config())
    assert result.metadata.title == "Storm closes roads across the north"
    assert result.metadata.published == "2019-11-14T05:47:00"
    assert [r.rule for r in result.removed if r.text == "Storm closes roads across the north"] == [
        "title"
    ]
