"""Choose inputs for a manual reprocessing run: by glob, site, file date, past outcome."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from fnmatch import fnmatch
from pathlib import Path

from cleaners import __version__
from cleaners.config import Config
from cleaners.readers.files import relative_name
from cleaners.state import InputState, load_state


@dataclass(frozen=True)
class Selection:
    """What a person asks to reprocess; every criterion left empty matches everything."""

    glob: str | None = None  # over paths relative to raw/, e.g. "exports/*.jsonl"
    site: str | None = None  # host or site name of the documents, e.g. "rt.com"
    since: date | None = None  # raw file modified on or after this day (UTC)
    until: date | None = None  # raw file modified on or before this day (UTC)
    quarantined_only: bool = False  # only inputs with a quarantine record last time
    outdated_only: bool = False  # only inputs last cleaned by another cleaner version or config


def select_inputs(
    paths: list[Path], raw_root: Path, clean_root: Path, selection: Selection, config: Config
) -> list[Path]:
    """Return the inputs that meet every criterion of the selection."""
    return [p for p in paths if _matches(p, raw_root, clean_root, selection, config)]


def _matches(path: Path, raw_root: Path, clean_root: Path, sel: Selection, config: Config) -> bool:
    rel = relative_name(path, raw_root)
    if sel.glob and not (fnmatch(rel, sel.glob) or fnmatch(path.name, sel.glob)):
        return False
    if (sel.since or sel.until) and not _in_range(path, sel.since, sel.until):
        return False
    state = load_state(clean_root, rel)
    if sel.quarantined_only and (state is None or state.quarantined == 0):
        return False
    if sel.outdated_only and not _outdated(state, config):
        return False
    return not sel.site or _site_matches(rel, state, clean_root, sel.site)


def _in_range(path: Path, since: date | None, until: date | None) -> bool:
    day = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).date()
    return (since is None or day >= since) and (until is None or day <= until)


def _outdated(state: InputState | None, config: Config) -> bool:
    if state is None:
        return False
    return state.version != __version__ or state.config_hash != config.hash()


def _site_matches(rel: str, state: InputState | None, clean_root: Path, site: str) -> bool:
    """Match the site against the documents the input made last time, else its path."""
    needle = site.lower().removeprefix("www.")
    if needle in rel.lower():
        return True
    for out in state.outputs if state else ():
        try:
            record = json.loads((clean_root / out).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        values = [record.get("url") or "", record.get("site") or ""]
        if any(needle in v.lower() for v in values):
            return True
    return False
