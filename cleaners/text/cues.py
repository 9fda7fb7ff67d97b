"""Cut a line where a related-links or share block starts after a sentence, space-glued."""

from __future__ import annotations

import re
from itertools import pairwise

# lxml joins block elements with a space when the page's markup has whitespace between
# them: Express's "... political dialogue”. Related articles Carol Vorderman ...",
# ProFootballTalk's "... in the draft. Share this:Click to share on Facebook". A block
# heading right after a sentence end starts a new block, whatever follows it.
BLOCK_CUE = re.compile(
    r"(?<=[.!?…”\"’)]) (?=(related articles|related stories|related posts|related news"
    r"|read more|read also|also read|see also|you may also like|you might also like"
    r"|share this|more from|most popular|most read|recommended for you|leia também"
    r"|leia mais|veja também|читайте также|lesen sie auch|leggi anche|baca juga)\b)",
    re.IGNORECASE,
)

# A sentence and a heading: shorter lines are never cut.
MIN_CUED_CHARS = 40


def split_cues(text: str) -> list[str]:
    """Cut a line before each block heading that follows a sentence; '' joins them back."""
    if len(text) < MIN_CUED_CHARS:
        return [text]
    cuts = [m.end() for m in BLOCK_CUE.finditer(text)]
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in pairwise(bounds) if b > a]
