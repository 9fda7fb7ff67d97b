"""The seed sample (a raw 2016 RT article) must come out exactly as specified."""

from __future__ import annotations

from pathlib import Path

from cleaners.config import Config
from cleaners.text import clean_text

SEED = Path(__file__).parent / "fixtures" / "text" / "000_e2191137fde1a18b.txt"


def test_seed_body_metadata_and_removals() -> None:
    result = clean_text(SEED.read_text(encoding="utf-8"), Config())
    text = "\n\n".join(result.paragraphs)
    assert result.metadata.title == (
        "Syrian ceasefire observed only by govt, militants prepare for offensive in Aleppo"
        " – Russian military"
    )
    assert result.metadata.published == "2016-09-18T21:09:00"
    assert text.startswith("The ceasefire in Syria is only being observed by government troops")
    assert text.endswith("occupied by Islamic State militants.")
    assert "icon" not in text.split()[0] and "bookmarkicon" not in text
    assert "READ MORE" not in text
    rules = {r.rule for r in result.removed}
    assert {"icon_run", "related", "title", "dateline"} <= rules
    assert any(r.rule == "related" and r.text.startswith("READ MORE") for r in result.removed)


def test_seed_keeps_every_body_paragraph() -> None:
    raw = SEED.read_text(encoding="utf-8")
    result = clean_text(raw, Config())
    removed = {r.text for r in result.removed}
    for line in raw.splitlines():
        if len(line.split()) > 20 and "icon" not in line:
            assert line not in removed
