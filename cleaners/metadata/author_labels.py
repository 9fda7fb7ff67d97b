"""Bylines written as a labelled field: "Autor: Fritz Imhof", "<h5>Autor:</h5> Peter Maahn".

News portals and trade magazines print the story's facts as label/value lines in a small
box ("Datum: 19.11.2021 / Autor: Fritz Imhof / Quelle: Livenet" on Swiss church news,
"<b>Von:</b><br><br>Götz Warnke" on an energy association's news). The value is the rest
of the label's line, or the next line when the label stands alone.
"""

from __future__ import annotations

import logging
import re

from lxml.html import HtmlElement

from cleaners.metadata.authors import clean_authors, is_discarded, looks_like_names
from cleaners.metadata.element_lines import element_lines
from cleaners.metadata.site_names import names_site
from cleaners.metadata.text_nodes import TextNode, read_text_nodes

logger = logging.getLogger(__name__)

# Author labels in the languages of the pages (de, en, fr, es, pt, it, nl); a label
# needs its colon unless it stands alone on its line, so "Von Berlin aus" is no label.
LABEL = re.compile(
    r"^(?:autor(?:in|en|innen)?|authors?|auteurs?|auteure?|autore|autori|autora|"
    r"verfasser(?:in)?|verfasst\s+von|geschrieben\s+von|written\s+by|posted\s+by|"
    r"text|texto|door|von|by|par|por)\b(?:\s*\(s\))?"
    r"(?P<colon>\s*:)?\s*",
    re.IGNORECASE,
)
# Text nodes that may start a label: short, opening with a label word that a colon
# follows or that stands alone (prose starting "Von Berlin aus" is skipped unread).
LABEL_START = re.compile(
    r"^\s*(?:autor|author|auteur|autore|autori|verfass|geschrieben|written|posted|text|door|"
    r"von|by|par|por)[\w\s()]{0,12}(?::|$)",
    re.IGNORECASE,
)
MAX_LABEL_NODE = 80
# The box around a label: the nearest element holding more than the label, if it is no
# longer than a facts box; it is looked for this many levels up.
MAX_BOX_CHARS = 400
BOX_LEVELS = 3


def read_label_bylines(
    tree: HtmlElement, site: str | None = None, nodes: list[TextNode] | None = None
) -> list[str]:
    """Return the names of the first labelled author field that names more than the site.

    Portals label reposts "By <Site>" and credit the writer further down ("Written by:
    Julie Mollins").
    """
    seen: set[HtmlElement] = set()
    for text, owner in nodes if nodes is not None else read_text_nodes(tree):
        if len(text) > MAX_LABEL_NODE or LABEL_START.match(text) is None:
            continue
        box = find_box(owner, text)
        if box is None or box in seen:
            continue
        seen.add(box)
        names = read_box(box)
        if names and not all(names_site(n, site) for n in names):
            return names
    return []


def find_box(el: HtmlElement, label: str) -> HtmlElement | None:
    """Return the nearest element around a label that holds more than it, if byline-sized.

    A label in an element of its own (``<h5>Autor:</h5>``) has its value in the element
    around it.
    """
    size = len(" ".join(label.split()))
    node: HtmlElement | None = el
    for _ in range(BOX_LEVELS):
        if node is None or node.tag in ("body", "html"):
            return None
        text = " ".join(node.text_content().split())
        if len(text) > size + 1:
            return node if len(text) <= MAX_BOX_CHARS else None
        node = node.getparent()
    return None


def read_box(box: HtmlElement) -> list[str]:
    """Return the names after an author label in a box's lines, if the box has one."""
    if is_discarded(box):
        return []
    lines = element_lines(box)
    if sum(len(line) for line in lines) > MAX_BOX_CHARS:
        return []
    for index, line in enumerate(lines):
        found = LABEL.match(line)
        if found is None:
            continue
        rest = line[found.end() :].strip(" ,;|-–—")
        if not rest and index + 1 < len(lines) and not LABEL.fullmatch(lines[index + 1]):
            rest = lines[index + 1]
        elif not found.group("colon"):
            continue
        names = clean_authors([rest]) if rest else []
        if names and looks_like_names(names):
            return names
    return []
