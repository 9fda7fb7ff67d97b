"""Tag lists below an article are chrome, and their tags go into the record's metadata."""

from __future__ import annotations

import pytest

from cleaners.config import Config
from cleaners.text import clean_text
from cleaners.text.rules import match_chrome
from cleaners.text.tags import read_tags

TAG_LINES = [
    (
        "Tags: ads, advertisement, awareness, south dakota",
        ["ads", "advertisement", "awareness", "south dakota"],
    ),
    ("Tags Kristi Noem South Dakota", []),  # no separator: chrome, but no tags to read
    ("tags #Local Markets #Nifty #Sensex", ["Local Markets", "Nifty", "Sensex"]),
    ("Temas: Política, Economia", ["Política", "Economia"]),
    ("Tagged with: one | two", ["one", "two"]),
]
NOT_TAGS = [
    "Topics discussed at the summit included trade, climate and security.",
    "Temas polêmicos dominam o debate no Congresso",
    "Tag Heuer launches a new watch",
]


@pytest.mark.parametrize(("line", "tags"), TAG_LINES)
def test_tag_line_is_chrome_and_read(line: str, tags: list[str]) -> None:
    assert match_chrome(line) == "tags"
    assert read_tags(line) == tags


@pytest.mark.parametrize("line", NOT_TAGS)
def test_look_alike_is_not_a_tag_line(line: str) -> None:
    assert match_chrome(line) != "tags"


def test_tags_are_lifted_into_metadata() -> None:
    text = "\n\n".join(
        [
            "The council approved the new budget on Monday after a long debate about schools.",
            "Members said that the plan would help families and that the cost was fair for all.",
            "The mayor added that work on the first projects would start early in the spring.",
            "Tags: budget, schools, city council",
        ]
    )
    result = clean_text(text, Config())
    assert result.metadata.tags == ["budget", "schools", "city council"]
    assert not any("Tags" in p for p in result.paragraphs)
    assert [r.rule for r in result.removed if r.text.startswith("Tags")] == ["tags"]
