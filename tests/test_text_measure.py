"""Whole-document measurements: they agree with the per-text definitions they replace."""

from __future__ import annotations

import re

import numpy as np
import pytest

from cleaners.text.chars import (
    ALPHA,
    CJK,
    DIGIT,
    LETTER,
    SPACE,
    UPPER,
    char_flags,
    classify_char,
    code_points,
)
from cleaners.text.features import _after_block_rule, _short_runs, _stamps_before
from cleaners.text.measure import STAT_NAMES, measure_units, repeat_key, repeat_keys
from cleaners.text.seams import UPPER_CANDIDATE
from cleaners.text.stopwords import STOPWORDS, count_stops, pick_stoplist, read_words
from cleaners.text.template import normalize_line, normalize_lines

# Units as analyse_text makes them: whitespace-normalised, no line break, any script.
TEXTS = [
    "The council approved the new budget on Monday.",
    "“Quoted” words — and a dash, don’t split l’homme’s.",
    "İstanbul ǅemal Straße ² ½ ٣ Ⅻ Ⓐ 𝐀",
    "東京で会議が開かれた。",
    "서울에서 회의가 열렸다",
    "12:30 GMT, Nov 20, 2019",
    "- 1) item",
    "Why?",
    "_x_ \ud800 ok",
    "€",
]
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def test_character_classes_match_python_predicates() -> None:
    sample = "".join(TEXTS) + "".join(map(chr, range(0x2000)))
    flags = char_flags(code_points(sample)).tolist()
    for ch, bits in zip(sample, flags, strict=True):
        assert bool(bits & UPPER) == ch.isupper()
        assert bool(bits & ALPHA) == ch.isalpha()
        assert bool(bits & DIGIT) == ch.isdigit()
        assert bool(bits & SPACE) == ch.isspace()
        assert bool(bits & LETTER) == bool(re.fullmatch(r"[^\W\d_]", ch))
        assert bool(bits & CJK) == bool(_CJK.fullmatch(ch))
    assert classify_char("A") == UPPER | ALPHA | LETTER


def test_every_capital_is_a_seam_candidate() -> None:
    # find_seams only looks at UPPER_CANDIDATE hits in non-ASCII lines.
    capitals = (chr(c) for c in range(0x110000) if chr(c).isupper())
    assert [c for c in capitals if not UPPER_CANDIDATE.match(c)] == []


@pytest.mark.parametrize("stoplist", [STOPWORDS["en"], frozenset()])
def test_unit_measures_match_their_per_text_definitions(stoplist: frozenset[str]) -> None:
    m = measure_units(TEXTS, stoplist)
    assert m.stats.shape == (len(TEXTS), len(STAT_NAMES))
    for i, text in enumerate(TEXTS):
        tokens = text.split()
        share = len(_CJK.findall(text)) / len(text)
        words = [w.casefold() for w in _WORD.findall(text)]
        if share > 0.3:
            assert m.words[i] == len(text) * share / 2.5 + len(tokens) * (1 - share)
        else:
            assert m.words[i] == len(tokens)
        assert m.has_density[i] == (bool(stoplist) and share < 0.3)
        if m.has_density[i]:
            expected = sum(w in stoplist for w in words) / len(words) if words else 0.0
            assert m.density[i] == expected
        stats = dict(zip(STAT_NAMES, m.stats[i].tolist(), strict=True))
        assert stats["n_words"] == len(tokens)
        assert stats["chars"] == len(text)
        assert stats["titled"] == sum(t[0].isupper() for t in tokens) / len(tokens)
        assert stats["digits"] == sum(map(str.isdigit, text)) / len(text)
        assert stats["upper"] == sum(map(str.isupper, text)) / (sum(map(str.isalpha, text)) or 1)
        assert stats["question"] == (text[-1] == "?")
        assert m.has_letter[i] == bool(re.search(r"[^\W\d_]", text))


def test_line_words_feed_the_stoplist_and_per_line_counts() -> None:
    lines = ["The cat and the dog.", "", "Der Hund und die Katze", "ok"]
    words = read_words(lines)
    assert words.count("\n") == len(lines) - 1
    assert pick_stoplist(words) == frozenset()  # 3 hits for en and de: too few
    assert pick_stoplist(read_words(["Der Hund und die Katze sind in dem Haus"])) == STOPWORDS["de"]
    counts, hits = count_stops(words, STOPWORDS["en"], len(lines))
    assert counts.tolist() == [5, 0, 5, 1]
    assert hits.tolist() == [3, 0, 0, 0]


def test_many_lines_normalise_as_one_line_does() -> None:
    lines = [*TEXTS, "  Posted: 12 Nov,\t2019!  ", "", "   ", "a_b--c", "ＡＢＣ①", "x\x1fy"]
    assert normalize_lines(lines) == [normalize_line(line) for line in lines]


def test_repeat_keys_of_normalised_units() -> None:
    assert repeat_keys(TEXTS) == [repeat_key(t) for t in TEXTS]


def test_block_runs_and_stamps() -> None:
    prose = np.array([False, False, True, False, False, False, True])
    block = np.array([False, True, False, False, True, False, False])
    assert _short_runs(prose).tolist() == [2 / 30, 2 / 30, 0, 3 / 30, 3 / 30, 3 / 30, 0]
    assert _after_block_rule(block, prose).tolist() == [0, 1, 0, 0, 1, 1, 0]
    dated = np.array([1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0])
    gap = np.array([-1.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0])  # the article head at unit 2
    assert _stamps_before(dated, gap).tolist() == [0, 0.2, 0, 0, 0.2, 0.4, 0.6]
