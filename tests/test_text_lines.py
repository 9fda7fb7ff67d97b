"""Lines of a dump: BeautifulSoup's sentence fragments are glued back, chrome lines are not."""

from __future__ import annotations

from collections.abc import Callable

from cleaners.text.lines import merge_fragments, split_lines
from cleaners.text.rules import match_chrome

STOPS = frozenset({"he", "the", "and", "its", "of"})


def texts(dump: str, is_chrome: Callable[[str], object] | None = None) -> list[str]:
    """Return the merged line texts of a dump."""
    return [line.text for line in merge_fragments(split_lines(dump), STOPS, is_chrome)]


def test_a_sentence_cut_at_an_inline_link_is_glued_back() -> None:
    dump = "Porsche showed its\nelectric Gran Turismo\nat the fair, and its rivals took note."
    assert texts(dump, match_chrome) == [
        "Porsche showed its electric Gran Turismo at the fair, and its rivals took note."
    ]


def test_a_chrome_line_continues_no_sentence() -> None:
    # "HE" is a stop word, so without the chrome check the share bar and the icon run
    # below it were glued onto the fragment and the sentence after them, all kept as one
    # article paragraph.
    dump = "0 0 0 HE\nShare on Facebook\niconiconbookmarkiconHome\nThe minister said so."
    assert texts(dump) == [
        "0 0 0 HE Share on Facebook iconiconbookmarkiconHome The minister said so."
    ]
    merged = texts(dump, match_chrome)
    assert merged[0] == "0 0 0 HE"
    assert merged[1].startswith("Share on Facebook")
    assert merged[-1] == "The minister said so."


def test_a_blank_line_still_ends_a_fragment() -> None:
    assert texts("He said the\n\nnew rules apply.", match_chrome) == [
        "He said the",
        "new rules apply.",
    ]


def test_a_run_of_numbers_is_no_sentence_to_finish() -> None:
    # Two glued lines of numbers and codes, six tokens or more, no end: the sentence
    # below starts a line of its own instead of carrying them on.
    dump = "00000 0 0 0 0 0\na00000 0Aa\nThe government said the talks would go on."
    assert texts(dump, match_chrome) == [
        "00000 0 0 0 0 0 a00000 0Aa",
        "The government said the talks would go on.",
    ]
    # a glued fragment with words in it still carries on
    dump = "Porsche showed its new car\nat the fair in the\nCity of Frankfurt on Monday."
    assert texts(dump, match_chrome) == [
        "Porsche showed its new car at the fair in the City of Frankfurt on Monday."
    ]


def test_a_code_with_a_small_first_letter_continues_nothing() -> None:
    assert texts("He wrote to the\na0Aa000", match_chrome) == ["He wrote to the", "a0Aa000"]
    assert texts("Send it by\ne-mail to the office.", match_chrome) == [
        "Send it by e-mail to the office."
    ]
