"""Drop related-article teasers and their headings."""

from __future__ import annotations

import re

from cleaners.text.lines import count_words, line_key

# RT's inline "READ MORE: '...'" and "Also on rt.com"; Guardian's "Most viewed" and
# "Explore more on these topics"; blog widgets ("You may also like", "Related posts").
RELATED_PREFIX = re.compile(
    r"^(read more|read also|see also|also read|also on|related|more on this|more from"
    r"|recommended|you (may|might) (also )?(like|enjoy|be interested)|leia também|leia mais"
    r"|veja também|veja mais|saiba mais|leer más|lee también|lire aussi|lesen sie auch"
    r"|mehr zum thema|leggi anche|baca juga|читайте также|смотрите также|по теме)\b\s*:"
)
RELATED_LINE = re.compile(
    r"^(read more|more|related|related (articles?|stories|posts?|news|content|topics|links)"
    r"|also on [\w.-]+|more from [\w .-]{1,30}|most (viewed|read|popular|shared|commented)"
    r"|trending( now| stories)?|recommended( for you| stories| articles)?|popular( posts| now)?"
    r"|latest( news| posts| stories| articles)?|more (stories|news|articles|on this story|videos)"
    r"|top stories|editor'?s picks|you (may|might) (also )?(like|enjoy)"
    r"|explore more on these topics"
    r"|see also|read next|what to read next|don'?t miss|in case you missed it|further reading"
    r"|continue reading|keep reading|read the full (story|article)|full story|view comments"
    r"|leia também|leia mais|veja também|saiba mais|mais lidas|últimas notícias|lesen sie auch"
    r"|mehr zum thema|leggi anche|baca juga|berita terkait|artikel terkait|читайте также"
    r"|по теме|популярное|mixi\.media news|sponsored stories|around the web|from the web"
    r"|promoted stories|more for you|à lire aussi|lire aussi|voir aussi|sur le même sujet"
    r"|articles similaires|noticias relacionadas|artículos relacionados|te puede interesar"
    r"|ver también|lee también|関連記事|관련 기사|관련기사"
    r"|(trending|latest|popular|top|breaking) (news|stories|posts|videos)"
    r"|more (in |from |on |about )?[\w.'&-]+( [\w.'&-]+)?)$"
)
MAX_RELATED_WORDS = 25
# A related-links block glued into one line (lxml joins a widget's heading and its
# headlines with spaces): "Related articles Hong Kong uprising: ... Plague outbreak: ...".
# A heading that does not open sentences, more text after it, and no full stop at the
# end (headlines have none; a cut-off one ends in "..."): such a line is the block,
# however long.
RELATED_BLOCK = re.compile(
    r"^(related (articles?|stories|posts|news|links|videos)|you (may|might) also (like|enjoy)"
    r"|recommended (for you|stories|articles)|leia também|veja também|читайте также"
    r"|lesen sie auch|leggi anche|baca juga|berita terkait|artikel terkait)\b[\s.:…]*\w"
)


def match_related(text: str) -> bool:
    """Tell whether a line is a related-article heading or teaser."""
    key = line_key(text)
    if RELATED_LINE.match(key) or is_related_block(text, key):
        return True
    return count_words(text) <= MAX_RELATED_WORDS and bool(RELATED_PREFIX.match(text.casefold()))


def is_related_block(text: str, key: str) -> bool:
    """Tell whether a line is a related-links heading with its headlines glued on."""
    if not RELATED_BLOCK.match(key):
        return False
    end = text.rstrip()
    return not end.endswith(".") or end.endswith("...")
