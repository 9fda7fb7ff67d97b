"""Drop tag and topic lists below an article, and read the tags they name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from cleaners.text.lines import count_words

# "Tags: ads, advertisement, meth, south dakota", "Tags Kristi Noem South Dakota",
# "Topics Instagram analytics Social Media", "tags #Local Markets #Nifty", "Temas: ...".
# Words that also open headlines ("Temas polêmicos ...") count only with a colon. A tag
# cloud can be long; a sentence that opens with "Topics" ends like one.
TAGS_LINE = re.compile(
    r"^((tags|tagged( with)?|topics|теги|タグ|태그)\b\s*:?|(related topics|keywords|etiquetas"
    r"|temas|tópicos|assuntos|schlagwörter|stichwörter|метки|тэги|argomenti)\s*:)\s*(?=\S)"
)
MAX_TAG_WORDS = 150
# The separators a list of tags is read by; without one the words cannot be cut into tags.
TAG_SEPARATOR = re.compile(r"\s*[,;|#]\s*|\s+#")
MAX_TAG_CHARS = 60


def match_tags(text: str) -> bool:
    """Tell whether a line is a list of tags or topics."""
    low = text.casefold()
    if not TAGS_LINE.match(low) or count_words(text) > MAX_TAG_WORDS:
        return False
    end = text.rstrip()
    return not end.endswith((".", "!", "?")) and ". " not in end


def read_tags(text: str) -> list[str]:
    """Return the tags a tag line names, if separators cut it into tags; else none."""
    head = TAGS_LINE.match(text.casefold())
    if head is None:
        return []
    rest = text[head.end() :]
    if not TAG_SEPARATOR.search(rest):
        return []
    tags: list[str] = []
    for part in TAG_SEPARATOR.split(rest):
        tag = part.strip(" .#")
        if tag and len(tag) <= MAX_TAG_CHARS and tag not in tags:
            tags.append(tag)
    return tags


def tags_of(lines: Iterable[str]) -> list[str]:
    """Return the tags of the first tag line that can be cut into tags."""
    for line in lines:
        tags = read_tags(line)
        if tags:
            return tags
    return []
