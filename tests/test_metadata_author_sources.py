"""Author sources past JSON-LD, meta tags and byline classes: what must be found, and
look-alikes that must not."""

from __future__ import annotations

import pytest

from cleaners.html.parse import parse_html
from cleaners.metadata.agencies import drop_agencies
from cleaners.metadata.authors import clean_authors
from cleaners.metadata.dateline_authors import names_on_dateline
from cleaners.metadata.html_meta import extract_metadata
from cleaners.metadata.post_author import login_name
from cleaners.metadata.site_names import names_site

STORY = "<p>The council met on Tuesday and agreed to keep the library open all summer.</p>"


def page(head: str, body: str) -> str:
    """Return a page with a headline, the given markup and a story paragraph."""
    return (
        f"<html><head><title>Library stays open</title>{head}</head><body><main>"
        f"<h1>Library stays open</h1>{body}{STORY}</main></body></html>"
    )


# (head, body, expected authors)
FOUND = [
    # a labelled field in a facts box, the value after the label's own element
    (
        "",
        "<div><h5>Datum:</h5>03.11.2021<br><h5>Autor:</h5>Peter Maahn/SP-X</div>",
        ["Peter Maahn"],
    ),
    (
        "",
        "<div>Datum: 19.11.2021<br><span>Autor:</span> Fritz Imhof<br>Quelle: X</div>",
        ["Fritz Imhof"],
    ),
    ("", "<p><a href='#'><b>Von:</b><br><br> Götz Warnke</a></p>", ["Götz Warnke"]),
    # a profile link whose byline box also holds a rating widget
    (
        "",
        '<div class="author"><a href="/autoren/georg-quaas/">Georg Quaas</a>, 21. Jan. 2015'
        '<div class="rating">3.17 5 12 1 2 3 4 5 votes, average rating of all readers</div></div>',
        ["Georg Quaas"],
    ),
    # hCard: the formatted name inside an author vcard
    (
        "",
        '<h4 class="vcard author">von <span class="fn">zahlenzauberin</span></h4>',
        ["zahlenzauberin"],
    ),
    # a byline ends at its line break; a rule of dashes may lead it
    (
        "",
        "<p>Von <a>Roland Brockmann</a> und <a>Sebastian Drescher</a><br> Kakuma /Kenia</p>",
        ["Roland Brockmann", "Sebastian Drescher"],
    ),
    ("", "<div><em>---- by Kenneth Surin</em></div>", ["Kenneth Surin"]),
    ("", "<p>Autoren Jelko Djuren und Jutta Klaukien</p>", ["Jelko Djuren", "Jutta Klaukien"]),
    # an interview names both speakers
    (
        "",
        '<p class="author">Richard David Precht im Gespräch mit Karin Fischer</p>',
        ["Richard David Precht", "Karin Fischer"],
    ),
    # a date line beside the headline that names the writer
    ("", "<small>04.02.2022 | 13:10 Uhr | Uta Helkenberg</small>", ["Uta Helkenberg"]),
    # the full name of a Creative Commons attribution beats initials in a byline
    (
        "",
        '<span class="author">DT</span><footer>Ein Hundetagebuch von <a href="/" '
        'rel="cc:attributionURL">Donald Townsend</a> steht unter einer Lizenz</footer>',
        ["Donald Townsend"],
    ),
    # WordPress marks the post author's own comment
    (
        "",
        '<ol class="commentlist"><li class="comment byuser comment-author-jancak bypostauthor">'
        "<p>Danke!</p></li></ol>",
        ["jancak"],
    ),
    # one author box in the side column, shown twice
    (
        "",
        '<div id="sidebar-left" class="sidebar"><div class="teaser-box author">'
        '<div class="title-small">Johanna Kropfitsch</div></div></div>'
        '<div id="sidebar-right" class="sidebar"><div class="teaser-box author">'
        '<div class="title-small">Johanna Kropfitsch</div></div></div>',
        ["Johanna Kropfitsch"],
    ),
    # a personal site's copyright notice
    (
        "",
        '<div class="copyrights-area"><p>(c) Johannes Wolf • Weitere Rechte siehe Impressum</p>'
        "</div>",
        ["Johannes Wolf"],
    ),
    # a theme that calls its main column "sidebar" keeps its bylines
    (
        "",
        '<div id="sidebar" class="site-content content-area"><span class="author vcard">'
        '<a href="/author/heiko-sauer/" rel="author">Heiko Sauer</a></span></div>',
        ["Heiko Sauer"],
    ),
    # a hidden microdata name of the publisher gives way to the visible writer
    (
        '<meta property="og:site_name" content="www.elcolombiano.com">',
        '<div itemprop="author" itemscope><meta itemprop="name" content="El Colombiano"></div>'
        '<div class="autor">Jacobo Betancur Peláez | Publicado hace 3 horas</div>',
        ["Jacobo Betancur Peláez"],
    ),
    # an institution in the meta tag gives way to the person in the byline
    (
        '<meta name="author" content="Bayerische Landesanstalt für Wald und Forstwirtschaft">',
        '<span itemprop="author">Joachim Hamberger</span>',
        ["Joachim Hamberger"],
    ),
    # HTML entities inside JSON-LD
    (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
        ' "author": {"@type": "Person", "name": "H&#233;ctor J. Cruz"}}</script>',
        "",
        ["Héctor J. Cruz"],
    ),
]


@pytest.mark.parametrize(("head", "body", "authors"), FOUND)
def test_authors_found(head: str, body: str, authors: list[str]) -> None:
    tree = parse_html(page(head, body))
    assert tree is not None
    assert extract_metadata(tree, None).authors == authors


# (body, why no author may be read)
LOOK_ALIKES = [
    ("<p>Von Berlin aus fährt der Zug zweimal am Tag an die Küste.</p>", "prose after 'Von'"),
    ("<footer><p>© 2022 Muster Medien GmbH. Alle Rechte vorbehalten.</p></footer>", "company"),
    ("<footer><p>© KulturKaufhaus Dussmann</p></footer>", "brand"),
    (
        '<figure><img src="a.jpg"><div class="image-copyright">© Dieter Mayr</div></figure>',
        "picture credit",
    ),
    (
        '<aside class="sidebar"><div class="author">Anna Berg</div>'
        '<div class="author">Ben Vogel</div></aside>',
        "a side column listing several writers",
    ),
    ("<small>Politik | 04.02.2022</small>", "a section on the date line"),
    (
        "<p>by j03f3l_1000 | Jun 2, 2020 | Executive Search Blogs |</p>",
        "a category beside a handle that is no name",
    ),
    (
        '<div id="comments"><a href="/author/troll/">Eve Troll</a></div>',
        "a profile link in the comments",
    ),
    ('<ol><li class="comment comment-author-admin bypostauthor">Hi</li></ol>', "a placeholder"),
]


@pytest.mark.parametrize(("body", "why"), LOOK_ALIKES)
def test_no_author_from_look_alikes(body: str, why: str) -> None:
    tree = parse_html(page("", body))
    assert tree is not None
    assert extract_metadata(tree, None).authors == [], why


@pytest.mark.parametrize(
    ("names", "kept"),
    [
        (["Peter Maahn", "SP-X"], ["Peter Maahn"]),
        (["Britta Schultejans", "dpa"], ["Britta Schultejans"]),
        (["AFP"], ["AFP"]),
        (["DT"], ["DT"]),
        (["Anna Berg", "Ben Vogel"], ["Anna Berg", "Ben Vogel"]),
    ],
)
def test_drop_agencies(names: list[str], kept: list[str]) -> None:
    assert drop_agencies(names) == kept


@pytest.mark.parametrize(
    ("name", "site", "same"),
    [
        ("El Colombiano", "www.elcolombiano.com", True),
        ("Zone Société - ICI.Radio-Canada.ca", "ICI.Radio-Canada.ca", True),
        ("Ann Lee", "annarbor.com", False),
        ("Anna Berg", None, False),
    ],
)
def test_names_site(name: str, site: str | None, same: bool) -> None:
    assert names_site(name, site) is same


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("04.02.2022 | 13:10 Uhr | Uta Helkenberg", ["Uta Helkenberg"]),
        ("Katrina Creer | 21 Jan 2020", ["Katrina Creer"]),
        ("New desk | Uta Helkenberg", []),
        ("Sport · 04.02.2022", []),
    ],
)
def test_names_on_dateline(line: str, names: list[str]) -> None:
    assert names_on_dateline(line) == names


def test_login_name_and_unescaped_names() -> None:
    assert login_name("tobias-hennig") == "Tobias Hennig"
    assert login_name("hansehrlich") == "hansehrlich"
    assert clean_authors(["Anna Berg &amp; Ben Vogel"]) == ["Anna Berg", "Ben Vogel"]
