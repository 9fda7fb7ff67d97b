"""Clean page chrome out of plain-text dumps of web pages."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from cleaners.config import Config
from cleaners.metadata.text_meta import extract_text_metadata
from cleaners.records import Extraction, Metadata, Removal
from cleaners.text.classify import Unit, drop_stranded, find_span, score_units
from cleaners.text.cues import split_cues
from cleaners.text.fallback import rescue_lists
from cleaners.text.features import SOFT_LABELS, unit_features
from cleaners.text.lines import Line, merge_fragments, split_lines
from cleaners.text.measure import measure_units
from cleaners.text.model import decide_units
from cleaners.text.near_dups import drop_copies
from cleaners.text.rules import match_chrome
from cleaners.text.seams import split_seams
from cleaners.text.stamps import match_stamps
from cleaners.text.stopwords import count_stops, pick_stoplist, read_words
from cleaners.text.tags import tags_of
from cleaners.text.template import TemplateCheck, normalize_line, normalize_lines

log = logging.getLogger(__name__)

__all__ = ["clean_text"]

# Glued lines longer than this are cut at every seam even when no piece is known
# chrome: lxml turns whole minified menus and articles into one line.
MAX_UNSPLIT_CHARS = 200


@dataclass
class Analysis:
    """A dump cut into units, with the heuristic span, metadata and model features."""

    units: list[Unit]
    span: tuple[int, int]
    metadata: Metadata
    features: np.ndarray


def clean_text(
    text: str, config: Config, is_template: Callable[[str], bool] | None = None
) -> Extraction:
    """Split a plain-text dump into article paragraphs, metadata and logged removals."""
    analysis = analyse_text(text, is_template)
    units = analysis.units
    decide_units(units, analysis.features)
    rescue_lists(units, config.min_words)
    drop_copies(units)
    return Extraction(
        paragraphs=_join_paragraphs(units),
        metadata=analysis.metadata,
        removed=[
            Removal(_rule_name(u), u.text, u.score if u.label in SOFT_LABELS else None)
            for u in units
            if u.label is not None
        ],
    )


@dataclass
class _Cut:
    """A dump's units, and where each unit came from."""

    units: list[Unit]
    whole: np.ndarray  # the merged line a unit is, whole; -1 for a piece of one
    source: np.ndarray  # the dump line a unit is, whole; -1 for pieces and merged lines
    line_keys: list[str] | None  # normalised line texts, when a site template is known


def analyse_text(text: str, is_template: Callable[[str], bool] | None = None) -> Analysis:
    """Cut a dump into labelled units, find the article span and describe every unit."""
    raw_lines = split_lines(text)
    words = read_words([line.text for line in raw_lines])
    stoplist = pick_stoplist(words)
    cut = _cut_units(merge_fragments(raw_lines, stoplist, match_chrome), is_template)
    units = cut.units
    known = None
    if stoplist:
        # Units that are whole dump lines were counted when the stop list was picked.
        known = _line_counts(count_stops(words, stoplist, len(raw_lines)), cut.source)
    measures = measure_units([u.text for u in units], stoplist, known)
    score_units(units, measures)
    start, end = find_span(units)
    chrome_free = ["" if u.label is not None else u.text for u in units]
    metadata, lifted = extract_text_metadata(chrome_free, start)
    for i, rule in lifted.items():
        units[i].label = rule
    metadata.tags = metadata.tags or tags_of(u.text for u in units if u.label == "tags")
    open_units = [u for u in units if u.label is None]
    for unit, stamp in zip(open_units, match_stamps([u.text for u in open_units]), strict=True):
        if stamp:
            unit.label = "stamp"
    drop_stranded(units, start, end)
    for i, unit in enumerate(units):
        if unit.label is None and not start <= i < end:
            unit.label = "low_quality" if unit.prose else "short_line"
    features = unit_features(units, measures, (start, end), _doc_freqs(cut, is_template))
    return Analysis(units, (start, end), metadata, features)


def _cut_units(lines: list[Line], is_template: Callable[[str], bool] | None) -> _Cut:
    """Cut every line into units, a site template line whole."""
    texts = [line.text for line in lines]
    keys = None
    if isinstance(is_template, TemplateCheck):
        keys = normalize_lines(texts)
        templated = list(map(is_template.judge, texts, keys))
    elif is_template is not None:
        templated = [is_template(t) for t in texts]
    else:
        templated = [False] * len(lines)
    units: list[Unit] = []
    whole: list[int] = []
    source: list[int] = []
    for idx, (line, template) in enumerate(zip(lines, templated, strict=True)):
        if template:
            pieces = [Unit(line.text, idx, line.blank_before, "template")]
        else:
            pieces = _split_line(line.text, idx, line.blank_before, is_template)
        units += pieces
        if len(pieces) == 1:
            whole.append(idx)
            source.append(line.first if line.pieces == 1 else -1)
        else:
            whole += [-1] * len(pieces)
            source += [-1] * len(pieces)
    return _Cut(units, np.array(whole, dtype=np.intp), np.array(source, dtype=np.intp), keys)


def _line_counts(
    per_line: tuple[np.ndarray, np.ndarray], source: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Give each unit its dump line's word and stop-word counts, or -1 if it is no whole line."""
    whole = source >= 0
    return np.where(whole, per_line[0][source], -1), np.where(whole, per_line[1][source], -1)


def _doc_freqs(cut: _Cut, is_template: Callable[[str], bool] | None) -> np.ndarray:
    """Return how many documents of the site group hold each unit's text (0 without a group)."""
    units = cut.units
    if isinstance(is_template, TemplateCheck) and cut.line_keys is not None:
        line_keys = cut.line_keys
        keys = [
            line_keys[w] if w >= 0 else normalize_line(u.text)
            for u, w in zip(units, cut.whole.tolist(), strict=True)
        ]
        return np.array([is_template.count(k) for k in keys], dtype=float)
    doc_freq = getattr(is_template, "doc_freq", None)
    if doc_freq is None:
        return np.zeros(len(units))
    return np.array([doc_freq(u.text) for u in units], dtype=float)


def _rule_name(unit: Unit) -> str:
    """Name the rule of a removal; a repeated line says which kind of chrome it is, if known."""
    if unit.label == "template":
        return match_chrome(unit.text) or "template"
    return str(unit.label)


def _split_line(
    text: str, idx: int, blank_before: bool, is_template: Callable[[str], bool] | None
) -> list[Unit]:
    """Label a non-template line; cut it at glue seams if a piece is chrome or it is long."""
    pieces, labels = _cut_line(text)
    if len(pieces) == 1:
        return [Unit(text, idx, blank_before, labels[0])]
    if is_template is not None:
        labels = tuple(
            lab or ("template" if is_template(p) else None)
            for p, lab in zip(pieces, labels, strict=True)
        )
    if len(text) <= MAX_UNSPLIT_CHARS and not any(labels):
        return [Unit(text, idx, blank_before, match_chrome(text))]
    return [
        Unit(piece, idx, blank_before and k == 0, label)
        for k, (piece, label) in enumerate(zip(pieces, labels, strict=True))
    ]


@lru_cache(maxsize=1 << 16)
def _cut_line(text: str) -> tuple[tuple[str, ...], tuple[str | None, ...]]:
    """Cut a line at its glue seams and name the chrome family of every piece."""
    pieces = tuple(cut for piece in split_seams(text) for cut in split_cues(piece))
    if len(pieces) == 1:
        return pieces, (match_chrome(text),)
    return pieces, tuple(match_chrome(piece) for piece in pieces)


def _join_paragraphs(units: list[Unit]) -> list[str]:
    """Rebuild paragraphs from kept units, one per source line."""
    paragraphs: list[str] = []
    current: list[str] = []
    last_line = -1
    gap = False
    for unit in units:
        if unit.label is not None:
            gap = True
            continue
        if unit.line != last_line:
            if current:
                paragraphs.append("".join(current))
            current = [unit.text]
        else:
            current.append((" " if gap else "") + unit.text)
        last_line = unit.line
        gap = False
    if current:
        paragraphs.append("".join(current))
    return paragraphs
