"""Table-driven checks of the title, author and date rules of the HTML metadata path."""

from __future__ import annotations

import pytest

from cleaners.html.parse import parse_html
from cleaners.metadata.bylines import match_byline
from cleaners.metadata.date_zones import accept_checked_day, find_local_twin
from cleaners.metadata.html_dates import is_swapped_day, normalize_date, read_marked_modified
from cleaners.metadata.html_meta import extract_metadata
from cleaners.metadata.titles import choose_title


def page(head: str, body: str) -> str:
    """Return a small HTML page with the given head and body markup."""
    return f"<html><head>{head}</head><body>{body}</body></html>"


# (head, body, JSON-LD headline, site name, expected title)
TITLE_CASES = [
    # a kicker span inside the h1 is not part of the headline
    (
        '<meta property="og:title" content="Zukunft - Wir dekorieren um">',
        '<article><h1><span class="overline">Zukunft</span>Wir dekorieren um</h1></article>',
        None,
        None,
        "Wir dekorieren um",
    ),
    # a date topline in a <time> inside the h1
    (
        "<title>Ministerin Raab: Neue Ziele - Kanzleramt</title>",
        '<main><h1><span class="supertitle"><time datetime="2022-02-01">1. Februar 2022</time>'
        '</span><span class="title">Ministerin Raab: Neue Ziele</span></h1></main>',
        None,
        None,
        "Ministerin Raab: Neue Ziele",
    ),
    # the blog's name in an h1 loses to the post title in an h2 that og:title confirms
    (
        '<meta property="og:title" content="Ins neue Jahr">'
        "<title>Ins neue Jahr | Gefluester</title>",
        "<div><h1>Gefluester</h1></div><div><h2>Ins neue Jahr</h2></div>",
        None,
        "Gefluester",
        "Ins neue Jahr",
    ),
    # a section label before a separator in the h1
    (
        '<meta property="og:title" content="St. Louis Park elects a new mayor">',
        "<article><h1>Politics | St. Louis Park elects a new mayor</h1></article>",
        None,
        None,
        "St. Louis Park elects a new mayor",
    ),
    # one word that equals a <title> segment is a section name, not the headline
    (
        "<title>Drucker • Etiketten • Service | SASS</title>",
        "<main><h2>Drucker</h2><h1>Drucker und Lösungen vom Experten!</h1></main>",
        None,
        None,
        "Drucker und Lösungen vom Experten!",
    ),
    # no meta title agrees: the article's visible h1 is the title
    (
        '<meta property="og:title" content="Saftiger Zitronenkuchen | Backen">',
        '<article><h1 class="entry-title">Saftiger Zitronenkuchen: einfach köstlich!</h1>'
        "</article>",
        None,
        "Backen",
        "Saftiger Zitronenkuchen: einfach köstlich!",
    ),
    # a live page's updated h1 loses to the headline that JSON-LD and og:title agree on
    (
        '<meta property="og:title" content="The Latest: CureVac signs contract">',
        '<article><h1 class="headline">The Latest: Spain starts vaccinating</h1></article>',
        "The Latest: CureVac signs contract",
        None,
        "The Latest: CureVac signs contract",
    ),
    # entities and soft hyphens from the CMS are decoded and dropped
    (
        "",
        "<div><p>no headings</p></div>",
        "&#8222;Arschloch&#8220;: Mes\u00adsen\u00adger",
        None,
        "\u201eArschloch\u201c: Messenger",
    ),
    # a carousel's h1 is not the page title
    (
        "<title>pix-bavaria</title>",
        '<div class="carousel-inner"><div class="item"><h1>Boarische Buidl</h1></div></div>',
        None,
        None,
        "pix-bavaria",
    ),
]


@pytest.mark.parametrize(("head", "body", "headline", "site", "title"), TITLE_CASES)
def test_choose_title(
    head: str, body: str, headline: str | None, site: str | None, title: str
) -> None:
    tree = parse_html(page(head, body))
    assert tree is not None
    assert choose_title(tree, headline, site)[0] == title


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("von Daniela Obers", ["Daniela Obers"]),
        ("Posted on September 21, 2020 by Adi Tzlil", ["Adi Tzlil"]),
        ("06.11.2023 13:30 von Olga", ["Olga"]),
        ("Auteur : Kossivi Tiassou", ["Kossivi Tiassou"]),
        ("Von Mat\u00adthi\u00adas Lauerer", ["Matthias Lauerer"]),
        # look-alikes: credits, prose and lower-case phrases are not bylines
        ("Foto von Hans Meier", []),
        ("Fazit von Alexander Rosenkranz", []),
        ("by clicking here you agree", []),
        ("von A bis Z", []),
        ("Rezepte von Oma und Opa aus dem Garten", []),
    ],
)
def test_match_byline(text: str, names: list[str]) -> None:
    assert match_byline(text) == names


# (head, body, expected authors)
AUTHOR_CASES = [
    # initials in JSON-LD give way to the full name in a visible byline
    (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "author": {"@type": "Organization", "name": "LN"}}</script>',
        "<article><p>Story.</p><p><em>Von Cosima Künzel</em></p></article>",
        ["Cosima Künzel"],
    ),
    # meta tags that add a co-author to JSON-LD's single author win
    (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "author": {"name": "Sadhbh O\'Sullivan"}}</script>'
        '<meta name="author" content="Sadhbh O\'Sullivan,Elisabeth Kochan">',
        "<article><p>Story.</p></article>",
        ["Sadhbh O'Sullivan", "Elisabeth Kochan"],
    ),
    # Yoast graphs name the author in a Person node referenced by @id
    (
        '<script type="application/ld+json">{"@graph": [{"@type": "Article", "headline": "H",'
        ' "author": {"@id": "#p1"}}, {"@type": "Person", "@id": "#p1", "name": "Amy Motroni"}]}'
        "</script>",
        "<article><p>Story.</p></article>",
        ["Amy Motroni"],
    ),
    # the site's own name is kept only when no person is named
    (
        '<meta property="og:site_name" content="Miami Today">'
        '<meta name="author" content="Miami Today">',
        "<article><p>Story.</p></article>",
        ["Miami Today"],
    ),
    (
        '<meta property="og:site_name" content="CNN"><meta name="author" content="CNN">',
        '<article><p class="byline">By Rob Picheta</p></article>',
        ["Rob Picheta"],
    ),
    # a byline element that names JSON-LD's one author and a co-author adds the co-author
    (
        '<script type="application/ld+json">{"@type": "Article", "headline": "H",'
        ' "author": {"@type": "Person", "name": "Rudolf Fischer"}}</script>',
        '<div class="meta-item author"><span class="vcard author"><span class="fn">'
        "von Rudolf Fischer, Simon Kohler</span></span></div>",
        ["Rudolf Fischer", "Simon Kohler"],
    ),
    # a byline element naming someone else does not replace JSON-LD's author
    (
        '<script type="application/ld+json">{"@type": "Article", "headline": "H",'
        ' "author": {"@type": "Person", "name": "Rudolf Fischer"}}</script>',
        '<div class="author">von Simon Kohler, Lea Berg</div>',
        ["Rudolf Fischer"],
    ),
    # an author box's biography is not a byline
    (
        "",
        '<div class="author-info"><p class="author-bio">Alles über Lautsprecher, Heimkino'
        " und Tricks für zu Hause.</p></div>",
        [],
    ),
]


@pytest.mark.parametrize(("head", "body", "authors"), AUTHOR_CASES)
def test_find_authors(head: str, body: str, authors: list[str]) -> None:
    tree = parse_html(page(head, body))
    assert tree is not None
    assert extract_metadata(tree, None).authors == authors


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("10.12.2022, 07:00:03", "2022-12-10T07:00:03"),
        ("11/01/2023 12:43:42", "2023-11-01T12:43:42"),
        # a month name dateutil cannot read must not become an invented month
        ("الأربعاء، 07 أكتوبر 2020 - 12:09 م", None),
    ],
)
def test_normalize_date_formats(raw: str, iso: str | None) -> None:
    assert normalize_date(raw) == iso


@pytest.mark.parametrize(
    ("stated", "checked", "accept"),
    [
        ("2020-02-18T02:18:11+00:00", "2020-02-17", True),  # UTC small hours: local day before
        ("2018-12-31T23:11:59+00:00", "2019-01-01", True),  # UTC late evening: local day after
        ("2020-07-09T10:04:04+00:00", "2020-07-08", False),  # no real zone is 10 h behind
        ("2020-12-25T01:59:50+02:00", "2020-12-24", False),  # only the UTC reading
        ("2015-01-16T14:53:35+01:00", "2017-12-01", True),  # a different date altogether
        ("2022-06-22", "2022-08-29", True),  # no time stated: htmldate decides
    ],
)
def test_accept_checked_day(stated: str, checked: str, accept: bool) -> None:
    assert accept_checked_day(stated, checked) is accept


def test_local_twin_of_utc_timestamp() -> None:
    tree = parse_html(
        page(
            '<meta property="article:published_time" content="2022-05-04T03:37:37+00:00">',
            '<time datetime="2022-05-03T23:37:37-04:00">3 May</time>'
            '<time datetime="2017-10-12T21:06:39-04:00">12 October 2017</time>',
        )
    )
    assert tree is not None
    assert find_local_twin(tree, "2022-05-04T03:37:37+00:00") == "2022-05-03T23:37:37-04:00"
    assert find_local_twin(tree, "2022-05-04T09:00:00+00:00") is None


SHOWN_UPDATE = (
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
    ' "datePublished": "2021-11-22T18:42:22+01:00", "dateModified": "2023-01-01T10:00:00+01:00"}'
    "</script>"
)


@pytest.mark.parametrize(
    ("body", "day"),
    [
        # the header shows the update, and JSON-LD states it as dateModified
        ('<header class="content-header"><time>1. Januar 2023</time></header>', "2023-01-01"),
        # a <time> in a comment list is not the story's shown date
        ('<ul class="sectbody"><li><time>1. Januar 2023</time></li></ul>', "2021-11-22"),
        # a shown date that is not the stated update changes nothing
        ('<header class="content-header"><time>5. März 2022</time></header>', "2021-11-22"),
    ],
)
def test_shown_update_date(body: str, day: str) -> None:
    tree = parse_html(page(SHOWN_UPDATE, body))
    assert tree is not None
    published = extract_metadata(tree, None).published
    assert published is not None and published[:10] == day


# A trackback RDF block in an HTML comment (Movable Type, goo and Hatena blogs).
TRACKBACK = (
    '<!--\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/">\n<rdf:Description\n'
    '  rdf:about="https://blog.example.jp/e/1"\n  dc:title="Post"\n'
    '  dc:date="{date}" />\n</rdf:RDF>\n-->'
)


@pytest.mark.parametrize(
    ("head", "body", "day"),
    [
        # the comment is the page's only date: it is read from the source
        (
            "",
            "<p>Post text.</p>" + TRACKBACK.format(date="2020-07-12T22:00:00+09:00"),
            "2020-07-12",
        ),
        # a stated meta date keeps its place before the comment
        (
            '<meta property="article:published_time" content="2021-03-04">',
            "<p>Post text.</p>" + TRACKBACK.format(date="2020-07-12T22:00:00+09:00"),
            "2021-03-04",
        ),
        # a dc:date outside a trackback block is not read from the source
        ("", '<!-- dc:date="2020-07-12T22:00:00+09:00" --><p>Post text.</p>', None),
        # an unreadable dc:date gives nothing
        ("", "<p>Post text.</p>" + TRACKBACK.format(date="someday soon"), None),
    ],
)
def test_trackback_date(head: str, body: str, day: str | None) -> None:
    html = page(head, body)
    tree = parse_html(html)
    assert tree is not None
    published = extract_metadata(tree, None, html).published
    assert (published[:10] if published else None) == day


@pytest.mark.parametrize(
    ("stated", "checked", "swapped"),
    [
        ("2023-11-01T12:43:42", "2023-01-11", True),  # "11/01/2023" read both ways
        ("2023-11-01", "2023-11-01", False),
        ("2023-05-05", "2023-05-05", False),  # day equals month: no other reading
        ("2023-11-01", "2023-01-12", False),
        ("2023-11-01", "2022-01-11", False),  # another year is another date
    ],
)
def test_swapped_day(stated: str, checked: str, swapped: bool) -> None:
    assert is_swapped_day(stated, checked) is swapped


@pytest.mark.parametrize(
    ("body", "days"),
    [
        ('<time itemprop="dateModified" class="hidden">2018-08-29 14:15:57</time>', {"2018-08-29"}),
        (
            '<span itemprop="dateModified" content="2018-08-29T14:15:57+02:00"></span>',
            {"2018-08-29"},
        ),
        # the publication time and other microdata are not modification dates
        ('<time itemprop="datePublished">2018-06-22 10:20:00</time>', set()),
        ('<span itemprop="dateModified">recently</span>', set()),
    ],
)
def test_marked_modified(body: str, days: set[str]) -> None:
    tree = parse_html(page("", body))
    assert tree is not None
    assert read_marked_modified(tree) == days
