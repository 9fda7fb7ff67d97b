"""A page read fine but holding no article keeps the title, date and authors it stated."""

from __future__ import annotations

from cleaners.config import Config
from cleaners.pipeline import clean_item
from cleaners.records import RawDoc
from cleaners.schema import QuarantineRecord

SHORT_PAGE = """<html><head><title>Council backs budget - Example News</title>
<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
<meta name="author" content="Jane Doe"></head>
<body><article><h1>Council backs budget</h1><p>Photo gallery: the vote.</p></article>
</body></html>"""


def test_a_no_article_page_keeps_its_metadata_in_quarantine() -> None:
    raw = RawDoc("page.html", "0" * 64, "html", None, "html", SHORT_PAGE)
    record = clean_item(raw, Config(), None)
    assert isinstance(record, QuarantineRecord)
    assert record.reason == "no_article"
    assert record.title == "Council backs budget"
    assert record.published is not None and record.published.startswith("2024-03-05")
    assert record.authors == ["Jane Doe"]


def test_an_unreadable_input_has_no_metadata_to_keep() -> None:
    raw = RawDoc("page.txt", "0" * 64, "text", None, "text", "Home\nNews\nSport")
    record = clean_item(raw, Config(), None)
    assert isinstance(record, QuarantineRecord)
    assert record.reason == "no_article" and record.authors == []
