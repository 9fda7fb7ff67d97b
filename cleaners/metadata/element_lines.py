"""An element's text as the lines a reader sees: broken at block elements and <br>."""

from __future__ import annotations

from lxml.html import HtmlElement

from cleaners.metadata.text_nodes import is_code, walk_text

# Elements whose start and end break a line.
BLOCK_TAGS = frozenset(
    {"p", "div", "li", "dd", "dt", "td", "th", "tr", "section", "header", "footer", "aside",
     "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "address",
     "article", "figure", "br", "hr"}
)  # fmt: skip


def element_lines(el: HtmlElement) -> list[str]:
    """Return an element's non-empty lines, whitespace folded.

    text_content() glues "Sebastian Drescher<br>Kakuma/Kenia" into one run; a byline
    ends at its line break.
    """
    text = "".join(walk_text(el, is_code, BLOCK_TAGS))
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]
