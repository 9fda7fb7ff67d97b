"""Table-driven checks of pre-cleaning, author cleaning, dates and the no-network rule."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from lxml.html import HtmlElement, tostring

from cleaners.config import Config
from cleaners.html import extract_html
from cleaners.html.extract import extract_paragraphs
from cleaners.html.parse import parse_html
from cleaners.html.preclean import match_attribute_value, preclean_tree
from cleaners.metadata.authors import read_byline_authors, split_authors
from cleaners.metadata.html_dates import normalize_date
from tests.test_html_golden import load

# (html fragment inside <body>, rule expected or None when it must stay, text to look for)
PRECLEAN_CASES = [
    ('<div class="social-share-bar"><a>Facebook</a><a>Twitter</a></div>', "share", "Facebook"),
    ('<aside class="related-stories"><a>Other story</a></aside>', "related", "Other story"),
    ('<div id="cookie-banner">We use cookies.</div>', "cookie", "We use cookies"),
    ('<div class="newsletter-signup">Get our newsletter</div>', "subscribe", "Get our newsletter"),
    ("<figure><img src=x><figcaption>Photo: AP</figcaption></figure>", "photo_credit", "Photo: AP"),
    ("<svg><title>icon-facebook</title></svg><p>Body text.</p>", "icon_run", "icon-facebook"),
    ('<div style="display: none">Hidden menu</div>', "hidden", "Hidden menu"),
    ("<nav><a>Home</a><a>World</a></nav>", "navigation", "Home"),
    ('<div class="ad-slot">Advertisement</div>', "ad", "Advertisement"),
    # article structure stays even when its class sounds like chrome
    ('<h2 class="share-heading">Why shares fell</h2>', None, "Why shares fell"),
    ('<table class="social-stats"><tr><td>42 votes</td></tr></table>', None, "42 votes"),
    ('<blockquote class="related">A quoted line.</blockquote>', None, "A quoted line"),
    ('<ul class="share-facts"><li>Plain fact one</li><li>Plain fact two</li></ul>', None, "fact"),
    # a paywall wrapper holds the story itself on financial sites
    ('<div class="paywall"><p>The story text itself.</p></div>', None, "story text"),
    # ... and a subscription wrapper on regional papers, even with a survey script inside
    (
        '<div id="subscription-replace-entire-article">'
        + "<p>The woman was walking along Station Street shortly after noon when a car hit "
        "her, police said.</p>"
        * 3
        + "<script>var survey = 'x'.repeat(10); console.log('Showing survey directly');</script>"
        + "</div>",
        None,
        "walking along",
    ),
    # Adobe Experience Manager's text component: "cmp" is not a consent platform here
    (
        '<div class="cmp-text">'
        + "<p>A heat pump works best with a low flow temperature in the radiators of an "
        "older house.</p>" * 3 + "</div>",
        None,
        "heat pump",
    ),
    # a consent dialog of several long paragraphs still goes
    (
        '<div class="cmp-banner">'
        + "<p>We and our partners use cookies to store and access data on your device.</p>" * 3
        + "</div>",
        "cookie",
        "our partners use cookies",
    ),
    # a newsletter pitch of sentences, most of its text not paragraphs, still goes
    (
        '<div class="newsletter-box"><h3>Get the best of the week in your inbox every '
        "Friday morning, free, from our editors and reporters</h3>"
        + "<p>Sign up for our newsletter and never miss a story from our newsroom.</p>" * 3
        + "<button>Subscribe now and get the first issue today at no cost</button>"
        + "<small>You can unsubscribe at any time by following the link in every email we "
        "send you, and we never share your address with anyone else at all.</small></div>",
        "subscribe",
        "Sign up for our newsletter",
    ),
    (
        '<div class="social-content">' + "<p>" + "Long article text. " * 50 + "</p></div>",
        None,
        "Long article text",
    ),
]


@pytest.mark.parametrize(("fragment", "rule", "text"), PRECLEAN_CASES)
def test_preclean_table(fragment: str, rule: str | None, text: str) -> None:
    tree = parse_html(f"<html><body><main><p>Intro.</p>{fragment}</main></body></html>")
    assert tree is not None
    removed = preclean_tree(tree)
    remaining = tree.text_content()
    if rule is None:
        assert text in remaining
        assert not removed
    else:
        assert text not in remaining
        assert any(r.rule == rule and text in r.text for r in removed)


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
        ("Von Anna Müller, Redakteurin", ["Anna Müller"]),
        ("John Walk - January 10, 2020", ["John Walk"]),
        ("https://www.facebook.com/someone", []),
        ("Jane Doe | Staff Writer", ["Jane Doe"]),
        # author boxes glue labels, link words, handles and weekdays to the name
        ("AuthorAndreas Kalt", ["Andreas Kalt"]),
        ("Johanna Kropfitsch Alle Artikel", ["Johanna Kropfitsch"]),
        ("Interview: Julia Lauter", ["Julia Lauter"]),
        ("Williams Perdomo @wperdomod", ["Williams Perdomo"]),
        ("Tomas Spahn Fr", ["Tomas Spahn"]),
        ("Posted on", []),
    ],
)
def test_split_authors(byline: str, names: list[str]) -> None:
    assert split_authors(byline) == names


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2019-11-20T05:47:00+00:00", "2019-11-20T05:47:00+00:00"),
        ("2019-11-20", "2019-11-20"),
        ("2020-09-29 22:40:00", "2020-09-29T22:40:00"),
        ("Wed, 20 Nov 2019 05:47:00 GMT", "2019-11-20T05:47:00+00:00"),
        ("not a date", None),
        ("0001-01-01T00:00:00", None),
    ],
)
def test_normalize_date(raw: str, iso: str | None) -> None:
    assert normalize_date(raw) == iso


BYLINE_PAGE = (
    "<html><body class='single has-sidebar'><article><h1>Headline</h1>"
    "<p class='date-author'><span class='author'>Von Lea Berg</span></p><p>Story.</p>"
    "<div class='comment-list'><span class='comment-author'>Max Troll</span></div>"
    "</article></body></html>"
)


def test_byline_skips_comment_authors() -> None:
    tree = parse_html(BYLINE_PAGE)
    assert tree is not None
    assert read_byline_authors(tree) == ["Lea Berg"]


# Pages that once crashed the HTML path (lxml fragment parsing of readability's output).
ODD_PAGES = [
    "<html><head><title>t</title></head></html>",
    "<frameset><frame src=x></frameset>",
    "\x00\x01<p>text</p>",
    "plain words without any markup " * 20,
    "<html><body><article></article><div>" + "abc " * 300 + "</div></body></html>",
    "<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
]


@pytest.mark.parametrize("html", ODD_PAGES)
def test_odd_pages_do_not_crash(html: str) -> None:
    result = extract_html(html, None, Config())
    assert isinstance(result.paragraphs, list)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("html", ["https://example.com/", "http://example.com/page.html"])
def test_url_like_input_is_never_fetched(html: str) -> None:
    result = extract_html(html, html, Config())
    assert result.paragraphs == [] or all("example.com" in p for p in result.paragraphs)


@pytest.mark.usefixtures("no_network")
def test_real_page_needs_no_network() -> None:
    result = extract_html(load("d48aeb9cf2"), "https://www.wired.com/story/x/", Config())
    assert len(result.paragraphs) > 10
    assert result.metadata.published is not None


@pytest.mark.parametrize(
    ("raw", "rule"),
    [
        ("social-share-bar", "share"),
        ("shareBar", "share"),
        ("newsletter share", "subscribe"),  # the rule listed first wins, whatever the order
        ("share newsletter", "subscribe"),
        ("relatedLinks adslot", "related"),
        ("ad-unit", "ad"),
        ("cookiebanner", "cookie"),  # prefix rule: a compound token
        ("shareholders", None),  # a word that only starts like a token
        ("admin-panel", None),
        ("adventure", None),  # not a prefix rule: "ad" must match whole
        ("article-body", None),
        ("node node-article node-promoted", None),  # Drupal's promoted-to-front-page node
        ("promo-box", "subscribe"),
    ],
)
def test_match_attribute_value(raw: str, rule: str | None) -> None:
    assert match_attribute_value(raw) == rule


def test_parser_makes_plain_html_elements() -> None:
    tree = parse_html("<html><body><form><input name=q><label>Go</label></form></body></html>")
    assert tree is not None
    assert {type(el) for el in tree.iter()} == {HtmlElement}
    assert tree.text_content() == "Go"


def test_extraction_leaves_the_tree_unchanged() -> None:
    html = load("8b194530308204139d9c8f7d495a26b117c78756ac1802cfc3c0a8bfdf2c0d50")
    tree = parse_html(html)
    assert tree is not None
    before = tostring(tree)
    assert extract_paragraphs(tree, favor_precision=False)
    assert tostring(tree) == before


# (body markup, names the visible byline must give)
BYLINE_CASES = [
    ('<div itemprop="author"><span itemprop="name">Lea Berg</span> Redaktion</div>', ["Lea Berg"]),
    ('<p>Text <a rel="author" href="/u/1">Max Frisch</a></p>', ["Max Frisch"]),
    ('<h3 class="AuthorName">Jane Doe</h3>', ["Jane Doe"]),
    ('<span class="username">Olga</span>', ["Olga"]),
    ('<div id="byline-main">By John Smith</div>', ["John Smith"]),
    # an author-name class outranks a byline class that comes first
    ('<div class="byline">By Anna Alt</div><b class="author-name">Ben Neu</b>', ["Ben Neu"]),
    # look-alikes: a section element, a class that only contains "username"
    ('<section class="author">Carl Klein</section>', []),
    ('<span class="usernames">Dora Groß</span>', []),
    ('<a rel="authors">Emil Zorn</a>', []),
]


@pytest.mark.parametrize(("body", "names"), BYLINE_CASES)
def test_read_byline_authors(body: str, names: list[str]) -> None:
    tree = parse_html(f"<html><body><main>{body}<p>Story.</p></main></body></html>")
    assert tree is not None
    assert read_byline_authors(tree) == names
