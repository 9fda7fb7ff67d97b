"""A person named by the page's copyright notice ("(c) Johannes Wolf • Weitere Rechte ...")."""

from __future__ import annotations

import logging
import re

from lxml.html import HtmlElement

from cleaners.metadata.authors import clean_authors, looks_like_names
from cleaners.metadata.site_names import names_site
from cleaners.metadata.text_nodes import TextNode, read_text_nodes

logger = logging.getLogger(__name__)

# Personal sites and one-person blogs sign every page in the footer, and print no byline.
# The notice: a mark, an optional year span, and the holder up to a separator or the
# rights clause.
NOTICE = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?[\s,]*"
    r"(?:by\s+)?(?P<holder>[^|•·,;:()/\d]{3,60}?)\s*"
    r"(?:$|[|•·,;:(/]|\s[-–]\s|\ball\s+rights|\balle\s+rechte|\bweitere\s+rechte|"
    r"\btous\s+droits|\btodos\s+los\s+derechos)",
    re.IGNORECASE,
)
MARK = re.compile(r"©|\(c\)|\bcopyright\b", re.IGNORECASE)
# Notices inside these are picture credits, not the site's (class/id words starting so).
CREDIT_MARKS = ("image", "img", "photo", "foto", "bild", "media", "caption", "credit", "figure")
CREDIT_TAGS = frozenset({"figure", "figcaption", "picture"})
PAGE_TAGS = frozenset({"body", "html", "main", "article"})
# Words of company, media and institution names, which hold the copyright of most sites.
ORGANISATION = re.compile(
    r"\b(?:gmbh|ag|inc|llc|ltd|lp|plc|sa|spa|sas|ev|kg|co|corp|corporation|company|"
    r"groups?|gruppe|media|medien|verlag|press|news|networks?|zeitung|magazine?|team|"
    r"redaktion|times|post|daily|journal|tribune|herald|radio|tv|rundfunk|fernsehen|online|"
    r"digital|studios?|agentur|agency|software|systems|solutions|services|holding|design|"
    r"photography|fotografie|consulting|partners?|"
    r"international|foundation|association|society|club|bund|bundes\w*|ministerium|"
    r"ministry|institut\w*|universit\w*|stiftung|verein|verband|all|rights)\b",
    re.IGNORECASE,
)
# A word with a capital inside it is a brand ("KulturKaufhaus"), not a person's name.
BRAND_WORD = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ]")
MAX_NOTICE_CHARS = 200
MAX_DEPTH = 8


def read_copyright_holder(
    tree: HtmlElement, site: str | None = None, nodes: list[TextNode] | None = None
) -> list[str]:
    """Return the person the page's last copyright notice names, if it names one."""
    last: str | None = None
    for text, owner in nodes if nodes is not None else read_text_nodes(tree):
        if not has_mark(text) or is_credit(owner):
            continue
        whole = " ".join(owner.text_content().split())
        last = whole if len(whole) <= MAX_NOTICE_CHARS else " ".join(text.split())
    if last is None:
        return []
    return person_of(last, site)


def person_of(notice: str, site: str | None) -> list[str]:
    """Return the holder of a notice when it is a person's name."""
    found = NOTICE.search(notice)
    if found is None:
        return []
    holder = found.group("holder").strip(" .-–")
    if "." in holder or ORGANISATION.search(holder) or BRAND_WORD.search(holder):
        return []
    names = clean_authors([holder])
    words = names[0].split() if len(names) == 1 else []
    if not 2 <= len(words) <= 3 or any(len(w) < 2 for w in words):
        return []
    if not looks_like_names(names):
        return []
    return [] if names_site(names[0], site) else names


def is_credit(el: HtmlElement) -> bool:
    """Tell whether a notice sits in a picture or its caption."""
    for depth, node in enumerate((el, *el.iterancestors())):
        if depth > MAX_DEPTH or node.tag in PAGE_TAGS:
            break
        if node.tag in CREDIT_TAGS:
            return True
        marks = f"{node.get('class', '')} {node.get('id', '')}".lower().split()
        if any(mark.startswith(CREDIT_MARKS) for mark in marks):
            return True
    return False


def has_mark(text: str) -> bool:
    """Tell whether a text node holds a copyright mark; substring tests spare the regex."""
    if "©" not in text and "(" not in text and "opyright" not in text.lower():
        return False
    return MARK.search(text) is not None
