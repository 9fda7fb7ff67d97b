"""Language detection: the vectorised feature count gives py3langid's own answers exactly."""

from __future__ import annotations

import numpy as np
import py3langid  # type: ignore[import-untyped]
import pytest
from py3langid.langid import LanguageIdentifier  # type: ignore[import-untyped]

from cleaners.config import Config
from cleaners.html import extract_html
from cleaners.metadata.language import NGRAM_BYTES, _identifier, detect_language
from tests.test_html_golden import load

SAMPLES = [
    "The ceasefire in Syria is only being observed by government troops, the military said.",
    "Die Bundesregierung hat am Mittwoch neue Regeln für den Ausbau der Windkraft beschlossen.",
    "Le gouvernement a présenté mercredi un projet de loi sur la réforme des retraites.",
    "El presidente anunció este lunes un nuevo plan de inversiones en infraestructura.",
    "Правительство утвердило новый план развития транспортной инфраструктуры страны.",
    "東京都は新しい感染症対策を発表し、飲食店の営業時間短縮を要請した。",
    "الحكومة أعلنت اليوم عن خطة جديدة لدعم الاقتصاد الوطني وتشجيع الاستثمار.",
    "ÄÖÜ äöü ß – ein kurzer Satz mit Umlauten, Ziffern 2024 und Zeichen §$%&.",
    "MOSTLY UPPER CASE HEADLINE TEXT THAT PY3LANGID LOWERS BEFORE SCORING",
    "a",
    "",
]


def reference() -> LanguageIdentifier:
    """Return py3langid's own identifier, as configured in language.py."""
    model = py3langid.langid.MODEL_DIR / py3langid.langid.MODEL_FILE
    return LanguageIdentifier.from_model_file(model, norm_probs=True)


def page_texts() -> list[str]:
    """Return the bodies that the pipeline extracts from the golden fixture pages."""
    names = ("d48aeb9cf2", "8b19453030", "f8ff621a0b")
    return ["\n\n".join(extract_html(load(n), None, Config()).paragraphs) for n in names]


def test_classify_matches_py3langid_exactly() -> None:
    ours, theirs = _identifier(), reference()
    texts = SAMPLES + page_texts()
    # Long texts, and every window of a page body a detection could see.
    texts += [t[start : start + 700] for t in page_texts() for start in range(0, 3000, 350)]
    for text in texts:
        assert ours.classify(text) == theirs.classify(text), text[:60]


def test_automaton_depth_fits_the_window() -> None:
    """A model whose features are longer than NGRAM_BYTES would need a wider window."""
    ident = _identifier()
    moves = np.asarray(ident.tk_nextmove)
    rows = np.asarray(ident._rowbase, dtype=np.int64)
    seen = np.zeros(len(rows), dtype=bool)
    seen[0] = True
    frontier, depth = np.array([0]), 0
    steps = np.arange(256)
    while len(frontier):
        reached = np.unique(moves[(rows[frontier][:, None] + steps).ravel()])
        frontier = reached[~seen[reached]]
        seen[frontier] = True
        depth += bool(len(frontier))
    assert seen.all()
    assert depth <= NGRAM_BYTES


@pytest.mark.parametrize(
    ("text", "language"),
    [(SAMPLES[0], "en"), (SAMPLES[1], "de"), (SAMPLES[4], "ru"), ("12 34 -- ok", None)],
)
def test_detect_language(text: str, language: str | None) -> None:
    assert detect_language(text) == language
