"""Remove page chrome from a parsed tree before main-text extraction, recording each removal."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import cache, lru_cache

from lxml.html import HtmlElement

from cleaners.html import selectors as sel
from cleaners.records import Removal

logger = logging.getLogger(__name__)

# Splits class/id values into tokens: separators and camelCase humps ("shareBar" -> share, bar).
TOKEN_SPLIT = re.compile(r"[^a-z0-9]+|(?<=[a-z])(?=[A-Z])")
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


def split_tokens(value: str) -> list[str]:
    """Split a class or id attribute into lower-case tokens."""
    parts = TOKEN_SPLIT.split(value)
    tokens = [p.lower() for p in parts if p]
    if len(tokens) > 1:
        tokens.append("".join(tokens))
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


@lru_cache(maxsize=8192)
def match_attribute_value(raw: str) -> str | None:
    """Return the chrome rule named by a class/id string; cached, as templates repeat them.

    Of the rules that any token names (exactly, or as a prefix for prefix rules), the
    one listed first in selectors.TOKEN_RULES wins.
    """
    best = NO_RULE
    for word in raw.split():
        for token in split_tokens(word):
            best = min(best, EXACT_RULE.get(token, NO_RULE))
            if token not in sel.PREFIX_EXCEPTIONS:
                found = PREFIX_RULE.match(token)
                if found is not None and found.lastgroup is not None:
                    best = min(best, int(found.lastgroup[1:]))
    return sel.TOKEN_RULES[best][0] if best < NO_RULE else None


def match_rule(el: HtmlElement) -> str | None:
    """Return the chrome rule that matches an element, or None to keep it."""
    tag = el.tag
    rule = TAG_RULE.get(tag) if isinstance(tag, str) else None
    if rule is not None:
        return rule
    attrib = el.attrib
    if not attrib:
        return None
    if attrib.get("hidden") is not None or attrib.get("aria-hidden") == "true":
        return "hidden"
    style = attrib.get("style", "").replace(" ", "").lower()
    if style and any(s in style for s in sel.HIDDEN_STYLE):
        return "hidden"
    role = attrib.get("role")
    if role in sel.ROLE_RULES:
        return sel.ROLE_RULES[role]
    if tag in sel.PROTECTED_TAGS and tag not in ("ul", "ol"):
        return None
    raw = f"{attrib.get('class', '')} {attrib.get('id', '')}".strip()
    return match_attribute_value(raw) if raw else None


def measure_text(el: HtmlElement) -> tuple[int, float]:
    """Return an element's text length and the share of it inside links."""
    total = len(" ".join(el.text_content().split()))
    if not total:
        return 0, 0.0
    linked = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
    return total, min(1.0, linked / total)


def is_content(el: HtmlElement, rule: str, page_chars: Callable[[], int]) -> bool:
    """Tell whether an element matched by a rule still looks like article content."""
    if el.tag in ("svg", "symbol", "figcaption"):
        return False
    if el.tag in ("html", "body", "main", "article"):
        return True
    if next(el.iterdescendants("h1", "article"), None) is not None:
        return True
    total, density = measure_text(el)
    if total > CONTENT_CHARS and total > PAGE_SHARE * page_chars():
        return True
    if el.tag in ("ul", "ol"):
        return density < LIST_LINK_DENSITY
    limit = DIALOG_CONTENT_CHARS if rule in ("cookie", "subscribe", "hidden") else CONTENT_CHARS
    return total > limit and density < CONTENT_LINK_DENSITY


def preclean_tree(tree: HtmlElement) -> list[Removal]:
    """Drop chrome elements from the tree in place and return what was removed."""
    removed: list[Removal] = []
    body = tree.find("body")
    root = body if body is not None else tree
    doomed: list[tuple[HtmlElement, str]] = []
    # Only a long chrome match needs the page's size, so it is measured at most once, late.
    page_chars = cache(lambda: len(" ".join(root.text_content().split())))
    stack = list(root)
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue
        rule = match_rule(el)
        if rule is not None and not is_content(el, rule, page_chars):
            doomed.append((el, rule))
            continue
        stack.extend(el)
    for el, rule in doomed:
        text = " ".join(el.text_content().split())
        if text:
            removed.append(Removal(rule, text[:LOG_CHARS]))
        drop_element(el)
    logger.debug("pre-clean removed %d elements", len(doomed))
    return removed


def drop_element(el: HtmlElement) -> None:
    """Remove an element and its subtree, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    el.drop_tree()
