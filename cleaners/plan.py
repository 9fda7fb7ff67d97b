"""Decide which inputs a run must clean, and split them into batches."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cleaners.config import Config
from cleaners.discover import check_input, discover_inputs
from cleaners.readers import hash_file
from cleaners.readers.files import relative_name
from cleaners.state import is_current


@dataclass(frozen=True)
class Plan:
    """The inputs a run found, and those of them it must clean."""

    found: int
    todo: list[Path]

    @property
    def current(self) -> int:
        """Return how many inputs are skipped because their outputs are current."""
        return self.found - len(self.todo)


def plan_run(raw_root: Path, clean_root: Path, config: Config, force: bool = False) -> Plan:
    """List inputs under raw_root and keep those whose outputs are missing or stale."""
    inputs = discover_inputs(raw_root)
    if force:
        return Plan(len(inputs), inputs)
    todo = []
    for path in inputs:
        if check_input(path, raw_root) is not None:
            todo.append(path)  # the reader turns it into a quarantine record
            continue
        try:
            sha = hash_file(path)
        except OSError:
            todo.append(path)  # the reader turns it into a quarantine record
            continue
        if not is_current(clean_root, relative_name(path, raw_root), sha, config.hash()):
            todo.append(path)
    return Plan(len(inputs), todo)


def split_batches(paths: list[Path], batch_size: int) -> list[list[Path]]:
    """Split inputs into batches of at most batch_size, keeping their order."""
    size = max(1, batch_size)
    return [paths[i : i + size] for i in range(0, len(paths), size)]
