"""Bylines written as plain text ("von Anna Berg", "Posted on May 2 by Adi Tzlil")."""

from __future__ import annotations

import logging
import re

from lxml.html import HtmlElement

from cleaners.metadata.authors import clean_authors, is_discarded, looks_like_names
from cleaners.metadata.element_lines import element_lines
from cleaners.metadata.text_nodes import TextNode, read_text_nodes

logger = logging.getLogger(__name__)

# A short element whose text ends in "by/von NAME" after nothing or a date line: the byline
# of blogs and regional papers that mark it up with no author class (an <i>von Daniela
# Obers</i> under the teaser, "06.11.2023 13:30 von Olga" on forums, "Posted on September
# 21, 2020 by Adi Tzlil" in WordPress themes, "Auteur : Kossivi Tiassou" on radio sites).
BYLINE_TEXT = re.compile(
    r"^(?P<lead>.{0,60}?\s)?"
    r"(?i:von|by|par|por|door|auteur\s*:|autor\s*:|autorin\s*:|author\s*:|text\s*:|"
    r"autoren\s*:?|authors\s*:?)\s+"
    r"(?P<names>[A-ZÀ-Þ][^\d|:;]{1,80})$"
)
# What may come before "by/von": a date, a time, or the words of a "posted on" line.
LEAD_WORDS = re.compile(
    r"^(?:[\d\s.,:/|•·-]|posted|published|written|geschrieben|veröffentlicht|erstellt|"
    r"on|am|le|el|uhr|[a-zäöüé]+\s+\d)+",
    re.IGNORECASE,
)
# Longest element text read as a byline.
MAX_BYLINE_CHARS = 90
# Text nodes that may start a byline; their element (or, for a tail, its parent) is read.
BYLINE_WORD = re.compile(
    r"(?i)\b(?:von|by|par|por|door|auteur|autor|autorin|autoren|author|authors|text)\b"
)
# How far up from the byline word an element holding the whole byline is looked for.
BYLINE_LEVELS = 2


def match_byline(text: str) -> list[str]:
    """Return the names of a plain-text byline, or nothing when the text is not one."""
    found = BYLINE_TEXT.match(text)
    if found is None:
        return []
    lead = found.group("lead") or ""
    if lead.strip() and not LEAD_WORDS.fullmatch(lead.strip()):
        return []
    names = clean_authors([found.group("names")])
    return names if looks_like_names(names) else []


def read_byline_text(tree: HtmlElement, nodes: list[TextNode] | None = None) -> list[str]:
    """Return the names from the first short element that reads as a plain-text byline."""
    seen: set[HtmlElement] = set()
    for text, owner in nodes if nodes is not None else read_text_nodes(tree):
        if may_be_byline(text):
            names = read_around(owner, seen)
            if names:
                return names
    return []


def may_be_byline(text: str) -> bool:
    """Tell whether a text node holds a byline word and is short enough to be in a byline.

    A node longer than a byline makes its element, and every element above it, too long:
    skipping it spares reading the text of the large containers around long paragraphs.
    """
    if len(text) > MAX_BYLINE_CHARS and len(" ".join(text.split())) > MAX_BYLINE_CHARS:
        return False
    return BYLINE_WORD.search(text) is not None


def read_around(start: HtmlElement, seen: set[HtmlElement]) -> list[str]:
    """Return the byline names held by an element holding a byline word, or its parent."""
    el: HtmlElement | None = start
    for _ in range(BYLINE_LEVELS):
        if el is None or el in seen:
            break
        seen.add(el)
        text = " ".join(el.text_content().split())
        if len(text) > MAX_BYLINE_CHARS:
            break
        names = match_lines(element_lines(el)) if BYLINE_WORD.search(text) else []
        if names and not is_discarded(el):
            return names
        el = el.getparent()
    return []


def match_lines(lines: list[str]) -> list[str]:
    """Return the names of the first line that reads as a byline.

    A byline ends at its line break ("Von Roland Brockmann und Sebastian Drescher<br>
    Kakuma/Kenia"); a rule of dashes may lead it ("---- by Kenneth Surin").
    """
    for line in lines:
        text = line.lstrip("-–—•·*|> ")
        names = match_byline(text) if text[:1].isalnum() else []
        if names:
            return names
    return []
