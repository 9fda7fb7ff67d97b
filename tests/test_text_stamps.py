"""Stray datelines and bylines are dropped as stamps; timelines and sentences stay."""

from __future__ import annotations

import pytest

from cleaners.config import Config
from cleaners.text import clean_text
from cleaners.text.stamps import match_stamp, match_stamps

STAMPS = [
    "By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM",
    "Published Monday, November 18, 2019 8:22AM EST",
    "Nov. 19, 2019 8:03 am ET",
    "By JERUSALEM POST STAFF",
    "Posted by Michael David Smith on November 19, 2019, 6:21 AM EST",
    "(Reporting by Greg Roumeliotis; editing by Martin Howell)",
    "2 days ago at 07:47 am",
    "16 hours ago on Tech Blog",
    "há 3 horas",
    "2 часа назад",
]
NOT_STAMPS = [
    "By 2020, the company plans to double its workforce in the region.",
    "March 3, 2019: the company files for bankruptcy in Delaware",
    "He was born on March 3, 1950 in Paris and moved to Lyon as a child.",
    "— Jane Doe (@janedoe) March 3, 2019",
    "By the time the police arrived on November 3, 2019, the crowd had gone home.",
    "3 days ago, the company said it would cut jobs",
    "A year ago, NASA announced that nine companies could bid for the contracts.",
]


@pytest.mark.parametrize("line", STAMPS)
def test_stamp_is_recognised(line: str) -> None:
    assert match_stamp(line)


@pytest.mark.parametrize("line", NOT_STAMPS)
def test_look_alike_is_no_stamp(line: str) -> None:
    assert not match_stamp(line)


def test_stamps_of_many_lines_match_one_by_one() -> None:
    # Lines without a year, a byline or a credit opening are ruled out unread.
    lines = [*STAMPS, *NOT_STAMPS, "Share this story", "by the way, 2019", "", "BY JOHN SMITH"]
    assert match_stamps(lines) == [match_stamp(line) for line in lines]
    assert match_stamps([]) == []


def test_stamp_below_the_article_is_removed_and_logged() -> None:
    body = "\n\n".join(
        [
            "The council approved the new budget on Monday after a long debate about schools.",
            "Members said that the plan would help families and that the cost was fair.",
            "The mayor added that work on the first projects would start in the spring.",
            "Opponents argued that the vote came too soon and residents were not heard.",
            "Published Monday, November 18, 2019 8:22AM EST",
        ]
    )
    result = clean_text(body, Config())
    assert "Published Monday, November 18, 2019 8:22AM EST" not in result.paragraphs
    assert [r.rule for r in result.removed if r.text.startswith("Published")] == ["stamp"]
    assert len(result.paragraphs) == 4
