"""Bylines written as plain text ("von Anna Berg", "Posted on May 2 by Adi Tzlil")."""

from __future__ import annotations

import logging
import re

from lxml.html import HtmlElement

from cleaners.metadata.authors import clean_authors, is_discarded, looks_like_names

logger = logging.getLogger(__name__)

# A short element whose text ends in "by/von NAME" after nothing or a date line: the byline
# of blogs and regional papers that mark it up with no author class (an <i>von Daniela
# Obers</i> under the teaser, "06.11.2023 13:30 von Olga" on forums, "Posted on September
# 21, 2020 by Adi Tzlil" in WordPress themes, "Auteur : Kossivi Tiassou" on radio sites).
BYLINE_TEXT = re.compile(
    r"^(?P<lead>.{0,60}?\s)?"
    r"(?i:von|by|par|por|door|auteur\s*:|autor\s*:|autorin\s*:|author\s*:|text\s*:)\s+"
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
# Short elements of the kinds that hold bylines; the length test runs inside libxml2.
BYLINE_XPATH = (
    "//body//*[self::p or self::span or self::em or self::i or self::strong or self::b"
    " or self::small or self::div or self::li or self::address]"
    f"[string-length(normalize-space()) <= {MAX_BYLINE_CHARS}]"
)


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


def read_byline_text(tree: HtmlElement) -> list[str]:
    """Return the names from the first short element that reads as a plain-text byline."""
    for el in tree.xpath(BYLINE_XPATH):
        text = " ".join(el.text_content().split())
        if not text or not text[0].isalnum():
            continue
        names = match_byline(text)
        if names and not is_discarded(el):
            return names
    return []
