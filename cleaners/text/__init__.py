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
from cleaners.text.classify import Unit, drop_repeats, drop_stranded, find_span, score_unit
from cleaners.text.features import unit_features
from cleaners.text.lines import merge_fragments, split_lines
from cleaners.text.model import decide_units
from cleaners.text.rules import match_chrome
from cleaners.text.seams import split_seams
from cleaners.text.stopwords import detect_stoplist

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
    drop_repeats(units)
    return Extraction(
        paragraphs=_join_paragraphs(units),
        metadata=analysis.metadata,
        removed=[Removal(_rule_name(u), u.text) for u in units if u.label is not None],
    )


def analyse_text(text: str, is_template: Callable[[str], bool] | None = None) -> Analysis:
    """Cut a dump into labelled units, find the article span and describe every unit."""
    raw_lines = split_lines(text)
    stoplist = detect_stoplist(line.text for line in raw_lines)
    lines = merge_fragments(raw_lines, stoplist)
    units: list[Unit] = []
    for idx, line in enumerate(lines):
        units.extend(_split_line(line.text, idx, line.blank_before, is_template))
    for unit in units:
        score_unit(unit, stoplist)
    start, end = find_span(units)
    chrome_free = ["" if u.label is not None else u.text for u in units]
    metadata, lifted = extract_text_metadata(chrome_free, start)
    for i, rule in lifted.items():
        units[i].label = rule
    drop_stranded(units, start, end)
    for i, unit in enumerate(units):
        if unit.label is None and not start <= i < end:
            unit.label = "low_quality" if unit.prose else "short_line"
    features = unit_features(units, (start, end), getattr(is_template, "doc_freq", None))
    return Analysis(units, (start, end), metadata, features)


def _rule_name(unit: Unit) -> str:
    """Name the rule of a removal; a repeated line says which kind of chrome it is, if known."""
    if unit.label == "template":
        return match_chrome(unit.text) or "template"
    return str(unit.label)


def _split_line(
    text: str, idx: int, blank_before: bool, is_template: Callable[[str], bool] | None
) -> list[Unit]:
    """Label a line, cutting it at glue seams when a piece is chrome or the line is long."""
    if is_template is not None and is_template(text):
        return [Unit(text, idx, blank_before, "template")]
    pieces, labels = _cut_line(text)
    if len(pieces) > 1 and is_template is not None:
        labels = tuple(
            lab or ("template" if is_template(p) else None)
            for p, lab in zip(pieces, labels, strict=True)
        )
    if len(pieces) > 1 and len(text) <= MAX_UNSPLIT_CHARS and not any(labels):
        return [Unit(text, idx, blank_before, match_chrome(text))]
    return [
        Unit(piece, idx, blank_before and k == 0, label)
        for k, (piece, label) in enumerate(zip(pieces, labels, strict=True))
    ]


@lru_cache(maxsize=1 << 16)
def _cut_line(text: str) -> tuple[tuple[str, ...], tuple[str | None, ...]]:
    """Cut a line at its glue seams and name the chrome family of every piece."""
    pieces = tuple(split_seams(text))
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
