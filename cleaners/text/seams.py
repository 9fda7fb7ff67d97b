"""Find the seams where lxml's text_content() glued text nodes with no separator."""

from __future__ import annotations

import re
from itertools import pairwise

# lxml dumps fuse neighbouring nodes: "Get short URLA cyclist", "... youSubscribe",
# "...find out more.Accept cookies", "НовостиМодаКрасота", "24 сентября 2018Наши".
SENTENCE_END = ".!?…”»"
MIN_PIECE = 2
# Never cut inside URLs, e-mail addresses, handles or file names ("amzn.to/2iJFhRj").
LINK_MARKS = ("/", "@", "_", "=", "www.", "http")
# Cheap pre-check: a capital letter glued to the character before it. The capital comes
# first in the pattern, so the regex engine skips ahead to capitals.
GLUE_HINT = re.compile(
    r"[A-ZА-ЯЁ](?:(?<=[^\s\W_A-Z][A-ZА-ЯЁ])|(?<=[.!?…”»][A-ZА-ЯЁ])|(?=[A-ZА-ЯЁ][a-zа-яё]{2}))"
)
# Every character for which str.isupper() holds matches this (and so do others, which
# find_seams checks): letters other than common lowercase and unspaced-script ones, and
# the circled or squared capitals, which are symbols.
UPPER_CANDIDATE = re.compile(
    r"[^\W\d_a-zß-öø-ÿα-ωа-яё\u3040-\u9fff\uac00-\ud7af]|[\u24b6-\u24cf\U0001f130-\U0001f189]"
)
# Words that carry an inner capital by name, not by glue: a one-letter lowercase prefix
# ("iPhone", "eBay", "iOS") and the Gaelic patronymics ("McDonald", "MacArthur", "MacBook").
NAME_PREFIXES = frozenset({"Mc", "Mac"})
# In ASCII text these are the only capitals.
_ASCII_CAPITAL = re.compile(r"[A-Z]")


def find_seams(text: str) -> list[int]:
    """Return the offsets where a glued line should be cut."""
    if not GLUE_HINT.search(text):
        return []
    seams: list[int] = []
    n = len(text)
    capital = _ASCII_CAPITAL if text.isascii() else UPPER_CANDIDATE
    for match in capital.finditer(text, 1, n - 1):
        i = match.start()
        cur = text[i]
        if not cur.isupper():
            continue
        prev = text[i - 1]
        nxt = text[i + 1]
        if prev.islower():
            ok = not _is_name_prefix(text, i)
        elif prev in SENTENCE_END:
            # "more.Accept" but not "U.S.A" or "Ph.D": a real word must end at the mark.
            ok = i >= 3 and text[i - 2].islower() and text[i - 3].islower()
        elif prev.isdigit():
            ok = nxt.islower()
        elif prev.isupper():
            # "RTQuestion": an acronym followed by a capitalised word.
            ok = nxt.islower() and i + 2 < n and text[i + 2].islower() and _has_upper_run(text, i)
        else:
            ok = False
        if ok and _in_link(text, i):
            ok = False
        if ok and (not seams or i - seams[-1] >= MIN_PIECE) and i >= MIN_PIECE:
            seams.append(i)
    return seams


def split_seams(text: str) -> list[str]:
    """Cut a glued line into its pieces; joining them with '' gives the line back."""
    seams = find_seams(text)
    if not seams:
        return [text]
    bounds = [0, *seams, len(text)]
    return [text[a:b] for a, b in pairwise(bounds)]


def _has_upper_run(text: str, i: int) -> bool:
    """Tell whether at least two capitals come right before offset ``i``."""
    return i >= 2 and text[i - 1].isupper() and text[i - 2].isupper()


def _is_name_prefix(text: str, i: int) -> bool:
    """Tell whether the letters before offset ``i`` are a prefix of one word, not a word."""
    start = i - 1
    while start > 0 and text[start - 1].isalpha() and i - start <= 3:
        start -= 1
    if start > 0 and text[start - 1].isalpha():
        return False
    return i - start == 1 or text[start:i] in NAME_PREFIXES


def _in_link(text: str, i: int) -> bool:
    """Tell whether offset ``i`` sits inside a URL, handle or code-like token."""
    start = text.rfind(" ", 0, i) + 1
    end = text.find(" ", i)
    token = text[start : end if end >= 0 else len(text)]
    return any(mark in token for mark in LINK_MARKS)
