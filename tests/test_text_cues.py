"""Block headings glued to a sentence with a space start a piece of their own."""

from __future__ import annotations

import pytest

from cleaners.text.cues import split_cues

CASES = [
    (
        "The UK urged an “end to the violence”. Related articles Carol Vorderman showcases",
        ["The UK urged an “end to the violence”. ", "Related articles Carol Vorderman showcases"],
    ),
    (
        "They will meet again in the spring. Share this:Click to share on Facebook",
        ["They will meet again in the spring. ", "Share this:Click to share on Facebook"],
    ),
    ("The related articles were all published in the journal last week.", None),
    ("She said you may also like the sequel, which came out in May.", None),
]


@pytest.mark.parametrize(("line", "pieces"), CASES)
def test_line_is_cut_before_block_headings_only(line: str, pieces: list[str] | None) -> None:
    result = split_cues(line)
    assert result == (pieces or [line])
    assert "".join(result) == line
