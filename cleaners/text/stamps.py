"""Drop stray datelines and bylines: the ones outside the article head, where none is lifted."""

from __future__ import annotations

import re

import numpy as np

from cleaners.metadata.dates import find_date
from cleaners.metadata.text_meta import BYLINE, BYLINE_WORDS, TWEET_SIGNATURE, date_rest

# Hawaii News Now's "By HNN Staff | November 18, 2019 at 2:26 PM HST", CTV's "Published
# Monday, November 18, 2019 8:22AM EST", WSJ's "Nov. 19, 2019 8:03 am ET" and JPost's "By
# JERUSALEM POST STAFF" sit below a teaser or a second copy of the story: a time stamp
# or a name, no sentence.
MAX_STAMP_WORDS = 20
MAX_BYLINE_WORDS = 8
MAX_NAME_WORDS = 6  # "By HNN Staff | " before the date
# What may stay beside the date: a weekday, "ET", a name ("Posted by Jane Doe on ...").
MAX_REST_WORDS = 4
LINKING_WORDS = frozenset({"by", "on", "at", "|", "-", "–", "—", "em", "am", "le", "il"})
# Reuters' "(Reporting by Greg Roumeliotis; editing by Martin Howell)".
AGENCY_OPENING = r"\(?(?:additional )?(?:reporting|writing|editing|compiled|translated) by\b"
AGENCY_CREDIT = re.compile(f"^{AGENCY_OPENING}", re.IGNORECASE)
# What a stamp cannot lack: a year (every date pattern holds one), or a credit's, a
# byline's or a relative time's opening at the start of its line. Few lines have one,
# and two searches over the joined lines find them. The opening is matched after a line
# break: a pattern that starts with a literal is searched fast, where a multiline "^" is
# tried at every offset.
YEAR_CUE = re.compile(r"(?:19|20)\d\d")
OPENING_CUE = re.compile(
    rf"\n(?:{AGENCY_OPENING}|(?:{BYLINE_WORDS})\s*:?\s"
    # RELATIVE_TIME's openings, below.
    r"|(?:about |posted |updated |published )?(?:\d|(?:an?|one) (?:sec|min|hour|hr|day|week|month"
    r"|year))|há \d|vor \d)",
    re.IGNORECASE,
)


def match_stamps(texts: list[str]) -> list[bool]:
    """Tell of each line whether match_stamp holds, trying only the lines with a cue."""
    found = [False] * len(texts)
    if not texts:
        return found
    joined = "\n" + "\n".join(texts)  # every line after a break, at breaks[i]
    sizes = np.fromiter(map(len, texts), dtype=np.intp, count=len(texts)) + 1
    breaks = np.cumsum(sizes) - sizes
    hits = [m.start() for m in YEAR_CUE.finditer(joined)]
    hits += [m.start() for m in OPENING_CUE.finditer(joined)]
    for i in set((np.searchsorted(breaks, hits, side="right") - 1).tolist()):
        found[i] = match_stamp(texts[i])
    return found


# A relative time on its own: a comment's or a teaser's "2 days ago at 07:47 am", "16 hours
# ago on iOS Blog", "há 3 horas", "2 часа назад", "3時間前".
RELATIVE_TIME = re.compile(
    r"^(about |posted |updated |published )?(\d+|an?|one) (seconds?|minutes?|mins?|hours?|hrs?"
    r"|days?|weeks?|months?|years?) ago\b|^há \d+ (minutos?|horas?|dias?|semanas?|meses)\b"
    r"|^vor \d+ (minuten|stunden|tagen|wochen)\b|^\d+ (минут[уы]?|час(а|ов)?|дн(я|ей)|день) назад"
    r"|^\d+ (menit|jam|hari|minggu) (yang )?lalu\b|^\d+ (minuti|ore|giorni) fa\b"
    r"|^\d+ ?(分|時間|日)前|^\d+ ?(분|시간|일) ?전",
    re.IGNORECASE,
)
MAX_RELATIVE_WORDS = 8
# What may follow it: nothing, or a time, a section or a name ("... ago, the court" is prose).
RELATIVE_TAILS = frozenset({"at", "on", "in", "by", "|", "·", "•", "-", "–", "—"})


def match_stamp(text: str) -> bool:
    """Tell whether a line is only a dateline, a byline, a relative time or a reporting credit."""
    words = text.split()
    if len(words) > MAX_STAMP_WORDS or TWEET_SIGNATURE.search(text):
        return False
    if AGENCY_CREDIT.match(text):
        return True
    if len(words) <= MAX_RELATIVE_WORDS:
        relative = RELATIVE_TIME.match(text)
        if relative:
            tail = text[relative.end() :].split(None, 1)
            return not tail or tail[0].casefold() in RELATIVE_TAILS
    found = find_date(text)
    by = BYLINE.match(text)
    if by and _is_name_start(by["names"]):
        names = by["names"] if found is None else text[by.start("names") : found[1]]
        if len(names.split()) <= (MAX_BYLINE_WORDS if found is None else MAX_NAME_WORDS):
            return True
    if found is None:
        return False
    _, start, end = found
    if text[end:].lstrip().startswith(":"):
        return False  # a timeline entry: "March 3, 2019: the company files for bankruptcy"
    rest = date_rest(text, start, end)
    kept = [w for w in rest.split() if w.casefold() not in LINKING_WORDS]
    return len(kept) <= MAX_REST_WORDS and not rest.endswith((".", "!", "?"))


def _is_name_start(names: str) -> bool:
    """Tell whether a byline's names part starts like a name, not "By 2020, ..."."""
    first = names[:1]
    return first.isupper() or (first.isalpha() and not first.isascii())
