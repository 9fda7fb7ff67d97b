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
# Control characters (NUL from binary junk in scraped exports) that lxml refuses in text,
# and lone surrogates (a JSON export's "\ud83d" cut from its pair), at which libxml2
# silently stops reading: the rest of the page would be lost.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
# A DOCTYPE's internal subset (XHTML exports, and billion-laughs or external-entity pages):
# the HTML parser never defines its entities, but would show its tail "]>" as body text.
DOCTYPE_SUBSET = re.compile(r"\s*<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)

# The page goes to libxml2 as UTF-8 bytes with the encoding stated: a str would reach it as
# UCS-4, which it converts more slowly (a third of the parse), and a stated encoding
# overrides any <meta charset> the page carries, as for a str.
ENCODING = "utf-8"
# The control characters above as bytes: deleting them from the encoded page finds them
# far faster than a regex over the str.
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])

# libxml2's HTML parser: entity declarations are never defined, so &name; stays literal
# text and no SYSTEM entity or DTD is ever read; no_network and huge_tree off say so
# explicitly (huge_tree off also caps the depth, so 100,000 nested tags end at 256).
PARSER = lxml_html.HTMLParser(
    remove_comments=True,
    remove_pis=True,
    collect_ids=False,
    no_network=True,
    huge_tree=False,
    encoding=ENCODING,
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
    data = encode_page(text)
    if data is None:
        return None
    try:
        tree = lxml_html.document_fromstring(data, parser=PARSER)
    except (ValueError, etree.LxmlError) as err:
        logger.debug("lxml could not parse the page: %s", err)
        return None
    if tree is None or len(tree) == 0:
        return None
    return tree


def encode_page(text: str) -> bytes | None:
    """Return the page as UTF-8 without the characters libxml2 refuses; None if it is blank."""
    try:
        data: bytes | None = text.encode(ENCODING)
    except UnicodeEncodeError:
        data = None  # a lone surrogate
    if data is None or len(data.translate(None, CONTROL_BYTES)) != len(data):
        text = CONTROL_CHARS.sub("", text)
        data = text.encode(ENCODING)
    if not text or text.isspace():
        return None
    return data


def text_of(el: HtmlElement) -> str:
    """Return the whitespace-folded text of an element."""
    return " ".join(el.text_content().split())
