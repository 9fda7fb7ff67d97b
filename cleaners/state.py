"""Our own record of what was cleaned from which input and config (not Prefect's cache)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from cleaners.output import STATE_DIR, fit_name, render_json, require_inside, write_atomic

INPUTS_DIR = "inputs"


@dataclass(frozen=True)
class InputState:
    """What the last clean of one input made: its raw hash, config hash, and outputs."""

    path: str
    sha256: str
    config_hash: str
    version: str
    outputs: tuple[str, ...]  # paths relative to clean/, documents and quarantine records
    quarantined: int


def state_path(clean_root: Path, rel: str) -> Path:
    """Return the state file of one input."""
    folder, name = os.path.split(rel)
    path = clean_root / STATE_DIR / INPUTS_DIR / folder / fit_name(name, ".json")
    require_inside(clean_root, path)
    return path


def load_state(clean_root: Path, rel: str) -> InputState | None:
    """Read an input's state, or None when it was never cleaned (or the file is damaged)."""
    try:
        data = json.loads(state_path(clean_root, rel).read_text(encoding="utf-8"))
        data["outputs"] = tuple(data["outputs"])
        return InputState(**data)
    except (OSError, ValueError, TypeError, KeyError):
        return None


def save_state(clean_root: Path, state: InputState) -> None:
    """Write an input's state atomically, after its outputs are written."""
    data = {
        "path": state.path,
        "sha256": state.sha256,
        "config_hash": state.config_hash,
        "version": state.version,
        "outputs": list(state.outputs),
        "quarantined": state.quarantined,
    }
    write_atomic(state_path(clean_root, state.path), render_json(data))


def is_current(clean_root: Path, rel: str, sha256: str, config_hash: str) -> bool:
    """Tell whether an input's outputs exist and were made from these bytes and this config."""
    state = load_state(clean_root, rel)
    if state is None or state.sha256 != sha256 or state.config_hash != config_hash:
        return False
    return all((clean_root / out).exists() for out in state.outputs)
