"""The text nodes of a page's body with the element each belongs to, read in one pass."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree
from lxml.html import HtmlElement

# Elements whose text is code or markup, never something a reader sees.
CODE_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})

# One text node: its text and the element whose text it is (for a tail, the parent).
TextNode = tuple[str, HtmlElement]


def read_text_nodes(tree: HtmlElement) -> list[TextNode]:
    """Return the body's non-blank text nodes in document order, with their elements.

    Several author readers scan the same nodes (byline words, author labels, copyright
    marks); one pass serves them all.
    """
    body = tree.find("body")
    if body is None:
        return []
    nodes: list[TextNode] = []
    for node in body.iter():
        if not isinstance(node.tag, str):
            continue
        text, tail = node.text, node.tail
        if text and node.tag not in CODE_TAGS and not text.isspace():
            nodes.append((text, node))
        if tail and not tail.isspace():
            parent = node.getparent()
            if parent is not None:
                nodes.append((tail, parent))
    return nodes


def is_code(el: HtmlElement) -> bool:
    """Tell whether an element is a comment or holds code rather than visible text."""
    return not isinstance(el.tag, str) or el.tag in CODE_TAGS


def walk_text(
    el: HtmlElement, skip: Callable[[HtmlElement], bool], breaks: frozenset[str] = frozenset()
) -> Iterator[str]:
    """Yield an element's text pieces in document order, "\n" at the edges of ``breaks``.

    Elements ``skip`` picks are left out with everything inside them, but their tails kept.
    """
    skipped: HtmlElement | None = None
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if skipped is not None:
            if event == "end" and node is skipped:
                skipped = None
                if node is not el and node.tail:
                    yield node.tail
            continue
        if event == "start":
            if skip(node):
                skipped = node
                continue
            if node.tag in breaks:
                yield "\n"
            if node.text:
                yield node.text
        else:
            if node.tag in breaks:
                yield "\n"
            if node is not el and node.tail:
                yield node.tail
