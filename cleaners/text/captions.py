"""Drop picture captions that carry a credit or a gallery count: they describe a photo."""

from __future__ import annotations

import re

from cleaners.text.lines import count_words

# The Sun's "... ate a rabbit Credit: Getty - Contributor", phys.org's "... module.
# Credit: ESA", Fox News' "(Photo by Kevin Mazur/Getty Images)", AP's "(AP Photo/Hau
# Dinh)", Smithsonian's "( STEVE GSCHMEISSNER/SCIENCE PHOTO LIBRARY)"; Chron's captions
# that open with "... more" and close with "less"; Reuters' "REUTERS/Brendan McDermid",
# NBC's "J. Scott Applewhite / AP file", Al Jazeera's "[SpaceX via AP]".
CAPTION_CREDIT = re.compile(
    r"(\b(credit|credits|photo|photograph|image|picture|foto|fotografia)\s*:\s*[^.!?:]{2,60}$"
    r"|\([^()]{0,40}\b(photo|image|picture|credit|foto)s?\b[^()]{0,80}\)$"
    r"|/ ?(getty images|shutterstock|afp|reuters|ap|epa|istock)( file| photo)?\)?$"
    r"|\b(reuters|afp|ap|epa|xinhua|getty)/[^/\s]+(\s[^/\s]+){0,3}$"
    r"|\[[^\[\]]{0,60}\b(via|photo|image|credit|file)\b[^\[\]]{0,60}\]$"
    r"|(\.\.\.|…) ?more$|[.!?] less$)"
)
# Times Union's "1 of 4 Grass Valley's Dionicio Torres looks at ..." on every slide.
GALLERY_COUNT = re.compile(r"^\d{1,3} (of|/|de|из|von|di) \d{1,3} ")
# AP's caption opening: "In this Dec. 12, 2006, file photo, made available by NASA, ...",
# "In this undated photo provided by ..., ...".
CAPTION_OPENING = re.compile(
    r"^in this ([\w.]+ \d{1,2}, \d{4},? |\d{4},? )?(file |undated |handout |courtroom )*"
    r"(photo|image|picture|photograph|frame grab|sketch)\b(?! (essay|series|gallery|book|album))"
    r"[^,.]{0,50},"
)
# A caption is a sentence or two; a paragraph this long that ends in a credit is prose.
MAX_CAPTION_WORDS = 60


def match_caption(text: str) -> bool:
    """Tell whether a line is a picture caption: a credit, AP's opening or a slide count."""
    low = text.casefold()
    if low.startswith("in this ") and CAPTION_OPENING.match(low):
        return count_words(text) <= MAX_CAPTION_WORDS
    if not (
        ":" in low or "/" in low or low.endswith((")", "]", "more", "less")) or low[:1].isdigit()
    ):
        return False
    if count_words(text) > MAX_CAPTION_WORDS:
        return False
    return bool(CAPTION_CREDIT.search(low) or GALLERY_COUNT.match(low))
