"""The lxml glue-seam splitter, on its own and inside clean_text."""

from __future__ import annotations

import pytest

from cleaners.config import Config
from cleaners.text import clean_text
from cleaners.text.seams import find_seams, split_seams

GLUED = [
    ("Get short URLA cyclist rides", None),
    (
        "the mainstream media won't tell youSubscribe",
        ["the mainstream media won't tell you", "Subscribe"],
    ),
    ("to find out more.Accept cookies", ["to find out more.", "Accept cookies"]),
    ("НовостиМодаКрасота", ["Новости", "Мода", "Красота"]),
    ("24 сентября 2018Наши герои", ["24 сентября 2018", "Наши герои"]),
    # Only one letter, "Mc" or "Mac" is a prefix: a longer word glued to a capital is a seam.
    ("listen to the soundSystem", ["listen to the sound", "System"]),
]
NOT_SEAMS = [
    "U.S.A. and the U.K.",
    "No.1 in the world",
    "The 3D printer uses 5G",
    # One word with an inner capital: a one-letter prefix, a Mc/Mac name.
    "the new iPhone sold on eBay",
    "McDonald and MacArthur met at the MacBook launch",
]


@pytest.mark.parametrize(("line", "pieces"), GLUED)
def test_split_seams_is_lossless(line: str, pieces: list[str] | None) -> None:
    got = split_seams(line)
    assert "".join(got) == line
    if pieces is not None:
        assert got == pieces


@pytest.mark.parametrize("line", NOT_SEAMS)
def test_no_seam_in_ordinary_text(line: str) -> None:
    assert find_seams(line) == []


def test_real_words_with_inner_capitals_survive() -> None:
    line = "Apple said the new iPhone and the MacBook would ship to McDonald's staff on YouTube."
    text = (
        "The company announced its results on Tuesday, and the shares rose in early trading.\n\n"
        f"{line}\n\n"
        "Analysts said that the quarter had been stronger than most of them had expected.\n"
    )
    assert line in clean_text(text, Config()).paragraphs


def test_glued_chrome_tail_is_cut_and_logged() -> None:
    text = (
        "The council approved the new budget on Monday after a long debate about the schools.\n"
        "Members said that the plan would help families and that the cost was fair.Accept cookies\n"
        "The mayor added that work on the first projects would start early in the spring.\n"
    )
    result = clean_text(text, Config())
    joined = "\n".join(result.paragraphs)
    assert "Accept cookies" not in joined
    assert "the cost was fair." in joined
    assert any(r.rule == "cookie" and r.text == "Accept cookies" for r in result.removed)
