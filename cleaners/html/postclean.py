"""Drop chrome that survives extraction as whole paragraphs: related links, prompts, headline."""

from __future__ import annotations

from cleaners.records import Removal
from cleaners.text.rules import match_chrome
from cleaners.text.template import normalize_line

# Extractors keep short paragraphs like "READ MORE: ..." or "Sign up for our newsletter"
# that sit in ordinary <p> tags inside the article body (news sites with inline teasers).
MAX_CHROME_WORDS = 25


def drop_chrome_paragraphs(
    paragraphs: list[str], title: str | None
) -> tuple[list[str], list[Removal]]:
    """Remove paragraphs that a text chrome rule recognises, and a leading copy of the title."""
    kept: list[str] = []
    removed: list[Removal] = []
    title_key = normalize_line(title) if title else None
    for index, paragraph in enumerate(paragraphs):
        if index == 0 and title_key and normalize_line(paragraph) == title_key:
            removed.append(Removal("title", paragraph))
            continue
        rule = match_chrome(paragraph) if len(paragraph.split()) <= MAX_CHROME_WORDS else None
        if rule is not None:
            removed.append(Removal(rule, paragraph))
            continue
        kept.append(paragraph)
    return kept, removed
