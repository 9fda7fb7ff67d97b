"""Parse an HTML string into one lxml tree, without ever touching the network."""

from __future__ import annotations

import logging
import re

from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement

logger = logging.getLogger(__name__)

# lxml refuses str input that carries an XML encoding declaration (XHTML exports).
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# Control characters (NUL from binary junk in scraped exports) that lxml refuses in text.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# A DOCTYPE's internal subset (XHTML exports, and billion-laughs or external-entity pages):
# the HTML parser never defines its entities, but would show its tail "]>" as body text.
DOCTYPE_SUBSET = re.compile(r"\s*<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)

# libxml2's HTML parser: entity declarations are never defined, so &name; stays literal
# text and no SYSTEM entity or DTD is ever read; no_network and huge_tree off say so
# explicitly (huge_tree off also caps the depth, so 100,000 nested tags end at 256).
PARSER = lxml_html.HTMLParser(
    remove_comments=True,
    remove_pis=True,
    collect_ids=False,
    no_network=True,
    huge_tree=False,
)
# Every element is a plain HtmlElement, chosen in C: lxml.html's default lookup calls back
# into Python for each element touched (to make <form>/<input> into form classes, which
# nothing here uses), a twentieth of the HTML path, trafilatura's passes included, since
# a copied tree keeps its parser's lookup.
PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement,
        comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction,
        entity=lxml_html.HtmlEntity,
    )
)


def parse_html(html: str) -> HtmlElement | None:
    """Parse an HTML string into a document tree, or None when it holds no markup."""
    text = XML_DECLARATION.sub("", html, count=1)
    subset = DOCTYPE_SUBSET.match(text)
    if subset:
        text = text[subset.end() :]
    if CONTROL_CHARS.search(text):
        text = CONTROL_CHARS.sub("", text)
    if not text.strip():
        return None
    try:
        tree = lxml_html.document_fromstring(text, parser=PARSER)
    except (ValueError, etree.LxmlError) as err:
        logger.debug("lxml could not parse the page: %s", err)
        return None
    if tree is None or len(tree) == 0:
        return None
    return tree


def text_of(el: HtmlElement) -> str:
    """Return the whitespace-folded text of an element."""
    return " ".join(el.text_content().split())
