"""Whole real pages through extract_html: hand-written snippets that must (not) appear."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from cleaners.config import Config
from cleaners.html import extract_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"

# (fixture prefix, must contain at start and end, must not contain)
ARTICLES = [
    (
        "d48aeb9cf2",  # wired: trafilatura alone stops after the first section
        [
            "Instagram began testing hiding public like counts globally on Thursday",
            "they often have access to the same analytics as one.",
        ],
        ["Sign up for our newsletter"],
    ),
    (
        "f8ff621a0b",  # barrons: the story sits in a "paywall" div; a reprint notice is not it
        [
            "Shares of construction goods giant Home Depot are dropping in premarket trading",
            "easily outpacing the Dow Jones Industrial Average and S&P 500 over the same span.",
        ],
        ["This copy is for your personal, non-commercial use only"],
    ),
    (
        "8b19453030",  # the sun: share bar and picture credits around the story
        [
            "A HUNTER who killed and ate a wild rabbit in China has been hit by the deadly",
            "Nowadays, plague is easily treated with antibiotics.",
        ],
        ["Share this article", "Credit:"],
    ),
    (
        # baltimore sun: trafilatura's precision pass and readability keep one paragraph;
        # the article element holds the whole column
        "meta_07e5833fe9d3",
        [
            "As the pandemic ripped through almost every aspect of American life in 2020",
            "I am thankful to TV for helping me participate in that ritualistic re-enactment",
        ],
        ["Recommended on Baltimore Sun", "Advertisement"],
    ),
    (
        # the argus: the story sits in a "subscription-replace-entire-article" wrapper
        "meta_766aa0dd99fd",
        [
            "A PEDESTRIAN suffered serious injuries in a town centre car crash.",
            "calling 101 quoting serial 497 of 04/09.",
        ],
        ["As a subscriber, you are shown 80% less display advertising"],
    ),
]


def load(prefix: str) -> str:
    """Return the decompressed HTML of the fixture whose name starts with prefix."""
    path = next(FIXTURES.glob(f"{prefix}*.html.gz"))
    return gzip.decompress(path.read_bytes()).decode("utf-8")


@pytest.mark.parametrize(("prefix", "wanted", "unwanted"), ARTICLES)
def test_article_body_snippets(prefix: str, wanted: list[str], unwanted: list[str]) -> None:
    body = "\n\n".join(extract_html(load(prefix), None, Config()).paragraphs)
    for snippet in wanted:
        assert snippet in body
    for snippet in unwanted:
        assert snippet not in body


def test_removals_are_recorded_with_rule_names() -> None:
    result = extract_html(load("8b19453030"), None, Config())
    rules = {r.rule for r in result.removed}
    assert {"share", "navigation"} <= rules
    assert all(len(r.text) <= 200 for r in result.removed)


def test_article_metadata_from_page() -> None:
    meta = extract_html(load("8b19453030"), None, Config()).metadata
    assert meta.title is not None and "plague" in meta.title.lower()
    assert meta.published is not None and meta.published.startswith("2019-11-")
    assert meta.language == "en"


def test_metadata_90min() -> None:
    meta = extract_html(load("meta_0326a8d3c096"), None, Config()).metadata
    assert meta.title == (
        "So sähe die Bundesliga-Tabelle 23/24 nach dem 10. Spieltag ohne Fehlentscheidungen aus"
    )
    assert meta.published == "2023-10-24T14:19:10+00:00"
    assert meta.authors == ["Jan Kupitz"]


def test_metadata_jungle_world() -> None:
    meta = extract_html(load("meta_0971f5058148"), "https://example.org/x", Config()).metadata
    assert meta.title == "Das Imperialismus-Phantom"
    assert meta.published is not None and meta.published.startswith("2023-10-26")
    assert meta.authors == ["Ernst Lohoff"]
