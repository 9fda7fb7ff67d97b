"""Parsing a page: the bytes handed to libxml2 keep the page's text, whatever it declares."""

from __future__ import annotations

import pytest

from cleaners.html.parse import encode_page, parse_html


def body_text(html: str) -> str:
    """Return the text of the parsed page's body."""
    tree = parse_html(html)
    assert tree is not None
    body = tree.find("body")
    assert body is not None
    return str(body.text_content())


# Pages declaring another encoding than the UTF-8 they are handed over in: the declaration
# describes the bytes the page was fetched as, which the reader has already decoded.
DECLARED = [
    '<meta charset="iso-8859-1">',
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    '<meta charset="shift_jis">',
    "",
]


@pytest.mark.parametrize("declaration", DECLARED)
def test_declared_encoding_does_not_garble_text(declaration: str) -> None:
    text = "Café « déjà » – 5 € – Привет – 東京"
    page = f"<html><head>{declaration}</head><body><p>{text}</p></body></html>"
    assert body_text(page) == text


def test_xml_declaration_with_encoding_is_read() -> None:
    page = "<?xml version='1.0' encoding='iso-8859-1'?><html><body><p>naïve</p></body></html>"
    assert body_text(page) == "naïve"


@pytest.mark.parametrize(
    ("page", "text"),
    [
        # NUL and other control bytes from binary junk in scraped exports
        ("<html><body><p>a\x00b\x07c</p></body></html>", "abc"),
        # a lone surrogate from a JSON export: the rest of the page must not be lost
        ("<html><body><p>cut \ud83d here</p><p>and after</p></body></html>", "cut  hereand after"),
    ],
)
def test_characters_libxml2_refuses_are_dropped(page: str, text: str) -> None:
    assert body_text(page) == text


@pytest.mark.parametrize("page", ["", "   \n\t", "\x00\x01 \x02", "\u3000\u00a0", "\ud800 "])
def test_blank_pages_have_no_tree(page: str) -> None:
    assert encode_page(page) is None
    assert parse_html(page) is None
