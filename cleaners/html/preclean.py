"""Remove page chrome from a parsed tree before main-text extraction, recording each removal."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import lru_cache

from lxml.html import HtmlElement

from cleaners.html import selectors as sel
from cleaners.records import Removal

logger = logging.getLogger(__name__)

# The tokens of a class/id word: its runs of lower-case letters and digits, and all of
# them joined ("social-share_bar" -> social, share, bar, socialsharebar). Upper-case
# letters separate tokens and are dropped with them ("shareBar" -> share, ar, sharear).
TOKEN = re.compile(r"[a-z0-9]+")
# What joining a word's tokens removes; whitespace stays, to keep the words apart.
BETWEEN_TOKENS = re.compile(r"[^a-z0-9\s]+")
# A removed element's text is kept in the log up to this length.
LOG_CHARS = 200
# Elements with more non-link text than this and few links are article text whatever
# their class says (a news site wrapping the story in <div class="social-content">).
CONTENT_CHARS = 600
CONTENT_LINK_DENSITY = 0.3
# Consent and subscription dialogs can carry long legal text, so they get a higher bar.
DIALOG_CONTENT_CHARS = 2000
# Lists with this share of linked text are link rails, not article lists.
LIST_LINK_DENSITY = 0.6
# An element holding more than this share of the page's text is the page, whatever its
# class says (a Danish news site's main container carries a "follow_banner" class).
PAGE_SHARE = 0.5
# A subscription wrapper can hold the story itself (UK regional papers wrap the article in
# "subscription-replace-entire-article"), and "cmp" names Adobe Experience Manager's text
# components ("cmp-text") as well as consent platforms. Such an element is the article
# when most of its text is at least this many paragraphs that read as sentences; for a
# consent match, only if its text never speaks of cookies or consent (banners do).
ARTICLE_PARAGRAPHS = 3
ARTICLE_PARAGRAPH_CHARS = 80
ARTICLE_SHARE = 0.7
SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", "»", "。")
CONSENT_TALK = re.compile(r"cookie|consent|gdpr|rgpd|dsgvo|datenschutz|privacy", re.IGNORECASE)


def split_tokens(raw: str) -> list[str]:
    """Return the tokens of every word of a class/id string (with repeats)."""
    tokens: list[str] = TOKEN.findall(raw)
    # A one-token word joins to that token again, which changes no match.
    tokens += BETWEEN_TOKENS.sub("", raw).split()
    return tokens


# Tag -> chrome rule, and class/id token -> index of the first rule naming it exactly.
TAG_RULE = {tag: rule for rule, tags in reversed(sel.TAG_RULES) for tag in tags}
EXACT_RULE = {
    token: index
    for index, (_, names) in reversed(list(enumerate(sel.TOKEN_RULES)))
    for token in names
}
# One alternative per prefix rule, in rule order: the first one matching names the
# earliest rule whose token starts the class token.
PREFIX_RULE = re.compile(
    "|".join(
        f"(?P<r{index}>{'|'.join(map(re.escape, names))})"
        for index, (rule, names) in enumerate(sel.TOKEN_RULES)
        if rule in sel.PREFIX_RULES
    )
)
NO_RULE = len(sel.TOKEN_RULES)


@lru_cache(maxsize=1 << 15)
def match_attribute_value(raw: str) -> str | None:
    """Return the chrome rule named by a class/id string; cached, as templates repeat them.

    Of the rules that any token names (exactly, or as a prefix for prefix rules), the
    one listed first in selectors.TOKEN_RULES wins.
    """
    best = min(map(match_token, split_tokens(raw)), default=NO_RULE)
    return sel.TOKEN_RULES[best][0] if best < NO_RULE else None


@lru_cache(maxsize=1 << 15)
def match_token(token: str) -> int:
    """Return the index of the first rule naming a token (NO_RULE if none); cached.

    Class strings are mostly new on each site, their tokens mostly not ("col", "md",
    "container"), so caching tokens saves most of the work on a page's first sight.
    """
    best = EXACT_RULE.get(token, NO_RULE)
    if token not in sel.PREFIX_EXCEPTIONS:
        found = PREFIX_RULE.match(token)
        if found is not None and found.lastgroup is not None:
            best = min(best, int(found.lastgroup[1:]))
    return best


def match_rule(el: HtmlElement) -> str | None:
    """Return the chrome rule that matches an element, or None to keep it.

    A hidden element (attribute or inline style) is "hidden" whatever its role, a role
    wins over class and id, and protected tags are matched by neither class nor id.
    """
    tag = el.tag
    rule = TAG_RULE.get(tag)
    if rule is not None:
        return rule
    # One call reads all attributes: each lxml attribute lookup costs as much as this.
    cls = ident = ""
    role = None
    for name, value in el.items():
        if name == "class":
            cls = value
        elif name == "id":
            ident = value
        elif name == "hidden" or (name == "aria-hidden" and value == "true"):
            return "hidden"
        elif name == "style":
            style = value.replace(" ", "").lower()
            if any(s in style for s in sel.HIDDEN_STYLE):
                return "hidden"
        elif name == "role":
            role = value
    if role in sel.ROLE_RULES:
        return sel.ROLE_RULES[role]
    if tag in sel.PROTECTED_TAGS and tag not in ("ul", "ol"):
        return None
    raw = f"{cls} {ident}".strip()
    return match_attribute_value(raw) if raw else None


def fold_text(el: HtmlElement) -> str:
    """Return an element's text with whitespace runs folded to single spaces."""
    return " ".join(el.text_content().split())


def links_reach(el: HtmlElement, total: int, share: float) -> bool:
    """Tell whether links hold at least a share of an element's text (of length total).

    Link texts are measured only until the share is reached: menus are all links.
    """
    if not total:
        return False
    linked = 0
    for a in el.iter("a"):
        linked += len(fold_text(a))
        if min(1.0, linked / total) >= share:
            return True
    return False


def chrome_text(el: HtmlElement, rule: str, page_chars: Callable[[], int]) -> str | None:
    """Return the text of an element a rule matched if it is chrome, None if it is content.

    The text is read once, both to judge the element and to log its removal.
    """
    if el.tag in ("svg", "symbol", "figcaption"):
        return fold_text(el)
    if el.tag in ("html", "body", "main", "article"):
        return None
    if next(el.iterdescendants("h1", "article"), None) is not None:
        return None
    text = fold_text(el)
    total = len(text)
    if total > CONTENT_CHARS and total > PAGE_SHARE * page_chars():
        return None
    if el.tag in ("ul", "ol"):
        return text if links_reach(el, total, LIST_LINK_DENSITY) else None
    consent_free = rule == "cookie" and not CONSENT_TALK.search(text)
    if (rule == "subscribe" or consent_free) and holds_article(el, total):
        return None
    limit = DIALOG_CONTENT_CHARS if rule in ("cookie", "subscribe", "hidden") else CONTENT_CHARS
    # Links are measured only for long elements: most chrome is short and goes anyway.
    if total > limit and not links_reach(el, total, CONTENT_LINK_DENSITY):
        return None
    return text


def holds_article(el: HtmlElement, total: int) -> bool:
    """Tell whether sentence paragraphs make up most of an element's text (of length total).

    Script and style text inside the element (an inline survey or ad loader) is not text
    a reader sees, so it does not count.
    """
    long = 0
    chars = 0
    for p in el.iter("p"):
        text = fold_text(p)
        if len(text) >= ARTICLE_PARAGRAPH_CHARS and text.endswith(SENTENCE_ENDS):
            long += 1
            chars += len(text)
    if long < ARTICLE_PARAGRAPHS:
        return False
    code = sum(len(fold_text(node)) for node in el.iter("script", "style"))
    return chars >= ARTICLE_SHARE * (total - code)


def preclean_tree(tree: HtmlElement) -> list[Removal]:
    """Drop chrome elements from the tree in place and return what was removed."""
    removed: list[Removal] = []
    body = tree.find("body")
    root = body if body is not None else tree
    doomed: list[HtmlElement] = []
    # Only a long chrome match needs the page's size, so it is measured at most once, late.
    page: list[int] = []

    def page_chars() -> int:
        if not page:
            page.append(len(fold_text(root)))
        return page[0]

    stack = list(root)
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue
        rule = match_rule(el)
        if rule is not None:
            text = chrome_text(el, rule, page_chars)
            if text is not None:
                doomed.append(el)
                if text:
                    removed.append(Removal(rule, text[:LOG_CHARS]))
                continue
        stack.extend(el)
    for el in doomed:
        drop_element(el)
    logger.debug("pre-clean removed %d elements", len(doomed))
    return removed


def drop_element(el: HtmlElement) -> None:
    """Remove an element and its subtree, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    el.drop_tree()
