"""The second opinions' text: what a reader sees, as trafilatura gives it on the main path."""

from __future__ import annotations

from cleaners.html.fallbacks import article_paragraphs, printable
from cleaners.html.parse import parse_html


def test_soft_hyphens_and_zero_width_spaces_go() -> None:
    tree = parse_html(
        "<html><body><article><p>Ihr gelang so eini\u00adges in ihrem Le\u00adben.</p>"
        "<p>Zero\u200bwidth and word\u2060joiner, then a BOM\ufeff.</p></article></body></html>"
    )
    assert tree is not None
    assert article_paragraphs(tree) == [
        "Ihr gelang so einiges in ihrem Leben.",
        "Zerowidth and wordjoiner, then a BOM.",
    ]


def test_printable_text_is_returned_as_is() -> None:
    text = "Plain text, «quotes», accents é and 日本語."
    assert printable(text) is text
    assert printable("tab\tand\nnewline\u00ad") == "tab\tand\nnewline"
