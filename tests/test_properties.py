"""Properties of the text and HTML cleaners, tried on generated and arbitrary input.

Whatever the input, the cleaners return without raising; they keep only text that was in
the input (the same characters in the same order, whitespace aside: text is cut and
dropped, never written); and cleaning their own output again keeps it. Each test runs a
modest number of examples; `make fuzz` (HYPOTHESIS_PROFILE=fuzz) runs fifty times more.
"""

from __future__ import annotations

import html
import unicodedata
from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleaners.config import Config
from cleaners.html import extract_html
from cleaners.html.parse import parse_html
from cleaners.text import clean_text
from cleaners.text.classify import STOPWORDS_HIGH
from cleaners.text.rules import match_chrome
from cleaners.text.stopwords import STOPWORDS

CONFIG = Config()
# Hypothesis' own default; the loaded profile's max_examples scales every budget below.
BASE_EXAMPLES = 100


def budget(examples: int) -> settings:
    """Return settings for this many examples, scaled by the loaded Hypothesis profile."""
    scale = settings().max_examples / BASE_EXAMPLES
    return settings(
        max_examples=max(1, round(examples * scale)),
        deadline=None,  # a shared two-core machine makes per-example timing meaningless
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# --- plain-text dumps: lines of words, chrome lines, icon labels glued by lxml -------------

STOP_WORDS = ("the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "was", "on", "with")
NEWS_WORDS = ("ceasefire", "Syria", "government", "troops", "militants", "Aleppo", "said")
ODD_WORDS = ("2016", "U.S.", "e-mail", "amzn.to/2iJFhRj", "Новости", "сентября", "Zakharova’s")
# Chrome families from the RT and lxml dumps the text rules were written for.
CHROME_LINES = (
    "Share on Facebook",
    "READ MORE: 'Take a trip to Syria to see what embarrassed means'",
    "Accept cookies",
    "Photo: Reuters",
    "© 2016 RT. All rights reserved",
    "Subscribe to our newsletter",
    "18 Sep, 2016 21:09",
    "By John Smith",
    "Home | News | Sport",
)
ICON_LABELS = ("icon", "bookmark", "camera", "chevron down", "Home", "News", "Sport", "Мода")

words = st.sampled_from((*STOP_WORDS, *NEWS_WORDS, *ODD_WORDS))
sentences = st.lists(words, min_size=8, max_size=30).map(lambda ws: f"{' '.join(ws)}.")
sentences = sentences.map(lambda s: s[0].upper() + s[1:])
prose_lines = st.lists(sentences, min_size=1, max_size=4).map(" ".join)
fragments = st.tuples(st.lists(words, min_size=1, max_size=6), st.sampled_from(["", ":", ","]))
icon_runs = st.tuples(
    st.sampled_from(["", "icon ", "icon"]), st.lists(st.sampled_from(ICON_LABELS))
)
lines = st.one_of(
    prose_lines,
    fragments.map(lambda f: " ".join(f[0]) + f[1]),
    st.sampled_from(CHROME_LINES),
    icon_runs.map(lambda r: r[0].join(r[1])),
    st.tuples(prose_lines, st.sampled_from(CHROME_LINES)).map("".join),  # "...more.Accept"
    st.just(""),
    st.text(max_size=40),
)
dumps = st.lists(lines, max_size=60).map("\n".join)
# Any code point, lone surrogates included: a JSON export can hold "\ud83d" on its own.
any_text = st.text(st.characters(exclude_categories=()), max_size=400)


def squeeze(text: str) -> str:
    """Return the text without any whitespace."""
    return "".join(text.split())


def is_subsequence(part: str, whole: str) -> bool:
    """Tell whether part's characters occur in whole in the same order."""
    rest = iter(whole)
    return all(char in rest for char in part)


def is_sentence(paragraph: str) -> bool:
    """Tell whether a paragraph is a whole sentence of eight or more words."""
    return len(paragraph.split()) >= 8 and paragraph[-1] in ".!?"


def reads_as_prose(paragraph: str) -> bool:
    """Tell whether a paragraph is prose on its own: jusText's high stop-word bar.

    A line thinner in stop words ("The ceasefire ceasefire ... ceasefire.", "The the
    ceasefire ceasefire ceasefire U.S. U.S. U.S..") is what jusText calls near-good: prose
    between prose neighbours, as in its context pass, and dropped alone.
    """
    words = [w.strip(".,:;!?").casefold() for w in paragraph.split()]
    stops = sum(any(w in stoplist for stoplist in STOPWORDS.values()) for w in words)
    return stops >= STOPWORDS_HIGH * len(words)


@budget(200)
@given(st.one_of(dumps, any_text))
def test_text_cleaner_keeps_input_text_in_order_and_logs_the_rest(text: str) -> None:
    result = clean_text(text, CONFIG)
    source = squeeze(text)
    for paragraph in result.paragraphs:
        # Pieces of one line are glued back only where they touched in the input.
        for word in paragraph.split():
            assert word in source, word
    assert is_subsequence(squeeze("".join(result.paragraphs)), source)
    # Every character is either kept or in the removal log: nothing vanishes unrecorded.
    accounted = "".join(result.paragraphs) + "".join(r.text for r in result.removed)
    assert Counter(squeeze(accounted)) == Counter(source)


@budget(150)
@given(st.one_of(dumps, dumps, any_text))
# Found by Hypothesis: a share bar and an icon run were glued onto a fragment ending in a
# stop word ("HE"), and the sentence after them kept as one paragraph with them.
@example(
    "The the the the the the the the.\n0 0 0 HE\nShare on Facebook\n"
    "iconiconbookmarkiconHomeiconiconiconiconiconHomeiconHome\nThe the the the the the the of."
)
# ... and sentences thin in stop words, kept between two prose lines, dropped alone.
@example(
    "The the the the the the the the.\nThe the ceasefire ceasefire ceasefire U.S. U.S. U.S..\n"
    "The the the the the the the the."
)
@example(
    "The the the the the the the the.\n"
    "The ceasefire ceasefire ceasefire ceasefire ceasefire ceasefire ceasefire.\n"
    "The the the the the the the the."
)
# ... and a sentence glued onto a run of numbers that its first line started.
@example(
    "0 0\n00000000000000000000000000 0 0 0 0 0\na0000000000 0Aa\nThe the the ceasefire "
    "ceasefire ceasefire ceasefire government. The the the the the the the the the the the "
    "the ceasefire ceasefire amzn.to/2iJFhRj."
)
# ... and codes that start with a small letter ("a0Aa000") taken for a sentence's rest.
@example(
    "The the the ceasefire ceasefire the the the ceasefire ceasefire ceasefire ceasefire the "
    "the the ceasefire ceasefire the the the of the the the of.Share on Facebook\na0Aa000\n"
    "00000Aa\nThe the the the the the the the the the."
)
def test_text_cleaner_leaves_clean_text_alone(text: str) -> None:
    first = clean_text(text, CONFIG).paragraphs
    again = clean_text("\n\n".join(first), CONFIG)
    # Clean text is whole sentences that no chrome rule names; a second pass over it
    # changes nothing. Anything else in the output is not held to it: a leading
    # headline-shaped line is lifted as the title, a short line alone is chrome, and a
    # piece of a fused icon run that the first pass left ("ICOn A0Aa", "IConiconicoNIcon
    # The ...") is removed, taking a short sentence beside it out of the article span, and
    # a sentence thin in stop words is prose only beside other prose.
    if all(is_sentence(p) and reads_as_prose(p) and match_chrome(p) is None for p in first):
        assert again.paragraphs == first
        assert again.removed == []


# --- HTML pages built from a small tag alphabet, with the text they hold -----------------

# (markup, the text it decodes to)
Piece = tuple[str, str]
ENTITIES: tuple[Piece, ...] = (
    ("&amp;", "&"),
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&quot;", '"'),
    ("&#39;", "'"),
    ("&eacute;", "é"),
    ("&#8217;", "’"),
    ("&#x2014;", "—"),
    ("&nbsp;", "\xa0"),
    ("&hellip;", "…"),
)
# Words that live only in attributes, comments, scripts and styles: never body text.
HIDDEN_WORDS = ("ATTRWORD", "COMMENTWORD", "SCRIPTWORD", "STYLEWORD")
CLASSES = ("content", "article-body", "share", "nav", "menu", "related", "footer", "ad", "story")
INLINE_TAGS = ("a", "b", "i", "span", "em", "strong", "time")
BLOCK_TAGS = ("div", "section", "article", "nav", "footer", "header", "aside", "blockquote", "h2")
HIDDEN: tuple[Piece, ...] = (
    ("<!-- COMMENTWORD -->", ""),
    ("<script>var SCRIPTWORD = 1;</script>", ""),
    ("<style>.STYLEWORD { color: red }</style>", ""),
)

word_pieces = words.map(lambda w: (w, w))
odd_pieces = st.text(st.characters(exclude_categories=()), min_size=1, max_size=12).map(
    lambda s: (html.escape(s, quote=False), s)
)
text_pieces = st.one_of(
    word_pieces, word_pieces, word_pieces, st.sampled_from(ENTITIES), odd_pieces
)
attributes = st.lists(
    st.tuples(
        st.sampled_from(["class", "id", "data-x", "title", "href", "alt"]),
        st.sampled_from([*CLASSES, "ATTRWORD"]),
    ).map(lambda kv: f' {kv[0]}="{kv[1]}"'),
    max_size=2,
).map("".join)


def concat(pieces: list[Piece], sep: str = "") -> Piece:
    """Join pieces of markup and their texts."""
    return sep.join(m for m, _ in pieces), sep.join(t for _, t in pieces)


def wrap(tag: str, attrs: str, inner: Piece) -> Piece:
    """Put a piece inside an element."""
    return f"<{tag}{attrs}>{inner[0]}</{tag}>", inner[1]


runs = st.lists(text_pieces, min_size=1, max_size=25).map(lambda ps: concat(ps, " "))
sentence_runs = sentences.map(lambda s: (html.escape(s, quote=False), s))
inline = st.recursive(
    st.one_of(runs, sentence_runs),
    lambda inner: st.builds(
        wrap, st.sampled_from(INLINE_TAGS), attributes, st.lists(inner, max_size=3).map(concat)
    ),
    max_leaves=5,
)
paragraphs = st.lists(
    st.one_of(inline, sentence_runs, st.sampled_from(HIDDEN), st.just(("<br>", ""))),
    min_size=1,
    max_size=5,
).map(concat)
items = st.lists(paragraphs, min_size=1, max_size=4)
blocks = st.one_of(
    st.builds(wrap, st.just("p"), attributes, paragraphs),
    items.map(lambda ps: wrap("ul", "", concat([wrap("li", "", p) for p in ps]))),
    st.lists(items, min_size=1, max_size=3).map(
        lambda rows: wrap(
            "table",
            "",
            concat([wrap("tr", "", concat([wrap("td", "", c) for c in r])) for r in rows]),
        )
    ),
    st.sampled_from(HIDDEN),
)
sections = st.recursive(
    blocks,
    lambda inner: st.builds(
        wrap, st.sampled_from(BLOCK_TAGS), attributes, st.lists(inner, max_size=4).map(concat)
    ),
    max_leaves=15,
)


def build_page(title: Piece, body: list[Piece]) -> tuple[str, str]:
    """Return a whole page and its text content (title and body, entities decoded)."""
    head = f'<title>{title[0]}</title><meta name="description" content="ATTRWORD">{HIDDEN[1][0]}'
    markup, text = concat(body)
    return (
        f"<!DOCTYPE html><html><head>{head}</head><body>{markup}</body></html>",
        f"{title[1]} {text}",
    )


pages = st.builds(build_page, runs, st.lists(sections, min_size=1, max_size=5))
# Tag soup: fragments of markup in any order, broken nesting, stray entities and comments.
SOUP = (
    "<p>", "</p>", "<div class='share'>", "</div>", "<article>", "<td>", "<li>", "<br/>",
    "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#",
    "&#x2014;", "&nbsp", "<title>", "</title>", "<?xml version='1.0'?>", "<!DOCTYPE html>",
    "<table>", "<h2>", "<a href='http://example.com/'>", "</a>", "<", ">", "\x00",
)  # fmt: skip
soups = st.lists(
    st.one_of(st.sampled_from(SOUP), sentences, words, st.text(max_size=12)), max_size=80
).map("".join)


def decomposed(text: str) -> str:
    """Return text in Unicode NFD, the form in which NFC output compares with its input."""
    return unicodedata.normalize("NFD", text)


def readable(paragraph: str) -> str:
    """Return a paragraph without trafilatura's table and list marks or whitespace, in NFD.

    trafilatura draws table rows as "| cell | cell |" (a border can touch the text before
    the table; a "|" inside a cell is escaped as "\\|") and list items as "- item"; those
    marks are layout, not text from the page. It also normalises to NFC ("\uf900" becomes
    "\u8c48"), hence the comparison in NFD. A U+FFFD stands where the page referred to a
    character that HTML cannot hold ("&#1;"), and is left out too.
    """
    words = [word.replace("\ufffd", "") for word in paragraph.split() if word != "-"]
    cells = "".join(words).split("\\|")
    return decomposed("|".join(cell.replace("|", "") for cell in cells))


def printable(paragraphs: list[str]) -> list[str]:
    """Return paragraphs in NFD, whitespace folded, unprintable characters and repeats dropped."""
    folded = (
        " ".join("".join(c for c in decomposed(p) if c.isprintable() or c.isspace()).split())
        for p in paragraphs
    )
    return list(dict.fromkeys(folded))


@budget(50)
@given(pages)
def test_html_extractor_keeps_only_page_text(page: tuple[str, str]) -> None:
    markup, text = page
    result = extract_html(markup, "https://example.com/story", CONFIG)
    source = squeeze(decomposed(text))
    for paragraph in result.paragraphs:
        assert is_subsequence(readable(paragraph), source), paragraph
        for word in HIDDEN_WORDS:
            assert word in text or word not in paragraph, paragraph


@budget(40)
@given(soups)
def test_html_extractor_keeps_only_text_of_tag_soup(markup: str) -> None:
    result = extract_html(markup, None, CONFIG)
    tree = parse_html(markup)
    source = squeeze(decomposed(tree.text_content())) if tree is not None else ""
    for paragraph in result.paragraphs:
        assert is_subsequence(readable(paragraph), source), paragraph


@budget(30)
@given(pages)
def test_html_extractor_keeps_its_own_sentences(page: tuple[str, str]) -> None:
    output = extract_html(page[0], None, CONFIG).paragraphs
    again = extract_html(
        "<html><body><article>"
        + "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in output)
        + "</article></body></html>",
        None,
        CONFIG,
    )
    # trafilatura drops unprintable characters and repeated paragraphs that the second
    # opinions keep, and a short list item alone in a <p> reads as chrome ("- & e-mail");
    # whole sentences must come through unchanged.
    first, second = printable(output), printable(again.paragraphs)
    assert [p for p in first if is_sentence(p) and p not in second] == []
    if all(is_sentence(p) for p in first):
        assert second == first


# Sentences with an odd token inside: letters, digits, punctuation or lone surrogates, one
# character at a time (a whole word could be a chrome cue: "Subscribe", "©").
odd_chars = st.characters(categories=("L", "N", "Pd", "Ps", "Pe", "Po", "Cs"))
odd_tokens = st.lists(odd_chars, max_size=8).map("".join)
story_paragraphs = st.tuples(sentences, odd_tokens, sentences).map(
    lambda t: f"{t[0][:-1]} {t[1]} {t[2]}"
)


@budget(30)
@given(st.lists(story_paragraphs, min_size=3, max_size=8, unique=True))
def test_html_extractor_keeps_a_plain_article_whole(story: list[str]) -> None:
    page = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in story)
    result = extract_html(f"<html><body><article>{page}</article></body></html>", None, CONFIG)
    assert printable(result.paragraphs) == printable(story)
