"""Small per-language stop-word lists; a dump's words, its stop list and stop-word counts."""

from __future__ import annotations

import re
from collections import Counter
from itertools import repeat

import numpy as np

from cleaners.text.lines import split_words

# The most frequent function words per language (after jusText's stoplists, cut down
# to what a line classifier needs). Languages of the dev pages come first.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        split_words(
            "a about after all also an and any are as at be because been but by can could did "
            "do does for from had has have he her his how i if in into is it its just like more "
            "most my no not of on one only or other our out over said she so some such than that "
            "the their them then there these they this those through to up was we were what when "
            "which while who will with would you your"
        )
    ),
    "de": frozenset(
        split_words(
            "aber als am an auch auf aus bei bis das dass dem den der des die dies diese durch "
            "ein eine einem einen einer es für hat haben ich im in ist ja kann mit nach nicht "
            "noch nur oder sich sie sind so um und uns von vor war wie wir wird zu zum zur über"
        )
    ),
    "fr": frozenset(
        split_words(
            "à au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur "
            "lui mais même ne nous on ont ou par pas plus pour qu que qui sa se ses son sont sur "
            "un une vous été être"
        )
    ),
    "es": frozenset(
        split_words(
            "a al algo como con de del el ella en entre es esta este fue ha hay la las le lo los "
            "más me mi muy no nos o para pero por que se ser si sin sobre su sus también un una "
            "y ya"
        )
    ),
    "pt": frozenset(
        split_words(
            "a ao aos as até com como da das de do dos e ela ele em entre era essa esse esta "
            "está foi isso já mais mas na nas no nos não o os ou para pela pelo por que se ser "
            "seu sua são também tem um uma você é"
        )
    ),
    "it": frozenset(
        split_words(
            "a al alla anche che ci come con da dal dalla degli dei del della di e è gli ha i "
            "il in io la le lo ma mi ne nel nella non per più questo se si sono su sua suo tra "
            "un una uno"
        )
    ),
    "nl": frozenset(
        split_words(
            "aan al als bij dan dat de den der die dit door een en er het hij hoe in is je kan "
            "maar met na naar niet nog of om ook op over te tot uit van voor was wat we wel "
            "werd worden zijn ze zich"
        )
    ),
    "id": frozenset(
        split_words(
            "ada adalah akan atau bahwa bisa dalam dan dari dengan di ini itu jadi juga kami "
            "karena ke kita lebih mereka oleh pada saat sebagai sudah tak telah tidak untuk "
            "yang"
        )
    ),
    "ru": frozenset(
        split_words(
            "а без бы был была были было в вам во вот все всё вы где да для до его ее её если "
            "есть еще ещё же за и из или им их к как когда кто ли мы на над не нет ни но о об "
            "он она они от по под при с со так также там то только тоже у уже что чтобы это "
            "я"
        )
    ),
    "pl": frozenset(
        split_words(
            "a ale by był być co dla do i ich jak jako jest jego już na nie o od po przez się "
            "so ta tak także te to tylko w we z za że"
        )
    ),
}
_LANGS_OF: dict[str, list[str]] = {}
for _lang, _words in STOPWORDS.items():
    for _word in _words:
        _LANGS_OF.setdefault(_word, []).append(_lang)
# A word: letters, with one inner apostrophe ("don't", "l’homme").
WORD_PATTERN = r"[^\W\d_]+(?:['’][^\W\d_]+)?"
# Words of many lines in one pass; the line break comes out as its own token.
_WORD_OR_BREAK = re.compile(f"{WORD_PATTERN}|\n")


def read_words(lines: list[str]) -> list[str]:
    """Return the casefolded words of the lines, in order, with a "\\n" token between lines."""
    found = _WORD_OR_BREAK.findall("\n".join(lines))
    # Casefolding the joined words at once is the same as word by word, and cheaper.
    return " ".join(found).casefold().split(" ") if found else []


def pick_stoplist(words: list[str]) -> frozenset[str]:
    """Pick the stop-word list with the most hits among a document's words."""
    counts = dict.fromkeys(STOPWORDS, 0)
    for word, hits in Counter(filter(_LANGS_OF.__contains__, words)).items():
        for lang in _LANGS_OF[word]:
            counts[lang] += hits
    best = max(counts, key=lambda lang: counts[lang])
    return STOPWORDS[best] if counts[best] >= 5 else frozenset()


def count_stops(
    words: list[str], stoplist: frozenset[str], n_lines: int
) -> tuple[np.ndarray, np.ndarray]:
    """Return each line's number of words and of stop words, given read_words output."""
    if not words:
        return np.zeros(n_lines, dtype=np.int64), np.zeros(n_lines, dtype=np.int64)
    # One pass reads every token's kind: 1 a stop word, 2 a line break, 0 another word.
    kinds = dict.fromkeys(stoplist, 1)
    kinds["\n"] = 2
    kind = np.fromiter(map(kinds.get, words, repeat(0)), dtype=np.int8, count=len(words))
    breaks = kind == 2
    line_of = np.cumsum(breaks)
    return (
        np.bincount(line_of[~breaks], minlength=n_lines),
        np.bincount(line_of[kind == 1], minlength=n_lines),
    )
