"""Clean a list of input files into clean/: read, clean, write atomically, record state."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from cleaners import __version__
from cleaners.config import Config
from cleaners.discover import check_input
from cleaners.output import existing_outputs, render_json, write_atomic, write_record
from cleaners.pipeline import clean_item, profile_key, site_group
from cleaners.readers import detect_format, hash_file, iter_input
from cleaners.readers.files import relative_name
from cleaners.records import RawDoc, ReadError
from cleaners.report import BatchReport
from cleaners.schema import QuarantineRecord
from cleaners.state import InputState, is_current, load_state, save_state
from cleaners.storage import open_location
from cleaners.text.template import LineProfile, line_keys

log = logging.getLogger(__name__)


DocLines = tuple[str, str, list[str]]  # (site group, document key, normalised line keys)
# Input formats that can hold plain-text documents.
TEXT_FORMATS = ("text", "jsonl")


def survey_inputs(paths: Iterable[Path], raw_root: Path) -> list[DocLines]:
    """Return the normalised lines of every text document in these inputs, for the profile."""
    found: list[DocLines] = []
    for path in paths:
        if not may_hold_text(path):
            continue
        for item in iter_input(path, raw_root):
            if isinstance(item, RawDoc) and item.kind == "text":
                found.append((site_group(item), profile_key(item), sorted(line_keys(item.content))))
    return found


def may_hold_text(path: Path) -> bool:
    """Tell whether an input can hold plain-text documents (pages and WARCs are HTML)."""
    return detect_format(path) in TEXT_FORMATS


def add_survey(profile: LineProfile, survey: Iterable[DocLines]) -> LineProfile:
    """Add surveyed documents to a profile; documents it already knows count once."""
    for group, key, lines in survey:
        profile.add_line_keys(group, key, lines)
    return profile


def clean_inputs(
    paths: Iterable[Path],
    raw_root: Path,
    clean_root: Path,
    config: Config,
    profile: LineProfile | None = None,
    force: bool = False,
) -> BatchReport:
    """Clean each input unless its outputs are current; never raise on a bad input."""
    report = BatchReport()
    for path in paths:
        report.inputs_seen += 1
        rel = relative_name(path, raw_root)
        try:
            sha = "" if check_input(path, raw_root) else hash_file(path)
        except OSError:
            sha = ""  # the reader turns it into a quarantine record
        if sha and not force and is_current(clean_root, rel, sha, config.hash()):
            report.inputs_skipped += 1
            continue
        items = iter_input(path, raw_root, config.max_doc_bytes, sha or None)
        clean_one_input(items, rel, sha, clean_root, config, profile, report)
        report.inputs_cleaned += 1
    return report


def clean_one_input(
    items: Iterator[RawDoc | ReadError] | list[RawDoc | ReadError],
    rel: str,
    sha: str,
    clean_root: Path,
    config: Config,
    profile: LineProfile | None,
    report: BatchReport,
) -> None:
    """Write every record of one input, drop outputs it no longer makes, then save its state."""
    previous = load_state(clean_root, rel)
    outputs: list[str] = []
    quarantined = 0
    for item in items:
        record = clean_item(item, config, profile)
        report.add(record)
        path = write_record(clean_root, record)
        outputs.append(path.relative_to(clean_root).as_posix())
        if isinstance(record, QuarantineRecord):
            quarantined += 1
            log.debug("quarantined %s: %s (%s)", record.source.path, record.reason, record.detail)
    # Old outputs go only after their replacements are written, so nothing is lost midway;
    # records a killed run left without saving the state are found on disk.
    made = set(previous.outputs) if previous is not None else set()
    for stale in (made | existing_outputs(clean_root, rel)) - set(outputs):
        (clean_root / stale).unlink(missing_ok=True)
    state = InputState(rel, sha, config.hash(), __version__, tuple(outputs), quarantined)
    save_state(clean_root, state)


def survey_batch_paths(paths: list[str], raw_dir: str) -> list[DocLines]:
    """Survey a batch given as path strings or URLs (what a worker process is sent)."""
    return survey_inputs([open_location(p) for p in paths], open_location(raw_dir))


def clean_batch_paths(
    paths: list[str], raw_dir: str, clean_dir: str, config: Config, force: bool
) -> BatchReport:
    """Clean a batch given as path strings or URLs, with the persisted site profile."""
    clean_root = open_location(clean_dir)
    raw_root = open_location(raw_dir)
    profile = load_profile(clean_root)
    inputs = [open_location(p) for p in paths]
    return clean_inputs(inputs, raw_root, clean_root, config, profile, force)


PROFILE_FILE = "boilerplate.json"


def profile_path(clean_root: Path) -> Path:
    """Return where the per-site boilerplate profile is kept, beside the outputs."""
    return clean_root / "_state" / PROFILE_FILE


def load_profile(clean_root: Path) -> LineProfile:
    """Read the persisted per-site profile, or start an empty one."""
    try:
        return LineProfile.from_json(json.loads(profile_path(clean_root).read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return LineProfile()


def save_profile(clean_root: Path, profile: LineProfile) -> None:
    """Write the per-site profile atomically."""
    write_atomic(profile_path(clean_root), render_json(profile.to_json()))
