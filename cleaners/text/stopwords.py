"""Small per-language stop-word lists and the stop-word density of a line."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

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
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Scripts written without spaces between words: line length is measured in characters.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def find_words(text: str) -> list[str]:
    """Return the casefolded words of a text."""
    # Casefolding the joined words at once is the same as word by word, and cheaper.
    return " ".join(_WORD.findall(text)).casefold().split()


def detect_stoplist(lines: Iterable[str]) -> frozenset[str]:
    """Pick the stop-word list with the most hits over a document's lines."""
    counts = dict.fromkeys(STOPWORDS, 0)
    # Words never span a line break, so the lines are read as one text.
    for word, hits in Counter(find_words("\n".join(lines))).items():
        for lang in _LANGS_OF.get(word, ()):
            counts[lang] += hits
    best = max(counts, key=lambda lang: counts[lang])
    return STOPWORDS[best] if counts[best] >= 5 else frozenset()


def cjk_share(text: str) -> float:
    """Return the share of a text's characters that are CJK or Hangul."""
    if not text or text.isascii():
        return 0.0
    return len(_CJK.findall(text)) / len(text)


def stopword_density(words: list[str], stoplist: frozenset[str]) -> float:
    """Return the share of words that are stop words."""
    if not words:
        return 0.0
    return sum(map(stoplist.__contains__, words)) / len(words)
