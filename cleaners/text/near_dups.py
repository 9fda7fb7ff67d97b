"""Drop kept units that repeat text kept above them, glued or cut differently."""

from __future__ import annotations

import re

from cleaners.text.classify import Unit, drop_repeats

# Pages print their article twice (an AMP or print copy, a JSON-LD body rendered as
# text: Business Insider), a caption above and below a photo (Chron), a teaser of the
# lead paragraph; the copies are joined at other places, so whole-line equality misses
# them. Four-word shingles, as a reader would see a repeat.
_WORD = re.compile(r"\w+")
SHINGLE = 4
# A unit is a copy when this share of its shingles was already kept...
COPY_SHARE = 0.8
# ...and it has this many shingles: a short phrase may repeat by chance.
MIN_SHINGLES = 3


def drop_copies(units: list[Unit]) -> None:
    """Drop second copies of kept text: whole repeated lines, then near-duplicates."""
    drop_repeats(units)
    drop_near_duplicates(units)


def drop_near_duplicates(units: list[Unit]) -> None:
    """Label as duplicate every kept unit whose shingles mostly appeared in earlier kept ones."""
    seen: set[tuple[str, ...]] = set()
    for unit in units:
        if unit.label is not None:
            continue
        words = _WORD.findall(unit.text.casefold())
        # The word tuples that start at each offset with SHINGLE words left.
        grams = list(zip(*(words[k:] for k in range(SHINGLE)), strict=False))
        copies = sum(map(seen.__contains__, grams))
        if len(grams) >= MIN_SHINGLES and copies >= COPY_SHARE * len(grams):
            unit.label = "duplicate"
            continue
        seen.update(grams)
