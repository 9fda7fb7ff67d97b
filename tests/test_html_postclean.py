"""Paragraph-level chrome after HTML extraction: what must go, what must stay."""

from __future__ import annotations

import pytest

from cleaners.html.postclean import drop_chrome_paragraphs

BODY = "The council voted on Tuesday to expand the bus network to three new districts."


@pytest.mark.parametrize(
    ("paragraph", "rule"),
    [
        ("READ MORE: Council approves new budget after long debate", "related"),
        ("Sign up for our daily newsletter", "subscribe"),
    ],
)
def test_chrome_paragraphs_go_with_their_rule(paragraph: str, rule: str) -> None:
    kept, removed = drop_chrome_paragraphs([BODY, paragraph, BODY], None)
    assert kept == [BODY, BODY]
    assert [(r.rule, r.text) for r in removed] == [(rule, paragraph)]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Share price: 45.5p (up 8.3% today)",
        "He also shared 2 Timothy 4 with the congregation.",
        "Read more about the plan, the mayor said, once the vote is final next week.",
        BODY,
    ],
)
def test_look_alikes_stay(paragraph: str) -> None:
    kept, removed = drop_chrome_paragraphs([BODY, paragraph], None)
    assert kept == [BODY, paragraph] and removed == []


def test_a_leading_copy_of_the_headline_goes_but_a_later_one_stays() -> None:
    title = "Council expands bus network"
    kept, removed = drop_chrome_paragraphs([title, BODY, title], title)
    assert kept == [BODY, title]
    assert [r.rule for r in removed] == ["title"]
