"""An element's text as the lines a reader sees: broken at block elements and <br>."""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from cleaners.metadata.text_nodes import CODE_TAGS

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
    parts: list[str] = []
    skipped: HtmlElement | None = None
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if skipped is not None:
            if event == "end" and node is skipped:
                skipped = None
                if node is not el and node.tail:
                    parts.append(node.tail)
            continue
        if event == "start":
            if not isinstance(node.tag, str) or node.tag in CODE_TAGS:
                skipped = node
                continue
            if node.tag in BLOCK_TAGS:
                parts.append("\n")
            if node.text:
                parts.append(node.text)
        else:
            if node.tag in BLOCK_TAGS:
                parts.append("\n")
            if node is not el and node.tail:
                parts.append(node.tail)
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]
