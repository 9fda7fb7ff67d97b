"""Short lines far from prose leave the span; the line that carries the span stays."""

from __future__ import annotations

from cleaners.text.classify import Unit, drop_stranded

# A whole page glued into one line (lxml): menu words, then the story, then a menu word,
# so the line neither ends like a sentence nor reads as prose by its stop words.
GLUED_PAGE = (
    "Home Sport Weather Search Menu Contact Runners can raise their speed with the console "
    "codes the game offers and the value stays until the next level loads Categories"
)
COMMENT = "Nikolai on the bench press standards post: a clear table, thanks for the update."


def unit(text: str, weight: float, prose: bool = False) -> Unit:
    return Unit(text, 0, True, None, weight, prose)


def test_the_line_carrying_the_span_is_kept() -> None:
    units = [unit(GLUED_PAGE, 50.0), unit("Tags", -1.5), unit(COMMENT, 14.0, prose=True)]
    drop_stranded(units, 0, 3)
    assert [u.label for u in units] == [None, "short_line", None]


def test_a_long_line_that_is_a_small_part_of_the_span_is_stranded() -> None:
    units = [unit(GLUED_PAGE, 5.0), unit("Tags", -1.5), unit(COMMENT, 40.0, prose=True)]
    drop_stranded(units, 0, 3)
    assert [u.label for u in units] == ["short_line", "short_line", None]
