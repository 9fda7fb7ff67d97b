"""Which rule an element's tag and attributes name, and which wins when several do."""

from __future__ import annotations

import pytest

from cleaners.html.parse import parse_html
from cleaners.html.preclean import match_attribute_value, match_rule

# (element markup, rule expected or None)
CASES = [
    ("<nav class='article-body'>x</nav>", "navigation"),  # the tag wins over class
    ("<div class='share' hidden>x</div>", "hidden"),  # hidden wins over class
    ("<div role='navigation' aria-hidden='true'>x</div>", "hidden"),  # and over role
    ("<div role='complementary' style='display: none'>x</div>", "hidden"),
    ("<div style='visibility:hidden' class='related'>x</div>", "hidden"),
    ("<div aria-hidden='false' class='related'>x</div>", "related"),
    ("<div role='contentinfo' class='share'>x</div>", "footer"),  # role wins over class
    ("<div role='main' class='share'>x</div>", "share"),  # a role that names no rule
    ("<p class='share'>x</p>", None),  # protected tags ignore class and id
    ("<ul class='share'><li>x</li></ul>", "share"),  # lists do not
    ("<p hidden>x</p>", "hidden"),  # but a hidden paragraph is hidden
    ("<span id='cookie-notice' class='x'>x</span>", "cookie"),
    ("<span>x</span>", None),
]


@pytest.mark.parametrize(("markup", "rule"), CASES)
def test_match_rule(markup: str, rule: str | None) -> None:
    tree = parse_html(f"<html><body>{markup}</body></html>")
    assert tree is not None
    body = tree.find("body")
    assert body is not None
    assert match_rule(body[0]) == rule


@pytest.mark.parametrize(
    ("raw", "rule"),
    [
        # upper-case letters separate tokens and are dropped: "hare", "ar", "harear"
        ("ShareBar", None),
        ("Social-share", "share"),  # "ocial", "share", "ocialshare"
        ("sha-re", "share"),  # the joined token
        ("col-md-8 cookie\u00a0bar", "cookie"),  # any whitespace separates words
        ("x  y\tshare-bar", "share"),
        ("", None),
    ],
)
def test_match_attribute_value_tokens(raw: str, rule: str | None) -> None:
    assert match_attribute_value(raw) == rule
