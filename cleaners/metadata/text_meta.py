"""Lift title, dates, authors and site name out of the lines of a plain-text dump."""

from __future__ import annotations

import re
from functools import lru_cache

from cleaners.metadata.dates import find_date, is_valid_year
from cleaners.records import Metadata

# A <title> line carries the site after a spaced separator: "Headline - SlashGear".
TITLE_SEPARATOR = re.compile(r"\s+[|–—\-:·•»«]{1,2}\s+")
MAX_TITLE_WORDS = 30
# Dateline prefixes ("Published 3 May", "Last modified on Tue 28 Jul 2026").
DATE_PREFIX = re.compile(
    r"^(published|updated|last (modified|updated)|posted|posted on|created|first published|date"
    r"|publicado|atualizado|veröffentlicht|aktualisiert|pubblicato|diterbitkan|опубликовано"
    r"|обновлено)\b(\s+(on|at|em|am|il|le|el))?\s*:?\s*",
    re.IGNORECASE,
)
MODIFIED_CUE = re.compile(r"\b(updated|modified|atualizado|aktualisiert|обновлено)\b", re.I)
# The words a byline opens with (text/stamps.py's pre-check reads them too).
BYLINE_WORDS = "by|von|por|par|di|oleh|text|texto|автор|текст"
BYLINE = re.compile(rf"^({BYLINE_WORDS})\s*:?\s+(?P<names>.+)$", re.I)
# Site clocks and datelines mark the end of the header; this is how far around the
# headline a dateline or byline is looked for.
WINDOW = 8
AFTER_HEADLINE = 3
# A quoted tweet's signature ("— Jane Doe (@janedoe) March 3, 2019") is content.
TWEET_SIGNATURE = re.compile(r"\(@\w+\)|^[—–-]\s")
_PUNCT = re.compile(r"[^\w\s]")
# Separators left around a date once it is cut out of its line.
_DATE_EDGES = " ,|-–—/·"
NAME_SPLIT = re.compile(r"\s*(?:,|·|\||/|\band\b|\bund\b|\bet\b|\be\b|&)\s*")
NAME_STOP = frozenset(
    {
        "reuters",
        "ap",
        "afp",
        "ians",
        "pti",
        "ani",
        "dpa",
        "reporter",
        "writer",
        "staff",
        "editor",
        "correspondent",
    }
)


def extract_text_metadata(lines: list[str], body_start: int) -> tuple[Metadata, dict[int, str]]:
    """Find metadata lines near the article start; return it and the lines to lift."""
    meta = Metadata()
    lifted: dict[int, str] = {}
    head = _find_headline(lines, body_start, meta, lifted)
    anchor = head if head is not None else body_start
    for i in range(max(0, anchor - WINDOW), min(len(lines), anchor + AFTER_HEADLINE + 1)):
        if i in lifted or not lines[i]:
            continue
        _read_dateline(lines[i], i, anchor, meta, lifted)
    return meta, lifted


def _find_headline(
    lines: list[str], body_start: int, meta: Metadata, lifted: dict[int, str]
) -> int | None:
    """Find the headline (and a <title>-like first line); return the headline index."""
    if not lines:
        return None
    first = lines[0]
    title_part: str | None = None
    if (
        first
        and 2 <= len(first.split()) <= MAX_TITLE_WORDS
        and first[-1] not in ".!?"
        and find_date(first) is None
    ):
        parts = TITLE_SEPARATOR.split(first)
        if len(parts) > 1 and len(parts[-1].split()) <= 5:
            title_part = (
                TITLE_SEPARATOR.split(first)[0]
                if len(parts) == 2
                else first.rsplit(TITLE_SEPARATOR.findall(first)[-1], 1)[0]
            )
            meta.site = parts[-1].strip()
        else:
            title_part = first
    if title_part is not None:
        key = _norm(title_part)
        first_key = _norm(first) if len(key) > 20 else None
        # Anywhere in the dump: a teaser block or a menu can push the story far below
        # the span the weights found, and its repeated <title> is what marks it.
        for i in range(1, len(lines)):
            line_key = _norm(lines[i])
            if line_key in (key, first_key):
                lifted[0] = "title"
                lifted[i] = "title"
                meta.title = lines[i]
                return i
        if body_start > 0:
            lifted[0] = "title"
            meta.title = title_part.strip()
            return None
    # No <title> line: the headline is the last short unpunctuated line before the body.
    for i in range(body_start, max(-1, body_start - WINDOW), -1):
        if i >= len(lines):
            continue
        text = lines[i]
        if not text:
            continue
        words = len(text.split())
        if 3 <= words <= MAX_TITLE_WORDS and text[-1] not in ".!?:" and find_date(text) is None:
            lifted[i] = "title"
            meta.title = text
            return i
    return None


def _read_dateline(text: str, i: int, anchor: int, meta: Metadata, lifted: dict[int, str]) -> None:
    """Lift a dateline or byline into the metadata when the line is mostly that."""
    by = BYLINE.match(text)
    if by and len(text.split()) <= 12:
        names = _split_names(by["names"])
        found = find_date(by["names"])
        if found:
            names = _split_names(by["names"][: found[1]])
            _set_date(meta, found[0], text)
        if names:
            meta.authors = meta.authors or names
            lifted[i] = "byline"
        return
    found = find_date(text)
    if found is None or len(text.split()) > 14 or TWEET_SIGNATURE.search(text):
        return
    iso, start, end = found
    if not is_valid_year(iso):
        return
    rest = date_rest(text, start, end)
    if i < anchor and "+" in iso[10:] and iso.endswith("+00:00"):
        return  # a site clock in the header ("12:03 GMT, Nov 20, 2019")
    if len(rest.split()) > 5:
        return
    _set_date(meta, iso, text)
    names = _split_names(rest) if rest and not DATE_PREFIX.match(text) else []
    if names and not meta.authors:
        meta.authors = names
    lifted[i] = "dateline"


def date_rest(text: str, start: int, end: int) -> str:
    """Return what a line says beside the date at [start, end), without a dateline prefix."""
    beside = (text[:start] + " " + text[end:]).strip(_DATE_EDGES)
    return DATE_PREFIX.sub("", beside).strip(_DATE_EDGES)


def _set_date(meta: Metadata, iso: str, text: str) -> None:
    """Store a date as published, or as modified when the line says so."""
    if MODIFIED_CUE.search(text) and meta.published is not None:
        meta.modified = meta.modified or iso
    elif meta.published is None:
        meta.published = iso
    else:
        meta.modified = meta.modified or iso


def _split_names(text: str) -> list[str]:
    """Split a byline into 2-4 word names, dropping agency and job words."""
    names = []
    for part in NAME_SPLIT.split(text.strip(" -–—|,")):
        words = [w for w in part.split() if w.casefold() not in NAME_STOP]
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            names.append(" ".join(words))
    return names


@lru_cache(maxsize=1 << 16)
def _norm(text: str) -> str:
    """Casefold and strip a line for headline comparison."""
    return " ".join(_PUNCT.sub(" ", text.casefold()).split())
